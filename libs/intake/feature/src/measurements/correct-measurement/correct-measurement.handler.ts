import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import type { MeasurementValues } from '@registry/intake-domain';
import { MeasurementWriter, viewAfter } from '../measurement-writer';
import type { CorrectMeasurementRequest } from './correct-measurement.request.dto';

/** A correction: the z-scores are recomputed; the history keeps every version. */
@Injectable()
export class CorrectMeasurementHandler {
  constructor(private readonly writer: MeasurementWriter) {}

  correct(principal: Principal, id: string, request: CorrectMeasurementRequest, correlationId?: string) {
    const { reason, ...changes } = request;
    return this.writer.store.withTransaction(async (session) => {
      const { state } = await this.writer.loadVisible(session, principal, id);
      this.writer.assertCanChange(principal, state.current, changes.puskesmasCode ?? state.current.puskesmasCode);
      const child = await this.writer.childOf(state.current);
      const values: Partial<MeasurementValues> = Object.fromEntries(
        Object.entries(changes).filter(([, value]) => value !== undefined),
      );
      return viewAfter(
        await this.writer.execute(
          session,
          principal,
          id,
          { type: 'CorrectMeasurement', data: { child, values, reason } },
          { correlationId },
        ),
      );
    });
  }
}
