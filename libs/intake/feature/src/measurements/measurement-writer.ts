import { Inject, Injectable } from '@nestjs/common';
import { actorOf, assertCanWriteAt, assertInScope, canSee, OutOfScopeError, type Principal } from '@registry/access';
import { GrowthStandards } from '@registry/anthropometry';
import { type EventEnvelope, type JudgedMeasurement, CLOCK, type Clock, todayInIndonesia } from '@registry/contracts';
import {
  aggregateStream,
  appendDecided,
  type EventDescription,
  EventStore,
  type EventStoreSession,
  type LoadedStream,
} from '@registry/event-store';
import {
  answerUnknownChild,
  decideMeasurement,
  evolveMeasurement,
  initialMeasurement,
  MeasurementRuleViolation,
  type IdentityProgress,
  type KnownChild,
  type Measurement,
  type MeasurementCommand,
  type MeasurementEvent,
} from '@registry/intake-domain';
import { RetryLaterException } from '@registry/platform';
import type { ClientBase } from 'pg';
import { IdentityProgressReader } from '../infrastructure/identity-progress';
import { findKnownChildren } from '../infrastructure/known-children.store';
import { measurementStreamId, MeasurementReadModel } from '../infrastructure/measurement.read-model';
import { measurementView, type MeasurementView } from './measurement-view';
import { SourceRecordRace } from './source-record-races';
import { earliestDate, judgePending, lockChildren } from './weight-gains';

/** How long a measurement waits for a child registered a moment ago to reach intake's copy. */
export const KNOWN_CHILD_WAIT_MS = 3000;

/** The write side of measurements: load, decide, append and project in the caller's transaction. */
@Injectable()
export class MeasurementWriter {
  constructor(
    readonly store: EventStore,
    readonly readModel: MeasurementReadModel,
    readonly standards: GrowthStandards,
    @Inject(CLOCK) readonly clock: Clock,
    private readonly identityProgress: IdentityProgressReader,
  ) {}

  /**
   * The child a measurement is for; when none is known in the caller's area, 422 naming childId, or 503 with
   * Retry-After while identity's events about it may still be on their way (answerUnknownChild).
   */
  async knownChild(principal: Principal, childId: string, waitMs = KNOWN_CHILD_WAIT_MS): Promise<KnownChild> {
    const child = (await this.resolveChildren([childId], waitMs, (c) => canSee(principal, c.regencyCode))).get(childId);
    if (!child || !canSee(principal, child.regencyCode)) throw await this.notFound(childId, child);
    return child;
  }

