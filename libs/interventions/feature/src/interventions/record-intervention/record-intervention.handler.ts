import { Injectable } from '@nestjs/common';
import { InterventionRuleViolation } from '@registry/interventions-domain';
import type { Principal } from '@registry/access';
import { uuidV7 } from '@registry/contracts';
import { caseForIntervention, interventionType, type InterventionRequest } from '@registry/interventions-domain';
import type { StoredResponse } from '@registry/platform';
import { InterventionWriter } from '../intervention-writer';
import type { RecordInterventionRequest } from './record-intervention.request.dto';

/** The request as the rules take it: a plan for a day, or a delivery on one. */
export function interventionRequestOf(request: RecordInterventionRequest): InterventionRequest {
  const common = {
    type: request.type,
    provider: request.provider,
    quantity: request.quantity,
    unit: request.unit,
    fundingSource: request.fundingSource,
    sponsorshipId: request.sponsorshipId ?? null,
    notes: request.notes ?? null,
  };
  if (request.status === 'delivered')
    return {
      ...common,
      schedule: { status: 'delivered', plannedOn: request.plannedOn ?? null, deliveredOn: request.deliveredOn! },
    };
  if (request.deliveredOn !== undefined)
    throw new InterventionRuleViolation(
      'invalid',
      'deliveredOn',
      'a planned intervention has no delivery day yet; send status "delivered" instead',
    );
  return { ...common, schedule: { status: 'planned', plannedOn: request.plannedOn! } };
}

@Injectable()
export class RecordInterventionHandler {
  constructor(private readonly writer: InterventionWriter) {}

  async record(
    principal: Principal,
    request: RecordInterventionRequest,
    options: { idempotencyKey?: string; correlationId?: string },
  ): Promise<StoredResponse> {
    const child = await this.writer.knownChild(principal, request.childId);
    this.writer.assertMayRecord(
      principal,
      child.regencyCode,
      interventionType(request.type)?.category,
      `intervention ${request.type}`,
    );
    const details = interventionRequestOf(request);
    return this.writer.store.withTransaction((session) =>
      this.writer.once(session, principal, options.idempotencyKey, request, async () => {
        const interventionId = uuidV7(this.writer.clock().getTime());
        // Served case: the open case whose package asks for this type, as it stands in this transaction.
        const caseId = caseForIntervention(request.type, await this.writer.openCases(session.client, child.childId));
        const view = await this.writer.execute(
          session,
          principal,
          interventionId,
          { type: 'RecordIntervention', data: { interventionId, child, caseId, request: details } },
          { correlationId: options.correlationId },
        );
        return { status: 201, body: view };
      }),
    );
  }
}
