export * from './known-child';
export * from './measurement';
