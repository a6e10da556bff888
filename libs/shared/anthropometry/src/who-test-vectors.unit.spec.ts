// Published WHO (igrowup, anthro) and third-party z-scores, read in place from the shared test-vectors folder
// (never copied into the repository). Each row goes through the same code as GrowthStandards.assess.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedGrowthStandards, sharedGrowthTables, standardsDirectory } from '../test-support/shared-tables';
import { ageInDaysFromMonths } from './age';
import { computeZScores, type ZScores } from './assessment';
import type { Position, Sex } from './measurement-input';
import { roundZScore } from './z-score';

const tables = sharedGrowthTables();
const standards = sharedGrowthStandards();
const vectorsDirectory = path.join(standardsDirectory, 'test-vectors');

/** WHO software output rounded to 2 decimals: the rounded z must equal it exactly. */
const ROUNDED_WHO_OUTPUT = 0.0051;

type Row = Readonly<Record<string, string>>;

/** RFC 4180 CSV: the `source` column quotes text that contains commas and doubled quotes. */
function readCsv(file: string): Row[] {
  const [header, ...lines] = readFileSync(path.join(vectorsDirectory, file), 'utf8').trimEnd().split('\n');
  const names = header.split(',');
  return lines.map((line) => {
    const cells: string[] = [];
    for (const match of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)) {
      cells.push(match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2]);
    }
    if (cells.length !== names.length) throw new Error(`${file}: cannot split "${line}"`);
    return Object.fromEntries(names.map((name, i) => [name, cells[i]]));
  });
}

const SEX: Record<string, Sex> = { M: 'male', F: 'female' };
const POSITION: Record<string, Position | null> = { l: 'lying', h: 'standing', '': null };
const Z_OF_INDICATOR: Record<string, keyof ZScores> = {
  lhfa: 'heightForAge',
  wfa: 'weightForAge',
  wfl: 'weightForHeight',
  wfh: 'weightForHeight',
  bfa: 'bmiForAge',
};
const optional = (cell: string) => (cell === '' ? null : Number(cell));

/** A cases.csv row: raw length/height and weight, through the visit rules (0.7 cm, < 9 months, table by age). */
function zScoreOfCase(row: Row): number | null {
  const sex = SEX[row.sex];
  if (row.age_days === '') {
    // Without age the row names its table and gives the value to look up as is.
    const indicator = row.indicator === 'wfl' ? 'weightForLength' : 'weightForHeight';
    return standards.zScore(indicator, sex, Number(row.length_or_height_cm), Number(row.weight_kg));
  }
  const ageDays = Number(row.age_days);
  const computed = computeZScores(tables, {
    sex,
    ageDays,
    weightKg: optional(row.weight_kg),
    heightCm: optional(row.length_or_height_cm),
    position: POSITION[row.measured],
    headCircumferenceCm: null,
    oedema: false,
  });
  return computed.zScores[Z_OF_INDICATOR[row.indicator]];
}

/** A cases_measurement row: head circumference or a BMI given directly. */
function zScoreOfMeasurement(row: Row): number | null {
  const indicator = row.indicator === 'hcfa' ? 'headCircumferenceForAge' : 'bmiForAge';
  return standards.zScore(indicator, SEX[row.sex], Number(row.age_days), Number(row.measurement));
}

/** Rows whose computed z misses the expectation, described for the failure message. */
function mismatches(rows: Row[], compute: (row: Row) => number | null): string[] {
  return rows.flatMap((row) => {
    const z = compute(row);
    const tolerance = Number(row.tolerance);
    const ok =
      row.expected_z === 'NA'
        ? z === null
        : z !== null &&
          Math.abs(z - Number(row.expected_z)) <= tolerance &&
          (tolerance !== ROUNDED_WHO_OUTPUT || roundZScore(z) === Number(row.expected_z));
    return ok ? [] : [`${JSON.stringify(row)} computed ${z}`];
  });
}

const isWhoIgrowup = (row: Row) => row.source.startsWith('who-igrowup-survey');

const VECTOR_FILES = [
  { file: 'cases.csv', rows: 3545, compute: zScoreOfCase },
  { file: 'cases_age_1827_1856.csv', rows: 60, compute: zScoreOfCase },
  { file: 'cases_measurement.csv', rows: 555, compute: zScoreOfMeasurement },
  { file: 'cases_measurement_age_1827_1856.csv', rows: 24, compute: zScoreOfMeasurement },
].map((vectors) => ({ ...vectors, content: readCsv(vectors.file) }));

describe('WHO test vectors', () => {
  it.each(VECTOR_FILES)(
    'Given all $rows rows of $file, when computed, then each is within its tolerance',
    (vectors) => {
      expect(vectors.content).toHaveLength(vectors.rows);
      expect(mismatches(vectors.content, vectors.compute)).toEqual([]);
    },
  );

  it('Given the 1,994 WHO igrowup survey outputs, when rounded to 2 decimals, then each equals the published z', () => {
    const igrowup = VECTOR_FILES.flatMap(({ content, compute }) =>
      content.filter(isWhoIgrowup).map((row) => ({ row, z: compute(row) })),
    );
    expect(igrowup).toHaveLength(1994);
    const differing = igrowup.filter(({ row, z }) =>
      row.expected_z === 'NA' ? z !== null : z === null || roundZScore(z) !== Number(row.expected_z),
    );
    expect(differing).toEqual([]);
  });

  it('Given the wfl/wfh rows with an age, when the table is chosen by age, then it is the table the row names', () => {
    const chosenByAge = readCsv('cases.csv')
      .filter((row) => (row.indicator === 'wfl' || row.indicator === 'wfh') && row.age_days !== '')
      .map((row) => ({ named: row.indicator, byAge: Number(row.age_days) < 731 ? 'wfl' : 'wfh' }));
    expect(chosenByAge.length).toBeGreaterThan(0);
    expect(chosenByAge.filter(({ named, byAge }) => named !== byAge)).toEqual([]);
  });

  it('Given 498 WHO ages in months, when converted, then each gives the WHO age in days', () => {
    const rows = readCsv('age_conversion.csv');
    expect(rows).toHaveLength(498);
    const converted = rows.map((row) => ({
      months: row.age_months,
      days: ageInDaysFromMonths(Number(row.age_months)),
    }));
    expect(converted).toEqual(rows.map((row) => ({ months: row.age_months, days: Number(row.expected_age_days) })));
  });
});
