export * from './known-child';
