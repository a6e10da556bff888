import { TopicByService } from '@registry/contracts';
import { stackDatabaseName, waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, registration, tokenFor } from '../support/registry';
import { request, serviceUrl, servicePorts, type ServiceName } from '../support/services';

const services = Object.keys(servicePorts) as ServiceName[];

describe('the five services, started by scripts/services.sh', () => {
  it.each(services)('%s is ready: its PostgreSQL database is migrated and Kafka answers', async (service) => {
    const { status, body } = await request('GET', serviceUrl(service, '/ready'));
    expect(status).toBe(200);
    expect(body.info.postgresql).toEqual(
      expect.objectContaining({ status: 'up', database: stackDatabaseName(service) }),
    );
    expect(body.info.kafka).toEqual(
      expect.objectContaining({ status: 'up', brokers: process.env['KAFKA_BROKERS']!.split(',').length }),
    );
  });

  it.each(services)('%s publishes its OpenAPI document at /docs', async (service) => {
    const { status, body: document } = await request('GET', serviceUrl(service, '/docs/openapi.json'));
    expect(status).toBe(200);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/health', '/ready', '/relay']));
  });

  it.each(services)('%s tells the events it has stored and not yet published at /relay, to anyone', async (service) => {
    const { status, body } = await request('GET', serviceUrl(service, '/relay'));
    expect(status).toBe(200);
    expect(body).toEqual({ backlog: expect.any(Number) });
  });

  it("identity's /relay backlog is what its relay has still to publish: nil once it has caught up", async () => {
    // identity writes only when asked (interventions, say, also writes on the events it reads): nothing comes between
    await waitForRelay('identity');
    expect((await request('GET', serviceUrl('identity', '/relay'))).body).toEqual({ backlog: 0 });
  });

  it.each(services)('%s answers with a correlation id, reusing the caller’s', async (service) => {
    const response = await fetch(serviceUrl(service, '/health'), { headers: { 'x-correlation-id': 'smoke-42' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe('smoke-42');
  });
});

describe('one event through the real broker, from one service to another', () => {
  it('a child registered in identity reaches intake over Kafka, which then accepts its measurement', async () => {
    const token = await tokenFor('tpps', '36.03');
    const { body: child } = await clientOf('identity', { token }).post('/v1/children', registration());
    await waitForRelay('identity');
    await waitForCaughtUp('intake', { 'known-children': [TopicByService.identity] });
    const { status, body } = await clientOf('intake', { token }).post('/v1/measurements', {
      childId: child.id,
      measuredOn: '2025-06-01',
      heightCm: 75,
      weightKg: 9,
      position: 'lying',
      puskesmasCode: 'PKM-SMOKE',
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ childId: child.id, regencyCode: '36.03' });
  });
});
