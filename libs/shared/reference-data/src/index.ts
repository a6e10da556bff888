export { loadGrowthStandards, STANDARDS_DIRECTORY_ENV } from './growth-standards-loader';
export { defaultRegionsDir, loadRegions } from './regions-loader';
