export { changesChild, evolveKnownChild, type IdentityEvent, type KnownChild } from '@registry/known-child';
export * from './measurement';
export * from './weight-gain';
export * from './measurement-scales';
export * from './unknown-child';
