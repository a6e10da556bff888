import { ApiKeyProjection } from '@registry/access';
import { DEFAULT_STACK, TopicByService, topicIn } from '@registry/contracts';
import { EventStore, rebuildProjection, type Projection, type ProjectionSource } from '@registry/event-store';
import { KnownChildrenProjection as IntakeKnownChildren } from '@registry/intake-feature';
import { defaultDatabaseName, serviceDatabaseUrl } from '@registry/platform';
import {
  ReportingChildrenProjection,
  ReportingChildStatusProjection,
  ReportingMeasurementsProjection,
  ReportingSkdnProjection,
  ReportingSponsorshipsProjection,
  TimelineProjection,
} from '@registry/reporting-feature';
import { CareProjection, GrowthProjection } from '@registry/sponsorship-feature';
import { Pool } from 'pg';

export type RebuildSource = keyof typeof TopicByService;

export interface RebuildStep {
  readonly projection: () => Projection;
  readonly sources: readonly RebuildSource[];
  /** False when a later step of the same plan does this projection's finishRebuild work again from scratch. */
  readonly finish?: false;
}

/**
 * The Kafka-fed read models that are pure functions of the events, by service, with the services whose event
 * stores feed them. Projections that decide (interventions' case tracker, sponsorship's follow-child policy) append
 * events of their own and are not rebuilt this way: their state is their own event store.
 */
const REBUILDABLE: Record<string, readonly RebuildStep[]> = {
  reporting: [
    { projection: () => new ApiKeyProjection(), sources: ['identity'] },
    // Its finish builds the prevalence aggregate from the merges; the measurements' rebuild next builds it anew.
    { projection: () => new ReportingChildrenProjection(), sources: ['identity'], finish: false },
    { projection: () => new ReportingMeasurementsProjection(), sources: ['intake'] },
    { projection: () => new ReportingSponsorshipsProjection(), sources: ['sponsorship'] },
    { projection: () => new ReportingChildStatusProjection(), sources: ['identity', 'intake'] },
    { projection: () => new ReportingSkdnProjection(), sources: ['identity', 'intake'] },
    { projection: () => new TimelineProjection(), sources: ['identity', 'intake', 'interventions', 'sponsorship'] },
  ],
  intake: [
    { projection: () => new ApiKeyProjection(), sources: ['identity'] },
    { projection: () => new IntakeKnownChildren(), sources: ['identity'] },
  ],
  sponsorship: [
    { projection: () => new GrowthProjection(), sources: ['intake'] },
    { projection: () => new CareProjection(), sources: ['interventions'] },
  ],
};

/** The steps `npm run rebuild -- <service>` takes, in order; undefined for a service with nothing to rebuild. */
export const rebuildPlanOf = (service: string): readonly RebuildStep[] | undefined => REBUILDABLE[service];

/**
 * `npm run rebuild -- reporting`: rebuilds every rebuildable projection of a service from position 0 of the source
 * event stores, each in one transaction (readers see the old state until it commits). Stop the service first.
 */
export async function runRebuildCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<string> {
  const service = argv[0];
  const plan = REBUILDABLE[service ?? ''];
  if (!plan) return `usage: npm run rebuild -- ${Object.keys(REBUILDABLE).join('|')}`;
  const adminUrl = env['DATABASE_URL'];
  if (!adminUrl) throw new Error('DATABASE_URL is required (npm run infra:up writes it to .var/infra.env)');
  const stack = env['REGISTRY_STACK'] || DEFAULT_STACK;
  const pools = new Map<string, Pool>();
  const poolOf = (name: string) => {
    const pool =
      pools.get(name) ??
      new Pool({
        connectionString: serviceDatabaseUrl(adminUrl, defaultDatabaseName(name, stack)),
        max: 2,
      });
    pools.set(name, pool);
    return pool;
  };
  const lines: string[] = [];
  try {
    for (const { projection, sources, finish } of plan) {
      const target = projection();
      const readers: ProjectionSource[] = sources.map((source) => ({
        topic: topicIn(stack, TopicByService[source]),
        store: new EventStore(poolOf(source)),
      }));
      const started = process.hrtime.bigint();
      const { applied } = await rebuildProjection({
        pool: poolOf(service),
        projection: target,
        sources: readers,
        batchSize: 2000,
        finish,
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const line = `${service}/${target.name}: ${applied} events in ${seconds.toFixed(2)} s (${Math.round(applied / seconds)} events/s)`;
      log(line);
      lines.push(line);
    }
  } finally {
    await Promise.all([...pools.values()].map((pool) => pool.end()));
  }
  return lines.join('\n');
}
