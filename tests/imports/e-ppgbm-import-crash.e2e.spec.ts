import { serviceDb } from '../support/caught-up';
import { clientOf, tokenFor } from '../support/registry';
import { eventually, killService, startServices } from '../support/services';
import { ended, exportOf, fileOf, rowsOf, upload, type ImportJob } from './e-ppgbm-fixture';

// 22,000 rows through identity, Kafka and intake, with a restart of identity in the middle.
jest.setTimeout(600_000);

/**
 * kill -9 of identity while an import sends its measurements: the job is in the database, not in memory, so the
 * restarted service resumes it after the last chunk it wrote, and what the killed process had sent already is
 * found again (an Idempotency-Key per chunk, a source record id per row), never recorded twice.
 */
describe('an import killed mid-job (kill -9 of identity) resumes and doubles nothing', () => {
  const regencyCode = '32.07';

  afterAll(() => startServices());

  it('registers every child once and records every weighing once', async () => {
    const generated = exportOf({
      regencyCode,
      children: 2000,
      weighingsPerChild: 11,
      seed: Math.floor(Math.random() * 2 ** 31),
      variations: { decimalComma: true, withoutNik: 0.1 },
    });
    const token = await tokenFor('tpps', regencyCode);
    const identity = clientOf('identity', { token });
    const { status, body } = await upload(token, await fileOf(generated, 'csv', ';'), { type: 'text/csv' });
    expect(status).toBe(202);

    // When identity is killed once the job sends measurements, past its first chunk
    const seen = await eventually(
      async () => (await identity.get(`/v1/imports/${body.id}`)).body as ImportJob,
      (job) =>
        (job.phase === 'measurements' && job.cursorRow > 1) || job.status === 'finished' || job.status === 'failed',
      'the import did not reach its measurements',
      300_000,
    );
    expect(seen).toMatchObject({ status: 'running', phase: 'measurements' });
    killService('identity');
    startServices();

    // Then it ends as an import never interrupted would
    const job = await ended(identity, body.id, 480_000);
    expect(job).toMatchObject({ status: 'finished', problem: null });
    expect(job.counts).toMatchObject({
      rows: generated.rows.length,
      childrenCreated: generated.children.length,
      measurementsCreated: generated.rows.length,
      rejectedRows: 0,
    });
    const rows = await rowsOf(identity, body.id);
    const childIds = [...new Set(rows.map((row) => row.childId!))];
    expect(childIds).toHaveLength(generated.children.length);
    const identityDb = serviceDb('identity');
    const intakeDb = serviceDb('intake');
    try {
      const registered = await identityDb.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM es_events WHERE type = 'child.registered' AND subject_id = ANY($1::text[])`,
        [childIds],
      );
      expect(registered.rows[0].n).toBe(generated.children.length);
      const recorded = await intakeDb.query<{ n: number; distinct: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT stream_id)::int AS distinct FROM es_events
          WHERE type = 'measurement.recorded' AND subject_id = ANY($1::text[])`,
        [childIds],
      );
      expect(recorded.rows[0]).toEqual({ n: generated.rows.length, distinct: generated.rows.length });
    } finally {
      await Promise.all([identityDb.end(), intakeDb.end()]);
    }
  });
});
