import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { InterventionWriter } from '../intervention-writer';
import type { DeliverInterventionRequest } from './deliver-intervention.request.dto';

/** Records the delivery of a planned intervention; it keeps the day it was planned for. Once per key. */
@Injectable()
export class DeliverInterventionHandler {
  constructor(private readonly writer: InterventionWriter) {}

  deliver(
    principal: Principal,
    id: string,
    request: DeliverInterventionRequest,
    idempotencyKey: string | undefined,
    correlationId?: string,
  ) {
    return this.writer.store.withTransaction(async (session) => {
      const { state } = await this.writer.loadVisible(session, principal, id);
      const what = `intervention ${id}`;
      this.writer.assertMayRecord(principal, state.details.regencyCode, state.details.category, what);
      // The child as it is now, wherever it lives: the intervention's own regency was checked above.
      const child = await this.writer.childOf(state.details.childId);
      return this.writer.once(session, principal, idempotencyKey, { id, ...request }, async () => ({
        status: 200,
        body: await this.writer.execute(
          session,
          principal,
          id,
          {
            type: 'DeliverIntervention',
            data: {
              child,
              deliveredOn: request.deliveredOn,
              quantity: request.quantity ?? null,
              notes: request.notes ?? null,
            },
          },
          { correlationId },
        ),
      }));
    });
  }
}
