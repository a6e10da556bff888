import { Regions, RegionsLoadError } from '@registry/regions';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findRepositoryRoot } from './repository-root';

const REGIONS_DIRECTORY_ENV = 'REGIONS_DIR';

/** REGIONS_DIR, else ../shared/regions beside the repository root (or the working directory when none is found). */
export const defaultRegionsDir = (): string =>
  process.env[REGIONS_DIRECTORY_ENV] ??
  path.resolve(findRepositoryRoot(__dirname) ?? process.cwd(), '../shared/regions');

/** Reads the Kemendagri reference files from `directory`, else from defaultRegionsDir(). Throws RegionsLoadError. */
export function loadRegions(directory: string = defaultRegionsDir()): Regions {
  return Regions.fromFiles({
    directory,
    read: (file) => {
      const full = path.join(directory, file);
      if (!existsSync(full)) {
        throw new RegionsLoadError(
          `Region reference file ${file} is missing in ${directory}. Set ${REGIONS_DIRECTORY_ENV} to the folder holding ` +
            `provinces.csv, regencies.csv, districts.csv and villages.csv (Kemendagri codes, see its README).`,
        );
      }
      return readFileSync(full, 'utf8');
    },
  });
}
