import ExcelJS from 'exceljs';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { EppgbmSheet, EppgbmSourceRow } from '@registry/identity-domain';
import { EppgbmFileError, readEppgbmSheet } from './e-ppgbm-file';

const streamOf = (...chunks: Array<string | Buffer>): Readable =>
  Readable.from(
    chunks.map((chunk) => Buffer.from(chunk)),
    { objectMode: false },
  );

async function rowsOf(sheet: EppgbmSheet): Promise<EppgbmSourceRow[]> {
  const rows: EppgbmSourceRow[] = [];
  for await (const row of sheet.rows) rows.push(row);
  return rows;
}

async function xlsxOf(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readEppgbmSheet, .csv', () => {
  it("reads a ';' export with a BOM and decimal commas, trimming cells and keeping quoted ';' and row numbers", async () => {
    const text =
      '\uFEFFNIK;Nama;Berat;Alamat\r\n' +
      '3603014512230001; Siti Aminah ;7,7;"Kp. Cibadak; RT 3"\r\n' +
      '\r\n' +
      ';;;\r\n' +
      '3603010101230002;"Budi ""Ucok"" Santoso";10,2;\r\n';
    const sheet = await readEppgbmSheet(streamOf(text), 'csv');
    expect(sheet.headers).toEqual(['NIK', 'Nama', 'Berat', 'Alamat']);
    expect(await rowsOf(sheet)).toEqual([
      { rowNumber: 2, cells: ['3603014512230001', 'Siti Aminah', '7,7', 'Kp. Cibadak; RT 3'] },
      { rowNumber: 5, cells: ['3603010101230002', 'Budi "Ucok" Santoso', '10,2', ''] },
    ]);
  });

  it("reads a ',' export whose header line is split across chunks, with quoted decimal commas", async () => {
    const sheet = await readEppgbmSheet(streamOf('NIK,Na', 'ma,Berat\n', '1,"Ayu, Putri","7,7"\n2,Rina\n'), 'csv');
    expect(sheet.headers).toEqual(['NIK', 'Nama', 'Berat']);
    expect(await rowsOf(sheet)).toEqual([
      { rowNumber: 2, cells: ['1', 'Ayu, Putri', '7,7'] },
      // Short rows are padded to the header.
      { rowNumber: 3, cells: ['2', 'Rina', ''] },
    ]);
  });

  it('keeps filled cells past the last header, for the parser to report the shifted row', async () => {
    const sheet = await readEppgbmSheet(streamOf('A;B\n1;2;3;\n'), 'csv');
    expect(await rowsOf(sheet)).toEqual([{ rowNumber: 2, cells: ['1', '2', '3'] }]);
  });

  it('rejects an empty file, an .xlsx sent as .csv, and a quote never closed', async () => {
    await expect(readEppgbmSheet(streamOf(''), 'csv')).rejects.toThrow('the file has no header row');
    const workbook = await xlsxOf((book) => book.addWorksheet('a').addRow(['NIK']));
    await expect(readEppgbmSheet(streamOf(workbook), 'csv')).rejects.toThrow(
      new EppgbmFileError('the file is not a .csv text file: it is a zip archive, most likely an .xlsx workbook'),
    );
    const sheet = await readEppgbmSheet(streamOf('NIK;Nama\n1;"Siti\n2;Ayu\n'), 'csv');
    await expect(rowsOf(sheet)).rejects.toThrow(/^the \.csv file cannot be read: Quote Not Closed/);
  });

  it('fails the rows when the upload fails half way, and lets them be read only once', async () => {
    const upload = new Readable({ read: () => undefined });
    upload.push('NIK;Nama\n1;Siti\n2;Ayu');
    const sheet = await readEppgbmSheet(upload, 'csv');
    const rows = sheet.rows[Symbol.asyncIterator]();
    expect((await rows.next()).value).toEqual({ rowNumber: 2, cells: ['1', 'Siti'] });
    const failing = rows.next();
    upload.destroy(new Error('connection reset'));
    // The upload's own error, not a complaint about the file.
    await expect(failing).rejects.toThrow(new Error('connection reset'));
    expect(() => sheet.rows[Symbol.asyncIterator]()).toThrow('read only once');
  });
});

