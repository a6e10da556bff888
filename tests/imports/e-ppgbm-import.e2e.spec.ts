import ExcelJS from 'exceljs';
import { TopicByService } from '@registry/contracts';
import { exportAsBatches, type EppgbmExport, type GeneratedChild } from '@registry/simulation';
import { serviceDb, waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, nikFor, tokenFor, type Client } from '../support/registry';
import { serviceUrl } from '../support/services';
import { ended, exportOf, fileOf, regions, rowsOf, upload, XLSX, type ImportRow } from './e-ppgbm-fixture';

// An import of a few hundred rows runs through identity, Kafka and intake in seconds; the default 5 s is short.
jest.setTimeout(300_000);

const seed = () => Math.floor(Math.random() * 2 ** 31);
const rowNumberOf = (rowIndex: number): number => rowIndex + 2;
const columnOf = (generated: EppgbmExport, header: RegExp): number =>
  generated.headers.findIndex((written) => header.test(written));

/** Children of the regency as identity's read model holds them: what an import may have written. */
async function childrenIn(regencyCode: string): Promise<number> {
  const pool = serviceDb('identity');
  try {
    const { rows } = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM identity_children WHERE regency_code = $1',
      [regencyCode],
    );
    return rows[0].n;
  } finally {
    await pool.end();
  }
}

