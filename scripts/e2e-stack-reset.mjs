// Keeps npm test's e2e stack consistent with the broker it runs on: its databases (<prefix>_<service>) hold the
// offsets its consumer groups (<prefix>_<service>.<projection>) committed to Kafka, and the two must start together.
//   node scripts/e2e-stack-reset.mjs <prefix> <broker formatted this run: yes|no>
// A broker formatted this run: any such databases were fed by another one (their offsets point past its end), and
// are dropped. A database that is missing: its groups' offsets would skip the events it never had, and are deleted.
// Kept otherwise, so a second run consumes only what is new, not the broker's whole history again.
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';

const [prefix, brokerIsNew] = process.argv.slice(2);
const server = new pg.Client({ connectionString: process.env.DATABASE_URL });
await server.connect();
const databases = async () =>
  (await server.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [`${prefix}_`])).rows.map(
    (row) => row.datname,
  );
if (brokerIsNew === 'yes')
  for (const database of await databases())
    await server.query(`DROP DATABASE ${pg.escapeIdentifier(database)} WITH (FORCE)`);
const kept = new Set(await databases());
await server.end();

const admin = new Kafka({ brokers: process.env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING }).admin();
await admin.connect();
const { groups } = await admin.listGroups();
const orphans = groups
  .map((group) => group.groupId)
  .filter((id) => id.startsWith(`${prefix}_`) && !kept.has(id.slice(0, id.indexOf('.'))));
if (orphans.length > 0) await admin.deleteGroups(orphans);
await admin.disconnect();
