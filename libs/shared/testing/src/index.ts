// Helpers for int and e2e tests only (eslint keeps them out of production code).
export { scratchDatabase, type ScratchDatabase } from './scratch-database';
