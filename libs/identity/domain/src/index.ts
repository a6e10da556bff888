export * from './child';
export * from './child-decider';
export * from './nik';
export * from './duplicates';
export * from './api-key';
export * from './e-ppgbm';
export * from './fhir';
