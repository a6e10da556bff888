import type { GrowthStandards, Sex } from '@registry/anthropometry';
import type { Regions } from '@registry/regions';
import {
  ageText,
  EPPGBM_EXPORT_HEADERS,
  EPPGBM_MISSPELT_HEADERS,
  type EppgbmDateForm,
  formatDate,
  heightForAgeStatus,
  nikOf,
  nutritionStatus,
  vitaminADoses,
  weightForAgeStatus,
} from './e-ppgbm-columns';
import { valueForZ } from './growth';
import { addressLine, perVillagePosyandu, ranksByName } from './e-ppgbm-places';
import { plainName } from './names';
import { Random } from './random';

export { EPPGBM_EXPORT_HEADERS, EPPGBM_MISSPELT_HEADERS, type EppgbmDateForm } from './e-ppgbm-columns';

export interface EppgbmExportVariations {
  /** Numbers written with a decimal comma (7,7), as ';'-separated exports do; else a dot. */
  readonly decimalComma?: boolean;
  /** The date forms rows are written in, one drawn per row; dd-mm-yyyy when not given. */
  readonly dateForms?: readonly EppgbmDateForm[];
  readonly misspeltHeaders?: boolean;
  /** The share of children (0–1) without a NIK; 0 when not given. */
  readonly withoutNik?: number;
}

export interface EppgbmExportOptions {
  readonly regions: Regions;
  /** The WHO tables growth is drawn from and the export's own z-scores are computed with. */
  readonly standards: GrowthStandards;
  readonly regencyCode: string;
  readonly children: number;
  /** Monthly weighings of every child: every child has exactly this many rows. At most 56. */
  readonly weighingsPerChild: number;
  readonly seed: number;
  /** The first weighing month's first posyandu day (YYYY-MM-DD); 2025-01-06 when not given. */
  readonly firstWeighing?: string;
  readonly variations?: EppgbmExportVariations;
}

export interface GeneratedWeighing {
  /** Index of the weighing's row in `rows` (the spreadsheet shows it as row rowIndex + 2, under the header). */
  readonly rowIndex: number;
  readonly measuredOn: string;
  /** Completed days of age on that day. */
  readonly ageDays: number;
  /** As written in the row (one decimal). */
  readonly weightKg: number;
  readonly heightCm: number;
  /** Terlentang (lying) under 731 days, Berdiri (standing) from then on. */
  readonly position: 'lying' | 'standing';
  readonly muacCm: number | null;
}

/** One child of the export with the facts its rows were written from, so tests can compute what an import does. */
export interface GeneratedChild {
  readonly key: string;
  readonly nik: string | null;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly motherName: string;
  /** Kemendagri codes of the kecamatan and desa whose names the rows give. */
  readonly districtCode: string;
  readonly villageCode: string;
  readonly puskesmas: string;
  readonly posyandu: string;
  /** Indexes of the child's rows in `rows`, in date order (spread over the file among other children's). */
  readonly rowIndexes: readonly number[];
  readonly weighings: readonly GeneratedWeighing[];
}

export interface EppgbmExport {
  readonly headers: string[];
  /** Data rows (without the header), ordered as an export is: by kecamatan and desa, then by date. */
  readonly rows: string[][];
  readonly children: GeneratedChild[];
}

const MAX_AGE_DAYS = 1826;
const DAY_MS = 86_400_000;

interface PendingRow {
  readonly cells: string[];
  /** Rows are sorted by desa (its rank among the regency's desa by kecamatan and desa name), day, then child. */
  readonly villageRank: number;
  readonly day: number;
  readonly child: number;
  readonly weighing: { rowIndex: number } & Omit<GeneratedWeighing, 'rowIndex'>;
}

/**
 * A realistic e-PPGBM export of one kabupaten, deterministic per seed: children under five in real desa of the
 * regency (names, not codes), each weighed monthly at its posyandu with growth that keeps it near its own
 * height-for-age and weight-for-height, NIKs that agree with birth date and sex, and the export's own z-scores and
 * statuses computed from the written values.
 */
