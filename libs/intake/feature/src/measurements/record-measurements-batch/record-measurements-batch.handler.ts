import { Injectable } from '@nestjs/common';
import { canSee, canWriteAt, type Principal } from '@registry/access';
import { uuidV7, type JudgedMeasurement, todayInIndonesia } from '@registry/contracts';
import {
  answerUnknownChild,
  decideMeasurement,
  initialMeasurement,
  MeasurementRuleViolation,
  type KnownChild,
} from '@registry/intake-domain';
import { fieldProblems, IdempotencyRecords, refusalOf, type StoredResponse } from '@registry/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { measurementView, type MeasurementView } from '../measurement-view';
import { callerOf, MeasurementWriter } from '../measurement-writer';
import { retryingSourceRecordRaces } from '../source-record-races';
import { measurementValuesOf } from '../record-measurement/record-measurement.handler';
import { RecordMeasurementRequest } from '../record-measurement/record-measurement.request.dto';

export type BatchItemResult =
  | { readonly index: number; readonly status: 'created'; readonly measurement: MeasurementView }
  | {
      readonly index: number;
      readonly status: 'duplicate';
      readonly duplicateOf: string;
      readonly measurement: MeasurementView;
    }
  | { readonly index: number; readonly status: 'rejected'; readonly reasons: string[] }
  /** The child is not known here yet (answerUnknownChild): send the item again, in a new request, after this. */
  | {
      readonly index: number;
      readonly status: 'retry';
      readonly retryAfterSeconds: number;
      readonly reasons: string[];
    };

type Candidate = { readonly index: number; readonly request: RecordMeasurementRequest; readonly child: KnownChild };

/**
 * A weighing day's measurements, up to 5,000: each item stands alone (created, duplicate of an earlier record, or
 * rejected with its reasons), and every created measurement is written in one transaction (events, read model,
 * source record ids) before the answer, so an acknowledged item is never lost and a resent one never doubled.
 */
@Injectable()
export class RecordMeasurementsBatchHandler {
  constructor(private readonly writer: MeasurementWriter) {}

  record(
    principal: Principal,
    items: unknown[],
    options: { idempotencyKey?: string; correlationId?: string },
  ): Promise<StoredResponse> {
    return retryingSourceRecordRaces(items.length, (checkFirst) => this.attempt(principal, items, options, checkFirst));
  }

  private async attempt(
    principal: Principal,
    items: unknown[],
    options: { idempotencyKey?: string; correlationId?: string },
    checkFirst: boolean,
  ): Promise<StoredResponse> {
    const results: BatchItemResult[] = new Array(items.length);
    const valid = validated(items, results);
    const unseen = checkFirst ? await this.answerRecorded(this.writer.store.pool, principal, valid, results) : valid;
    const candidates = await this.candidates(principal, unseen, results);
    return this.writer.store.withTransaction((session) =>
      IdempotencyRecords.answerOnce(session.client, principal.subject, options.idempotencyKey, items, async () => {
        const { fresh, repeats } = withoutRepeats(candidates);
        const today = todayInIndonesia(this.writer.clock());
        const decided: Array<{
          index: number;
          sourceRecordId: string | null;
          child: KnownChild;
          events: ReturnType<typeof decideMeasurement>;
        }> = [];
        for (const { index, request, child } of fresh) {
          const measurementId = uuidV7(this.writer.clock().getTime());
          const sourceRecordId = request.sourceRecordId ?? null;
          try {
            const events = decideMeasurement(
              {
                type: 'RecordMeasurement',
                data: { measurementId, child, values: measurementValuesOf(request), sourceRecordId },
              },
              initialMeasurement,
              { standards: this.writer.standards, today },
            );
            decided.push({ index, sourceRecordId, child, events });
          } catch (error) {
            if (!(error instanceof MeasurementRuleViolation)) throw error;
            results[index] = { index, status: 'rejected', reasons: [refusalOf(error)!.message] };
          }
        }
        const envelopes = await this.writer.recordNew(session, principal, decided, options.correlationId);
        decided.forEach(({ index }, i) => {
          const { sourceRecordId: _source, ...measurement } = envelopes[i].data as JudgedMeasurement & {
            sourceRecordId?: unknown;
          };
          results[index] = { index, status: 'created', measurement: measurementView(measurement, 'recorded', 1) };
        });
        // A resent record is answered with its first result even if it would be refused now (the child has moved out
        // of the caller's area, or died, since); the ones written were checked by recordNew's insert.
        if (!checkFirst) {
          const refused = valid.filter(({ index }) => ['rejected', 'retry'].includes(results[index]?.status));
          await this.answerRecorded(session.client, principal, refused, results);
        }
        // A record id repeated within the batch is a duplicate of the item that came first.
        for (const { index, firstIndex } of repeats) {
          const first = results[firstIndex];
          switch (first.status) {
            case 'rejected':
              results[index] = {
                index,
                status: 'rejected',
                reasons: [`sourceRecordId: repeats item ${firstIndex}, which was not recorded`],
              };
              break;
            case 'retry':
              results[index] = { ...first, index };
              break;
            case 'created':
            case 'duplicate':
              results[index] = {
                index,
                status: 'duplicate',
                duplicateOf: first.measurement.id,
                measurement: first.measurement,
              };
              break;
            default: {
              const unknown: never = first;
              throw new Error(`unknown batch result ${JSON.stringify(unknown)}`);
            }
          }
        }
        return { status: 200, body: { results } };
      }),
    );
  }

