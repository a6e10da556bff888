import { EPPGBM_HEADERS, type EppgbmColumn, eppgbmHeader, KNOWN_IGNORED_HEADERS, REQUIRED_COLUMNS } from './columns';
import { compactKey, editDistance } from './text';

export interface RecognisedHeader {
  readonly column: EppgbmColumn;
  /** The header exactly as written in the file. */
  readonly header: string;
  /** 0-based, the index of the column's cells in EppgbmSourceRow.cells. */
  readonly position: number;
}

export interface RecognisedHeaders {
  readonly ok: true;
  /** Each recognised column's position in the row's cells. */
  readonly columns: ReadonlyMap<EppgbmColumn, number>;
  readonly recognised: readonly RecognisedHeader[];
  /** Headers as written that the registry does not read (KPSP, KIA, Detail, unknown ones). */
  readonly ignored: readonly string[];
}

export interface UnreadableHeaders {
  readonly ok: false;
  /** One sentence per problem, in English, naming the Indonesian headers as the file writes them. */
  readonly problems: readonly string[];
}

export type HeaderMapping = RecognisedHeaders | UnreadableHeaders;

/** A trailing unit in brackets says nothing about the column: 'Berat (kg)' is 'Berat'. */
const headerKey = (header: string): string => compactKey(header.replace(/\([^)]*\)\s*$/, '')) || compactKey(header);

const COLUMN_BY_KEY = new Map<string, EppgbmColumn>(
  (Object.entries(EPPGBM_HEADERS) as Array<[EppgbmColumn, readonly string[]]>).flatMap(([column, headers]) =>
    headers.map((header) => [headerKey(header), column] as const),
  ),
);
const IGNORED_KEYS = new Set(KNOWN_IGNORED_HEADERS.map(headerKey));

/**
 * How many edits a spelling may be off. Short keys get none: 'RT' and 'RW', 'BB/U' and 'TB/U' are one letter apart
 * and both real columns.
 */
const toleratedEdits = (key: string): number => (key.length <= 3 ? 0 : key.length <= 7 ? 1 : 2);

/** Spreadsheet column letters for a 0-based position: 0 is A, 26 is AA. */
export function columnLetters(position: number): string {
  let letters = '';
  for (let rest = position + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Finds the columns the registry reads in an export's header row, in any order, case and spacing, tolerating small
 * misspellings. A header is claimed by at most one column and a column by at most one header: a near-spelling as
 * close to two columns, or two near-spellings as close to one column, claim nothing and are listed as ignored.
 */
export function mapHeaders(headers: readonly string[]): HeaderMapping {
  const problems: string[] = [];
  const claimed = new Map<EppgbmColumn, number>();
  const unmatched: number[] = [];
  const ignored = new Set<number>();

  headers.forEach((header, position) => {
    const key = headerKey(header);
    if (key === '') return;
    if (IGNORED_KEYS.has(key)) {
      ignored.add(position);
      return;
    }
    const column = COLUMN_BY_KEY.get(key);
    if (column === undefined) {
      unmatched.push(position);
      return;
    }
    const earlier = claimed.get(column);
    if (earlier === undefined) {
      claimed.set(column, position);
      return;
    }
    problems.push(
      `columns ${columnLetters(earlier)} ('${headers[earlier]}') and ${columnLetters(position)} ('${header}') ` +
        `both read as '${eppgbmHeader(column)}': delete or rename one of them`,
    );
  });

  for (const [position, column] of nearSpellings(headers, unmatched, claimed)) claimed.set(column, position);
  for (const position of unmatched) if (![...claimed.values()].includes(position)) ignored.add(position);

  for (const [column, purpose] of REQUIRED_COLUMNS) {
    if (!claimed.has(column)) {
      problems.push(
        `column '${eppgbmHeader(column)}' not found: it holds ${purpose}; add it or rename the column to it`,
      );
    }
  }
  if (!claimed.has('weight') && !claimed.has('height')) {
    problems.push(
      `neither column '${eppgbmHeader('weight')}' nor '${eppgbmHeader('height')}' found: a measurement needs at least one`,
    );
  }
  if (problems.length > 0) return { ok: false, problems };

  const recognised = [...claimed]
    .map(([column, position]) => ({ column, header: headers[position], position }))
    .sort((a, b) => a.position - b.position);
  return {
    ok: true,
    columns: claimed,
    recognised,
    ignored: [...ignored].sort((a, b) => a - b).map((position) => headers[position]),
  };
}

/** Unmatched headers within tolerance of exactly one unclaimed column, and closest to it of all such headers. */
function nearSpellings(
  headers: readonly string[],
  unmatched: readonly number[],
  claimed: ReadonlyMap<EppgbmColumn, number>,
): Array<[number, EppgbmColumn]> {
  const best: Array<{ position: number; column: EppgbmColumn; distance: number }> = [];
  for (const position of unmatched) {
    const key = headerKey(headers[position]);
    let distance = Infinity;
    let columns = new Set<EppgbmColumn>();
    for (const [aliasKey, column] of COLUMN_BY_KEY) {
      if (claimed.has(column)) continue;
      const edits = editDistance(key, aliasKey);
      if (edits > toleratedEdits(aliasKey) || edits > distance) continue;
      if (edits < distance) columns = new Set();
      distance = edits;
      columns.add(column);
    }
    if (columns.size === 1) best.push({ position, column: [...columns][0], distance });
  }
  return best
    .filter(({ column, distance, position }) =>
      best.every((other) => other.position === position || other.column !== column || other.distance > distance),
    )
    .map(({ position, column }) => [position, column]);
}
