import { Injectable } from '@nestjs/common';
import { canSee, type Principal } from '@registry/access';
import { fieldProblems, IdempotencyRecords, refusalOf, type StoredResponse } from '@registry/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { NikAlreadyRegisteredError } from '../../infrastructure/child.read-model';
import { ChildWriter } from '../child-writer';
import { RegisterChildHandler, type Registration } from '../register-child/register-child.handler';
import { RegisterChildRequest } from '../register-child/register-child.request.dto';

export type BatchItemResult =
  | { readonly index: number; readonly status: 'created'; readonly id: string; readonly version: number }
  | {
      readonly index: number;
      readonly status: 'already_registered';
      readonly existingChildId?: string;
      readonly reasons: string[];
    }
  | { readonly index: number; readonly status: 'rejected'; readonly reasons: string[] };

type Planned = { readonly index: number; readonly registration: Registration; readonly request: RegisterChildRequest };

/**
 * Up to 5,000 registrations; each item stands alone (validated, checked, created or refused with its reasons),
 * and every created child is written in one transaction: the whole batch is durable before the answer.
 */
@Injectable()
export class RegisterChildrenBatchHandler {
  constructor(
    private readonly single: RegisterChildHandler,
    private readonly writer: ChildWriter,
  ) {}

  async register(
    principal: Principal,
    items: unknown[],
    options: { idempotencyKey?: string; correlationId?: string },
  ): Promise<StoredResponse> {
    const { store } = this.writer;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await store.withTransaction((session) =>
          IdempotencyRecords.answerOnce(session.client, principal.subject, options.idempotencyKey, items, async () => {
            const results: BatchItemResult[] = new Array(items.length);
            const planned = await this.plan(principal, items, results);
            const written = await this.single.writeMany(
              session,
              principal,
              planned.map((p) => p.registration),
              options.correlationId,
            );
            planned.forEach(({ index, registration }, i) => {
              results[index] = {
                index,
                status: 'created',
                id: registration.childId,
                version: (written[i].body as { version: number }).version,
              };
            });
            return { status: 200, body: { results } };
          }),
        );
      } catch (error) {
        // Another request registered one of these NIKs meanwhile: plan again, that item is now "already registered".
        if (error instanceof NikAlreadyRegisteredError && attempt < 3) continue;
        throw error;
      }
    }
  }

  /**
   * What register would answer, without writing: `created` items would be created (their ids are not kept). An
   * import's dry run uses it.
   */
  async check(principal: Principal, items: unknown[]): Promise<BatchItemResult[]> {
    const results: BatchItemResult[] = new Array(items.length);
    const planned = await this.plan(principal, items, results);
    for (const { index, registration } of planned)
      results[index] = { index, status: 'created', id: registration.childId, version: 1 };
    return results;
  }

  private async plan(principal: Principal, items: unknown[], results: BatchItemResult[]): Promise<Planned[]> {
    const planned: Planned[] = [];
    items.forEach((item, index) => {
      const isObject = typeof item === 'object' && item !== null && !Array.isArray(item);
      const request = plainToInstance(RegisterChildRequest, isObject ? item : {});
      const problems = isObject
        ? fieldProblems(validateSync(request, { whitelist: true, forbidNonWhitelisted: true }))
        : [];
      if (!isObject) {
        results[index] = { index, status: 'rejected', reasons: ['item must be a registration object'] };
      } else if (problems.length > 0) {
        results[index] = {
          index,
          status: 'rejected',
          reasons: problems.map((p) => `${p.field}: ${p.problems.join('; ')}`),
        };
      } else {
        try {
          planned.push({ index, request, registration: this.single.prepare(principal, request) });
        } catch (error) {
          const refusal = refusalOf(error);
          if (refusal === null) throw error;
          results[index] = { index, status: 'rejected', reasons: [refusal.message] };
        }
      }
    });
    return this.withoutKnownNiks(principal, planned, results);
  }

  /** NIKs already registered, or repeated within the batch, are answered "already registered" instead of created. */
  private async withoutKnownNiks(
    principal: Principal,
    planned: Planned[],
    results: BatchItemResult[],
  ): Promise<Planned[]> {
    const { writer } = this;
    const lookups = planned.map((p) =>
      p.registration.personal.nik === null ? null : writer.vault.nikLookup(p.registration.personal.nik),
    );
    const { rows } = await writer.store.pool.query<{ nik_lookup: string; child_id: string; regency_code: string }>(
      `SELECT nik_lookup, child_id, regency_code FROM identity_children WHERE nik_lookup = ANY($1) AND status <> 'merged'`,
      [lookups.filter((lookup) => lookup !== null)],
    );
    const known = new Map(
      rows.map((row) => [row.nik_lookup, { childId: row.child_id, regencyCode: row.regency_code }]),
    );
    return planned.filter((p, i) => {
      const lookup = lookups[i];
      const existing = lookup === null ? undefined : known.get(lookup);
      if (lookup !== null && !existing) {
        known.set(lookup, { childId: p.registration.childId, regencyCode: p.registration.residence.regencyCode });
        return true;
      }
      if (!existing) return true;
      results[p.index] = {
        index: p.index,
        status: 'already_registered',
        reasons: ['nik: a child with this NIK is already registered'],
        ...(canSee(principal, existing.regencyCode) ? { existingChildId: existing.childId } : {}),
      };
      return false;
    });
  }
}
