// A projection consumer in its own process that hangs inside apply() of the event with id HANG_ON_EVENT_ID,
// so the test can SIGKILL it after the events before it were committed to PostgreSQL (in chunks of CHUNK_SIZE
// messages per transaction) but before the Kafka offsets of their batch were committed.
import { Pool } from 'pg';
import type { EventEnvelope } from '@registry/contracts';
import { ProjectionConsumer } from '../src';
import { SubjectTotalsProjection } from './fixtures';
import { testKafka } from './infra';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

class HangingProjection extends SubjectTotalsProjection {
  override async apply(event: EventEnvelope, client: Parameters<SubjectTotalsProjection['apply']>[1]): Promise<void> {
    if (event.eventId === env('HANG_ON_EVENT_ID')) {
      console.log(`hanging on ${event.eventId}`);
      await new Promise(() => undefined);
    }
    await super.apply(event, client);
    console.log(`applied ${event.eventId}`);
  }
}

const pool = new Pool({ connectionString: env('PROJECTION_DATABASE_URL'), max: 2 });
const consumer = new ProjectionConsumer({
  pool,
  kafka: testKafka('hanging-consumer'),
  topics: [env('TOPIC')],
  projection: new HangingProjection(env('PROJECTION_NAME')),
  groupId: env('GROUP_ID'),
  sessionTimeoutMs: 3_000,
  heartbeatIntervalMs: 300,
  chunkSize: Number(process.env['CHUNK_SIZE'] ?? 500),
});
void consumer.start().then(() => console.log('started'));
