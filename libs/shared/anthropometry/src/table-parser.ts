import { FIRST_HEIGHT_DAY, LAST_DAY } from './age';
import type { GrowthStandardsLoadError } from './errors';
import type { BySex, GrowthTables, LmsTable } from './lms-table';

/** The twelve WHO LMS tables as text, from wherever they are kept: a data-access library reads them from a folder. */
export interface GrowthStandardsFiles {
  /** Absolute path of the folder the tables come from; GrowthStandards.directory reports it. */
  readonly directory: string;
  /** The text of one table, e.g. `wfa_boys_day.csv`; throws GrowthStandardsLoadError when it cannot be read. */
  read(file: string): string;
  /** The error for a table that was read but is wrong; `problem` follows the file name ("is malformed: …"). */
  loadError(file: string, problem: string): GrowthStandardsLoadError;
}

interface DayTableFormat {
  readonly key: 'day';
  readonly withLengthOrHeight: boolean;
}

interface LengthTableFormat {
  readonly key: 'length_cm' | 'height_cm';
  readonly firstTenthCm: number;
  readonly rows: number;
}

type TableFormat = DayTableFormat | LengthTableFormat;

const WEIGHT_FOR_LENGTH: LengthTableFormat = { key: 'length_cm', firstTenthCm: 450, rows: 651 };
const WEIGHT_FOR_HEIGHT: LengthTableFormat = { key: 'height_cm', firstTenthCm: 650, rows: 551 };

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Parses and checks the twelve WHO tables once; every later lookup is an array index. */
export function parseGrowthTables(files: GrowthStandardsFiles): GrowthTables {
  const bySex = <T>(read: (sex: 'boys' | 'girls') => T): BySex<T> => ({ male: read('boys'), female: read('girls') });
  const dayTable = (prefix: string, withLengthOrHeight: boolean) =>
    bySex((sex) => parseTable(files, `${prefix}_${sex}_day.csv`, { key: 'day', withLengthOrHeight }));
  const lengthTable = (prefix: string, format: LengthTableFormat) =>
    bySex((sex) => ({ ...parseTable(files, `${prefix}_${sex}.csv`, format), firstTenthCm: format.firstTenthCm }));
  return {
    heightForAge: dayTable('lhfa', true),
    weightForAge: dayTable('wfa', false),
    bmiForAge: dayTable('bfa', true),
    headCircumferenceForAge: dayTable('hcfa', false),
    weightForLength: lengthTable('wfl', WEIGHT_FOR_LENGTH),
    weightForHeight: lengthTable('wfh', WEIGHT_FOR_HEIGHT),
  };
}

function parseTable(files: GrowthStandardsFiles, file: string, format: TableFormat): LmsTable {
  const malformed = (problem: string) => files.loadError(file, `is malformed${problem}`);
  const lines = files.read(file).split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();

  const withLengthOrHeight = format.key === 'day' && format.withLengthOrHeight;
  const header = `${format.key},L,M,S${withLengthOrHeight ? ',loh' : ''}`;
  if (lines[0] !== header) throw malformed(`: header is "${lines[0] ?? ''}", expected "${header}"`);
  const rows = format.key === 'day' ? LAST_DAY + 1 : format.rows;
  if (lines.length - 1 !== rows) throw malformed(`: ${lines.length - 1} data rows, expected ${rows}`);

  const table = { l: new Float64Array(rows), m: new Float64Array(rows), s: new Float64Array(rows) };
  for (let row = 0; row < rows; row++) {
    const line = row + 2;
    const cells = lines[row + 1].split(',');
    if (cells.length !== (withLengthOrHeight ? 5 : 4) || !cells.slice(0, 4).every((cell) => NUMBER.test(cell))) {
      throw malformed(` at line ${line}: "${lines[row + 1]}"`);
    }
    const expectedKey = format.key === 'day' ? row : (format.firstTenthCm + row) / 10;
    if (Math.abs(Number(cells[0]) - expectedKey) > 1e-9) {
      throw malformed(` at line ${line}: ${format.key} ${cells[0]}, expected ${expectedKey}`);
    }
    const [l, m, s] = [Number(cells[1]), Number(cells[2]), Number(cells[3])];
    if (!(m > 0 && s > 0)) throw malformed(` at line ${line}: M and S must be positive`);
    if (withLengthOrHeight && cells[4] !== (row < FIRST_HEIGHT_DAY ? 'L' : 'H')) {
      throw malformed(` at line ${line}: loh "${cells[4]}" does not match day ${row}`);
    }
    table.l[row] = l;
    table.m[row] = m;
    table.s[row] = s;
  }
  return table;
}
