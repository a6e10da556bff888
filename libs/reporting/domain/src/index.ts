export * from './indicators';
export * from './prevalence-counts';
export * from './prevalence-build';
export * from './cell-codes';
export * from './priority-reasons';
export { changesChild } from '@registry/known-child';
export * from './posyandu';
export * from './skdn';
export * from './incidence';
