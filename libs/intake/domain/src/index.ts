export { changesChild, evolveKnownChild, type IdentityEvent, type KnownChild } from '@registry/known-child';
export * from './measurement';
export * from './measurement-scales';
