export * from './indicators';
export * from './prevalence-counts';
export * from './prevalence-build';
export { changesChild } from '@registry/known-child';