export function generateEppgbmExport(options: EppgbmExportOptions): EppgbmExport {
  const { regions, standards, weighingsPerChild } = options;
  const variations = options.variations ?? {};
  const firstWeighing = options.firstWeighing ?? '2025-01-06';
  // The last weighing (at most ~31 days a month and 20 days of posyandu offset later) must still be under five.
  const oldestAtFirst = MAX_AGE_DAYS - 31 * weighingsPerChild - 21;
  if (!Number.isInteger(weighingsPerChild) || weighingsPerChild < 1 || oldestAtFirst < 60) {
    throw new RangeError(`weighingsPerChild is ${weighingsPerChild}; use 1–56 so every child stays under five`);
  }
  const regency = regions.find(options.regencyCode);
  const province = regions.ancestor(options.regencyCode, 'province');
  const villages = regions
    .childrenOf(options.regencyCode)
    .filter((district) => district.level === 'district')
    .flatMap((district) => regions.childrenOf(district.code));
  if (!regency || !province || villages.length === 0) {
    throw new Error(`regency ${options.regencyCode} has no desa in the region reference`);
  }
  const random = new Random(options.seed);
  const dateForms = variations.dateForms?.length ? variations.dateForms : (['dd-mm-yyyy'] as const);
  const number = (value: number, decimals: number): string => {
    const text = value.toFixed(decimals);
    return variations.decimalComma ? text.replace('.', ',') : text;
  };
  const posyanduOf = perVillagePosyandu(random);
  const villageRank = ranksByName(regions, villages);
  // Weighing days depend only on the month and the posyandu's day: computed once, not per row.
  const weighingDays = Array.from({ length: 21 }, (_, offset) =>
    Array.from({ length: weighingsPerChild }, (_, w) => {
      const date = addDays(addMonths(firstWeighing, w), offset);
      return { date, day: dayNumber(date) };
    }),
  );
  const nikSerials = new Map<string, number>();
  const takenIdentities = new Set<string>();
  const children: Array<Omit<GeneratedChild, 'rowIndexes' | 'weighings'> & { weighings: PendingRow['weighing'][] }> =
    [];
  const pending: PendingRow[] = [];

  for (let i = 0; i < options.children; i += 1) {
    const sex: Sex = random.chance(0.515) ? 'male' : 'female';
    const village = random.pick(villages);
    const district = regions.find(village.parentCode!)!;
    const posyandu = random.pick(posyanduOf(village));
    const birthDate = addDays(firstWeighing, -random.integer(30, oldestAtFirst));
    const birthDay = dayNumber(birthDate);
    // Children without a NIK are told apart by name, birth date, sex and desa: no two may share all four.
    let name = plainName(random);
    while (takenIdentities.has(`${name}|${birthDate}|${sex}|${village.code}`)) name = plainName(random);
    takenIdentities.add(`${name}|${birthDate}|${sex}|${village.code}`);
    const nik = random.chance(variations.withoutNik ?? 0)
      ? null
      : nikOf(district.code, birthDate, sex, nikSerials, random);
    const child = {
      key: `c${i}`,
      nik,
      name,
      sex,
      birthDate,
      motherName: plainName(random),
      districtCode: district.code,
      villageCode: village.code,
      puskesmas: `Puskesmas ${district.name}`,
      posyandu: posyandu.name,
      weighings: [] as PendingRow['weighing'][],
    };
    children.push(child);
    const fixed = [
      nik ?? '',
      name,
      sex === 'male' ? 'L' : 'P',
      '', // birth date: written per row, in that row's date form
      number(clamp(random.normal(3.1, 0.45), 1.8, 4.5), 1),
      number(clamp(random.normal(49, 2), 44, 54), 1),
      child.motherName,
      province.name,
      regency.name,
      district.name,
      child.puskesmas,
      village.name,
      posyandu.name,
      String(random.integer(1, 12)).padStart(3, '0'),
      String(random.integer(1, 6)).padStart(3, '0'),
      addressLine(random),
    ];
    const hasKia = random.chance(0.85) ? 'Ya' : 'Tidak';
    // Growth keeps each child near its own level: height-for-age with small reading noise, weight-for-height that
    // mostly climbs a little and sometimes drops (an illness), pulled back to the child's level.
    const latentHaz = clamp(random.normal(-1.1, 1), -3.8, 1.8);
    const latentWhz = clamp(random.normal(-0.2, 0.9), -3.5, 2.5);
    let deviation = 0;
    let previous: PendingRow['weighing'] | undefined;
    for (let w = 0; w < weighingsPerChild; w += 1) {
      const { date: measuredOn, day } = weighingDays[posyandu.dayOffset][w];
      const ageDays = day - birthDay;
      const position = ageDays < 731 ? 'lying' : 'standing';
      const haz = clamp(latentHaz + random.normal(0, 0.08), -4, 1.9);
      let heightCm = round1(valueForZ(standards, 'heightForAge', sex, ageDays, haz, 40, 130));
      // A child does not shrink between two readings of the same kind (standing reads ~0.7 cm below lying).
      if (previous?.position === position && heightCm < previous.heightCm) heightCm = previous.heightCm;
      deviation = 0.9 * deviation + (random.chance(0.8) ? 0.1 : -0.4);
      const whz = clamp(latentWhz + deviation, -4, 3);
      const forHeight = position === 'lying' ? 'weightForLength' : 'weightForHeight';
      const weightKg = round1(valueForZ(standards, forHeight, sex, heightCm, whz, 1, 40));
      const muacCm =
        ageDays >= 183 ? round1(clamp(14 + 0.8 * whz + ageDays / 1500 + random.normal(0, 0.3), 9, 20)) : null;
      const zWeightForAge = standards.zScore('weightForAge', sex, ageDays, weightKg);
      const zHeightForAge = standards.zScore('heightForAge', sex, ageDays, heightCm);
      const zWeightForHeight = standards.zScore(forHeight, sex, heightCm, weightKg);
      const underfed = (zWeightForHeight ?? 0) < -2 || (zWeightForAge ?? 0) < -2;
      const months = Math.floor(ageDays / 30.4375);
      const dateForm = random.pick(dateForms);
      const cells = [...fixed];
      cells[3] = formatDate(birthDate, dateForm);
      cells.push(
        ageText(birthDate, measuredOn),
        formatDate(measuredOn, dateForm),
        number(weightKg, 1),
        number(heightCm, 1),
        position === 'lying' ? 'Terlentang' : 'Berdiri',
        muacCm === null ? '' : number(muacCm, 1),
        zWeightForAge === null ? '' : weightForAgeStatus(zWeightForAge),
        zWeightForAge === null ? '' : number(zWeightForAge, 2),
        zHeightForAge === null ? '' : heightForAgeStatus(zHeightForAge),
        zHeightForAge === null ? '' : number(zHeightForAge, 2),
        zWeightForHeight === null ? '' : nutritionStatus(zWeightForHeight),
        zWeightForHeight === null ? '' : number(zWeightForHeight, 2),
        previous === undefined ? 'B' : weightKg > previous.weightKg ? 'N' : 'T',
        underfed && random.chance(0.7) ? number(random.pick([0.5, 1, 1.5, 3]), 1) : '0',
        String(vitaminADoses(birthDate, measuredOn)),
        months % 3 === 0 && months > 0 ? (random.chance(0.9) ? 'Sesuai' : 'Meragukan') : '',
        hasKia,
        '',
      );
      const weighing: PendingRow['weighing'] = {
        rowIndex: -1,
        measuredOn,
        ageDays,
        weightKg,
        heightCm,
        position,
        muacCm,
      };
      child.weighings.push(weighing);
      previous = weighing;
      pending.push({
        cells,
        villageRank: villageRank.get(village.code)!,
        day,
        child: i,
        weighing,
      });
    }
  }

  pending.sort((a, b) => a.villageRank - b.villageRank || a.day - b.day || a.child - b.child);
  pending.forEach((row, index) => (row.weighing.rowIndex = index));
  const headers = EPPGBM_EXPORT_HEADERS.map((header) =>
    variations.misspeltHeaders ? (EPPGBM_MISSPELT_HEADERS[header] ?? header) : header,
  );
  return {
    headers,
    rows: pending.map((row) => row.cells),
    children: children.map((child) => ({ ...child, rowIndexes: child.weighings.map((w) => w.rowIndex) })),
  };
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** The same day `months` later, or the month's last day when it has no such day. */
function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));
const round1 = (value: number): number => Math.round(value * 10) / 10;