describe('readEppgbmSheet, .xlsx', () => {
  // exceljs spools a worksheet that comes before the shared strings to a file in os.tmpdir(), and leaves it there
  // when the workbook then turns out damaged (it would go at the process's exit, which Jest's sandbox never sees).
  const spooled = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));
  const before = new Set(spooled());
  afterAll(() => {
    for (const name of spooled()) if (!before.has(name)) rmSync(path.join(tmpdir(), name), { force: true });
  });

  const file = xlsxOf((workbook) => {
    const sheet = workbook.addWorksheet('Data');
    sheet.getRow(2).values = ['NIK', 'Nama', 'Tgl Lahir', 'Berat', 'Tinggi', 'Catatan', 'Jumlah'];
    const row = sheet.getRow(3);
    row.values = ['3603014512230001', 'Siti', new Date(Date.UTC(2023, 11, 5)), 7.7, 66, null, null];
    row.getCell(6).value = { richText: [{ text: 'Gizi ', font: { bold: true } }, { text: 'baik' }] };
    row.getCell(7).value = { formula: 'D3*2', result: 15.4 };
    sheet.getRow(5).values = [null, 'Ayu', '2024-01-31', null, 70.25];
    workbook.addWorksheet('Other').addRow(['not', 'read']);
  });

  it('takes the first non-empty row of the first worksheet as the header and gives cells as text', async () => {
    const sheet = await readEppgbmSheet(streamOf(await file), 'xlsx');
    expect(sheet.headers).toEqual(['NIK', 'Nama', 'Tgl Lahir', 'Berat', 'Tinggi', 'Catatan', 'Jumlah']);
    expect(await rowsOf(sheet)).toEqual([
      { rowNumber: 3, cells: ['3603014512230001', 'Siti', '2023-12-05', '7.7', '66', 'Gizi baik', '15.4'] },
      { rowNumber: 5, cells: ['', 'Ayu', '2024-01-31', '', '70.25', '', ''] },
    ]);
  });

  it('gives a formula in a date-formatted cell as its date', async () => {
    const buffer = await xlsxOf((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.addRow(['Tanggal Pengukuran']);
      sheet.addRow([{ formula: 'DATE(2024,3,5)', result: 45356 }]).getCell(1).numFmt = 'dd/mm/yyyy';
    });
    expect(await rowsOf(await readEppgbmSheet(streamOf(buffer), 'xlsx'))).toEqual([
      { rowNumber: 2, cells: ['2024-03-05'] },
    ]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'the file is empty'],
    [
      'a text file',
      Buffer.from('NIK;Nama\n1;Siti\n'),
      'it is text, perhaps a .csv file; export the sheet again as .xlsx',
    ],
    ['an old .xls file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'it is an Excel 97–2003 .xls workbook'],
  ])('rejects %s with a message a user can act on', async (_, content, message) => {
    await expect(readEppgbmSheet(streamOf(content), 'xlsx')).rejects.toThrow(
      expect.objectContaining({ name: 'EppgbmFileError', message: expect.stringContaining(message) }),
    );
  });

  it('rejects a cut-short or damaged workbook instead of waiting for it', async () => {
    const whole = await file;
    await expect(readEppgbmSheet(streamOf(whole.subarray(0, whole.length / 2)), 'xlsx')).rejects.toThrow(
      /^the file is not an \.xlsx workbook: the file is cut short or damaged/,
    );
    const damaged = Buffer.from(whole);
    damaged.fill(0x41, 200, 600);
    await expect(readEppgbmSheet(streamOf(damaged), 'xlsx')).rejects.toThrow(/^the file is not an \.xlsx workbook: /);
  });

  it('rejects a workbook without a worksheet', async () => {
    const empty = await xlsxOf(() => undefined);
    await expect(readEppgbmSheet(streamOf(empty), 'xlsx')).rejects.toThrow(
      new EppgbmFileError('the file is not an .xlsx workbook: it has no worksheet'),
    );
  });

  it('fails instead of waiting forever when the upload fails', async () => {
    const whole = await file;
    const upload = new Readable({ read: () => undefined });
    upload.push(whole.subarray(0, 100));
    const reading = readEppgbmSheet(upload, 'xlsx');
    setImmediate(() => upload.destroy(new Error('connection reset')));
    await expect(reading).rejects.toThrow(new Error('connection reset'));
  });
});
