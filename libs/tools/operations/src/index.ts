export { runRebuildCommand } from './rebuild.command';
