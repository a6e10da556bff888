import { Injectable } from '@nestjs/common';
import { uuidV7, type Actor, type EventEnvelope } from '@registry/contracts';
import { EventStore, type EventStoreSession } from '@registry/event-store';
import {
  decideCaseFile,
  foldCase,
  type CaseEvent,
  type CaseFile,
  type CaseFileTrigger,
  type KnownCase,
} from '@registry/interventions-domain';
import type { ClientBase } from 'pg';
import { findChildFacts, findMeasurementFacts } from '../infrastructure/case-facts.store';
import { CaseProjection, caseStreamId } from '../infrastructure/case.projection';

export interface CaseDecisionOptions {
  /** The day the rules are applied on. */
  readonly today: string;
  readonly actor: Actor;
  readonly correlationId?: string;
  /** The event that led to the decision, if any. */
  readonly causationId?: string;
}

/**
 * The write side of cases: load a child's case file, decide, append each case's events to its stream and project
 * them, in the caller's transaction. Every case event is written here, whether a Kafka event or the sweep caused it.
 */
@Injectable()
export class CaseWriter {
  constructor(
    readonly store: EventStore,
    readonly projection: CaseProjection,
  ) {}

  /**
   * Serialises every decision on one child until the transaction ends; take it before reading or writing the
   * child's facts, so no two transactions decide on the same file.
   */
  async lockChild(client: ClientBase, childId: string): Promise<void> {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('interventions-child/' || $1))`, [childId]);
  }

  /** Decides on the child's case file (the child locked by the caller) and appends what follows; the new events. */
  async decide(
    session: EventStoreSession,
    childId: string,
    trigger: CaseFileTrigger,
    options: CaseDecisionOptions,
  ): Promise<EventEnvelope[]> {
    const loaded = await this.loadFile(session, childId);
    if (loaded === null) return [];
    const decisions = decideCaseFile(loaded.file, trigger, { today: options.today, newCaseId: () => uuidV7() });
    if (decisions.length === 0) return [];
    const byCase = new Map<string, CaseEvent[]>();
    for (const { caseId, event } of decisions) byCase.set(caseId, [...(byCase.get(caseId) ?? []), event]);
    const results = await session.appendMany(
      [...byCase].map(([caseId, events]) => ({
        streamId: caseStreamId(caseId),
        expectedVersion: loaded.versions.get(caseId) ?? ('no_stream' as const),
        events: events.map((event) => ({
          type: event.type,
          data: event.data,
          subjectId: childId,
          regencyCode: regencyOf(event),
          actor: options.actor,
          correlationId: options.correlationId,
          causationId: options.causationId ?? null,
        })),
      })),
    );
    const envelopes = results.flatMap((result) => result.events);
    for (const envelope of envelopes) await this.projection.apply(session.client, envelope);
    return envelopes;
  }

  private async loadFile(
    session: EventStoreSession,
    childId: string,
  ): Promise<{ file: CaseFile; versions: Map<string, number> } | null> {
    const child = await findChildFacts(session.client, childId);
    if (child === null) return null;
    const measurements = await findMeasurementFacts(session.client, childId);
    const { rows } = await session.client.query<{ case_id: string }>(
      'SELECT case_id FROM interventions_cases WHERE child_id = $1 ORDER BY opened_on, case_id',
      [childId],
    );
    const cases: KnownCase[] = [];
    const versions = new Map<string, number>();
    for (const { case_id: caseId } of rows) {
      const events = await session.readStream(caseStreamId(caseId));
      cases.push(foldCase(events.map((e) => ({ type: e.type, data: e.data }) as CaseEvent)) as KnownCase);
      versions.set(caseId, events.length);
    }
    return { file: { child, measurements, cases }, versions };
  }
}

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
