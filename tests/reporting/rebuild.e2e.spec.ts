import { execFileSync } from 'node:child_process';
import { TopicByService } from '@registry/contracts';
import { EventStore, rebuildProjection, type Projection } from '@registry/event-store';
import { rebuildPlanOf, type RebuildSource } from '@registry/operations';
import { scratchDatabase, type ScratchDatabase } from '@registry/testing';
import type { Pool } from 'pg';
import { serviceDb, stackDatabaseName, stackTopic, waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, registration, tokenFor } from '../support/registry';

/** The content of the projection's tables, order-independent: equal digests mean equal read models. */
async function digest(pool: Pool, projection: Projection): Promise<Record<string, string>> {
  const entries = await Promise.all(
    projection.tables.map(async (table) => {
      const { rows } = await pool.query<{ digest: string; count: number }>(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest, count(*)::int AS count
           FROM ${table} t`,
      );
      return [table, `${rows[0].count}:${rows[0].digest}`] as const;
    }),
  );
  return Object.fromEntries(entries);
}

const urlOf = (database: string): string => {
  const url = new URL(process.env['DATABASE_URL']!);
  url.pathname = `/${database}`;
  return url.toString();
};

/**
 * Projections are disposable: rebuilt from position 0 of the event stores into an empty copy of reporting's schema,
 * they hold exactly what the running service built event by event from Kafka.
 */
describe('reporting projections rebuilt from the event stores equal the incrementally built ones', () => {
  let scratch: ScratchDatabase;
  const pools: Pool[] = [];

  beforeAll(async () => {
    scratch = await scratchDatabase('reporting_rebuild');
    const schema = execFileSync('pg_dump', [
      '--schema-only',
      '--no-owner',
      '--no-privileges',
      urlOf(stackDatabaseName('reporting')),
    ]);
    execFileSync('psql', [scratch.url, '-q', '-v', 'ON_ERROR_STOP=1'], { input: schema });
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await scratch.drop();
  });

  it('API keys, children, measurement versions with the prevalence aggregate, sponsorships and timeline', async () => {
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
    const sources = ['identity', 'intake', 'interventions', 'sponsorship'] as const;
    await Promise.all(sources.map((service) => waitForRelay(service)));
    await waitForCaughtUp('reporting', {
      'api-keys': [TopicByService.identity],
      'reporting-children': [TopicByService.identity],
      'reporting-measurements': [TopicByService.intake],
      'reporting-sponsorships': [TopicByService.sponsorship],
      'reporting-child-status': [TopicByService.identity, TopicByService.intake],
      'reporting-skdn': [TopicByService.identity, TopicByService.intake],
      'reporting-timeline': [
        TopicByService.identity,
        TopicByService.intake,
        TopicByService.interventions,
        TopicByService.sponsorship,
      ],
    });
    const live = serviceDb('reporting');
    const rebuilt = scratch.pool;
    pools.push(live);
    const store = (service: RebuildSource) => {
      const pool = serviceDb(service);
      pools.push(pool);
      return { topic: stackTopic(TopicByService[service]), store: new EventStore(pool) };
    };
    // The steps of `npm run rebuild -- reporting`, each compared with the live projection once it is rebuilt.
    let applied = 0;
    for (const step of rebuildPlanOf('reporting')!) {
      const projection = step.projection();
      applied += (
        await rebuildProjection({ pool: rebuilt, projection, sources: step.sources.map(store), finish: step.finish })
      ).applied;
      expect({ projection: projection.name, tables: await digest(rebuilt, projection) }).toEqual({
        projection: projection.name,
        tables: await digest(live, projection),
      });
    }
    expect(applied).toBeGreaterThan(0);
  });
});
