export * from './indicators';
