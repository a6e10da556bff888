import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { InterventionWriter } from '../intervention-writer';
import type { CancelInterventionRequest } from './cancel-intervention.request.dto';

/** Cancels a planned intervention, or withdraws a delivery recorded in error; its history stays. Once per key. */
@Injectable()
export class CancelInterventionHandler {
  constructor(private readonly writer: InterventionWriter) {}

  cancel(
    principal: Principal,
    id: string,
    request: CancelInterventionRequest,
    idempotencyKey: string | undefined,
    correlationId?: string,
  ) {
    return this.writer.store.withTransaction(async (session) => {
      const { state } = await this.writer.loadVisible(session, principal, id);
      this.writer.assertMayRecord(principal, state.details.regencyCode, state.details.category, `intervention ${id}`);
      return this.writer.once(session, principal, idempotencyKey, { id, ...request }, async () => ({
        status: 200,
        body: await this.writer.execute(
          session,
          principal,
          id,
          { type: 'CancelIntervention', data: { reason: request.reason } },
          { correlationId },
        ),
      }));
    });
  }
}
