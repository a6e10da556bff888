import { Topics } from '@registry/contracts';
import { EventStore, rebuildProjection, type Projection } from '@registry/event-store';
import {
  ReportingChildrenProjection,
  ReportingMeasurementsProjection,
  ReportingSponsorshipsProjection,
  TimelineProjection,
} from '@registry/reporting-feature';
import type { Pool } from 'pg';
import { serviceDb, waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, registration, tokenFor } from '../support/registry';

/** The content of the projection's tables, order-independent: equal digests mean equal read models. */
async function digest(pool: Pool, projection: Projection): Promise<Record<string, string>> {
  const entries = await Promise.all(
    projection.tables.map(async (table) => {
      const { rows } = await pool.query<{ digest: string }>(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`,
      );
      return [table, rows[0].digest] as const;
    }),
  );
  return Object.fromEntries(entries);
}

describe('reporting projections are disposable: a rebuild from position 0 equals the incrementally built state', () => {
  const pools: Pool[] = [];
  afterAll(() => Promise.all(pools.map((pool) => pool.end())));

  it('rebuilds children, measurements, sponsorships and timeline to the same content', async () => {
    const token = await tokenFor('tpps', '36.03');
    const { body: child } = await clientOf('identity', { token }).post('/v1/children', registration());
    const { body: recorded } = await clientOf('intake', { token }).post('/v1/measurements', {
      childId: child.id,
      measuredOn: '2025-05-05',
      heightCm: 74,
      weightKg: 9,
      position: 'lying',
      puskesmasCode: 'PKM-REBUILD',
    });
    await clientOf('intake', { token }).post(`/v1/measurements/${recorded.id}/corrections`, {
      heightCm: 75,
      reason: 'misread',
    });
    await Promise.all(['identity', 'intake', 'interventions', 'sponsorship'].map((service) => waitForRelay(service)));
    const all = [Topics.identity, Topics.intake, Topics.interventions, Topics.sponsorship];
    await waitForCaughtUp('reporting', {
      'reporting-children': [Topics.identity],
      'reporting-measurements': [Topics.intake],
      'reporting-sponsorships': [Topics.sponsorship],
      'reporting-timeline': all,
    });
    const reporting = serviceDb('reporting');
    pools.push(reporting);
    const store = (service: string) => {
      const pool = serviceDb(service);
      pools.push(pool);
      return new EventStore(pool);
    };
    const plan: Array<[Projection, EventStore[]]> = [
      [new ReportingChildrenProjection(), [store('identity')]],
      [new ReportingMeasurementsProjection(), [store('intake')]],
      [new ReportingSponsorshipsProjection(), [store('sponsorship')]],
      [new TimelineProjection(), ['identity', 'intake', 'interventions', 'sponsorship'].map(store)],
    ];
    for (const [projection, sources] of plan) {
      const incremental = await digest(reporting, projection);
      const { applied } = await rebuildProjection({ pool: reporting, projection, sources });
      expect(applied).toBeGreaterThan(0);
      expect(await digest(reporting, projection)).toEqual(incremental);
    }
  });
});
