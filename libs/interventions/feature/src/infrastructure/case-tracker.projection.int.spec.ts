import { randomBytes } from 'node:crypto';
import { uuidV7, type ChildEventData, type EventEnvelope, type MeasurementEventData } from '@registry/contracts';
import {
  consumerSchemaSql,
  databaseUrl,
  ensureDatabase,
  ensureTopics,
  EventStore,
  eventStoreSchemaSql,
  inTransaction,
  ProjectionConsumer,
} from '@registry/event-store';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client, escapeIdentifier, Pool } from 'pg';
import { CaseTrackerProjection } from './case-tracker.projection';
import { interventionsSchemaSql } from './interventions-schema.migration';

const suffix = randomBytes(4).toString('hex');
const databaseName = `registry_test_interventions_${suffix}`;
const topics = { identity: `interventions-test.${suffix}.child`, intake: `interventions-test.${suffix}.measurement` };
const kafka = new Kafka({
  clientId: 'case-tracker-test',
  brokers: process.env['KAFKA_BROKERS']!.split(','),
  logLevel: logLevel.NOTHING,
});

const place = { villageCode: '36.03.20.2002', districtCode: '36.03.20', regencyCode: '36.03' };

let sequence = 0;
/** An envelope as another service's relay publishes it; only its id, type, time and data matter to the tracker. */
function envelope<Data extends { childId: string }>(
  type: string,
  data: Data,
  occurredAt = '2025-08-20T03:00:00.000Z',
): EventEnvelope {
  sequence += 1;
  const { childId } = data;
  return {
    eventId: uuidV7(),
    type,
    schemaVersion: 1,
    streamId: `test-${childId}`,
    streamVersion: sequence,
    globalPosition: String(sequence),
    subjectId: childId,
    occurredAt,
    recordedAt: occurredAt,
    regencyCode: place.regencyCode,
    actor: { subject: 'kader-1', role: 'kader' },
    correlationId: uuidV7(),
    causationId: null,
    data,
    previousHash: null,
    hash: 'h',
  };
}

const registered = (childId: string) =>
  envelope('child.registered', {
    childId,
    sex: 'male',
    birthDate: '2024-08-01',
    birthWeightGrams: null,
    birthLengthCm: null,
    ...place,
    hasNik: false,
    personalDataVersion: 1,
    personalDataHash: 'h',
  } satisfies ChildEventData<'child.registered'>);

const stunted = (childId: string) =>
  envelope('measurement.recorded', {
    measurementId: uuidV7(),
    childId,
    measuredOn: '2025-08-15',
    weightKg: 8.2,
    heightCm: 70,
    position: 'lying',
    headCircumferenceCm: null,
    muacCm: null,
    oedema: false,
    ageDays: 379,
    ageMonths: 12.45,
    correctedHeightCm: 70,
    zScores: {
      heightForAge: -2.6,
      weightForAge: -1.5,
      weightForHeight: -0.4,
      bmiForAge: -0.3,
      headCircumferenceForAge: null,
    },
    classifications: {
      heightForAge: { code: 'stunted', label: 'pendek' },
      weightForAge: { code: 'normal', label: 'normal' },
      weightForHeight: { code: 'normal', label: 'gizi baik' },
      bmiForAge: { code: 'normal', label: 'gizi baik' },
    },
    flags: {
      heightForAge: false,
      weightForAge: false,
      weightForHeight: false,
      bmiForAge: false,
      headCircumferenceForAge: false,
      positionUnder9MonthsStanding: false,
    },
    puskesmasCode: 'P3603200101',
    posyanduCode: null,
    ...place,
    standard: 'WHO-2006',
    sourceRecordId: null,
  } satisfies MeasurementEventData<'measurement.recorded'>);

const died = (childId: string) =>
  envelope('child.died', { childId, diedOn: '2025-08-18' } satisfies ChildEventData<'child.died'>);

describe('case tracker: cases from the identity and intake topics, effectively once (real PostgreSQL and Kafka)', () => {
  let pool: Pool;
  let producer: Producer;
  let consumer: ProjectionConsumer;

  const publish = (topic: string, ...events: EventEnvelope[]) =>
    producer.send({
      topic,
      acks: -1,
      messages: events.map((event) => ({ key: event.subjectId, value: JSON.stringify(event) })),
    });
  const caseEvents = async (childId: string) =>
    (
      await pool.query<{ type: string; data: { caseId: string; reason?: string } }>(
        `SELECT type, data FROM es_events WHERE subject_id = $1 ORDER BY global_position`,
        [childId],
      )
    ).rows;

  beforeAll(async () => {
    await ensureDatabase(process.env['DATABASE_URL']!, databaseName);
    pool = new Pool({ connectionString: databaseUrl(process.env['DATABASE_URL']!, databaseName), max: 4 });
    await pool.query(eventStoreSchemaSql);
    await pool.query(consumerSchemaSql);
    await pool.query(interventionsSchemaSql);
    await ensureTopics(
      kafka,
      Object.values(topics).flatMap((t) => [t, `${t}.dlq`]),
      3,
    );
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    consumer = new ProjectionConsumer({
      pool,
      kafka,
      topics: Object.values(topics),
      projection: new CaseTrackerProjection(new EventStore(pool)),
      groupId: `case-tracker-test-${suffix}`,
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await producer?.disconnect();
    await pool?.end();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: Object.values(topics).flatMap((t) => [t, `${t}.dlq`]) }).catch(() => undefined);
    await admin.disconnect();
    const server = new Client({ connectionString: process.env['DATABASE_URL'] });
    await server.connect();
    await server.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(databaseName)} WITH (FORCE)`);
    await server.end();
  });

  it('opens one case however often the measurement is delivered, in whatever order the topics arrive', async () => {
    const childId = uuidV7();
    const measurement = stunted(childId);
    // The measurement comes before the registration, then again (a redelivery).
    await publish(topics.intake, measurement, measurement);
    await publish(topics.identity, registered(childId));
    await consumer.waitForCaughtUp();
    expect(consumer.metrics()).toMatchObject({ duplicatesSkipped: 1, deadLettered: 0 });
    const [opened, ...more] = await caseEvents(childId);
    expect(more).toEqual([]);
    expect(opened).toMatchObject({ type: 'case.opened', data: { type: 'stunting', openedOn: '2025-08-15' } });

    // Even applied again without the consumer's claim, it decides nothing new: the case file, not history, decides.
    await inTransaction(pool, (client) => new CaseTrackerProjection(new EventStore(pool)).apply(measurement, client));
    expect(await caseEvents(childId)).toEqual([opened]);
  });

  it('closes the case of a child who died, once, however often the death is delivered', async () => {
    const childId = uuidV7();
    await publish(topics.identity, registered(childId));
    await publish(topics.intake, stunted(childId));
    await consumer.waitForCaughtUp();
    const death = died(childId);
    await publish(topics.identity, death, death);
    await consumer.waitForCaughtUp();
    const [opened, closed, ...more] = await caseEvents(childId);
    expect(more).toEqual([]);
    expect(closed).toEqual({
      type: 'case.closed',
      data: expect.objectContaining({ caseId: opened.data.caseId, reason: 'died', closedOn: '2025-08-18' }),
    });
    const { rows } = await pool.query(`SELECT status, close_reason FROM interventions_cases WHERE child_id = $1`, [
      childId,
    ]);
    expect(rows).toEqual([{ status: 'closed', close_reason: 'died' }]);
  });
});
