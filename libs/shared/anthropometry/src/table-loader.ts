import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIRST_HEIGHT_DAY, LAST_DAY } from './age';
import { GrowthStandardsLoadError } from './errors';
import type { BySex, GrowthTables, LmsTable } from './lms-table';

export const STANDARDS_DIRECTORY_ENV = 'WHO_GROWTH_STANDARDS_DIR';

/** Where the tables live relative to the repository root: they are shared data, never copied into a repository. */
const DEFAULT_DIRECTORY_FROM_REPOSITORY_ROOT = path.join('..', 'shared', 'who-growth-standards');

export interface StandardsDirectory {
  readonly directory: string;
  readonly source: 'argument' | 'environment' | 'default';
}

/**
 * The explicit directory wins, then WHO_GROWTH_STANDARDS_DIR, then ../shared/who-growth-standards from the
 * repository root, found as the first folder holding nx.json above `searchFrom` (this module's folder).
 */
export function resolveStandardsDirectory(
  explicit: string | undefined,
  environment: NodeJS.ProcessEnv = process.env,
  searchFrom: string = __dirname,
): StandardsDirectory {
  if (explicit) return { directory: path.resolve(explicit), source: 'argument' };
  const fromEnvironment = environment[STANDARDS_DIRECTORY_ENV];
  if (fromEnvironment) return { directory: path.resolve(fromEnvironment), source: 'environment' };
  const root = findRepositoryRoot(searchFrom);
  if (root === null) {
    throw new GrowthStandardsLoadError(
      `Cannot locate the WHO Child Growth Standards (2006) LMS tables: no repository root (a folder with nx.json) ` +
        `above ${searchFrom}, so the default ${DEFAULT_DIRECTORY_FROM_REPOSITORY_ROOT} cannot be resolved. ` +
        `Set ${STANDARDS_DIRECTORY_ENV} to the folder holding the WHO LMS CSV tables.`,
      searchFrom,
    );
  }
  return { directory: path.join(root, DEFAULT_DIRECTORY_FROM_REPOSITORY_ROOT), source: 'default' };
}

function findRepositoryRoot(start: string): string | null {
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, 'nx.json'))) return directory;
    if (path.dirname(directory) === directory) return null;
  }
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

/** Reads and checks the twelve WHO tables once; every later lookup is an array index. */
export function loadGrowthTables(location: StandardsDirectory): GrowthTables {
  const bySex = <T>(read: (sex: 'boys' | 'girls') => T): BySex<T> => ({ male: read('boys'), female: read('girls') });
  const dayTable = (prefix: string, withLengthOrHeight: boolean) =>
    bySex((sex) => readTable(location, `${prefix}_${sex}_day.csv`, { key: 'day', withLengthOrHeight }));
  const lengthTable = (prefix: string, format: LengthTableFormat) =>
    bySex((sex) => ({ ...readTable(location, `${prefix}_${sex}.csv`, format), firstTenthCm: format.firstTenthCm }));
  return {
    heightForAge: dayTable('lhfa', true),
    weightForAge: dayTable('wfa', false),
    bmiForAge: dayTable('bfa', true),
    headCircumferenceForAge: dayTable('hcfa', false),
    weightForLength: lengthTable('wfl', WEIGHT_FOR_LENGTH),
    weightForHeight: lengthTable('wfh', WEIGHT_FOR_HEIGHT),
  };
}

function readTable(location: StandardsDirectory, file: string, format: TableFormat): LmsTable {
  let text: string;
  try {
    text = readFileSync(path.join(location.directory, file), 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw loadError(location, file, missing ? 'is missing' : `cannot be read (${(error as Error).message})`);
  }
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();

  const withLengthOrHeight = format.key === 'day' && format.withLengthOrHeight;
  const header = `${format.key},L,M,S${withLengthOrHeight ? ',loh' : ''}`;
  if (lines[0] !== header) {
    throw loadError(location, file, `is malformed: header is "${lines[0] ?? ''}", expected "${header}"`);
  }
  const rows = format.key === 'day' ? LAST_DAY + 1 : format.rows;
  if (lines.length - 1 !== rows) {
    throw loadError(location, file, `is malformed: ${lines.length - 1} data rows, expected ${rows}`);
  }

  const table = { l: new Float64Array(rows), m: new Float64Array(rows), s: new Float64Array(rows) };
  for (let row = 0; row < rows; row++) {
    const line = row + 2;
    const cells = lines[row + 1].split(',');
    if (cells.length !== (withLengthOrHeight ? 5 : 4) || !cells.slice(0, 4).every((cell) => NUMBER.test(cell))) {
      throw loadError(location, file, `is malformed at line ${line}: "${lines[row + 1]}"`);
    }
    const expectedKey = format.key === 'day' ? row : (format.firstTenthCm + row) / 10;
    if (Math.abs(Number(cells[0]) - expectedKey) > 1e-9) {
      throw loadError(
        location,
        file,
        `is malformed at line ${line}: ${format.key} ${cells[0]}, expected ${expectedKey}`,
      );
    }
    const [l, m, s] = [Number(cells[1]), Number(cells[2]), Number(cells[3])];
    if (!(m > 0 && s > 0)) throw loadError(location, file, `is malformed at line ${line}: M and S must be positive`);
    if (withLengthOrHeight && cells[4] !== (row < FIRST_HEIGHT_DAY ? 'L' : 'H')) {
      throw loadError(location, file, `is malformed at line ${line}: loh "${cells[4]}" does not match day ${row}`);
    }
    table.l[row] = l;
    table.m[row] = m;
    table.s[row] = s;
  }
  return table;
}

function loadError(location: StandardsDirectory, file: string, problem: string): GrowthStandardsLoadError {
  const origin = {
    argument: 'passed to GrowthStandards.load',
    environment: `from ${STANDARDS_DIRECTORY_ENV}`,
    default: `the default, ${DEFAULT_DIRECTORY_FROM_REPOSITORY_ROOT} from the repository root`,
  }[location.source];
  return new GrowthStandardsLoadError(
    `WHO Child Growth Standards (2006) table ${file} ${problem} (directory tried: ${location.directory}, ${origin}). ` +
      `Set ${STANDARDS_DIRECTORY_ENV} to the folder holding the WHO LMS CSV tables (lhfa, wfa, bfa, hcfa day tables, wfl, wfh).`,
    location.directory,
    file,
  );
}
