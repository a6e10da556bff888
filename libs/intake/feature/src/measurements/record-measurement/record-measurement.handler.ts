import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { uuidV7 } from '@registry/contracts';
import type { EventStoreSession } from '@registry/event-store';
import {
  decideMeasurement,
  initialMeasurement,
  type KnownChild,
  type MeasurementValues,
} from '@registry/intake-domain';
import { IdempotencyRecords, type StoredResponse } from '@registry/platform';
import { callerOf, MeasurementWriter, todayIn, toHttpError, viewAfter } from '../measurement-writer';
import type { MeasurementValuesRequest, RecordMeasurementRequest } from './record-measurement.request.dto';

export const valuesOf = (request: MeasurementValuesRequest): MeasurementValues => ({
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

  async record(
    principal: Principal,
    request: RecordMeasurementRequest,
    options: { idempotencyKey?: string; correlationId?: string },
  ): Promise<StoredResponse> {
    // A resent record is answered with its first result even if the child has moved out of the caller's area since.
    if (request.sourceRecordId) {
      const first = await this.writer.bySourceRecord(
        this.writer.store.pool,
        callerOf(principal),
        request.sourceRecordId,
      );
      if (first) return { status: 200, body: { ...first, duplicate: true } };
    }
    const child = await this.writer.knownChild(principal, request.childId);
    this.writer.assertCanRecord(principal, child, request.puskesmasCode);
    return this.writer.store.withTransaction(async (session) => {
      if (options.idempotencyKey) {
        const stored = await IdempotencyRecords.find(
          session.client,
          principal.subject,
          options.idempotencyKey,
          request,
        );
        if (stored) return stored;
      }
      const response = await this.recordIn(session, principal, child, request, options.correlationId);
      if (options.idempotencyKey)
        await IdempotencyRecords.save(session.client, principal.subject, options.idempotencyKey, request, response);
      return response;
    });
  }

  private async recordIn(
    session: EventStoreSession,
    principal: Principal,
    child: KnownChild,
    request: RecordMeasurementRequest,
    correlationId?: string,
  ): Promise<StoredResponse> {
    const caller = callerOf(principal);
    const sourceRecordId = request.sourceRecordId ?? null;
    if (sourceRecordId !== null) {
      // Serialises resends of one record id, so two concurrent ones cannot both record it.
      await session.client.query(`SELECT pg_advisory_xact_lock(hashtext($1 || '/' || $2))`, [caller, sourceRecordId]);
      const first = await this.writer.bySourceRecord(session.client, caller, sourceRecordId);
      if (first) return { status: 200, body: { ...first, duplicate: true } };
    }
    const measurementId = uuidV7(this.writer.clock().getTime());
    const { writer } = this;
    try {
      const events = decideMeasurement(
        { type: 'RecordMeasurement', data: { measurementId, child, values: valuesOf(request), sourceRecordId } },
        initialMeasurement,
        { standards: writer.standards, today: todayIn(writer.clock()) },
      );
      const envelopes = await writer.recordNew(session, principal, [{ events, sourceRecordId }], correlationId);
      return { status: 201, body: viewAfter({ events: envelopes, version: 1 }) };
    } catch (error) {
      throw toHttpError(error);
    }
  }
}
