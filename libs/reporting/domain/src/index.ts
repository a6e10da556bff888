export * from './indicators';
export * from './prevalence-counts';
export { changesChild } from '@registry/known-child';
