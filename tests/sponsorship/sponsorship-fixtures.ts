import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import {
  Topics,
  uuidV7,
  type EventEnvelope,
  type InterventionEventData,
  type InterventionEventType,
} from '@registry/contracts';
import { eventHash } from '@registry/event-store';
import { defaultRegionsDir } from '@registry/regions';
import { waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { request, serviceUrl, type ServiceName } from '../support/services';

const databases = new Map<ServiceName, Promise<string>>();

/**
 * The database of the instance under test, as its /ready reports it: a developer's instance runs beside the main
 * one on a database of its own (DATABASE_NAME), and CI's on the default registry_<service>.
 */
export function databaseOf(service: ServiceName): Promise<string> {
  if (!databases.has(service)) {
    databases.set(
      service,
      request('GET', serviceUrl(service, '/ready')).then(({ body }) => body.info.postgresql.database as string),
    );
  }
  return databases.get(service)!;
}

/** Waits until the producers' relays published everything and sponsorship's projections applied it. */
export async function sponsorshipCaughtUp(
  sources: ReadonlyArray<'identity' | 'intake' | 'interventions'>,
): Promise<void> {
  await Promise.all(
    sources
      .filter((source) => source !== 'interventions')
      .map(async (source) => waitForRelay(source, 20_000, await databaseOf(source))),
  );
  const projections = {
    identity: { 'known-children': [Topics.identity] },
    intake: { growth: [Topics.intake] },
    interventions: { care: [Topics.interventions] },
  } as const;
  await waitForCaughtUp(
    'sponsorship',
    Object.assign({}, ...sources.map((source) => projections[source])),
    30_000,
    await databaseOf('sponsorship'),
  );
}

/** Waits until the reporting service's timeline holds every sponsorship event committed so far. */
export async function timelineCaughtUp(): Promise<void> {
  await waitForRelay('sponsorship', 20_000, await databaseOf('sponsorship'));
  await waitForCaughtUp(
    'reporting',
    { 'reporting-timeline': [Topics.sponsorship] },
    20_000,
    await databaseOf('reporting'),
  );
}

export interface Place {
  readonly villageCode: string;
  readonly districtCode: string;
  readonly regencyCode: string;
}

const villages = (): Place[] =>
  readFileSync(path.join(defaultRegionsDir(), 'villages.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [villageCode, districtCode] = line.split(',');
      return { villageCode, districtCode, regencyCode: districtCode.slice(0, 5) };
    });

/** Desa picked at random from the whole country, in distinct kabupaten: this run's children are alone there. */
export function randomPlaces(count: number): Place[] {
  const all = villages();
  const picked: Place[] = [];
  while (picked.length < count) {
    const place = all[Math.floor(Math.random() * all.length)];
    if (!picked.some((other) => other.regencyCode === place.regencyCode)) picked.push(place);
  }
  return picked;
}

/** Today in the registry's calendar (UTC+9), as the service computes it. */
export const today = (): string => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

/** The same day-of-month `months` earlier or later; `day` must exist in every month (at most 28). */
export function monthsFrom(date: string, months: number, day = Number(date.slice(8, 10))): string {
  const [year, month] = date.split('-').map(Number);
  const index = year * 12 + month - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const daysAfter = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Publishes intervention tracking events the way that service's relay does: whole envelopes, hash-chained per
 * stream, keyed by child id on registry.intervention.v1. Written before the interventions service recorded cases,
 * these tests still stand in for it (tests/interventions drive the real service).
 */
export class InterventionEvents {
  private producer?: Producer;
  private readonly heads = new Map<string, { version: number; hash: string }>();

  async publish<T extends InterventionEventType>(
    streamId: string,
    type: T,
    data: InterventionEventData<T> & { childId: string },
  ): Promise<void> {
    const head = this.heads.get(streamId);
    const now = new Date().toISOString();
    const unsigned = {
      eventId: uuidV7(),
      type,
      schemaVersion: 1,
      streamId,
      streamVersion: (head?.version ?? 0) + 1,
      globalPosition: '0',
      subjectId: data.childId,
      occurredAt: now,
      recordedAt: now,
      regencyCode: (data as { regencyCode?: string }).regencyCode ?? null,
      actor: { subject: 'e2e-interventions-stand-in', role: 'tpps' },
      correlationId: randomUUID(),
      causationId: null,
      data,
      previousHash: head?.hash ?? null,
    };
    const envelope: EventEnvelope = { ...unsigned, hash: eventHash(unsigned) };
    this.heads.set(streamId, { version: envelope.streamVersion, hash: envelope.hash });
    await (
      await this.connected()
    ).send({
      topic: Topics.interventions,
      acks: -1,
      messages: [{ key: data.childId, value: JSON.stringify(envelope) }],
    });
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
  }

  private async connected(): Promise<Producer> {
    if (!this.producer) {
      const kafka = new Kafka({
        clientId: 'e2e-interventions-stand-in',
        brokers: process.env['KAFKA_BROKERS']!.split(','),
        logLevel: logLevel.NOTHING,
      });
      this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await this.producer.connect();
    }
    return this.producer;
  }
}

/** A stunting case opened for a child: what the interventions service publishes after a stunted measurement. */
export const caseOpened = (
  childId: string,
  place: Place,
  openedOn: string,
  overrides: Partial<InterventionEventData<'case.opened'>> = {},
): InterventionEventData<'case.opened'> => ({
  caseId: uuidV7(),
  childId,
  type: 'stunting',
  severity: 'moderate',
  urgent: false,
  triggeringMeasurementId: uuidV7(),
  openedOn,
  ...place,
  ...overrides,
});
