import { Inject, Injectable } from '@nestjs/common';
import { actorOf, assertInScope, canSee, OutOfScopeError, type Principal } from '@registry/access';
import {
  aggregateStream,
  EventStore,
  type EventStoreSession,
  type Evolver,
  handleCommand,
  type LoadedStream,
} from '@registry/event-store';
import {
  decideIntervention,
  evolveIntervention,
  initialIntervention,
  InterventionRuleViolation,
  type ChildFacts,
  type InterventionCategory,
  type Intervention,
  type InterventionCommand,
  type InterventionEvent,
  type OpenCase,
} from '@registry/interventions-domain';
import { IdempotencyRecords, type StoredResponse } from '@registry/platform';
import { CLOCK, type Clock, todayInIndonesia } from '@registry/contracts';
import type { ClientBase } from 'pg';
import { findChildFacts } from '../infrastructure/case-facts.store';
import { CASE_RECORD_COLUMNS, knownCaseOf, type CaseRecordRow } from '../infrastructure/case-record.row';
import { interventionStreamId, InterventionReadModel } from '../infrastructure/intervention.read-model';
import { interventionView, type InterventionView } from './intervention-view';

/** How long a write waits for a child registered a moment ago to reach this service's copy. */
export const KNOWN_CHILD_WAIT_MS = 3000;

const INTERVENTION_STREAM: Evolver<Intervention, InterventionEvent> = {
  evolve: evolveIntervention,
  initialState: initialIntervention,
};

export type RecordedIntervention = Exclude<Intervention, { status: 'none' }>;

export const unknownChild = (childId: string) =>
  new InterventionRuleViolation('invalid', 'childId', `no child ${childId} is registered in your area`);

/** The write side of interventions: load, decide, append and project in the caller's transaction. */
@Injectable()
export class InterventionWriter {
  constructor(
    readonly store: EventStore,
    readonly readModel: InterventionReadModel,
    @Inject(CLOCK) readonly clock: Clock,
  ) {}

  /**
   * The child an intervention is for, or 422 naming childId when none is known in the caller's area. A merged
   * record resolves to the surviving child.
   */
  async knownChild(principal: Principal, childId: string): Promise<ChildFacts> {
    let child = await this.awaitChild(childId);
    for (let hops = 0; child?.status === 'merged' && child.mergedInto && hops < 5; hops += 1)
      child = await findChildFacts(this.store.pool, child.mergedInto);
    if (!child || !canSee(principal, child.regencyCode)) throw unknownChild(childId);
    return child;
  }

  /** The child as this service knows it; one registered a moment ago may not be here yet, so wait briefly for it. */
  async awaitChild(childId: string): Promise<ChildFacts | null> {
    let child = await findChildFacts(this.store.pool, childId);
    for (const deadline = Date.now() + KNOWN_CHILD_WAIT_MS; child === null && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      child = await findChildFacts(this.store.pool, childId);
    }
    return child;
  }

  /** The child of a recorded intervention, as this service knows it now. */
  async childOf(childId: string): Promise<ChildFacts> {
    const child = await findChildFacts(this.store.pool, childId);
    if (!child) throw unknownChild(childId);
    return child;
  }

  /**
   * Who records interventions where: TPPS and the kabupaten's integrations in their regency, admins anywhere, and a
   * puskesmas only the specific (health-sector) ones, which are its own work. Outside the regency: 404.
   */
  assertMayRecord(
    principal: Principal,
    regencyCode: string,
    category: InterventionCategory | undefined,
    what: string,
  ): void {
    assertInScope(principal, regencyCode, what);
    if (principal.role === 'puskesmas' && category === 'sensitive')
      throw new InterventionRuleViolation(
        'forbidden',
        'category',
        `role puskesmas may record specific (health) interventions only; ${what} is sensitive`,
      );
  }

  /** The child's open cases, as the read model written with their events has them. */
  async openCases(client: Pick<ClientBase, 'query'>, childId: string): Promise<OpenCase[]> {
    const { rows } = await client.query<CaseRecordRow>(
      `SELECT ${CASE_RECORD_COLUMNS} FROM interventions_cases c JOIN interventions_children ch USING (child_id)
        WHERE c.child_id = $1 AND c.status = 'open'`,
      [childId],
    );
    return rows.map(knownCaseOf).filter((c): c is OpenCase => c.status === 'open');
  }

  load(session: Pick<EventStoreSession, 'readStream'>, interventionId: string): Promise<LoadedStream<Intervention>> {
    return aggregateStream(session, interventionStreamId(interventionId), INTERVENTION_STREAM);
  }

  /** The intervention if the caller may see it; 404 otherwise, whichever the reason. */
  async loadVisible(
    session: Pick<EventStoreSession, 'readStream'>,
    principal: Principal,
    interventionId: string,
  ): Promise<{ state: RecordedIntervention; version: number }> {
    const { state, version } = await this.load(session, interventionId);
    if (state.status === 'none') throw new OutOfScopeError(`intervention ${interventionId}`);
    assertInScope(principal, state.details.regencyCode, `intervention ${interventionId}`);
    return { state, version };
  }

  /** Decides the command on the intervention's current state, appends and projects; the view after it. */
  async execute(
    session: EventStoreSession,
    principal: Principal,
    interventionId: string,
    command: InterventionCommand,
    options: { readonly correlationId?: string } = {},
  ): Promise<InterventionView> {
    const { state, version } = await handleCommand(
      session,
      interventionStreamId(interventionId),
      (current) => decideIntervention(command, current, { today: this.today() }),
      {
        ...INTERVENTION_STREAM,
        describe: (event) => ({
          subjectId: event.data.childId,
          regencyCode: event.data.regencyCode,
          actor: actorOf(principal),
          correlationId: options.correlationId,
        }),
        project: async ({ client }, envelopes) => {
          for (const envelope of envelopes) await this.readModel.apply(client, envelope);
        },
      },
    );
    return interventionView(state as RecordedIntervention, version);
  }

  /**
   * Runs a write once per Idempotency-Key: a retry with the key gets the first answer, stored in the same
   * transaction as the events it reports.
   */
  once(
    session: EventStoreSession,
    principal: Principal,
    idempotencyKey: string | undefined,
    request: unknown,
    work: () => Promise<StoredResponse>,
  ): Promise<StoredResponse> {
    return IdempotencyRecords.answerOnce(session.client, principal.subject, idempotencyKey, request, work);
  }

  today(): string {
    return todayInIndonesia(this.clock());
  }
}
