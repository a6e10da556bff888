import { Injectable } from '@nestjs/common';
import {
  assertEventContract,
  uuidV7,
  type EventEnvelope,
  type JudgedMeasurement,
  type MeasurementEventData,
  todayInIndonesia,
} from '@registry/contracts';
import { EventStore, type Projection } from '@registry/event-store';
import {
  caseTriggerOf,
  changesChild,
  childFactsFromMeasurement,
  decideCaseFile,
  evolveCase,
  evolveChildFacts,
  initialCase,
  measurementFactsOf,
  weightGainFactsOf,
  type CaseDecision,
  type CaseFile,
  type CaseFileTrigger,
  type ChildFacts,
  type IdentityEvent,
  type KnownCase,
} from '@registry/interventions-domain';
import type { PoolClient } from 'pg';
import {
  appendCaseStreams,
  byOpeningDay,
  CaseWriter,
  type CaseStream,
  caseStreams,
  type TrackedCase,
} from '../cases/case-writer';
import { CaseReadModel } from './case.read-model';
import {
  findChildRecords,
  findMeasurementRecords,
  saveChildRecords,
  saveMeasurementRecords,
  type ChildRecord,
  type MeasurementRecord,
} from './case-facts.store';

/** Cases that follow from other services' events are decided by this service's rules, not by a person. */
export const CASE_TRACKER_ACTOR = { subject: 'interventions/case-tracker', role: 'system' } as const;

const isMeasurementEvent = (type: string) => type.startsWith('measurement.');
const isTracked = (event: EventEnvelope) => event.type.startsWith('child.') || isMeasurementEvent(event.type);
const childIdOf = (event: EventEnvelope) => (event.data as { childId: string }).childId;

/**
 * Opens, transfers and closes cases from the identity and intake events, in the consumer's transaction, which also
 * records them as processed: the facts each event brings are stored, the child's case file is decided on, and the
 * case events are appended to this service's store (relayed to registry.intervention.v1) and projected, all or
 * nothing, so a redelivered event changes nothing. The children are locked for the transaction: the two topics
 * arrive in no mutual order, and the sweep decides on the same children.
 *
 * Its decisions are events of record, not a read model: rebuild interventions_cases from this service's own store,
 * never this consumer by replay (a replay would decide again, on today's cases). `tables` are its fact tables only.
 */
@Injectable()
export class CaseTrackerProjection implements Projection {
  readonly name = 'case-tracker';
  readonly tables = ['interventions_children', 'interventions_measurements'];

  handles(type: string): boolean {
    return changesChild(type) || isMeasurementEvent(type);
  }
  private readonly writer: CaseWriter;

  // Built here rather than injected: the event-sourcing module instantiates projections outside the feature module.
  constructor(store: EventStore) {
    this.writer = new CaseWriter(store, new CaseReadModel());
  }

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    await this.applyBatch([event], client);
  }

  /**
   * The chunk's children locked and read at once, its events folded in memory in order (each decision on the file
   * as that event leaves it), and everything written set-based at the end: a constant number of statements.
   */
  async applyBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    const tracked = events.filter(isTracked);
    if (tracked.length === 0) return;
    // Checked at the edge: a malformed event fails the chunk, and its replay one by one dead-letters that event.
    for (const event of tracked) assertEventContract(event.type, event.data);
    const childIds = [...new Set(tracked.map((event) => childIdOf(event).toLowerCase()))];
    await this.writer.lockChildren(client, childIds);
    const measurementIds = tracked
      .filter((event) => event.type.startsWith('measurement.'))
      .map((event) => (event.data as { measurementId: string }).measurementId);
    const files = new ChunkCaseFiles(
      await findChildRecords(client, childIds),
      await findMeasurementRecords(client, childIds, measurementIds),
      await this.writer.findCases(client, childIds),
    );

    const appends: CaseStream[] = [];
    for (const event of tracked) {
      const childId = childIdOf(event);
      // The day the event was recorded: deciding on it keeps the outcome the same however late it is consumed.
      const day = todayInIndonesia(new Date(event.occurredAt));
      const trigger = event.type.startsWith('child.')
        ? files.rememberIdentityEvent({ type: event.type, data: event.data } as IdentityEvent, day)
        : files.rememberMeasurementEvent(event);
      if (trigger === null) continue;
      const loaded = files.caseFile(childId);
      if (loaded === null) continue;
      const decisions = decideCaseFile(loaded.file, trigger, { today: day, newCaseId: () => uuidV7() });
      if (decisions.length === 0) continue;
      appends.push(
        ...caseStreams(childId, decisions, loaded.versions, {
          today: day,
          actor: CASE_TRACKER_ACTOR,
          correlationId: event.correlationId,
          causationId: event.eventId,
        }),
      );
      files.recordDecisions(childId, decisions);
    }

    await saveChildRecords(client, files.changedChildren());
    await saveMeasurementRecords(client, files.changedMeasurements());
    if (appends.length === 0) return;
    const envelopes = await appendCaseStreams(this.writer.store.session(client), appends);
    await this.writer.readModel.applyMany(client, envelopes, files.casesBefore);
  }
}

/** Facts as PostgreSQL answers them, uuids in lower case: what the next event would read back from the table. */
const storedChild = (child: ChildFacts): ChildFacts => ({
  ...child,
  childId: child.childId.toLowerCase(),
  mergedInto: child.mergedInto?.toLowerCase() ?? null,
});

/**
 * The chunk's children, their measurements and cases as the events so far leave them: what the tables would hold
 * after applying each event alone. Keyed by ids in lower case.
 */
