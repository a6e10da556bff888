import type { Region, Regions } from '@registry/regions';
import { words } from './text';

export type PlaceColumn = 'province' | 'regency' | 'district' | 'village';

/** The place cells of one row, trimmed; '' where the file has no such column or the cell is empty. */
export type PlaceCells = { readonly [Column in PlaceColumn]: string };

export interface PlaceProblem {
  readonly column: PlaceColumn;
  readonly message: string;
}

export interface PlaceLocation {
  /** The desa/kelurahan, or null when it could not be told (then there is a problem). */
  readonly villageCode: string | null;
  readonly problems: readonly PlaceProblem[];
}

/** The words a name may start with that say what kind of place it is, not which one. */
const KIND_WORDS: { readonly [Column in PlaceColumn]: ReadonlySet<string> } = {
  province: new Set(['prov', 'provinsi']),
  regency: new Set(['kab', 'kabupaten', 'kota', 'kotamadya', 'administrasi']),
  district: new Set(['kec', 'kecamatan']),
  village: new Set(['desa', 'ds', 'kel', 'kelurahan']),
};

/** 'DKI Jakarta' and 'DI Yogyakarta' are how most people write the two long province names. */
const PROVINCE_SHORT_FORMS = new Map([
  ['dki', ['daerah', 'khusus', 'ibukota']],
  ['di', ['daerah', 'istimewa']],
  ['diy', ['daerah', 'istimewa', 'yogyakarta']],
]);

/** A place name as compared: its kind words dropped, then case, spacing and punctuation ignored. */
export function placeKey(column: PlaceColumn, name: string): string {
  const parts = words(name);
  while (parts.length > 1 && KIND_WORDS[column].has(parts[0])) parts.shift();
  if (column === 'province' && PROVINCE_SHORT_FORMS.has(parts[0]))
    parts.splice(0, 1, ...PROVINCE_SHORT_FORMS.get(parts[0])!);
  return parts.join('');
}

/** 'kabupaten' or 'kota' when the name says which (Kabupaten Tangerang and Kota Tangerang are two regencies). */
function regencyKind(name: string): 'kabupaten' | 'kota' | null {
  const first = words(name)[0];
  if (first === 'kab' || first === 'kabupaten') return 'kabupaten';
  if (first === 'kota' || first === 'kotamadya') return 'kota';
  return null;
}

function indexByKey(column: PlaceColumn, regions: readonly Region[]): Map<string, Region[]> {
  const index = new Map<string, Region[]>();
  for (const region of regions) {
    const key = placeKey(column, region.name);
    const same = index.get(key);
    if (same) same.push(region);
    else index.set(key, [region]);
  }
  return index;
}

/** The one candidate, or among several whose keys agree the one written exactly so ('Mekar Sari', 'Mekarsari'). */
function pick(candidates: readonly Region[], name: string): Region | null {
  if (candidates.length === 1) return candidates[0];
  const written = words(name).join(' ');
  const exact = candidates.filter((region) => words(region.name).join(' ') === written);
  return exact.length === 1 ? exact[0] : null;
}

const placesByRegions = new WeakMap<Regions, Map<string, RegencyPlaces>>();
const regenciesByRegions = new WeakMap<Regions, Map<string, Region[]>>();

/**
 * The kecamatan and desa/kelurahan of one kabupaten/kota indexed by name, so that an import matches the names of
 * each row against the regency it belongs to without walking the regions again. Built once per regency.
 */
export class RegencyPlaces {
  private readonly districts: Map<string, Region[]>;
  private readonly villages: Map<string, Region[]>;
  private readonly regencyKey: string;
  private readonly regencyKind: 'kabupaten' | 'kota' | null;
  private readonly provinceKey: string;

  private constructor(
    readonly regions: Regions,
    readonly regency: Region,
    readonly province: Region,
  ) {
    const districts = regions.childrenOf(regency.code);
    this.districts = indexByKey('district', districts);
    this.villages = indexByKey(
      'village',
      districts.flatMap((district) => regions.childrenOf(district.code)),
    );
    this.regencyKey = placeKey('regency', regency.name);
    this.regencyKind = regencyKind(regency.name);
    this.provinceKey = placeKey('province', province.name);
  }

  /** The places of `regencyCode` (e.g. '36.03'); the same object for the same regions and code. */
  static of(regions: Regions, regencyCode: string): RegencyPlaces {
    let byCode = placesByRegions.get(regions);
    if (!byCode) placesByRegions.set(regions, (byCode = new Map()));
    const known = byCode.get(regencyCode);
    if (known) return known;
    const regency = regions.find(regencyCode);
    const province = regions.ancestor(regencyCode, 'province');
    if (regency?.level !== 'regency' || !province) {
      throw new Error(`${regencyCode} is not a Kemendagri kabupaten/kota code (like 36.03)`);
    }
    const places = new RegencyPlaces(regions, regency, province);
    byCode.set(regencyCode, places);
    return places;
  }

