// The shared WHO tables for this library's own specs, read through GrowthStandards.fromFiles: the real loader,
// @registry/reference-data, depends on this library, so these specs cannot import it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GrowthStandardsLoadError } from '../src/errors';
import { GrowthStandards } from '../src/growth-standards';
import type { GrowthTables } from '../src/lms-table';
import { type GrowthStandardsFiles, parseGrowthTables } from '../src/table-parser';

/** WHO_GROWTH_STANDARDS_DIR, else ../shared/who-growth-standards beside the repository root, as the loader finds it. */
export const standardsDirectory = path.resolve(
  process.env['WHO_GROWTH_STANDARDS_DIR'] || path.join(__dirname, '../../../../../shared/who-growth-standards'),
);

const files: GrowthStandardsFiles = {
  directory: standardsDirectory,
  read: (file) => readFileSync(path.join(standardsDirectory, file), 'utf8'),
  loadError: (file, problem) => new GrowthStandardsLoadError(`${file} ${problem}`, standardsDirectory, file),
};

export const sharedGrowthStandards = (): GrowthStandards => GrowthStandards.fromFiles(files);

/** The parsed tables themselves, for specs that check a z-score against a table row. */
export const sharedGrowthTables = (): GrowthTables => parseGrowthTables(files);
