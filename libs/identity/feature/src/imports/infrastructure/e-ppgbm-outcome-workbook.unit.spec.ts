import ExcelJS from 'exceljs';
import { PassThrough, Readable, type Writable } from 'node:stream';
import type { EppgbmSourceRow } from '@registry/identity-domain';
import { readEppgbmSheet } from './e-ppgbm-file';
import { type OutcomeRow, writeOutcomeCsv, writeOutcomeWorkbook } from './e-ppgbm-outcome-workbook';

const headers = ['NIK', 'Nama', 'Berat'];
const outcomes: OutcomeRow[] = [
  {
    rowNumber: 2,
    cells: ['3603014512230001', 'Siti; "Ayu"', '7,7'],
    outcome: 'Diterima',
    childId: 'c-1',
    measurementId: 'm-1',
    details: '',
  },
  { rowNumber: 3, cells: ['', 'Budi'], outcome: 'Ditolak', details: 'NIK kosong\nBerat kosong' },
  // Row 4 of the upload was blank: row 5 stays row 5.
  { rowNumber: 5, cells: ['3603010101230002', 'Rina', '9.1', 'extra'], outcome: 'Diterima', details: 'ok' },
];

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

/** Runs a writer into memory and gives back all it wrote. */
async function written(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}

async function readBack(
  file: Buffer,
  format: 'csv' | 'xlsx',
): Promise<{ headers: readonly string[]; rows: EppgbmSourceRow[] }> {
  const sheet = await readEppgbmSheet(Readable.from([file]), format);
  const rows: EppgbmSourceRow[] = [];
  for await (const row of sheet.rows) rows.push(row);
  return { headers: sheet.headers, rows };
}

const expectedRows = [
  { rowNumber: 2, cells: ['3603014512230001', 'Siti; "Ayu"', '7,7', 'Diterima', 'c-1', 'm-1', ''] },
  { rowNumber: 3, cells: ['', 'Budi', '', 'Ditolak', '', '', 'NIK kosong\nBerat kosong'] },
  // Cells past the header are cut, so the outcome stays under its column.
  { rowNumber: 5, cells: ['3603010101230002', 'Rina', '9.1', 'Diterima', '', '', 'ok'] },
];

describe('writeOutcomeWorkbook', () => {
  it('writes the original columns then the outcome columns, each row on its own row number, and reads back', async () => {
    const file = await written((out) => writeOutcomeWorkbook(out, headers, each(outcomes)));
    expect(await readBack(file, 'xlsx')).toEqual({
      headers: [...headers, 'Hasil', 'ID Anak', 'ID Pengukuran', 'Keterangan'],
      rows: expectedRows,
    });
  });

  it('makes the header row bold', async () => {
    const file = await written((out) => writeOutcomeWorkbook(out, headers, each(outcomes)));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(7).value).toEqual({ richText: [{ text: 'Keterangan', font: { bold: true } }] });
    expect(sheet.getRow(2).getCell(1).value).toBe('3603014512230001');
  });

  it('refuses rows out of row order, and cuts the output off', async () => {
    const [first, second] = outcomes;
    const out = new PassThrough();
    await expect(writeOutcomeWorkbook(out, headers, each([second, first]))).rejects.toThrow(
      'outcome rows must come in increasing row order: row 2 after row 3',
    );
    expect(out.destroyed).toBe(true);
  });

  it('stops instead of waiting forever when the download is cut off', async () => {
    // Nobody reads this output: it fills up, and the writer waits for it until it is closed.
    const out = new PassThrough({ highWaterMark: 1024 });
    async function* many(): AsyncGenerator<OutcomeRow> {
      for (let rowNumber = 2; rowNumber < 100_000; rowNumber += 1) yield { ...outcomes[0], rowNumber };
    }
    const writing = writeOutcomeWorkbook(out, headers, many());
    setTimeout(() => out.destroy(), 100);
    await expect(writing).rejects.toThrow('Premature close');
  });
});

describe('writeOutcomeCsv', () => {
  it("writes a ';' file with a BOM, quoting what needs it, keeping row numbers, that reads back the same", async () => {
    const file = await written((out) => writeOutcomeCsv(out, headers, each(outcomes)));
    expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(file.toString('utf8')).toContain(';"Siti; ""Ayu""";7,7;Diterima;');
    expect(await readBack(file, 'csv')).toEqual({
      headers: [...headers, 'Hasil', 'ID Anak', 'ID Pengukuran', 'Keterangan'],
      rows: expectedRows,
    });
  });
});