  /**
   * The desa/kelurahan a row's place names point to within this regency, with a problem for each name that
   * points elsewhere, nowhere or to several places. `header` names a column as the file writes it.
   */
  locate(cells: PlaceCells, header: (column: PlaceColumn) => string): PlaceLocation {
    const elsewhere = this.provinceProblem(cells.province) ?? this.regencyProblem(cells.regency);
    // Its kecamatan and desa are another regency's: matching them here would only add noise.
    if (elsewhere) return { villageCode: null, problems: [elsewhere] };
    const problems: PlaceProblem[] = [];

    let district: Region | null = null;
    if (cells.district !== '') {
      district = pick(this.districts.get(placeKey('district', cells.district)) ?? [], cells.district);
      if (!district)
        problems.push({
          column: 'district',
          message: `no kecamatan named '${cells.district}' in ${this.regency.name}; use the name as Kemendagri writes it`,
        });
    }

    if (cells.village === '') {
      problems.push({ column: 'village', message: 'is empty; the address needs its desa/kelurahan' });
      return { villageCode: null, problems };
    }
    const inRegency = this.villages.get(placeKey('village', cells.village)) ?? [];
    const candidates = district ? inRegency.filter((village) => village.parentCode === district.code) : inRegency;
    const village = pick(candidates, cells.village);
    if (village) return { villageCode: village.code, problems };
    problems.push({ column: 'village', message: this.villageMessage(cells.village, district, inRegency, header) });
    return { villageCode: null, problems };
  }

  private villageMessage(
    name: string,
    district: Region | null,
    inRegency: readonly Region[],
    header: (column: PlaceColumn) => string,
  ): string {
    const where = district ? `kecamatan ${district.name} of ${this.regency.name}` : this.regency.name;
    const inDistrict = district ? inRegency.filter((village) => village.parentCode === district.code) : inRegency;
    if (inDistrict.length > 1) {
      const listed = inDistrict.map(
        (village) => `${village.name} in kecamatan ${this.districtName(village)} (${village.code})`,
      );
      return (
        `'${name}' names ${inDistrict.length} desa/kelurahan in ${where}: ${listed.join(', ')}; ` +
        (district ? 'write the name exactly as Kemendagri does' : `fill in '${header('district')}' to choose`)
      );
    }
    const hint =
      inRegency.length > 0
        ? ` (there is one in kecamatan ${inRegency.map((village) => this.districtName(village)).join(', ')}: check '${header('district')}')`
        : '';
    return `no desa/kelurahan named '${name}' in ${where}${hint}; use the name as Kemendagri writes it`;
  }

  private districtName(village: Region): string {
    return this.regions.find(village.parentCode!)?.name ?? village.parentCode!;
  }

  /** Only a name that is another province speaks: the province column is redundant and often abbreviated. */
  private provinceProblem(name: string): PlaceProblem | null {
    if (name === '') return null;
    const key = placeKey('province', name);
    if (key === this.provinceKey) return null;
    const other = this.provinceNamed(key);
    if (!other) return null;
    return {
      column: 'province',
      message: `this row belongs to ${other.name}, not to ${this.province.name} (${this.regency.name}): import it in its own regency`,
    };
  }

  private provinceNamed(key: string): Region | undefined {
    for (let code = 11; code <= 99; code++) {
      const province = this.regions.find(String(code));
      if (province && placeKey('province', province.name) === key) return province;
    }
    return undefined;
  }

  private regencyProblem(name: string): PlaceProblem | null {
    if (name === '') return null;
    const key = placeKey('regency', name);
    const kind = regencyKind(name);
    if (key === this.regencyKey && (kind === null || kind === this.regencyKind)) return null;
    const others = (this.allRegencies().get(key) ?? []).filter(
      (regency) => regency.code !== this.regency.code && (kind === null || regencyKind(regency.name) === kind),
    );
    const message =
      others.length > 0
        ? `this row belongs to ${others.map((regency) => regency.name).join(' or ')}, not to ${this.regency.name}: import it in that regency`
        : `'${name}' is not ${this.regency.name} nor another kabupaten/kota Kemendagri names; correct it or leave it empty`;
    return { column: 'regency', message };
  }

  /** Every kabupaten/kota by name, for naming the regency a stray row belongs to; built once, when first needed. */
  private allRegencies(): Map<string, Region[]> {
    let index = regenciesByRegions.get(this.regions);
    if (!index) {
      const regencies: Region[] = [];
      // Kemendagri province codes are two digits from 11.
      for (let code = 11; code <= 99; code++) regencies.push(...this.regions.childrenOf(String(code)));
      index = indexByKey('regency', regencies);
      regenciesByRegions.set(this.regions, index);
    }
    return index;
  }
}
