export { expectedOpenStuntingCases, expectedStunting, type ExpectedRow } from './expected';
export { generateKabupaten, type Kabupaten, type SimChild, type SimulationOptions, type SimVisit } from './kabupaten';
export { pushKabupaten, type PushReport } from './push';
export { Random } from './random';
export { runGenerateCommand } from './cli/generate-command';
export { runDemoSponsorCommand } from './cli/demo-sponsor-command';
export { runFaultsCommand } from './cli/faults-command';
export {
  EPPGBM_EXPORT_HEADERS,
  EPPGBM_MISSPELT_HEADERS,
  generateEppgbmExport,
  type EppgbmDateForm,
  type EppgbmExport,
  type EppgbmExportOptions,
  type EppgbmExportVariations,
  type GeneratedChild,
  type GeneratedWeighing,
} from './e-ppgbm-export';
export { writeEppgbmCsv, writeEppgbmXlsx } from './e-ppgbm-export-files';
export { exportAsBatches, type ExportAsBatches } from './e-ppgbm-as-batches';
