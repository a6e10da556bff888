import { Injectable } from '@nestjs/common';
import { assertEventContract, type EventEnvelope, type JudgedMeasurement } from '@registry/contracts';
import { EventStore, type Projection } from '@registry/event-store';
import {
  caseTriggerOf,
  childFactsFromMeasurement,
  evolveChildFacts,
  measurementFactsOf,
  type CaseFileTrigger,
  type IdentityEvent,
} from '@registry/interventions-domain';
import type { ClientBase, PoolClient } from 'pg';
import { CaseWriter } from '../cases/case-writer';
import { todayIn } from '../clock';
import { CaseProjection } from './case.projection';
import { findChildFacts, saveChildFacts, saveMeasurementFacts } from './case-facts.store';

/** Cases that follow from other services' events are decided by this service's rules, not by a person. */
export const CASE_TRACKER_ACTOR = { subject: 'interventions/case-tracker', role: 'system' } as const;

/**
 * Opens, transfers and closes cases from the identity and intake events. Each event is applied in the consumer's
 * transaction, which also records it as processed: the facts it brings are stored, the child's case file is decided
 * on, and the case events are appended to this service's store (relayed to registry.intervention.v1) and projected,
 * all or nothing, so a redelivered event changes nothing. The child is locked for the transaction: the two topics
 * arrive in no mutual order, and the sweep decides on the same children.
 *
 * Its decisions are events of record, not a read model: rebuild interventions_cases from this service's own store,
 * never this consumer by replay (a replay would decide again, on today's cases). `tables` are its fact tables only.
 */
@Injectable()
export class CaseTrackerProjection implements Projection {
  readonly name = 'case-tracker';
  readonly tables = ['interventions_children', 'interventions_measurements'];
  private readonly writer: CaseWriter;

  // Built here rather than injected: the event-sourcing module instantiates projections outside the feature module.
  constructor(store: EventStore) {
    this.writer = new CaseWriter(store, new CaseProjection());
  }

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    if (!event.type.startsWith('child.') && !event.type.startsWith('measurement.')) return;
    // Checked at the edge: a malformed event is retried, then dead-lettered, never half-applied.
    assertEventContract(event.type, event.data);
    const childId = (event.data as { childId: string }).childId;
    await this.writer.lockChild(client, childId);
    // The day the event was recorded: deciding on it keeps the outcome the same however late it is consumed.
    const day = todayIn(new Date(event.occurredAt));
    const trigger = event.type.startsWith('child.')
      ? await rememberIdentityEvent(client, { type: event.type, data: event.data } as IdentityEvent, day)
      : await rememberMeasurementEvent(client, event);
    if (trigger === null) return;
    await this.writer.decide(this.writer.store.session(client), childId, trigger, {
      today: day,
      actor: CASE_TRACKER_ACTOR,
      correlationId: event.correlationId,
      causationId: event.eventId,
    });
  }
}

async function rememberIdentityEvent(
  client: ClientBase,
  event: IdentityEvent,
  day: string,
): Promise<CaseFileTrigger | null> {
  const next = evolveChildFacts(await findChildFacts(client, event.data.childId), event);
  if (next === null) return null;
  await saveChildFacts(client, next);
  return caseTriggerOf(event, day);
}

async function rememberMeasurementEvent(client: ClientBase, event: EventEnvelope): Promise<CaseFileTrigger> {
  const { childId, measurementId } = event.data as { childId: string; measurementId: string };
  if (event.type === 'measurement.voided') {
    await client.query(`UPDATE interventions_measurements SET status = 'voided' WHERE measurement_id = $1`, [
      measurementId,
    ]);
  } else {
    const measurement = event.data as JudgedMeasurement;
    if ((await findChildFacts(client, childId)) === null)
      await saveChildFacts(client, childFactsFromMeasurement(measurement));
    await saveMeasurementFacts(client, childId, measurementFactsOf(measurement, 'recorded'));
  }
  await client.query(
    `UPDATE interventions_children SET last_measured_on =
       (SELECT max(measured_on) FROM interventions_measurements WHERE child_id = $1 AND status = 'recorded')
      WHERE child_id = $1`,
    [childId],
  );
  return { type: 'ReviewMeasurements' };
}
