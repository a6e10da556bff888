import { TopicByService } from '@registry/contracts';
import { rebuildPlanOf, runRebuildCommand } from '@registry/operations';
import { UNMATCHED_ROUTE } from '@registry/platform';
import { stackTopic, waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, registration, tokenFor } from '../support/registry';
import { eventually, serviceUrl, servicePorts, type ServiceName } from '../support/services';

const services = Object.keys(servicePorts) as ServiceName[];

type Labels = Record<string, string>;
interface Sample {
  readonly name: string;
  readonly labels: Labels;
  readonly value: number;
}

/** One scrape of a service's /metrics, without a token, as Prometheus does it. */
async function scrape(service: ServiceName): Promise<Sample[]> {
  const response = await fetch(serviceUrl(service, '/metrics'));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return (await response.text()).split('\n').flatMap((line) => {
    const sample = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample) return [];
    const labels = Object.fromEntries([...(sample[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
    return [{ name: sample[1], labels, value: Number(sample[3]) }];
  });
}

/** The sum of the samples of one name whose labels include the given ones (0 when there is none yet). */
async function valueOf(service: ServiceName, name: string, labels: Labels = {}): Promise<number> {
  return (await scrape(service))
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

/** Waits until the metric reaches at least `least`: a metric is read at the scrape after the fact, never slept on. */
const reaches = (service: ServiceName, name: string, labels: Labels, least: number) =>
  eventually(
    () => valueOf(service, name, labels),
    (value) => value >= least,
    `${service} ${name}${JSON.stringify(labels)} did not reach ${least}`,
  );

describe('/metrics: Prometheus metrics of every running service', () => {
  it.each(services)('%s serves its metrics without a token, in the Prometheus text format', async (service) => {
    const names = new Set((await scrape(service)).map((sample) => sample.name));
    for (const name of [
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_p99_seconds',
      'http_server_request_duration_seconds_count',
      'registry_consumer_lag_messages',
      'registry_consumer_events_total',
      'registry_consumer_dead_letters',
      'db_client_connection_count',
      'db_client_connection_max',
    ])
      expect([service, name, names.has(name)]).toEqual([service, name, true]);
    // Both pools of its database: the event store's and MikroORM's.
    const pools = (await scrape(service))
      .filter((sample) => sample.name === 'db_client_connection_max')
      .map((sample) => sample.labels['db_client_connection_pool_name']);
    expect([service, pools]).toEqual([service, ['event-store', 'mikro-orm']]);
    // Reporting publishes nothing: it has no relay.
    const relayed = service !== 'reporting';
    expect(names.has('registry_relay_backlog_events')).toBe(relayed);
    expect(names.has('registry_relay_published_events_total')).toBe(relayed);
  });

  it('moves on a request, a published event and a consumed event', async () => {
    const token = await tokenFor('tpps', '36.03');
    const route = {
      http_request_method: 'POST',
      http_route: '/v1/measurements',
      http_response_status_code: '201',
    };
    const requests = 'http_server_request_duration_seconds_count';
    const published = 'registry_relay_published_events_total';
    const applied = { projection: 'reporting-measurements', outcome: 'applied' };
    const { body: child } = await clientOf('identity', { token }).post('/v1/children', registration());
    await waitForRelay('identity');
    await waitForCaughtUp('intake', { 'known-children': [TopicByService.identity] });

    // Given what the metrics say before
    const before = {
      requests: await valueOf('intake', requests, route),
      published: await valueOf('intake', published, { topic: stackTopic(TopicByService.intake) }),
      applied: await valueOf('reporting', 'registry_consumer_events_total', applied),
    };

    // When one measurement is recorded, published by intake's relay and applied by reporting
    const recorded = await clientOf('intake', { token }).post('/v1/measurements', {
      childId: child.id,
      measuredOn: '2025-06-01',
      heightCm: 75,
      weightKg: 9,
      position: 'lying',
      puskesmasCode: 'PKM-METRICS',
    });
    expect(recorded.status).toBe(201);
    await waitForRelay('intake');
    await waitForCaughtUp('reporting', { 'reporting-measurements': [TopicByService.intake] });

    // Then each of the three metrics moved
    await reaches('intake', requests, route, before.requests + 1);
    await reaches('intake', published, { topic: stackTopic(TopicByService.intake) }, before.published + 1);
    await reaches('reporting', 'registry_consumer_events_total', applied, before.applied + 1);
    // And the relay and the consumer report what they have caught up with
    expect(await valueOf('intake', 'registry_relay_backlog_events')).toBe(0);
    const lag = (await scrape('reporting')).filter(
      (s) => s.name === 'registry_consumer_lag_messages' && s.labels['projection'] === 'reporting-measurements',
    );
    expect(lag.map((s) => s.labels['topic'])).toEqual(lag.map(() => stackTopic(TopicByService.intake)));
    expect(lag.length).toBeGreaterThan(0);
  });

  it("shows a rebuild of the service's projections (npm run rebuild) as finished, with every event applied", async () => {
    const rebuilt = (rebuildPlanOf('intake') ?? []).map((step) => step.projection().name);
    expect(rebuilt.length).toBeGreaterThan(0);

    await runRebuildCommand(['intake'], process.env, () => undefined);

    const samples = await scrape('intake');
    const of = (name: string, projection: string) =>
      samples.find((s) => s.name === `registry_projection_rebuild_${name}` && s.labels['projection'] === projection)
        ?.value;
    for (const projection of rebuilt) {
      const sourceEvents = of('source_events', projection);
      expect({ projection, running: of('running', projection), failed: of('failed', projection) }).toEqual({
        projection,
        running: 0,
        failed: 0,
      });
      expect(sourceEvents).toBeGreaterThan(0);
      expect(of('applied_events', projection)).toBe(sourceEvents);
    }
  });

  it('labels a request by its route template, and every unknown path alike', async () => {
    const id = '0193f1c2-7a5b-7c3d-8e9f-000000000001';
    const corrections = { http_route: '/v1/measurements/:id/corrections', http_response_status_code: '401' };
    const unknown = { http_route: UNMATCHED_ROUTE, http_response_status_code: '404' };
    const name = 'http_server_request_duration_seconds_count';
    const before = {
      corrections: await valueOf('intake', name, corrections),
      unknown: await valueOf('intake', name, unknown),
    };

    await fetch(serviceUrl('intake', `/v1/measurements/${id}/corrections`), { method: 'POST' });
    await fetch(serviceUrl('intake', `/no/such/path/${id}`));

    await reaches('intake', name, corrections, before.corrections + 1);
    await reaches('intake', name, unknown, before.unknown + 1);
    const routes = new Set((await scrape('intake')).map((s) => s.labels['http_route']).filter(Boolean));
    expect([...routes].filter((r) => r.includes(id))).toEqual([]);
  });
});
