export { expectedOpenStuntingCases, expectedStunting, type ExpectedRow } from './expected';
export { generateKabupaten, type Kabupaten, type SimChild, type SimulationOptions, type SimVisit } from './kabupaten';
export { pushKabupaten, type PushReport } from './push';
export { Random } from './random';
export { runGenerateCommand } from './cli/generate-command';
export { runDemoSponsorCommand } from './cli/demo-sponsor-command';
export { runFaultsCommand } from './cli/faults-command';
