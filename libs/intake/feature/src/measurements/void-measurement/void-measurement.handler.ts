import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { MeasurementWriter } from '../measurement-writer';

/** A void: the measurement no longer counts anywhere; its history stays. */
@Injectable()
export class VoidMeasurementHandler {
  constructor(private readonly writer: MeasurementWriter) {}

  void(principal: Principal, id: string, reason: string, correlationId?: string) {
    return this.writer.store.withTransaction(async (session) => {
      const { state } = await this.writer.loadVisible(session, principal, id);
      this.writer.assertCanChange(principal, state.current, state.current.puskesmasCode);
      const { version } = await this.writer.execute(
        session,
        principal,
        id,
        { type: 'VoidMeasurement', data: { reason } },
        { correlationId },
      );
      return { id, status: 'voided', version };
    });
  }
}
