export * from './envelope';
export * from './topics';
export * from './uuid-v7';
export * from './schema';
export * from './access-events';
export * from './child-events';
export * from './measurement-events';
export * from './event-registry';
