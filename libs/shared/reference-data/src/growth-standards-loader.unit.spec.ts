import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GrowthStandardsLoadError } from '@registry/anthropometry';
import { loadGrowthStandards, resolveStandardsDirectory, STANDARDS_DIRECTORY_ENV } from './growth-standards-loader';

const realDirectory = resolveStandardsDirectory(undefined, {}).directory;
const TABLES = readdirSync(realDirectory).filter((file) => file.endsWith('.csv'));
const temporaryDirectories: string[] = [];
afterAll(() => temporaryDirectories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

/**
 * A temporary directory whose tables link to the real ones (nothing is copied), except `file`, which is left out
 * or replaced by `content`.
 */
function tablesWith(file: string, content?: string): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'who-growth-standards-'));
  temporaryDirectories.push(directory);
  for (const table of TABLES.filter((table) => table !== file)) {
    symlinkSync(path.join(realDirectory, table), path.join(directory, table));
  }
  if (content !== undefined) writeFileSync(path.join(directory, file), content);
  return directory;
}

function loadError(directory?: string): GrowthStandardsLoadError {
  try {
    loadGrowthStandards(directory);
  } catch (error) {
    if (error instanceof GrowthStandardsLoadError) return error;
    throw error;
  }
  throw new Error(`loadGrowthStandards(${directory}) did not fail`);
}

const realTable = (file: string) => readFileSync(path.join(realDirectory, file), 'utf8');

describe('resolveStandardsDirectory', () => {
  it('Given no argument and no WHO_GROWTH_STANDARDS_DIR, then it is ../shared/who-growth-standards from the repo root', () => {
    const repositoryRoot = path.resolve(__dirname, '../../../..');
    expect(resolveStandardsDirectory(undefined, {})).toEqual({
      directory: path.join(repositoryRoot, '..', 'shared', 'who-growth-standards'),
      source: 'default',
    });
  });

  it('Given no nx.json above the module and no WHO_GROWTH_STANDARDS_DIR, then the error says to set it', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'no-repository-'));
    temporaryDirectories.push(outside);
    expect(() => resolveStandardsDirectory(undefined, {}, outside)).toThrow(
      expect.objectContaining({
        name: 'GrowthStandardsLoadError',
        message: expect.stringContaining(`Set ${STANDARDS_DIRECTORY_ENV}`),
      }),
    );
  });

  it('Given WHO_GROWTH_STANDARDS_DIR, then it wins over the default', () => {
    expect(resolveStandardsDirectory(undefined, { [STANDARDS_DIRECTORY_ENV]: '/srv/who' })).toEqual({
      directory: '/srv/who',
      source: 'environment',
    });
  });

  it('Given an explicit directory, then it wins over WHO_GROWTH_STANDARDS_DIR', () => {
    expect(resolveStandardsDirectory('/opt/who', { [STANDARDS_DIRECTORY_ENV]: '/srv/who' })).toEqual({
      directory: '/opt/who',
      source: 'argument',
    });
  });
});

describe('loadGrowthStandards', () => {
  it('Given the shared tables, when loaded, then it reports the directory it read', () => {
    expect(loadGrowthStandards().directory).toBe(realDirectory);
  });

  it('Given a directory missing wfh_girls.csv, when loaded, then the error names the file, directory and env var', () => {
    const directory = tablesWith('wfh_girls.csv');
    const error = loadError(directory);
    expect(error).toMatchObject({ file: 'wfh_girls.csv', directory });
    expect(error.message).toContain('wfh_girls.csv is missing');
    expect(error.message).toContain(directory);
    expect(error.message).toContain('WHO_GROWTH_STANDARDS_DIR');
    expect(error.message).toContain('WHO Child Growth Standards (2006)');
  });

  it('Given WHO_GROWTH_STANDARDS_DIR pointing to a folder without tables, when loaded, then the error says so', () => {
    const previous = process.env[STANDARDS_DIRECTORY_ENV];
    const empty = mkdtempSync(path.join(tmpdir(), 'who-growth-standards-'));
    temporaryDirectories.push(empty);
    process.env[STANDARDS_DIRECTORY_ENV] = empty;
    try {
      const error = loadError();
      expect(error.message).toContain(
        `lhfa_boys_day.csv is missing (directory tried: ${empty}, from WHO_GROWTH_STANDARDS_DIR)`,
      );
    } finally {
      if (previous === undefined) delete process.env[STANDARDS_DIRECTORY_ENV];
      else process.env[STANDARDS_DIRECTORY_ENV] = previous;
    }
  });

  it('Given a table that cannot be read, when loaded, then the error names the file and the reason', () => {
    const directory = tablesWith('bfa_boys_day.csv');
    mkdirSync(path.join(directory, 'bfa_boys_day.csv'));
    const error = loadError(directory);
    expect(error.file).toBe('bfa_boys_day.csv');
    expect(error.message).toContain('bfa_boys_day.csv cannot be read');
  });

  it.each([
    ['a wrong header', 'wfa_girls_day.csv', (csv: string) => csv.replace('day,L,M,S', 'age,L,M,S'), 'header'],
    [
      'a missing row',
      'wfl_boys.csv',
      (csv: string) => csv.replace(/\n45\.1,[^\n]*/, ''),
      '650 data rows, expected 651',
    ],
    ['a comma decimal', 'hcfa_boys_day.csv', (csv: string) => csv.replace('0,1,34.4618', '0,1,34,4618'), 'line 2'],
    ['a gap in the days', 'bfa_girls_day.csv', (csv: string) => csv.replace('\n1,', '\n2,'), 'day 2, expected 1'],
    ['a zero median', 'lhfa_girls_day.csv', (csv: string) => csv.replace('0,1,49.1477', '0,1,0'), 'M and S'],
    ['a wrong loh', 'lhfa_boys_day.csv', (csv: string) => csv.replace(/\n731,([^\n]*),H/, '\n731,$1,L'), 'loh'],
  ])(
    'Given a table with %s, when loaded, then the error names the file as malformed',
    (_case, file, corrupt, detail) => {
      const error = loadError(tablesWith(file, corrupt(realTable(file))));
      expect(error.file).toBe(file);
      expect(error.message).toContain(`${file} is malformed`);
      expect(error.message).toContain(detail);
    },
  );
});
