import { Injectable } from '@nestjs/common';
import type { RegionalPrincipal } from '@registry/access';
import type { EppgbmRow } from '@registry/identity-domain';
import { ChildWriter } from '../../children/child-writer';
import {
  RegisterChildrenBatchHandler,
  type BatchItemResult,
} from '../../children/register-children-batch/register-children-batch.handler';
import type { ChildrenPort, RegistrationResult } from './children-phase';

/** The children phase's access to identity itself: the batch registration's own rules, and the children read model. */
@Injectable()
export class IdentityChildrenPort implements ChildrenPort {
  constructor(
    private readonly batch: RegisterChildrenBatchHandler,
    private readonly writer: ChildWriter,
  ) {}

  async register(
    uploader: RegionalPrincipal,
    registrations: readonly Record<string, unknown>[],
    options: { readonly dryRun: boolean; readonly idempotencyKey: string; readonly correlationId: string },
  ): Promise<RegistrationResult[]> {
    if (registrations.length === 0) return [];
    const items = [...registrations];
    const results: BatchItemResult[] = options.dryRun
      ? await this.batch.check(uploader, items)
      : (
          (
            await this.batch.register(uploader, items, {
              idempotencyKey: options.idempotencyKey,
              correlationId: options.correlationId,
            })
          ).body as { results: BatchItemResult[] }
        ).results;
    return results;
  }

  async sameChildren(regencyCode: string, rows: readonly EppgbmRow[]): Promise<string[][]> {
    if (rows.length === 0) return [];
    const { vault, store } = this.writer;
    const { rows: found } = await store.pool.query<{ i: number; child_id: string }>(
      `SELECT r.i, c.child_id
         FROM unnest($2::text[], $3::date[], $4::text[], $5::text[]) WITH ORDINALITY AS r(name_lookup, birth_date, sex, village_code, i)
         JOIN identity_children c
           ON c.regency_code = $1 AND c.status <> 'merged' AND c.name_lookup = r.name_lookup
          AND c.birth_date = r.birth_date AND c.sex = r.sex AND c.village_code = r.village_code
        ORDER BY r.i, c.child_id`,
      [
        regencyCode,
        rows.map((row) => vault.nameLookup(row.child.name)),
        rows.map((row) => row.child.birthDate),
        rows.map((row) => row.child.sex),
        rows.map((row) => row.child.villageCode),
      ],
    );
    const same: string[][] = rows.map(() => []);
    for (const { i, child_id } of found) same[Number(i) - 1].push(child_id);
    return same;
  }
}
