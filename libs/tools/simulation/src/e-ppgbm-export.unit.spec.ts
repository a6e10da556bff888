import { checkNik } from '@registry/identity-domain';
import { loadGrowthStandards, loadRegions } from '@registry/reference-data';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PassThrough, type Writable } from 'node:stream';
import { EPPGBM_EXPORT_HEADERS, generateEppgbmExport, type EppgbmExportOptions } from './e-ppgbm-export';
import { writeEppgbmCsv, writeEppgbmXlsx } from './e-ppgbm-export-files';

const regions = loadRegions();
const standards = loadGrowthStandards();
const options: EppgbmExportOptions = {
  regions,
  standards,
  regencyCode: '36.03',
  children: 300,
  weighingsPerChild: 6,
  seed: 5,
  firstWeighing: '2025-03-03',
  variations: { withoutNik: 0.2 },
};
const generated = generateEppgbmExport(options);
const column = (header: string): number => (EPPGBM_EXPORT_HEADERS as readonly string[]).indexOf(header);
const isoOf = (date: string): string => date.split('-').reverse().join('-');

async function written(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}

describe('generateEppgbmExport', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(generateEppgbmExport(options)).toEqual(generated);
    expect(generateEppgbmExport({ ...options, seed: 6 }).rows).not.toEqual(generated.rows);
  });

  it("writes every e-PPGBM column, one row per child's weighing, each child's rows where its facts say", () => {
    expect(generated.headers).toEqual([...EPPGBM_EXPORT_HEADERS]);
    expect(generated.rows).toHaveLength(300 * 6);
    expect(generated.rows.every((row) => row.length === EPPGBM_EXPORT_HEADERS.length)).toBe(true);
    const indexes = generated.children.flatMap((child) => child.rowIndexes);
    expect(new Set(indexes).size).toBe(generated.rows.length);
    for (const child of generated.children) {
      expect(child.rowIndexes).toEqual(child.weighings.map((weighing) => weighing.rowIndex));
      for (const weighing of child.weighings) {
        const row = generated.rows[weighing.rowIndex];
        expect([row[column('NIK')], row[column('Nama')], row[column('Tgl Lahir')]]).toEqual([
          child.nik ?? '',
          child.name,
          isoOf(child.birthDate),
        ]);
        expect(isoOf(row[column('Tanggal Pengukuran')])).toBe(weighing.measuredOn);
        expect([Number(row[column('Berat')]), Number(row[column('Tinggi')])]).toEqual([
          weighing.weightKg,
          weighing.heightCm,
        ]);
      }
    }
  });

  it("gives NIKs that pass the registry's check, unique, and leaves about the asked share of children without", () => {
    const isDistrict = (code: string): boolean => regions.find(code)?.level === 'district';
    const withNik = generated.children.filter((child) => child.nik !== null);
    for (const child of withNik) {
      expect(checkNik(child.nik!, child.birthDate, child.sex, isDistrict)).toBeNull();
      expect(child.nik!.slice(0, 6)).toBe(child.districtCode.replace(/\./g, ''));
    }
    expect(new Set(withNik.map((child) => child.nik)).size).toBe(withNik.length);
    expect(withNik.length / generated.children.length).toBeCloseTo(0.8, 1);
  });

  it('names real places of the regency and orders rows by desa, then by date', () => {
    const groups: string[] = [];
    let previous = '';
    for (const child of generated.children) {
      const row = generated.rows[child.rowIndexes[0]];
      expect(row[column('Desa/Kel')]).toBe(regions.find(child.villageCode)!.name);
      expect(row[column('Kec')]).toBe(regions.find(child.districtCode)!.name);
      expect(row.slice(column('Prov'), column('Kab/Kota') + 1)).toEqual(['Banten', 'Kabupaten Tangerang']);
      expect(child.villageCode.startsWith('36.03.')).toBe(true);
    }
    for (const row of generated.rows) {
      const place = `${row[column('Kec')]}|${row[column('Desa/Kel')]}`;
      const day = isoOf(row[column('Tanggal Pengukuran')]);
      if (place !== groups.at(-1)) {
        expect(groups).not.toContain(place);
        groups.push(place);
      } else expect(day >= previous).toBe(true);
      previous = day;
    }
    // A child's rows are spread over its desa's block, among other children's weighings of the same months.
    const spread = generated.children.filter((child) => child.rowIndexes.at(-1)! - child.rowIndexes[0] > 6);
    expect(spread.length).toBeGreaterThan(generated.children.length / 2);
  });

  it('weighs monthly with plausible growth, lying under two years and standing after, and its own z-scores', () => {
    for (const child of generated.children) {
      for (const [n, weighing] of child.weighings.entries()) {
        const row = generated.rows[weighing.rowIndex];
        expect(row[column('Cara Ukur')]).toBe(weighing.ageDays < 731 ? 'Terlentang' : 'Berdiri');
        expect(row[column('Berat')]).toMatch(/^\d+\.\d$/);
        expect(row[column('Tinggi')]).toMatch(/^\d+\.\d$/);
        expect(weighing.ageDays).toBeLessThan(1826);
        expect(weighing.weightKg).toBeGreaterThan(2);
        expect(weighing.weightKg).toBeLessThan(30);
        const z = standards.zScore('heightForAge', child.sex, weighing.ageDays, weighing.heightCm)!;
        expect(row[column('ZS TB/U')]).toBe(z.toFixed(2));
        const before = child.weighings[n - 1];
        if (!before) continue;
        expect(weighing.ageDays - before.ageDays).toBeGreaterThanOrEqual(28);
        expect(weighing.ageDays - before.ageDays).toBeLessThanOrEqual(31);
        if (before.position === weighing.position) expect(weighing.heightCm).toBeGreaterThanOrEqual(before.heightCm);
      }
    }
  });

  it('writes decimal commas, the asked date forms and misspelt headers when asked', () => {
    const varied = generateEppgbmExport({
      ...options,
      children: 40,
      variations: { decimalComma: true, dateForms: ['dd/mm/yyyy', 'yyyy-mm-dd'], misspeltHeaders: true },
    });
    expect(varied.headers).toEqual(expect.arrayContaining(['Tgl Lahr', 'Puskesmas', 'Tanggal Pengukran']));
    expect(varied.rows.every((row) => /^\d+,\d$/.test(row[column('Berat')]))).toBe(true);
    const dates = varied.rows.map((row) => row[column('Tanggal Pengukuran')]);
    expect(dates.every((date) => /^(\d{2}\/\d{2}\/\d{4}|\d{4}-\d{2}-\d{2})$/.test(date))).toBe(true);
    expect(new Set(dates.map((date) => date.length === 10 && date[4] === '-')).size).toBe(2);
    expect(varied.children.every((child) => child.nik !== null)).toBe(true);
  });
});

describe('writeEppgbmCsv and writeEppgbmXlsx', () => {
  const headers = ['NIK', 'Nama', 'Berat', 'Tanggal Pengukuran', 'RT'];
  const rows = [
    ['3603014512230001', 'Siti; "Ayu"', '7,7', '2025-03-03', '003'],
    ['', 'Budi, Santoso', '12.0', '03-03-2025', '12'],
  ];

  it('quote cells that hold the separator or a quote', async () => {
    for (const separator of [';', ','] as const) {
      const file = await written((out) => writeEppgbmCsv(out, headers, rows, separator));
      expect(parse(file, { delimiter: separator })).toEqual([headers, ...rows]);
    }
  });

  it('write numbers that print back as written as numbers, ISO dates as dates, and everything else as text', async () => {
    const file = await written((out) => writeEppgbmXlsx(out, headers, rows));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
    const values = workbook.worksheets[0].getSheetValues().slice(1);
    expect(values).toEqual([
      [undefined, ...headers],
      [undefined, '3603014512230001', 'Siti; "Ayu"', '7,7', new Date('2025-03-03T00:00:00Z'), '003'],
      [undefined, undefined, 'Budi, Santoso', '12.0', '03-03-2025', 12],
    ]);
  });
});