async function measurementsOf(childIds: readonly string[]): Promise<number> {
  const pool = serviceDb('intake');
  try {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM es_events WHERE type = 'measurement.recorded' AND subject_id = ANY($1::text[])`,
      [childIds],
    );
    return rows[0].n;
  } finally {
    await pool.end();
  }
}

describe('e-PPGBM import (real identity, intake, reporting, PostgreSQL and Kafka)', () => {
  describe('an xlsx export with misspelt headers, all three date forms, an unknown desa and an implausible weight', () => {
    const regencyCode = '32.04';
    const generated = exportOf({
      regencyCode,
      children: 30,
      weighingsPerChild: 5,
      seed: seed(),
      variations: {
        decimalComma: true,
        dateForms: ['dd-mm-yyyy', 'dd/mm/yyyy', 'yyyy-mm-dd'],
        misspeltHeaders: true,
        withoutNik: 0.2,
      },
    });
    const desa = columnOf(generated, /^desa/i);
    const weight = columnOf(generated, /^berat$/i);
    const withNik = generated.children.find((child) => child.nik !== null)!;
    const withoutNik = generated.children.find((child) => child.nik === null)!;
    const other = generated.children.find((child) => child !== withNik && child !== withoutNik)!;
    // A later row of one child names a desa the regency does not have; another child's row weighs 95 kg.
    const unknownDesaRow = withNik.rowIndexes[2];
    const implausibleRow = other.rowIndexes[1];
    generated.rows[unknownDesaRow][desa] = 'Desa Tidak Ada';
    generated.rows[implausibleRow][weight] = '95,0';
    // And one row's own height-for-age z-score is not what its values give.
    const zHeight = columnOf(generated, /^zs tb\/u$/i);
    const disagreeingRow = other.rowIndexes[2];
    generated.rows[disagreeingRow][zHeight] = '-4,50';

    let token: string;
    let identity: Client;
    let file: Buffer;
    let imported: ImportRow[];
    let jobId: string;

    beforeAll(async () => {
      token = await tokenFor('tpps', regencyCode);
      identity = clientOf('identity', { token });
      file = await fileOf(generated, 'xlsx');
    });

    it('a dry run reports every row and writes nothing', async () => {
      const before = await childrenIn(regencyCode);

      const { status, body } = await upload(token, file, { type: XLSX, dryRun: true });
      expect(status).toBe(202);
      const job = await ended(identity, body.id);

      expect(job).toMatchObject({ status: 'finished', dryRun: true });
      expect(job.counts).toMatchObject({
        rows: generated.rows.length,
        childrenCreated: generated.children.length,
        rejectedRows: 1,
      });
      const rows = await rowsOf(identity, body.id);
      expect(rows.filter((row) => row.childOutcome === 'created' || row.measurementOutcome === 'created')).toEqual([]);
      expect(await childrenIn(regencyCode)).toBe(before);
    });

    it('imports every row as its facts say: one child per NIK or per name, birth date, sex and desa', async () => {
      const { status, body, location } = await upload(token, file, { type: XLSX, fileName: 'kab-bandung.xlsx' });
      expect(status).toBe(202);
      expect(location).toBe(`/v1/imports/${body.id}`);
      jobId = body.id;
      const job = await ended(identity, jobId);
      expect(job).toMatchObject({ status: 'finished', phase: 'done', dryRun: false, problem: null });
      imported = await rowsOf(identity, jobId);
      expect(imported.map((row) => row.rowNumber)).toEqual(generated.rows.map((_, i) => rowNumberOf(i)));

      const byRow = new Map(imported.map((row) => [row.rowNumber, row]));
      const expectChild = (child: GeneratedChild) => {
        const rows = child.rowIndexes.filter((i) => i !== unknownDesaRow).map((i) => byRow.get(rowNumberOf(i))!);
        // Its first row registers it; every later row finds the same child.
        expect(rows.map((row) => row.childOutcome)).toEqual(['created', ...rows.slice(1).map(() => 'matched')]);
        expect(new Set(rows.map((row) => row.childId)).size).toBe(1);
        return rows[0].childId!;
      };
      const childIds = generated.children.map(expectChild);
      expect(new Set(childIds).size).toBe(generated.children.length);

      // The unknown desa: that row only, refused naming its column as the file writes it.
      const unknown = byRow.get(rowNumberOf(unknownDesaRow))!;
      expect(unknown).toMatchObject({ childOutcome: 'rejected', measurementOutcome: null, childId: null });
      expect(unknown.reasons.join(' ')).toContain(generated.headers[desa]);
      expect(unknown.reasons.join(' ')).toContain('Desa Tidak Ada');
      // The 95 kg weighing: its child is found, its measurement refused by intake's rule, in the file's words.
      const implausible = byRow.get(rowNumberOf(implausibleRow))!;
      expect(implausible).toMatchObject({ childOutcome: 'matched', measurementOutcome: 'rejected' });
      expect(implausible.reasons.join(' ')).toMatch(new RegExp(`^${generated.headers[weight]}:`));
      // The export's own z-score is compared with the registry's, and the difference listed.
      const disagreeing = byRow.get(rowNumberOf(disagreeingRow))!;
      expect(disagreeing.measurementOutcome).toBe('created');
      expect(disagreeing.disagreements).toEqual([expect.stringMatching(/^ZS TB\/U: export -4\.5/)]);
      expect(imported.filter((row) => row.disagreements.length > 0)).toEqual([disagreeing]);
      // Every other row's measurement is recorded, once.
      const recorded = imported.filter((row) => row.measurementOutcome === 'created');
      expect(recorded).toHaveLength(generated.rows.length - 2);
      expect(await measurementsOf(childIds)).toBe(recorded.length);
      expect(job.counts).toMatchObject({
        rows: generated.rows.length,
        childrenCreated: generated.children.length,
        measurementsCreated: generated.rows.length - 2,
        rejectedRows: 2,
      });
    });

    it('uploading the same file again finds its job and writes nothing twice', async () => {
      const before = await childrenIn(regencyCode);
      const again = await upload(token, file, { type: XLSX });
      expect(again.status).toBe(202);
      expect(again.body).toMatchObject({ id: jobId, reused: true, status: 'finished' });
      expect(await childrenIn(regencyCode)).toBe(before);
    });

    it('gives the uploaded file back with an outcome for every row, and hides the job from other regencies', async () => {
      const response = await fetch(serviceUrl('identity', `/v1/imports/${jobId}/rows?format=xlsx`), {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(XLSX);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.worksheets[0];
      const header = Array.from({ length: sheet.getRow(1).cellCount }, (_, i) => sheet.getRow(1).getCell(i + 1).text);
      expect(header).toEqual([...generated.headers, 'Hasil', 'ID Anak', 'ID Pengukuran', 'Keterangan']);
      expect(sheet.rowCount).toBe(generated.rows.length + 1);
      const childIdColumn = generated.headers.length + 2;
      for (const row of imported.filter((r) => r.childId !== null))
        expect(sheet.getRow(row.rowNumber).getCell(childIdColumn).text).toBe(row.childId);

      const elsewhere = clientOf('identity', { token: await tokenFor('tpps', '32.05') });
      expect((await elsewhere.get(`/v1/imports/${jobId}`)).status).toBe(404);
    });
  });

  it('refuses what is not an export, saying what to send', async () => {
    const token = await tokenFor('tpps', '32.04');
    const json = await fetch(serviceUrl('identity', '/v1/imports/e-ppgbm'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
    expect(((await json.json()) as { message: string }).message).toContain('text/csv');

    const headless = await upload(token, Buffer.from('Nama;Umur\nSiti;3\n'), { type: 'text/csv' });
    expect(headless.status).toBe(202);
    const identity = clientOf('identity', { token });
    const job = await ended(identity, headless.body.id);
    expect(job.status).toBe('failed');
    expect(job.problem).toMatch(/Tgl Lahir/);
    // A failed import resumes, by its uploader only: intake knows what it recorded by its caller's source record ids
    const colleague = clientOf('identity', { token: await tokenFor('tpps', '32.04', { subject: 'another-tpps' }) });
    expect((await colleague.post(`/v1/imports/${job.id}/resume`, {})).status).toBe(403);
    const resumed = await identity.post(`/v1/imports/${job.id}/resume`, {});
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ id: job.id, status: 'queued', problem: null });
    await expect(ended(identity, job.id)).resolves.toMatchObject({ status: 'failed' });

    const statistician = await tokenFor('statistician');
    expect((await upload(statistician, Buffer.from('x'), { type: 'text/csv' })).status).toBe(403);
  });

  it('a csv export gives the same prevalence as the same data sent through the batch APIs', async () => {
    // Given one export imported in one regency, and the same children and weighings registered and recorded
    // through the batch APIs in another (desa mapped one to one, NIKs re-issued there)
    const [importedIn, batchedIn] = ['32.05', '32.06'];
    const statistician = clientOf('reporting', { token: await tokenFor('statistician') });
    const indicators = ['stunting', 'wasting', 'underweight'] as const;
    const figures = async (regencyCode: string) =>
      Object.fromEntries(
        await Promise.all(
          indicators.map(async (indicator) => {
            const { status, body } = await statistician.get(
              `/v1/reports/${indicator}-prevalence?period=2025&groupBy=regency&regencyCode=${regencyCode}`,
            );
            expect(status).toBe(200);
            const row = (body.rows as Array<Record<string, number | null>>)[0] ?? {};
            const counts = Object.entries(row).filter(
              ([key, value]) => typeof value === 'number' && !/Pct|target/i.test(key),
            );
            return [indicator, Object.fromEntries(counts)] as const;
          }),
        ),
      ) as Record<string, Record<string, number>>;
    const caughtUp = async () => {
      await Promise.all([waitForRelay('identity'), waitForRelay('intake')]);
      await waitForCaughtUp('reporting', {
        'reporting-children': [TopicByService.identity],
        'reporting-measurements': [TopicByService.intake],
      });
    };
    await caughtUp();
    const before = { imported: await figures(importedIn), batched: await figures(batchedIn) };

    const generated = exportOf({
      regencyCode: importedIn,
      children: 40,
      weighingsPerChild: 6,
      seed: seed(),
      variations: { decimalComma: true, dateForms: ['dd/mm/yyyy'] },
    });
    const importer = await tokenFor('tpps', importedIn);
    const { body } = await upload(importer, await fileOf(generated, 'csv', ';'), { type: 'text/csv' });
    const job = await ended(clientOf('identity', { token: importer }), body.id);
    expect(job.counts).toMatchObject({ rejectedRows: 0, measurementsCreated: generated.rows.length });

    const batcher = await tokenFor('tpps', batchedIn);
    await sendThroughBatchApis(generated, importedIn, batchedIn, batcher);
    await caughtUp();

    // Then this run adds the same figures to both regencies
    const after = { imported: await figures(importedIn), batched: await figures(batchedIn) };
    const added = (regency: 'imported' | 'batched') =>
      Object.fromEntries(
        indicators.map((indicator) => [
          indicator,
          Object.fromEntries(
            Object.entries(after[regency][indicator]).map(([key, value]) => [
              key,
              value - (before[regency][indicator]?.[key] ?? 0),
            ]),
          ),
        ]),
      );
    expect(added('imported')['stunting']['measured']).toBe(generated.children.length);
    expect(added('imported')).toEqual(added('batched'));
  });
});

/** The export's children and weighings sent as JSON batches by a kabupaten integration of another regency. */
async function sendThroughBatchApis(generated: EppgbmExport, from: string, to: string, token: string): Promise<void> {
  const batches = exportAsBatches(generated, { regions, from, to, reissueNik: nikFor });
  const registered = await clientOf('identity', { token }).post('/v1/children:batch', { items: batches.registrations });
  expect(registered.status).toBe(200);
  const results = registered.body.results as Array<{ status: string; id: string }>;
  expect(results.filter((result) => result.status !== 'created')).toEqual([]);
  await waitForRelay('identity');
  await waitForCaughtUp('intake', { 'known-children': [TopicByService.identity] });
  const recorded = await clientOf('intake', { token }).post('/v1/measurements:batch', {
    items: batches.measurements(results.map((result) => result.id)),
  });
  expect(recorded.status).toBe(200);
  expect((recorded.body.results as Array<{ status: string }>).filter((result) => result.status !== 'created')).toEqual(
    [],
  );
}