  /** The refusal for a child not found in the caller's area (`found`: the child known elsewhere, if it is). */
  async notFound(childId: string, found: KnownChild | undefined): Promise<Error> {
    const answer = answerUnknownChild(childId, found ? 'elsewhere' : 'nowhere', await this.readIdentityProgress());
    switch (answer.kind) {
      case 'retry':
        return new RetryLaterException(answer.afterSeconds, {
          message: `childId: child ${childId} is not known here yet; send it again in ${answer.afterSeconds} s`,
          field: 'childId',
        });
      case 'rejected':
        return unknownChild(childId);
      default: {
        const unknown: never = answer;
        throw new Error(`unknown answer ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** How far intake has read identity's events: asked when a child is not found. */
  readIdentityProgress(): Promise<IdentityProgress> {
    return this.identityProgress.read();
  }

  /**
   * The children measurements are for, as intake knows them; a merged child resolves to the surviving record. A child
   * registered, or moved into the caller's area, a moment ago may not have reached intake yet: wait briefly until each
   * is `visible` rather than refuse it.
   */
  async resolveChildren(
    childIds: readonly string[],
    waitMs = KNOWN_CHILD_WAIT_MS,
    visible: (child: KnownChild) => boolean = () => true,
  ): Promise<Map<string, KnownChild>> {
    const wanted = [...new Set(childIds)];
    const resolved = await this.resolveNow(wanted);
    const notYet = (id: string) => !resolved.has(id) || !visible(resolved.get(id)!);
    const deadline = Date.now() + waitMs;
    for (let waiting = wanted.filter(notYet); waiting.length > 0 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const [id, child] of await this.resolveNow(waiting)) resolved.set(id, child);
      waiting = waiting.filter(notYet);
    }
    return resolved;
  }

  private async resolveNow(childIds: readonly string[]): Promise<Map<string, KnownChild>> {
    const found = await findKnownChildren(this.store.pool, childIds);
    const resolved = new Map<string, KnownChild>();
    for (const [id, child] of found) {
      let current: KnownChild | undefined = child;
      for (let hops = 0; current?.status === 'merged' && current.mergedInto && hops < 5; hops += 1) {
        current = (await findKnownChildren(this.store.pool, [current.mergedInto])).get(current.mergedInto);
      }
      if (current) resolved.set(id, current);
    }
    return resolved;
  }

  load(session: Pick<EventStoreSession, 'readStream'>, measurementId: string): Promise<LoadedStream<Measurement>> {
    return aggregateStream(session, measurementStreamId(measurementId), {
      evolve: evolveMeasurement,
      initialState: initialMeasurement,
    });
  }

  /** The measurement if the caller may see it; 404 otherwise, whichever the reason. */
  async loadVisible(session: Pick<EventStoreSession, 'readStream'>, principal: Principal, measurementId: string) {
    const loaded = await this.load(session, measurementId);
    if (loaded.state.status === 'none') throw new OutOfScopeError(`measurement ${measurementId}`);
    assertInScope(principal, loaded.state.current.regencyCode, `measurement ${measurementId}`);
    return loaded as { state: Exclude<Measurement, { status: 'none' }>; version: number };
  }

  /**
   * The child facts a correction is judged on. The measurement is already known to be in the caller's scope:
   * the child itself may have moved out of it since, which does not make the old record anyone else's.
   */
  async childOf(measurement: Pick<JudgedMeasurement, 'childId'>): Promise<KnownChild> {
    const child = (await this.resolveChildren([measurement.childId], 0)).get(measurement.childId);
    if (!child) throw unknownChild(measurement.childId);
    return child;
  }

  /** A measurement is changed where it was taken, by whoever may record there. */
  assertCanChange(principal: Principal, measurement: JudgedMeasurement, puskesmasCode: string): void {
    assertCanWriteAt(
      principal,
      { regencyCode: measurement.regencyCode, villageCode: measurement.villageCode, puskesmasCode },
      `measurement ${measurement.measurementId}`,
    );
  }

  assertCanRecord(principal: Principal, child: KnownChild, puskesmasCode: string): void {
    assertCanWriteAt(
      principal,
      { regencyCode: child.regencyCode, villageCode: child.villageCode, puskesmasCode },
      `child ${child.childId}`,
    );
  }

  async execute(
    session: EventStoreSession,
    principal: Principal,
    measurementId: string,
    command: MeasurementCommand,
    options: { readonly correlationId?: string } = {},
  ): Promise<{ events: EventEnvelope[]; version: number }> {
    const { state, version } = await this.load(session, measurementId);
    const decided = decideMeasurement(command, state, {
      standards: this.standards,
      today: todayInIndonesia(this.clock()),
    });
    // A correction or void can change the judgement of the child's later weighings: judged under its lock.
    const child = command.type === 'CorrectMeasurement' ? command.data.child : await this.childOf(decided[0].data);
    await lockChildren(session.client, [child.childId]);
    const streams = await judgePending(session.client, [
      { child, events: decided, expectedVersion: version, touchesFrom: earliestDate(state, decided) },
    ]);
    // One append: the store locks every stream of it at once (see appendMany).
    const appended = await appendDecided(session, streams, this.describe(principal, options.correlationId));
    for (const envelope of appended.flat()) await this.readModel.apply(session.client, envelope);
    return { events: appended[0], version: version + appended[0].length };
  }

  /**
   * Writes new measurements, already decided, in the caller's transaction with a constant number of statements:
   * the children locked first (see lockChildren), the integration's record ids (their key refuses a record id
   * recorded before or by a concurrent transaction meanwhile: then nothing is appended and SourceRecordRace is
   * thrown, for retryingSourceRecordRaces), the weight gains judged, the events in one append (their streams are
   * fresh UUIDv7s: 'no_stream'; and any rejudgements), the read model in one insert. One POST and a 5,000-item batch
   * take the same path.
   */
  async recordNew(
    session: EventStoreSession,
    principal: Principal,
    decided: ReadonlyArray<{ events: MeasurementEvent[]; sourceRecordId: string | null; child: KnownChild }>,
    correlationId?: string,
  ): Promise<EventEnvelope[]> {
    await lockChildren(
      session.client,
      decided.map(({ child }) => child.childId),
    );
    const sourceIds: string[] = [];
    const sourceMeasurements: string[] = [];
    for (const { sourceRecordId, events } of decided) {
      if (sourceRecordId === null) continue;
      sourceIds.push(sourceRecordId);
      sourceMeasurements.push((events[0].data as JudgedMeasurement).measurementId);
    }
    if (sourceIds.length > 0) {
      // A concurrent writer of the same record id makes this wait for its commit, then skip the row; in key order,
      // so two requests holding the same ids in different orders cannot each wait for the other.
      const { rowCount } = await session.client.query(
        `INSERT INTO intake_source_records (caller, source_record_id, measurement_id)
         SELECT $1, source_record_id, measurement_id FROM unnest($2::text[], $3::uuid[]) AS r(source_record_id, measurement_id)
          ORDER BY source_record_id
         ON CONFLICT DO NOTHING`,
        [callerOf(principal), sourceIds, sourceMeasurements],
      );
      if (rowCount !== sourceIds.length) throw new SourceRecordRace();
    }
    const streams = await judgePending(session.client, decided);
    // One call, however large: the store locks every stream of it first (slices locking their own could deadlock).
    const appended = await appendDecided(session, streams, this.describe(principal, correlationId));
    const recorded = appended.slice(0, decided.length).flat();
    await this.readModel.applyRecorded(session.client, recorded);
    for (const envelope of appended.slice(decided.length).flat()) await this.readModel.apply(session.client, envelope);
    return recorded;
  }

  /** A measurement event's envelope: about its child, in the child's regency as judged, by the caller. */
  private describe(principal: Principal, correlationId?: string) {
    return (event: MeasurementEvent): EventDescription => ({
      subjectId: event.data.childId,
      regencyCode: event.data.regencyCode,
      actor: actorOf(principal),
      correlationId,
    });
  }

  /** The measurement already recorded for this caller's own record id, if any. */
  async bySourceRecord(
    client: Pick<ClientBase, 'query'>,
    caller: string,
    sourceRecordId: string,
  ): Promise<MeasurementView | null> {
    return (await this.bySourceRecords(client, caller, [sourceRecordId])).get(sourceRecordId) ?? null;
  }

  /** The measurements already recorded for these record ids of this caller, by record id. */
  async bySourceRecords(
    client: Pick<ClientBase, 'query'>,
    caller: string,
    sourceRecordIds: readonly string[],
  ): Promise<Map<string, MeasurementView>> {
    if (sourceRecordIds.length === 0) return new Map();
    const { rows } = await client.query<{
      source_record_id: string;
      measurement: JudgedMeasurement;
      status: 'recorded' | 'voided';
      stream_version: number;
    }>(
      `SELECT s.source_record_id, m.measurement, m.status, m.stream_version FROM intake_source_records s
         JOIN intake_measurements m ON m.measurement_id = s.measurement_id
        WHERE s.caller = $1 AND s.source_record_id = ANY($2)`,
      [caller, sourceRecordIds],
    );
    return new Map(
      rows.map((row) => [row.source_record_id, measurementView(row.measurement, row.status, row.stream_version)]),
    );
  }
}

export const unknownChild = (childId: string) =>
  new MeasurementRuleViolation('invalid', 'childId', `no child ${childId} is registered in your area`);

/** An integration key is one caller however many processes use it; a person is their subject. */
export const callerOf = (principal: Principal): string =>
  principal.role === 'integration' && principal.apiKeyId ? `key:${principal.apiKeyId}` : `sub:${principal.subject}`;

/** The view after a recording or a correction: the judged measurement its event carries. */
export function viewAfter({ events, version }: { events: readonly EventEnvelope[]; version: number }): MeasurementView {
  const data = events[events.length - 1].data as JudgedMeasurement & { sourceRecordId?: unknown; reason?: unknown };
  const { sourceRecordId: _s, reason: _r, ...measurement } = data;
  return measurementView(measurement as JudgedMeasurement, 'recorded', version);
}
