// The Kualitas data screen's e-PPGBM upload in Debian's Chromium: a TPPS checks a file, imports it, follows the job
// and downloads each row's outcome, all through the dashboard gateway.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { exportOf, fileOf } from '../imports/e-ppgbm-fixture';
import { tokenFor } from '../support/registry';
import {
  checkAccessibleAndShoot,
  idNumber,
  pageWithToken,
  startDashboard,
  type DashboardFixture,
} from './dashboard-fixture';

const REGENCY = '32.08';
let fixture: DashboardFixture;

beforeAll(async () => {
  fixture = await startDashboard(REGENCY, '32.09', { children: 10 });
}, 300_000);

afterAll(async () => {
  await fixture?.close();
});

it('a TPPS checks an export, imports it, and downloads the outcome of every row', async () => {
  const generated = exportOf({
    regencyCode: REGENCY,
    children: 6,
    weighingsPerChild: 3,
    seed: Math.floor(Math.random() * 2 ** 31),
    variations: { decimalComma: true },
  });
  const rows = generated.rows.length;
  const page = await pageWithToken(fixture.browser, await tokenFor('tpps', REGENCY));
  await page.goto(`${fixture.origin}/kualitas-data`);
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'e-ppgbm-posyandu.csv', mimeType: 'text/csv', buffer: await fileOf(generated, 'csv') });
  const count = (key: string) => page.locator(`[data-testid=import-counts] tr[data-count=${key}] td`).textContent();

  // A check first (the box is ticked by default): every row would go in, nothing is written
  await page.getByRole('button', { name: 'Unggah' }).click();
  await page.locator('[data-testid=import-job][data-status=finished]').waitFor();
  await expect(page.getByRole('status').textContent()).resolves.toContain('selesai (uji saja, tanpa menyimpan)');
  await expect(count('rows')).resolves.toBe(idNumber(rows));
  await expect(count('childrenCreated')).resolves.toBe(idNumber(generated.children.length));

  // Then the import itself
  await page.getByLabel('Uji saja, tanpa menyimpan').uncheck();
  await page.getByRole('button', { name: 'Unggah' }).click();
  await page.locator('[data-testid=import-job][data-status=finished]').waitFor();
  await expect(count('measurementsCreated')).resolves.toBe(idNumber(rows));
  await expect(count('rejectedRows')).resolves.toBe('0');
  await checkAccessibleAndShoot(page, 'kualitas-data-impor');

  // And the file back, each row with its outcome
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh hasil per baris (xlsx)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('e-ppgbm-posyandu-hasil.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(readFileSync(await download.path())).buffer);
  const sheet = workbook.worksheets[0];
  expect(sheet.rowCount).toBe(rows + 1);
  const outcome = generated.headers.length + 1;
  for (let row = 2; row <= rows + 1; row += 1)
    expect(sheet.getRow(row).getCell(outcome).text).toMatch(
      /^anak (baru didaftarkan|sudah terdaftar); pengukuran dicatat$/,
    );
});
