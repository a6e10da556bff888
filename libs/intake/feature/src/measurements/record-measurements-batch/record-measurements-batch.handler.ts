import { HttpException, Injectable } from '@nestjs/common';
import { canSee, canWriteAt, type Principal } from '@registry/access';
import { uuidV7, type JudgedMeasurement } from '@registry/contracts';
import {
  decideMeasurement,
  initialMeasurement,
  MeasurementRuleViolation,
  type KnownChild,
} from '@registry/intake-domain';
import { fieldProblems, IdempotencyRecords, type StoredResponse } from '@registry/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { measurementView, type MeasurementView } from '../measurement-view';
import { callerOf, MeasurementWriter, todayIn, toHttpError } from '../measurement-writer';
import { valuesOf } from '../record-measurement/record-measurement.handler';
import { RecordMeasurementRequest } from '../record-measurement/record-measurement.request.dto';

export type BatchItemResult =
  | { readonly index: number; readonly status: 'created'; readonly measurement: MeasurementView }
  | {
      readonly index: number;
      readonly status: 'duplicate';
      readonly duplicateOf: string;
      readonly measurement: MeasurementView;
    }
  | { readonly index: number; readonly status: 'rejected'; readonly reasons: string[] };

type Candidate = { readonly index: number; readonly request: RecordMeasurementRequest; readonly child: KnownChild };

/**
 * A weighing day's measurements, up to 5,000: each item stands alone (created, duplicate of an earlier record, or
 * rejected with its reasons), and every created measurement is written in one transaction (events, read model,
 * source record ids) before the answer, so an acknowledged item is never lost and a resent one never doubled.
 */
@Injectable()
export class RecordMeasurementsBatchHandler {
  constructor(private readonly writer: MeasurementWriter) {}

  async record(
    principal: Principal,
    items: unknown[],
    options: { idempotencyKey?: string; correlationId?: string },
  ): Promise<StoredResponse> {
    const results: BatchItemResult[] = new Array(items.length);
    const candidates = await this.candidates(principal, items, results);
    return this.writer.store.withTransaction(async (session) => {
      if (options.idempotencyKey) {
        const stored = await IdempotencyRecords.find(session.client, principal.subject, options.idempotencyKey, items);
        if (stored) return stored;
      }
      const caller = callerOf(principal);
      const { fresh, repeats } = await this.withoutDuplicates(session.client, caller, candidates, results);
      const today = todayIn(this.writer.clock());
      const decided: Array<{
        index: number;
        sourceRecordId: string | null;
        events: ReturnType<typeof decideMeasurement>;
      }> = [];
      for (const { index, request, child } of fresh) {
        const measurementId = uuidV7(this.writer.clock().getTime());
        const sourceRecordId = request.sourceRecordId ?? null;
        try {
          const events = decideMeasurement(
            { type: 'RecordMeasurement', data: { measurementId, child, values: valuesOf(request), sourceRecordId } },
            initialMeasurement,
            { standards: this.writer.standards, today },
          );
          decided.push({ index, sourceRecordId, events });
        } catch (error) {
          if (!(error instanceof MeasurementRuleViolation)) throw error;
          results[index] = { index, status: 'rejected', reasons: [messageOf(toHttpError(error) as HttpException)] };
        }
      }
      const envelopes = await this.writer.recordNew(session, principal, decided, options.correlationId);
      decided.forEach(({ index }, i) => {
        const { sourceRecordId: _source, ...measurement } = envelopes[i].data as JudgedMeasurement & {
          sourceRecordId?: unknown;
        };
        results[index] = { index, status: 'created', measurement: measurementView(measurement, 'recorded', 1) };
      });
      // A record id repeated within the batch is a duplicate of the item that came first.
      for (const { index, firstIndex } of repeats) {
        const first = results[firstIndex];
        results[index] =
          first.status === 'created'
            ? { index, status: 'duplicate', duplicateOf: first.measurement.id, measurement: first.measurement }
            : {
                index,
                status: 'rejected',
                reasons: [`sourceRecordId: repeats item ${firstIndex}, which was not recorded`],
              };
      }
      const response = { status: 200, body: { results } };
      if (options.idempotencyKey)
        await IdempotencyRecords.save(session.client, principal.subject, options.idempotencyKey, items, response);
      return response;
    });
  }

