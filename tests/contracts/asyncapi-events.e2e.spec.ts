import { randomUUID } from 'node:crypto';
import Ajv, { type ValidateFunction } from 'ajv';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import {
  asyncApiDocument,
  TopicByService,
  type AsyncApiDocument,
  type EventEnvelope,
  type ProducingService,
} from '@registry/contracts';
import { PUBLISHED_ENVELOPE_SQL } from '@registry/event-store';
import { serviceDb, stackName, stackTopic, waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, places, registration, tokenFor } from '../support/registry';
import { databaseOf, request, serviceUrl, servicePorts, type ServiceName } from '../support/services';

/**
 * The AsyncAPI document holds for what the running registry publishes: every event the producing services stored
 * (as the relay writes it to Kafka) and every message on their topics match the document's message for their type,
 * on the channel of their topic. The test registers a child and weighs it first, so it never passes on empty stores;
 * beyond those, it checks whatever the other tests left.
 */
const producers = Object.keys(TopicByService) as ProducingService[];
const PAGE = 5_000;
/** Enough to say what is wrong; the rest would only repeat it. */
const REPORTED = 20;

interface MessageValidators {
  readonly payload: ValidateFunction;
  readonly headers: ValidateFunction;
}

/** The channel's message validators by event type, for the channel whose address is the stack's topic. */
function validatorsOf(document: AsyncApiDocument, producer: ProducingService): Map<string, MessageValidators> {
  const ajv = new Ajv({ strict: true, allErrors: true });
  const address = stackTopic(TopicByService[producer]);
  const channel = Object.values(document.channels).find((candidate) => candidate.address === address);
  if (!channel) throw new Error(`the document has no channel for ${address}`);
  return new Map(
    Object.keys(channel.messages).map((type) => {
      const message = document.components.messages[type];
      return [type, { payload: ajv.compile(message.payload), headers: ajv.compile(message.headers) }];
    }),
  );
}

