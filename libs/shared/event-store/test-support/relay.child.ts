// A relay in its own process, so a test can SIGKILL it between a broker acknowledgement and the checkpoint write.
import { Pool } from 'pg';
import { KafkaRelay } from '../src';
import { testKafka } from './infra';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const relay = new KafkaRelay({
  pool: new Pool({ connectionString: env('STORE_DATABASE_URL'), max: 3 }),
  kafka: testKafka('relay-child'),
  topic: env('TOPIC'),
  batchSize: Number(env('BATCH_SIZE')),
});
void relay.start().then(() => console.log('started'));
