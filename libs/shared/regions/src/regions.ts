import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

export interface Region {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  /** Kemendagri codes nest: the parent is the code without its last dotted segment. */
  readonly parentCode: string | null;
}

export class RegionsLoadError extends Error {
  override readonly name = 'RegionsLoadError';
}

const FILES: ReadonlyArray<readonly [RegionLevel, string]> = [
  ['province', 'provinces.csv'],
  ['regency', 'regencies.csv'],
  ['district', 'districts.csv'],
  ['village', 'villages.csv'],
];

const LEVEL_BY_SEGMENTS: Record<number, RegionLevel> = { 1: 'province', 2: 'regency', 3: 'district', 4: 'village' };

/** Walks up from this file to the repository root (the folder holding nx.json). */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export const defaultRegionsDir = (): string =>
  process.env['REGIONS_DIR'] ?? path.resolve(repositoryRoot(), '../shared/regions');

/**
 * Kemendagri administrative regions (provinsi, kabupaten/kota, kecamatan, desa/kelurahan), read at start from
 * the shared reference folder (REGIONS_DIR) and never copied into the repository.
 */
export class Regions {
  private constructor(
    private readonly byCode: ReadonlyMap<string, Region>,
    private readonly children: ReadonlyMap<string, readonly Region[]>,
  ) {}

  static load(dir: string = defaultRegionsDir()): Regions {
    const byCode = new Map<string, Region>();
    const children = new Map<string, Region[]>();
    for (const [level, file] of FILES) {
      const full = path.join(dir, file);
      if (!existsSync(full)) {
        throw new RegionsLoadError(
          `Region reference file ${file} is missing in ${dir}. Set REGIONS_DIR to the folder holding ` +
            `provinces.csv, regencies.csv, districts.csv and villages.csv (Kemendagri codes, see its README).`,
        );
      }
      const lines = readFileSync(full, 'utf8').split('\n');
      if (!lines[0]?.startsWith('code,'))
        throw new RegionsLoadError(`${full}: expected a header starting with "code,"`);
      for (const line of lines.slice(1)) {
        if (!line) continue;
        const first = line.indexOf(',');
        const last = line.lastIndexOf(',');
        const code = line.slice(0, first);
        const name = line.slice(last + 1);
        const parentCode = level === 'province' ? null : code.slice(0, code.lastIndexOf('.'));
        const region: Region = { code, name, level, parentCode };
        byCode.set(code, region);
        if (parentCode) {
          const siblings = children.get(parentCode);
          if (siblings) siblings.push(region);
          else children.set(parentCode, [region]);
        }
      }
    }
    if (byCode.size === 0) throw new RegionsLoadError(`No regions found in ${dir}`);
    return new Regions(byCode, children);
  }

  find(code: string): Region | undefined {
    return this.byCode.get(code);
  }

  /** The region of the given level that contains `code` (itself if it is of that level). */
  ancestor(code: string, level: RegionLevel): Region | undefined {
    const segments = { province: 1, regency: 2, district: 3, village: 4 }[level];
    const parts = code.split('.');
    if (parts.length < segments) return undefined;
    return this.byCode.get(parts.slice(0, segments).join('.'));
  }

  childrenOf(code: string): readonly Region[] {
    return this.children.get(code) ?? [];
  }

  isVillage(code: string): boolean {
    return this.byCode.get(code)?.level === 'village';
  }

  get size(): number {
    return this.byCode.size;
  }
}

export const levelOfCode = (code: string): RegionLevel | undefined => LEVEL_BY_SEGMENTS[code.split('.').length];

/** A NIK starts with PPKKCC: the province, kabupaten and kecamatan where it was issued. */
export const districtCodeOfNik = (nik: string): string => `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
