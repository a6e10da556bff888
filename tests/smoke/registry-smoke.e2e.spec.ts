import { request, serviceUrl, servicePorts, type ServiceName } from '../support/services';

const services = Object.keys(servicePorts) as ServiceName[];

describe('the five services, started by scripts/services.sh', () => {
  it.each(services)('%s is ready: its PostgreSQL database is migrated and Kafka answers', async (service) => {
    const { status, body } = await request('GET', serviceUrl(service, '/ready'));
    expect(status).toBe(200);
    expect(body.info.postgresql).toEqual(expect.objectContaining({ status: 'up', database: `registry_${service}` }));
    expect(body.info.kafka).toEqual(expect.objectContaining({ status: 'up', brokers: 1 }));
  });

  it.each(services)('%s publishes its OpenAPI document at /docs', async (service) => {
    const { status, body: document } = await request('GET', serviceUrl(service, '/docs/openapi.json'));
    expect(status).toBe(200);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/health', '/ready']));
  });

  it.each(services)('%s answers with a correlation id, reusing the caller’s', async (service) => {
    const response = await fetch(serviceUrl(service, '/health'), { headers: { 'x-correlation-id': 'smoke-42' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe('smoke-42');
  });
});
