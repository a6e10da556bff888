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

/** The four Kemendagri files as text, from wherever they are kept: a data-access library reads them from a folder. */
export interface RegionFiles {
  /** The folder the files come from, named in the errors. */
  readonly directory: string;
  /** The text of provinces.csv, regencies.csv, districts.csv or villages.csv; throws RegionsLoadError if missing. */
  read(file: string): string;
}

/**
 * Kemendagri administrative regions (provinsi, kabupaten/kota, kecamatan, desa/kelurahan), read at start from
 * the shared reference folder (REGIONS_DIR) and never copied into the repository.
 */
export class Regions {
  private constructor(
    private readonly byCode: ReadonlyMap<string, Region>,
    private readonly children: ReadonlyMap<string, readonly Region[]>,
  ) {}

  /** Parses the four files; @registry/reference-data's loadRegions reads them from the shared folder. */
  static fromFiles({ directory, read }: RegionFiles): Regions {
    const byCode = new Map<string, Region>();
    const children = new Map<string, Region[]>();
    for (const [level, file] of FILES) {
      const lines = read(file).split('\n');
      if (!lines[0]?.startsWith('code,'))
        throw new RegionsLoadError(`${path.join(directory, file)}: expected a header starting with "code,"`);
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
    if (byCode.size === 0) throw new RegionsLoadError(`No regions found in ${directory}`);
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
