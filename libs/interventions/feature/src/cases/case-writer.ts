import { Injectable } from '@nestjs/common';
import { uuidV7, type Actor, type EventEnvelope } from '@registry/contracts';
import { appendDecided, type DecidedStream, EventStore, type EventStoreSession } from '@registry/event-store';
import {
  decideCaseFile,
  foldCase,
  type CaseDecision,
  type CaseEvent,
  type CaseFile,
  type CaseFileTrigger,
  type KnownCase,
} from '@registry/interventions-domain';
import type { ClientBase } from 'pg';
import { findChildFacts, findMeasurementFacts } from '../infrastructure/case-facts.store';
import { CaseReadModel, caseStreamId } from '../infrastructure/case.read-model';

export interface CaseDecisionOptions {
  /** The day the rules are applied on. */
  readonly today: string;
  readonly actor: Actor;
  readonly correlationId?: string;
  /** The event that led to the decision, if any. */
  readonly causationId?: string;
}

/** A case as its stream leaves it, and the stream's version. */
export interface TrackedCase {
  readonly state: KnownCase;
  readonly version: number;
}

/**
 * The write side of cases: load a child's case file, decide, append each case's events to its stream and project
 * them, in the caller's transaction. Every case event is written here, whether a Kafka event or the sweep caused it.
 */
@Injectable()
export class CaseWriter {
  constructor(
    readonly store: EventStore,
    readonly readModel: CaseReadModel,
  ) {}

  /**
   * Serialises every decision on one child until the transaction ends; take it before reading or writing the
   * child's facts, so no two transactions decide on the same file.
   */
  async lockChild(client: ClientBase, childId: string): Promise<void> {
    await this.lockChildren(client, [childId]);
  }

  /**
   * lockChild for many children in one statement. The keys are taken in ascending order, so two transactions
   * locking overlapping children cannot deadlock; ids in lower case, as the sweep reads them from PostgreSQL.
   */
  async lockChildren(client: ClientBase, childIds: readonly string[]): Promise<void> {
    await client.query(
      `SELECT pg_advisory_xact_lock(key)
         FROM (SELECT DISTINCT hashtext('interventions-child/' || lower(id)) AS key FROM unnest($1::text[]) AS id ORDER BY 1) AS keys`,
      [childIds],
    );
  }

  /** Decides on the child's case file (the child locked by the caller) and appends what follows; the new events. */
  async decide(
    session: EventStoreSession,
    childId: string,
    trigger: CaseFileTrigger,
    options: CaseDecisionOptions,
  ): Promise<EventEnvelope[]> {
    const loaded = await this.loadFile(session.client, childId);
    if (loaded === null) return [];
    const decisions = decideCaseFile(loaded.file, trigger, { today: options.today, newCaseId: () => uuidV7() });
    if (decisions.length === 0) return [];
    const envelopes = await appendCaseStreams(session, caseStreams(childId, decisions, loaded.versions, options));
    for (const envelope of envelopes) await this.readModel.apply(session.client, envelope);
    return envelopes;
  }

  /**
   * Each child's cases, by child id in lower case, in the order they were opened, those of one day in the order
   * their streams began (not by id: ids made within one millisecond sort at random): two queries.
   */
  async findCases(client: Pick<ClientBase, 'query'>, childIds: readonly string[]): Promise<Map<string, TrackedCase[]>> {
    const cases = await client.query<{ case_id: string; child_id: string }>(
      'SELECT case_id, child_id FROM interventions_cases WHERE child_id = ANY($1::uuid[])',
      [childIds],
    );
    const byChild = new Map<string, TrackedCase[]>();
    if (cases.rows.length === 0) return byChild;
    const childOf = new Map(cases.rows.map((row) => [caseStreamId(row.case_id), row.child_id]));
    const events = await client.query<{ stream_id: string; type: string; data: unknown }>(
      'SELECT stream_id, type, data FROM es_events WHERE stream_id = ANY($1::text[]) ORDER BY global_position',
      [[...childOf.keys()]],
    );
    const streams = new Map<string, CaseEvent[]>();
    for (const { stream_id: streamId, type, data } of events.rows)
      streams.set(streamId, [...(streams.get(streamId) ?? []), { type, data } as CaseEvent]);
    for (const [streamId, stream] of streams) {
      const childId = childOf.get(streamId)!;
      const tracked = { state: foldCase(stream) as KnownCase, version: stream.length };
      byChild.set(childId, [...(byChild.get(childId) ?? []), tracked]);
    }
    for (const tracked of byChild.values()) tracked.sort(byOpeningDay);
    return byChild;
  }

  private async loadFile(
    client: ClientBase,
    childId: string,
  ): Promise<{ file: CaseFile; versions: Map<string, number> } | null> {
    const child = await findChildFacts(client, childId);
    if (child === null) return null;
    const measurements = await findMeasurementFacts(client, childId);
    const cases = (await this.findCases(client, [childId])).get(child.childId) ?? [];
    return {
      file: { child, measurements, cases: cases.map((c) => c.state) },
      versions: new Map(cases.map((c) => [c.state.caseId, c.version])),
    };
  }
}

/** The events of one case, decided about one child, and how they came to be. */
export interface CaseStream extends DecidedStream<CaseEvent> {
  readonly childId: string;
  readonly options: CaseDecisionOptions;
}

/**
 * The streams of one decision on the child's cases: each case's events together, in the order of its first
 * decision, expecting the versions given (none: a new stream).
 */
export function caseStreams(
  childId: string,
  decisions: readonly CaseDecision[],
  versions: ReadonlyMap<string, number>,
  options: CaseDecisionOptions,
): CaseStream[] {
  const byCase = new Map<string, CaseEvent[]>();
  for (const { caseId, event } of decisions) byCase.set(caseId, [...(byCase.get(caseId) ?? []), event]);
  return [...byCase].map(([caseId, events]) => ({
    streamId: caseStreamId(caseId),
    expectedVersion: versions.get(caseId) ?? ('no_stream' as const),
    events,
    childId,
    options,
  }));
}

/** Appends case streams in one call; several may chain on one stream, each expecting the version the one before leaves. */
export async function appendCaseStreams(
  session: EventStoreSession,
  streams: readonly CaseStream[],
): Promise<EventEnvelope[]> {
  const appended = await appendDecided(session, streams, (event, { childId, options }) => ({
    subjectId: childId,
    regencyCode: regencyOf(event),
    actor: options.actor,
    correlationId: options.correlationId,
    causationId: options.causationId ?? null,
  }));
  return appended.flat();
}

/** By the day opened; a stable sort, so cases of one day keep their order. */
export const byOpeningDay = (a: TrackedCase, b: TrackedCase): number =>
  a.state.openedOn < b.state.openedOn ? -1 : a.state.openedOn > b.state.openedOn ? 1 : 0;

/** The tenant of a case event: the regency that follows the case after it (a transfer belongs to the new one). */
function regencyOf(event: CaseEvent): string {
  switch (event.type) {
    case 'case.opened':
    case 'case.closed':
      return event.data.regencyCode;
    case 'case.transferred':
      return event.data.toRegencyCode;
    default: {
      const unknown: never = event;
      throw new Error(`unknown case event ${(unknown as CaseEvent).type}`);
    }
  }
}
