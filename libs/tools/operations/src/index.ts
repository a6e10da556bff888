export { rebuildPlanOf, runRebuildCommand, type RebuildSource, type RebuildStep } from './rebuild.command';