  /** Validation, the child, and the caller's right to record for it: item by item. */
  private async candidates(principal: Principal, items: unknown[], results: BatchItemResult[]): Promise<Candidate[]> {
    const valid: Array<{ index: number; request: RecordMeasurementRequest }> = [];
    items.forEach((item, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        results[index] = { index, status: 'rejected', reasons: ['item must be a measurement object'] };
        return;
      }
      const request = plainToInstance(RecordMeasurementRequest, item);
      const problems = fieldProblems(validateSync(request, { whitelist: true, forbidNonWhitelisted: true }));
      if (problems.length > 0)
        results[index] = {
          index,
          status: 'rejected',
          reasons: problems.map((p) => `${p.field}: ${p.problems.join('; ')}`),
        };
      else valid.push({ index, request });
    });
    // A resent record is answered with its first result before anything else is checked: the child may have
    // moved out of the caller's area since, which does not undo what was acknowledged.
    const recorded = await this.writer.bySourceRecords(
      this.writer.store.pool,
      callerOf(principal),
      valid.flatMap(({ request }) => (request.sourceRecordId ? [request.sourceRecordId] : [])),
    );
    const unseen = valid.filter(({ index, request }) => {
      const earlier = request.sourceRecordId ? recorded.get(request.sourceRecordId) : undefined;
      if (earlier) results[index] = { index, status: 'duplicate', duplicateOf: earlier.id, measurement: earlier };
      return !earlier;
    });
    const children = await this.writer.resolveChildren(unseen.map((v) => v.request.childId));
    return unseen.flatMap(({ index, request }) => {
      const child = children.get(request.childId);
      if (!child || !canSee(principal, child.regencyCode)) {
        results[index] = {
          index,
          status: 'rejected',
          reasons: [`childId: no child ${request.childId} is registered in your area`],
        };
        return [];
      }
      if (
        !canWriteAt(principal, {
          regencyCode: child.regencyCode,
          villageCode: child.villageCode,
          puskesmasCode: request.puskesmasCode,
        })
      ) {
        results[index] = {
          index,
          status: 'rejected',
          reasons: [`childId: role ${principal.role} may not record measurements for this child here`],
        };
        return [];
      }
      return [{ index, request, child }];
    });
  }

  /** Record ids seen before (in an earlier batch or earlier in this one) are answered with the first result. */
  private async withoutDuplicates(
    client: Parameters<MeasurementWriter['bySourceRecord']>[0],
    caller: string,
    candidates: Candidate[],
    results: BatchItemResult[],
  ): Promise<{ fresh: Candidate[]; repeats: Array<{ index: number; firstIndex: number }> }> {
    const sourceIds = [
      ...new Set(candidates.flatMap((c) => (c.request.sourceRecordId ? [c.request.sourceRecordId] : []))),
    ];
    // A concurrent resend of the same record ids waits here, then sees these rows; sorted, so two batches cannot deadlock.
    await client.query(
      `SELECT pg_advisory_xact_lock(hashtext($1 || '/' || id)) FROM unnest($2::text[]) AS id ORDER BY id`,
      [caller, sourceIds],
    );
    const known = await this.writer.bySourceRecords(client, caller, sourceIds);
    const firstInBatch = new Map<string, number>();
    const repeats: Array<{ index: number; firstIndex: number }> = [];
    const fresh = candidates.filter(({ index, request }) => {
      const sourceId = request.sourceRecordId;
      if (!sourceId) return true;
      const earlier = known.get(sourceId);
      if (earlier) {
        results[index] = { index, status: 'duplicate', duplicateOf: earlier.id, measurement: earlier };
        return false;
      }
      const sameBatch = firstInBatch.get(sourceId);
      if (sameBatch !== undefined) {
        repeats.push({ index, firstIndex: sameBatch });
        return false;
      }
      firstInBatch.set(sourceId, index);
      return true;
    });
    return { fresh, repeats };
  }
}

function messageOf(error: HttpException): string {
  const response = error.getResponse();
  return typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? error.message);
}
