import { randomBytes } from 'node:crypto';
import { uuidV7, type ChildEventData, type EventEnvelope, type MeasurementEventData } from '@registry/contracts';
import {
  consumerSchemaSql,
  ensureTopics,
  EventStore,
  eventStoreSchemaSql,
  inTransaction,
  ProjectionConsumer,
} from '@registry/event-store';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { scratchDatabase, type ScratchDatabase } from '@registry/testing';
import type { Pool } from 'pg';
import { CaseTrackerProjection } from './case-tracker.projection';
import { interventionsSchemaSql } from './interventions-schema.migration';
import { interventionsWeightGainSql } from './weight-gain-facts.migration';

const suffix = randomBytes(4).toString('hex');
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

type WeightGain = MeasurementEventData<'measurement.weight-gain-rejudged'>['weightGain'];
type Recorded = EventEnvelope & { data: MeasurementEventData<'measurement.recorded'> };
const N: WeightGain = { judgement: 'N', gainGrams: 300, kbmGrams: 200, consecutiveT: 0 };
const TWO_T: WeightGain = { judgement: 'T', gainGrams: 0, kbmGrams: 200, consecutiveT: 2 };

/** A weighing of normal height and weight-for-height, as intake judged it: only the posyandu's reading speaks. */
function weighed(childId: string, measuredOn: string, weightGain: WeightGain, measurementId = uuidV7()) {
  const { data } = stunted(childId);
  return envelope('measurement.recorded', {
    ...data,
    measurementId,
    measuredOn,
    zScores: { ...data.zScores, heightForAge: -0.5 },
    classifications: { ...data.classifications, heightForAge: { code: 'normal', label: 'normal' } },
    weightGain,
    bgm: false,
  } satisfies MeasurementEventData<'measurement.recorded'>) as Recorded;
}

const rejudged = (childId: string, measurementId: string, weightGain: WeightGain) =>
  envelope('measurement.weight-gain-rejudged', {
    measurementId,
    childId,
    regencyCode: place.regencyCode,
    weightGain,
  } satisfies MeasurementEventData<'measurement.weight-gain-rejudged'>);

function stunted(childId: string) {
  return envelope('measurement.recorded', {
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
  } satisfies MeasurementEventData<'measurement.recorded'>) as Recorded;
}

const died = (childId: string) =>
  envelope('child.died', { childId, diedOn: '2025-08-18' } satisfies ChildEventData<'child.died'>);

describe('case tracker: cases from the identity and intake topics, effectively once (real PostgreSQL and Kafka)', () => {
  let scratch: ScratchDatabase | undefined;
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
    scratch = await scratchDatabase('interventions', 4);
    pool = scratch.pool;
    await pool.query(eventStoreSchemaSql);
    await pool.query(consumerSchemaSql);
    await pool.query(interventionsSchemaSql);
    await pool.query(interventionsWeightGainSql);
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
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: Object.values(topics).flatMap((t) => [t, `${t}.dlq`]) }).catch(() => undefined);
    await admin.disconnect();
    await scratch?.drop();
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

  it('follows a 2T weighing up until the next N', async () => {
    const childId = uuidV7();
    await publish(topics.identity, registered(childId));
    await publish(topics.intake, weighed(childId, '2025-08-15', TWO_T));
    await consumer.waitForCaughtUp();
    const [opened, ...none] = await caseEvents(childId);
    expect(none).toEqual([]);
    expect(opened).toMatchObject({
      type: 'case.opened',
      data: { type: 'growth_faltering', severity: 'moderate', urgent: false, openedOn: '2025-08-15' },
    });

    const gained = weighed(childId, '2025-09-15', N);
    await publish(topics.intake, gained);
    await consumer.waitForCaughtUp();
    expect((await caseEvents(childId)).slice(1)).toEqual([
      {
        type: 'case.closed',
        data: expect.objectContaining({
          caseId: opened.data.caseId,
          reason: 'recovered',
          closedOn: '2025-09-15',
          measurementId: gained.data.measurementId,
        }),
      },
    ]);
  });

  it('withdraws the follow-up, once, when a rejudgement turns its 2T into N; ignores one of an unknown weighing', async () => {
    const childId = uuidV7();
    const measurementId = uuidV7();
    await publish(topics.identity, registered(childId));
    await publish(topics.intake, weighed(childId, '2025-08-15', TWO_T, measurementId));
    await consumer.waitForCaughtUp();
    const [opened] = await caseEvents(childId);
    expect(opened.data).toMatchObject({ type: 'growth_faltering' });

    const rejudgement = rejudged(childId, measurementId, N);
    await publish(topics.intake, rejudgement, rejudgement, rejudged(childId, uuidV7(), TWO_T));
    await consumer.waitForCaughtUp();
    expect(consumer.metrics()).toMatchObject({ deadLettered: 0 });
    expect((await caseEvents(childId)).slice(1)).toEqual([
      {
        type: 'case.closed',
        data: expect.objectContaining({
          caseId: opened.data.caseId,
          reason: 'measurement_withdrawn',
          closedOn: '2025-08-20',
          measurementId,
        }),
      },
    ]);
    const { rows } = await pool.query(
      `SELECT weight_gain_judgement, consecutive_t, bgm FROM interventions_measurements WHERE child_id = $1`,
      [childId],
    );
    expect(rows).toEqual([{ weight_gain_judgement: 'N', consecutive_t: 0, bgm: false }]);
  });
});
