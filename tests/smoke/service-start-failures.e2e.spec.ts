import { dropDatabase, eventually, request, startBuiltService, type StartedProcess } from '../support/services';

describe('a service whose dependencies or settings are wrong', () => {
  let running: StartedProcess | undefined;
  let scratchDatabase: string | undefined;
  afterEach(async () => {
    running?.child.kill('SIGTERM');
    await running?.exited;
    running = undefined;
    if (scratchDatabase) dropDatabase(scratchDatabase);
    scratchDatabase = undefined;
  });

  it('stays up without PostgreSQL or Kafka, and /ready says why with 503 instead of crash-looping', async () => {
    running = startBuiltService('identity', {
      PORT: '3901',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres',
      KAFKA_BROKERS: '127.0.0.1:2',
    });
    const health = await eventually(
      () => fetch('http://127.0.0.1:3901/health'),
      (r) => r.ok,
      'identity never answered /health',
    );
    expect(health.status).toBe(200);

    const { status, body } = await request('GET', 'http://127.0.0.1:3901/ready');
    expect(status).toBe(503);
    expect(body.error.postgresql.status).toBe('down');
    expect(body.error.postgresql.message).toMatch(/PostgreSQL: .*ECONNREFUSED/);
    expect(body.error.kafka.status).toBe('down');
    // /metrics still answers, without the series it cannot read rather than with zeros
    const metrics = await fetch('http://127.0.0.1:3901/metrics');
    expect(metrics.status).toBe(200);
    const scraped = await metrics.text();
    expect(scraped).toMatch(/^process_cpu_seconds_total /m);
    expect(scraped).not.toMatch(/^registry_(relay_backlog_events|consumer_lag_messages|consumer_dead_letters)\b/m);
    expect(running.child.exitCode).toBeNull();
  });

  it('stops at start with a message naming a missing or malformed variable', async () => {
    running = startBuiltService('intake', { KAFKA_BROKERS: 'not-a-broker', PORT: 'eighty' });
    const { code } = await running.exited;
    expect(code).toBe(78);
    expect(running.output()).toContain('DATABASE_URL is required');
    expect(running.output()).toContain('KAFKA_BROKERS must be a comma-separated list of host:port');
    expect(running.output()).toContain('PORT must be a whole number');
  });

  it('shuts down by itself on SIGTERM, closing its port', async () => {
    // A database of its own, dropped afterwards: the default one is the developer's (registry_reporting), and its
    // consumer groups (named after the database) those of the developer's running reporting service.
    scratchDatabase = `registry_e2e_shutdown_${process.pid}`;
    running = startBuiltService('reporting', {
      PORT: '3902',
      DATABASE_URL: process.env['DATABASE_URL'],
      DATABASE_NAME: scratchDatabase,
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'],
    });
    await eventually(
      () => fetch('http://127.0.0.1:3902/ready'),
      (r) => r.ok,
      'reporting never became ready',
      30_000,
    );
    running.child.kill('SIGTERM');
    // Nest runs the shutdown hooks (HTTP server closed, consumers drained, pools closed), then re-raises the signal.
    expect(await running.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(running.output()).toContain('shutting down');
    await expect(fetch('http://127.0.0.1:3902/health')).rejects.toThrow();
  });
});