class ChunkCaseFiles {
  readonly casesBefore: ReadonlyMap<string, KnownCase>;
  private readonly measurements = new Map<string, MeasurementRecord>();
  /** Each child's measurement ids in arrival order. */
  private readonly measurementsOf = new Map<string, string[]>();
  private readonly changedChildIds = new Set<string>();
  /** In the order first changed: new measurements arrive in it. */
  private readonly changedMeasurementIds = new Set<string>();

  constructor(
    private readonly children: Map<string, ChildRecord>,
    measurements: readonly MeasurementRecord[],
    private readonly cases: Map<string, TrackedCase[]>,
  ) {
    for (const record of measurements) this.putMeasurement(record);
    this.changedMeasurementIds.clear();
    this.casesBefore = new Map([...cases.values()].flat().map((c) => [c.state.caseId, c.state]));
  }

  /** An identity event: the child's next facts if it has any, then what they mean for its cases. */
  rememberIdentityEvent(event: IdentityEvent, day: string): CaseFileTrigger | null {
    const childId = event.data.childId.toLowerCase();
    const record = this.children.get(childId);
    const next = evolveChildFacts(record?.facts ?? null, event);
    if (next === null) return null;
    this.putChild(childId, { facts: storedChild(next), lastMeasuredOn: record?.lastMeasuredOn ?? null });
    return caseTriggerOf(event, day);
  }

  /**
   * A measurement event, as the tables' statements take it: a void marks the measurement, whoever's it is; a
   * rejudgement gives a known one its new judgement (the follow-up of 2T and BGM reads it) and is nothing for one
   * never recorded; a recording or correction replaces it in place, or adds it (and the child, as the measurement
   * describes it, if still unknown). The event's child then gets the day of its latest recorded measurement.
   */
  rememberMeasurementEvent(event: EventEnvelope): CaseFileTrigger | null {
    const { childId: rawChildId, measurementId } = event.data as { childId: string; measurementId: string };
    const childId = rawChildId.toLowerCase();
    const known = this.measurements.get(measurementId.toLowerCase());
    if (event.type === 'measurement.voided') {
      if (known) this.putMeasurement({ ...known, facts: { ...known.facts, status: 'voided' } });
    } else if (event.type === 'measurement.weight-gain-rejudged') {
      if (!known) return null;
      const { weightGain } = event.data as MeasurementEventData<'measurement.weight-gain-rejudged'>;
      this.putMeasurement({ ...known, facts: { ...known.facts, weightGain: weightGainFactsOf(weightGain) } });
    } else {
      const measurement = event.data as JudgedMeasurement;
      if (!this.children.has(childId))
        this.putChild(childId, { facts: storedChild(childFactsFromMeasurement(measurement)), lastMeasuredOn: null });
      const facts = measurementFactsOf(measurement, 'recorded');
      this.putMeasurement({
        childId: known?.childId ?? childId,
        facts: { ...facts, measurementId: facts.measurementId.toLowerCase() },
      });
    }
    const child = this.children.get(childId);
    if (child) this.putChild(childId, { ...child, lastMeasuredOn: this.lastMeasuredOn(childId) });
    return { type: 'ReviewMeasurements' };
  }

  /** The child's file as the tables and streams would give it now, with its cases' versions; null if unknown. */
  caseFile(rawChildId: string): { file: CaseFile; versions: Map<string, number> } | null {
    const childId = rawChildId.toLowerCase();
    const child = this.children.get(childId);
    if (!child) return null;
    const cases = this.cases.get(childId) ?? [];
    return {
      file: {
        child: child.facts,
        measurements: (this.measurementsOf.get(childId) ?? []).map((id) => this.measurements.get(id)!.facts),
        cases: cases.map((c) => c.state),
      },
      versions: new Map(cases.map((c) => [c.state.caseId, c.version])),
    };
  }

  /** The decisions as their appends leave the child's cases, in the order findCases would read them. */
  recordDecisions(rawChildId: string, decisions: readonly CaseDecision[]): void {
    const childId = rawChildId.toLowerCase();
    const cases = new Map((this.cases.get(childId) ?? []).map((c) => [c.state.caseId, c]));
    for (const { caseId, event } of decisions) {
      const before = cases.get(caseId);
      cases.set(caseId, {
        state: evolveCase(before?.state ?? initialCase, event) as KnownCase,
        version: (before?.version ?? 0) + 1,
      });
    }
    // New cases come last in the map, as their streams begin after the others.
    this.cases.set(childId, [...cases.values()].sort(byOpeningDay));
  }

  changedChildren(): ChildRecord[] {
    return [...this.changedChildIds].map((id) => this.children.get(id)!);
  }

  changedMeasurements(): MeasurementRecord[] {
    return [...this.changedMeasurementIds].map((id) => this.measurements.get(id)!);
  }

  private putChild(childId: string, record: ChildRecord): void {
    this.children.set(childId, record);
    this.changedChildIds.add(childId);
  }

  private putMeasurement(record: MeasurementRecord): void {
    const id = record.facts.measurementId;
    if (!this.measurements.has(id)) {
      const ids = this.measurementsOf.get(record.childId);
      if (ids) ids.push(id);
      else this.measurementsOf.set(record.childId, [id]);
    }
    this.measurements.set(id, record);
    this.changedMeasurementIds.add(id);
  }

  /** max(measured_on) of the child's recorded measurements. */
  private lastMeasuredOn(childId: string): string | null {
    let latest: string | null = null;
    for (const id of this.measurementsOf.get(childId) ?? []) {
      const { status, measuredOn } = this.measurements.get(id)!.facts;
      if (status === 'recorded' && (latest === null || measuredOn > latest)) latest = measuredOn;
    }
    return latest;
  }
}
