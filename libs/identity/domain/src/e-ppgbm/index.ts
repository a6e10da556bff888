export type { EppgbmSheet, EppgbmSourceRow } from './source-row';
export { type EppgbmColumn, EPPGBM_HEADERS, eppgbmHeader } from './columns';
export {
  columnLetters,
  type HeaderMapping,
  mapHeaders,
  type RecognisedHeader,
  type RecognisedHeaders,
  type UnreadableHeaders,
} from './header-mapping';
export {
  type EppgbmRow,
  type ExportedOpinion,
  isBlankRow,
  type ParsedRow,
  type RowProblem,
  rowProblemText,
} from './eppgbm-row';
export { type EppgbmRowContext, parseEppgbmRow } from './parse-row';
export {
  type PlaceLocation,
  type PlaceCells,
  type PlaceColumn,
  type PlaceProblem,
  RegencyPlaces,
} from './regency-places';
export { type ChildAssignment, ChildGrouping } from './child-grouping';
export { compareWithExport, type RegistryClassification, type RegistryOpinion } from './export-comparison';
