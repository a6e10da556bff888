export * from './calendar';
export * from './case';
export * from './case-file';
export * from './catalog';
export * from './child-facts';
export * from './intervention';
export * from './measurement-findings';
export * from './package';
export { changesChild } from '@registry/known-child';