  /** Items recorded before under their record id are answered with that first result; the others are returned. */
  private async answerRecorded(
    client: Parameters<MeasurementWriter['bySourceRecords']>[0],
    principal: Principal,
    items: Array<{ index: number; request: RecordMeasurementRequest }>,
    results: BatchItemResult[],
  ): Promise<Array<{ index: number; request: RecordMeasurementRequest }>> {
    const recorded = await this.writer.bySourceRecords(
      client,
      callerOf(principal),
      items.flatMap(({ request }) => (request.sourceRecordId ? [request.sourceRecordId] : [])),
    );
    return items.filter(({ index, request }) => {
      const earlier = request.sourceRecordId ? recorded.get(request.sourceRecordId) : undefined;
      if (earlier) results[index] = { index, status: 'duplicate', duplicateOf: earlier.id, measurement: earlier };
      return !earlier;
    });
  }

  /** The child, and the caller's right to record for it: item by item. */
  private async candidates(
    principal: Principal,
    items: Array<{ index: number; request: RecordMeasurementRequest }>,
    results: BatchItemResult[],
  ): Promise<Candidate[]> {
    const visible = (child: KnownChild) => canSee(principal, child.regencyCode);
    const children = await this.writer.resolveChildren(
      items.map((v) => v.request.childId),
      undefined,
      visible,
    );
    const notFound = items.filter(
      ({ request }) => !children.has(request.childId) || !visible(children.get(request.childId)!),
    );
    const progress = notFound.length > 0 ? await this.writer.readIdentityProgress() : null;
    return items.flatMap(({ index, request }) => {
      const child = children.get(request.childId);
      if (!child || !visible(child)) {
        const answer = answerUnknownChild(request.childId, child ? 'elsewhere' : 'nowhere', progress!);
        results[index] =
          answer.kind === 'retry'
            ? {
                index,
                status: 'retry',
                retryAfterSeconds: answer.afterSeconds,
                reasons: [
                  `childId: child ${request.childId} is not known here yet; send it again in ${answer.afterSeconds} s`,
                ],
              }
            : {
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
}

/** Each item checked alone against the request DTO; the valid ones are returned, the others answered. */
function validated(
  items: unknown[],
  results: BatchItemResult[],
): Array<{ index: number; request: RecordMeasurementRequest }> {
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
  return valid;
}

/**
 * A record id repeated within the batch is a duplicate of the item that came first; ids recorded by other requests
 * are found by recordNew's insert (or answered first on a retry).
 */
function withoutRepeats(candidates: Candidate[]): {
  fresh: Candidate[];
  repeats: Array<{ index: number; firstIndex: number }>;
} {
  const firstInBatch = new Map<string, number>();
  const repeats: Array<{ index: number; firstIndex: number }> = [];
  const fresh = candidates.filter(({ index, request }) => {
    const sourceId = request.sourceRecordId;
    if (!sourceId) return true;
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
