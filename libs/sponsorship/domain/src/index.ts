export * from './calendar';
export * from './fulfilment';
export * from './known-child';
export * from './rule-violation';
export * from './sponsor';
export * from './sponsorship';
export * from './sponsorship-decider';
