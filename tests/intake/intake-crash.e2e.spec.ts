import { serviceDb, waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, tokenFor, type Client } from '../support/registry';
import { killService, startServices } from '../support/services';
import { loadRegions } from '@registry/reference-data';

/**
 * kill -9 of the intake service while a weighing-day batch is being written, then the integration's retry:
 * every acknowledged measurement is there once, nothing is recorded twice, and everything reaches Kafka.
 */
describe('intake crash in the middle of a batch (real services, PostgreSQL and Kafka)', () => {
  const regencyCode = '64.02';
  const villages = loadRegions()
    .childrenOf(regencyCode)
    .flatMap((district) => loadRegions().childrenOf(district.code))
    .slice(0, 20);
  const run = Date.now().toString(36);
  let identity: Client;
  let intake: Client;

  beforeAll(async () => {
    const token = await tokenFor('tpps', regencyCode);
    identity = clientOf('identity', { token });
    intake = clientOf('intake', { token });
  });

  afterAll(() => startServices());

  it('loses no acknowledged measurement and doubles none when killed mid-batch and the batch is resent', async () => {
    // Given 1,000 registered children that intake knows
    const registered = await identity.post('/v1/children:batch', {
      items: Array.from({ length: 1000 }, (_, i) => ({
        name: `Anak Crash ${run} ${i}`,
        sex: i % 2 ? 'female' : 'male',
        birthDate: '2024-02-10',
        mother: { name: `Ibu Crash ${run} ${i}` },
        address: { villageCode: villages[i % villages.length].code },
      })),
    });
    expect(registered.status).toBe(200);
    const childIds = (registered.body.results as Array<{ id: string }>).map((r) => r.id);
    await waitForRelay('identity');
    await waitForCaughtUp('intake', { 'known-children': ['registry.child.v1'] });
    const items = childIds.flatMap((childId, i) =>
      ['2025-05-10', '2025-06-10', '2025-07-10', '2025-08-10'].map((measuredOn, visit) => ({
        childId,
        measuredOn,
        weightKg: (80 + visit * 3 + (i % 7)) / 10,
        heightCm: (720 + visit * 8) / 10,
        position: 'lying',
        puskesmasCode: 'P6402CRASH',
        sourceRecordId: `crash-${run}-${i}-${visit}`,
      })),
    );
    const [first, second] = [items.slice(0, 2000), items.slice(2000)];
    const acknowledged = new Map<string, string>();
    const acknowledge = (
      body: { results: Array<{ status: string; measurement?: { id: string } }> },
      sent: typeof items,
    ) =>
      body.results.forEach((result, i) => {
        expect({ status: result.status, reasons: (result as { reasons?: string[] }).reasons }).toEqual({
          status: expect.stringMatching(/^(created|duplicate)$/),
          reasons: undefined,
        });
        acknowledged.set(sent[i].sourceRecordId, result.measurement!.id);
      });

    // When the first batch is acknowledged, and intake is killed while it writes the second
    const answered = await intake.post('/v1/measurements:batch', { items: first });
    expect(answered.status).toBe(200);
    acknowledge(answered.body, first);
    const inFlight = intake.post('/v1/measurements:batch', { items: second }).then(
      (response) => response,
      (error: Error) => error,
    );
    const db = serviceDb('intake');
    try {
      // (or once it answered already, if it was that fast: the kill then hits a relay with events to publish)
      await Promise.race([waitForBatchTransaction(db), inFlight]);
      killService('intake');
      const outcome = await inFlight;
      if (!(outcome instanceof Error) && outcome.status === 200) acknowledge(outcome.body, second);

      // And the integration resends the second batch once intake is back
      startServices();
      const resent = await intake.post('/v1/measurements:batch', { items: second });
      expect(resent.status).toBe(200);
      acknowledge(resent.body, second);

      // Then every record id has exactly one measurement, the one acknowledged for it
      const { rows } = await db.query<{ source_record_id: string; measurement_id: string }>(
        `SELECT s.source_record_id, s.measurement_id FROM intake_source_records s WHERE s.source_record_id LIKE $1`,
        [`crash-${run}-%`],
      );
      expect(rows).toHaveLength(items.length);
      expect(new Map(rows.map((row) => [row.source_record_id, row.measurement_id]))).toEqual(acknowledged);
      const { rows: events } = await db.query<{ recorded: number; streams: number }>(
        `SELECT count(*)::int AS recorded, count(DISTINCT stream_id)::int AS streams FROM es_events
          WHERE type = 'measurement.recorded' AND subject_id = ANY($1)`,
        [childIds],
      );
      expect(events[0]).toEqual({ recorded: items.length, streams: items.length });

      // And each reached Kafka once: the reporting projection holds one version per measurement
      await waitForRelay('intake');
      await waitForCaughtUp('reporting', { 'reporting-measurements': ['registry.measurement.v1'] });
      const reporting = serviceDb('reporting');
      try {
        const { rows: versions } = await reporting.query<{ n: number; distinct_ids: number }>(
          `SELECT count(*)::int AS n, count(DISTINCT measurement_id)::int AS distinct_ids
             FROM reporting_measurement_versions WHERE child_id = ANY($1)`,
          [childIds],
        );
        expect(versions[0]).toEqual({ n: items.length, distinct_ids: items.length });
      } finally {
        await reporting.end();
      }
    } finally {
      await db.end();
    }
  }, 240_000);
});

/** Resolves once intake is inside the batch's write transaction, the moment a kill hurts most. */
async function waitForBatchTransaction(db: ReturnType<typeof serviceDb>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { rows } = await db.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state IN ('active', 'idle in transaction')
          AND xact_start IS NOT NULL AND pid <> pg_backend_pid() AND query ILIKE '%es_append%'`,
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('intake never started writing the batch');
}
