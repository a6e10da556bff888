export * from './vocabulary';
export * from './outcome';
export { type BundleEntryReading, type BundleReading, type MeasurementGroup, readBundle } from './read-bundle';
export type { ObservationReading, SubjectReference } from './read-observation';
export { type PatientReading, registrationOf } from './read-patient';
export {
  type ChildFacts,
  measuredParts,
  observationResources,
  type ObservationSearch,
  patientResource,
  searchObservations,
  searchsetBundle,
} from './write-resources';
export { capabilityStatement } from './capability-statement';
export { REGISTRY_CODE_SYSTEMS, registryCodeSystem } from './code-systems';
