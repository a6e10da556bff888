export * from './calendar';
export * from './fulfilment';
export { changesChild, evolveKnownChild, type IdentityEvent, type KnownChild } from '@registry/known-child';
export * from './rule-violation';
export * from './sponsor';
export * from './sponsorship';
export * from './sponsorship-decider';
