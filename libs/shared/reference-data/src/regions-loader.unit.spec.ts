import { RegionsLoadError } from '@registry/regions';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadRegions } from './regions-loader';

describe('loadRegions', () => {
  it('names the missing file and the variable to set when the reference is absent', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'regions-'));
    expect(() => loadRegions(empty)).toThrow(RegionsLoadError);
    expect(() => loadRegions(empty)).toThrow(/provinces\.csv is missing .* Set REGIONS_DIR/);
  });
});
