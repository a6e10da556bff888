export * from './indicators';
export * from './prevalence-counts';
