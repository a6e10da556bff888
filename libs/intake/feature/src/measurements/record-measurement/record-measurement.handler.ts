import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { uuidV7, todayInIndonesia } from '@registry/contracts';
import type { EventStoreSession } from '@registry/event-store';
import {
  decideMeasurement,
  initialMeasurement,
  type KnownChild,
  type MeasurementValues,
} from '@registry/intake-domain';
import { IdempotencyRecords, refusalOf, type StoredResponse } from '@registry/platform';
import { callerOf, MeasurementWriter, viewAfter } from '../measurement-writer';
import { retryingSourceRecordRaces } from '../source-record-races';
import type { MeasurementValuesRequest, RecordMeasurementRequest } from './record-measurement.request.dto';

export const measurementValuesOf = (request: MeasurementValuesRequest): MeasurementValues => ({
  measuredOn: request.measuredOn,
  weightKg: request.weightKg ?? null,
  heightCm: request.heightCm ?? null,
  position: request.position,
  headCircumferenceCm: request.headCircumferenceCm ?? null,
  muacCm: request.muacCm ?? null,
  oedema: request.oedema ?? false,
  puskesmasCode: request.puskesmasCode,
  posyanduCode: request.posyanduCode ?? null,
});

@Injectable()
export class RecordMeasurementHandler {
  constructor(private readonly writer: MeasurementWriter) {}

  record(
    principal: Principal,
    request: RecordMeasurementRequest,
    options: { idempotencyKey?: string; correlationId?: string },
  ): Promise<StoredResponse> {
    return retryingSourceRecordRaces(1, (checkFirst) => this.attempt(principal, request, options, checkFirst));
  }

  private async attempt(
    principal: Principal,
    request: RecordMeasurementRequest,
    options: { idempotencyKey?: string; correlationId?: string },
    checkFirst: boolean,
  ): Promise<StoredResponse> {
    if (checkFirst) {
      const first = await this.firstResult(principal, request);
      if (first) return first;
    }
    try {
      const child = await this.writer.knownChild(principal, request.childId);
      this.writer.assertCanRecord(principal, child, request.puskesmasCode);
      return await this.writer.store.withTransaction((session) =>
        IdempotencyRecords.answerOnce(session.client, principal.subject, options.idempotencyKey, request, () =>
          this.recordIn(session, principal, child, request, options.correlationId),
        ),
      );
    } catch (error) {
      // A resent record is answered with its first result even if it would be refused now (the child has moved out
      // of the caller's area, or died, since).
      if (!checkFirst && refusalOf(error) !== null) {
        const first = await this.firstResult(principal, request);
        if (first) return first;
      }
      throw error;
    }
  }

  private async firstResult(principal: Principal, request: RecordMeasurementRequest): Promise<StoredResponse | null> {
    if (!request.sourceRecordId) return null;
    const first = await this.writer.bySourceRecord(this.writer.store.pool, callerOf(principal), request.sourceRecordId);
    return first ? { status: 200, body: { ...first, duplicate: true } } : null;
  }

  private async recordIn(
    session: EventStoreSession,
    principal: Principal,
    child: KnownChild,
    request: RecordMeasurementRequest,
    correlationId?: string,
  ): Promise<StoredResponse> {
    const sourceRecordId = request.sourceRecordId ?? null;
    const measurementId = uuidV7(this.writer.clock().getTime());
    const { writer } = this;
    const events = decideMeasurement(
      {
        type: 'RecordMeasurement',
        data: { measurementId, child, values: measurementValuesOf(request), sourceRecordId },
      },
      initialMeasurement,
      { standards: writer.standards, today: todayInIndonesia(writer.clock()) },
    );
    const envelopes = await writer.recordNew(session, principal, [{ events, sourceRecordId, child }], correlationId);
    return { status: 201, body: viewAfter({ events: envelopes, version: 1 }) };
  }
}
