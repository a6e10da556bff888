import {
  ChildGrouping,
  eppgbmHeader,
  mapHeaders,
  parseEppgbmRow,
  RegencyPlaces,
  type EppgbmColumn,
  type EppgbmSourceRow,
  type ParsedRow,
} from '@registry/identity-domain';
import type { Regions } from '@registry/regions';
import type { Readable } from 'node:stream';
import type { ImportFormat } from '../import-job';
import { readEppgbmSheet } from '../infrastructure/e-ppgbm-file';

/** Rows are read, decided and written this many at a time: one transaction and one call of each API per chunk. */
export const CHUNK_ROWS = 2000;

export interface SheetRow {
  readonly source: EppgbmSourceRow;
  readonly parsed: ParsedRow;
  /** The row's child in the file (its grouping key), for a row that parsed. */
  readonly child: { readonly key: string; readonly warnings: readonly string[] } | null;
}

export interface OpenedSheet {
  readonly headers: readonly string[];
  /** The header of a column as the file writes it, for messages naming it. */
  headerOf(column: EppgbmColumn): string;
  readonly chunks: AsyncIterable<readonly SheetRow[]>;
}

/**
 * The job's file read from the start, its rows parsed and grouped into children in file order: a resumed job reads
 * it so again, which makes its chunks and keys the same as on the run that stopped.
 */
export async function openSheet(
  file: Readable,
  format: ImportFormat,
  context: { readonly regions: Regions; readonly regencyCode: string },
): Promise<OpenedSheet | { readonly problems: readonly string[]; readonly headers: readonly string[] }> {
  const sheet = await readEppgbmSheet(file, format);
  const mapping = mapHeaders(sheet.headers);
  if (!mapping.ok) {
    file.destroy();
    return { problems: mapping.problems, headers: sheet.headers };
  }
  const recognised = mapping;
  const places = RegencyPlaces.of(context.regions, context.regencyCode);
  const grouping = new ChildGrouping();
  const headerOf = (column: EppgbmColumn): string =>
    recognised.recognised.find((header) => header.column === column)?.header ?? eppgbmHeader(column);
  async function* chunks(): AsyncGenerator<readonly SheetRow[]> {
    let chunk: SheetRow[] = [];
    for await (const source of sheet.rows) {
      const parsed = parseEppgbmRow(source, recognised, { places });
      const child = parsed.ok ? grouping.assign(parsed.row) : null;
      chunk.push({ source, parsed, child });
      if (chunk.length === CHUNK_ROWS) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }
  return { headers: sheet.headers, headerOf, chunks: chunks() };
}
