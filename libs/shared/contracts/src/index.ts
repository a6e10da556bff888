export * from './envelope';
export * from './topics';
export * from './uuid-v7';
