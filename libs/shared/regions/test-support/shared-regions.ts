// The shared Kemendagri reference for this library's own specs, read through Regions.fromFiles: the real loader,
// @registry/reference-data, depends on this library, so these specs cannot import it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Regions } from '../src/regions';

/** REGIONS_DIR, else ../shared/regions beside the repository root, as the loader finds it. */
const directory = process.env['REGIONS_DIR'] ?? path.resolve(__dirname, '../../../../../shared/regions');

export const sharedRegions = (): Regions =>
  Regions.fromFiles({ directory, read: (file) => readFileSync(path.join(directory, file), 'utf8') });