const problemsOf = (validate: ValidateFunction): string =>
  (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`).join('; ');

/** Why the envelope does not match its message on this channel; null when it does. */
function payloadProblem(validators: Map<string, MessageValidators>, envelope: EventEnvelope): string | null {
  const message = validators.get(envelope.type);
  if (!message) return `${envelope.type} is no message of this channel`;
  return message.payload(envelope) ? null : problemsOf(message.payload);
}

/** The event id if it was among those checked: a failure then names what is missing, not thousands of others. */
const foundIn = (seen: ReadonlySet<string>, eventId: string): string =>
  seen.has(eventId) ? eventId : `not among the ${seen.size} checked`;

const headerText = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [name, String(Array.isArray(value) ? value[0] : value)]),
  );

describe('the AsyncAPI document against the events the registry stores and publishes', () => {
  let document: AsyncApiDocument;
  const ours = { childRegistered: '', measurementRecorded: '' };

  beforeAll(async () => {
    const { status, body } = await request('GET', serviceUrl('identity', '/asyncapi.json'));
    expect(status).toBe(200);
    document = body as AsyncApiDocument;

    const token = await tokenFor('tpps', places.tangerang.regencyCode);
    const child = await clientOf('identity', { token }).post('/v1/children', registration());
    expect(child.status).toBe(201);
    await waitForRelay('identity');
    await waitForCaughtUp('intake', { 'known-children': [TopicByService.identity] });
    const measurement = await clientOf('intake', { token }).post('/v1/measurements', {
      childId: child.body.id,
      measuredOn: '2025-07-01',
      weightKg: 9,
      heightCm: 75,
      position: 'lying',
      puskesmasCode: 'PKM-ASYNCAPI',
    });
    expect(measurement.status).toBe(201);
    await waitForRelay('intake');

    const identityDb = serviceDb('identity', await databaseOf('identity'));
    const intakeDb = serviceDb('intake', await databaseOf('intake'));
    try {
      const registered = await identityDb.query<{ event_id: string }>(
        `SELECT event_id::text FROM es_events WHERE type = 'child.registered' AND data->>'childId' = $1`,
        [child.body.id],
      );
      const recorded = await intakeDb.query<{ event_id: string }>(
        `SELECT event_id::text FROM es_events WHERE type = 'measurement.recorded' AND data->>'measurementId' = $1`,
        [measurement.body.id],
      );
      ours.childRegistered = registered.rows[0].event_id;
      ours.measurementRecorded = recorded.rows[0].event_id;
    } finally {
      await Promise.all([identityDb.end(), intakeDb.end()]);
    }
  });

  it.each(Object.keys(servicePorts) as ServiceName[])(
    "%s serves the document the contracts generate, naming this stack's topics",
    async (service) => {
      const { status, body } = await request('GET', serviceUrl(service, '/asyncapi.json'));
      expect(status).toBe(200);
      expect(body).toEqual(asyncApiDocument(stackName()));
    },
  );

  it.each(producers)('%s: every stored event matches its message, as the relay publishes it', async (producer) => {
    const validators = validatorsOf(document, producer);
    const db = serviceDb(producer, await databaseOf(producer));
    const failures: string[] = [];
    const seen = new Set<string>();
    try {
      for (let after = '0'; ;) {
        const { rows } = await db.query<{ position: string; json: string }>(
          `SELECT global_position::text AS position, ${PUBLISHED_ENVELOPE_SQL} AS json FROM es_events
            WHERE global_position > $1::bigint ORDER BY global_position LIMIT ${PAGE}`,
          [after],
        );
        for (const row of rows) {
          const envelope = JSON.parse(row.json) as EventEnvelope;
          const problem = payloadProblem(validators, envelope);
          if (problem && failures.length < REPORTED) failures.push(`${envelope.type} ${envelope.eventId}: ${problem}`);
          seen.add(envelope.eventId);
        }
        if (rows.length < PAGE) break;
        after = rows[rows.length - 1].position;
      }
    } finally {
      await db.end();
    }
    expect(failures).toEqual([]);
    if (producer === 'identity') expect(foundIn(seen, ours.childRegistered)).toBe(ours.childRegistered);
    if (producer === 'intake') expect(foundIn(seen, ours.measurementRecorded)).toBe(ours.measurementRecorded);
  });

  it('every message on the topics matches its message: value, key and headers', async () => {
    const kafka = new Kafka({
      clientId: 'asyncapi-check',
      brokers: process.env['KAFKA_BROKERS']!.split(','),
      logLevel: logLevel.NOTHING,
    });
    const validators = new Map(
      producers.map((producer) => [stackTopic(TopicByService[producer]), validatorsOf(document, producer)]),
    );
    const admin = kafka.admin();
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const topics = [...validators.keys()].filter((topic) => existing.has(topic));
    const ends = new Map(
      await Promise.all(topics.map(async (topic) => [topic, await admin.fetchTopicOffsets(topic)] as const)),
    );
    const remaining = new Set(
      [...ends].flatMap(([topic, partitions]) =>
        partitions.filter((p) => Number(p.high) > 0).map((p) => `${topic}/${p.partition}`),
      ),
    );
    const failures: string[] = [];
    const seen = new Set<string>();
    const groupId = `asyncapi-check-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, sessionTimeout: 6000 });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      await new Promise<void>((resolve) => {
        if (remaining.size === 0) resolve();
        void consumer.run({
          eachMessage: async ({ topic, partition, message }) => {
            const at = `${topic}/${partition}@${message.offset}`;
            const high = ends.get(topic)!.find((p) => p.partition === partition)!.high;
            if (Number(message.offset) + 1 >= Number(high)) remaining.delete(`${topic}/${partition}`);
            const problems = messageProblems(
              validators.get(topic)!,
              message.key,
              message.value,
              headerText(message.headers),
            );
            if (problems.envelope) seen.add(problems.envelope.eventId);
            if (problems.found.length > 0 && failures.length < REPORTED)
              failures.push(`${at}: ${problems.found.join('; ')}`);
            if (remaining.size === 0) resolve();
          },
        });
      });
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    }
    expect(failures).toEqual([]);
    expect(foundIn(seen, ours.childRegistered)).toBe(ours.childRegistered);
    expect(foundIn(seen, ours.measurementRecorded)).toBe(ours.measurementRecorded);
  });
});

/** What is wrong with one Kafka message, judged by the document's message for its type. */
function messageProblems(
  validators: Map<string, MessageValidators>,
  key: Buffer | null,
  value: Buffer | null,
  headers: Record<string, string>,
): { readonly envelope: EventEnvelope | null; readonly found: string[] } {
  let envelope: EventEnvelope;
  try {
    envelope = JSON.parse(value?.toString('utf8') ?? 'null') as EventEnvelope;
  } catch {
    return { envelope: null, found: ['the value is not JSON'] };
  }
  if (typeof envelope !== 'object' || envelope === null) return { envelope: null, found: ['the value is no envelope'] };
  const found: string[] = [];
  const payload = payloadProblem(validators, envelope);
  if (payload) found.push(`value: ${payload}`);
  const message = validators.get(envelope.type);
  if (message && !message.headers(headers)) found.push(`headers: ${problemsOf(message.headers)}`);
  const repeated: Array<readonly [string, string | undefined, unknown]> = [
    ['key', key?.toString('utf8'), envelope.subjectId],
    ['event-type', headers['event-type'], envelope.type],
    ['event-id', headers['event-id'], envelope.eventId],
    ['schema-version', headers['schema-version'], String(envelope.schemaVersion)],
    ['correlation-id', headers['correlation-id'], envelope.correlationId],
  ];
  for (const [name, actual, expected] of repeated)
    if (actual !== expected)
      found.push(`${name} ${JSON.stringify(actual)} is not the envelope's ${JSON.stringify(expected)}`);
  return { envelope, found };
}
