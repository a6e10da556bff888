import { Inject, Injectable } from '@nestjs/common';
import { OutOfScopeError, regencyScope, type Principal } from '@registry/access';
import { EventStore } from '@registry/event-store';
import type { CaseType, InterventionFacts } from '@registry/interventions-domain';
import { CLOCK, type Clock, todayInIndonesia } from '@registry/contracts';
import { CASE_RECORD_COLUMNS, type CaseRecordRow } from '../infrastructure/case-record.row';

export interface CaseFilter {
  /** Cases followed in this regency now ('open', 'closed'), or that left it ('transferred'); null: every regency. */
  readonly regencyCode: string | null;
  readonly status?: 'open' | 'closed' | 'transferred';
  readonly type?: CaseType;
  readonly childId?: string;
  readonly childIds?: readonly string[];
  readonly urgent?: boolean;
  readonly limit: number;
  readonly offset: number;
}

const FROM_CASES = 'FROM interventions_cases c JOIN interventions_children ch USING (child_id)';

/**
 * The regency a caller's case queries cover: a TPPS (or integration, or puskesmas) its own only, a foreign one
 * answering 404 like a foreign record; national roles whichever they ask for, or all (null).
 */
export function caseRegencyFor(principal: Principal, requested: string | undefined): string | null {
  const scope = regencyScope(principal);
  if (scope.kind === 'all') return requested ?? null;
  if (scope.kind === 'none') throw new OutOfScopeError('cases');
  if (requested !== undefined && requested !== scope.regencyCode) throw new OutOfScopeError(`regency ${requested}`);
  return scope.regencyCode;
}

/** The read side of cases: the read model joined with what is known of each child; tenancy in every WHERE. */
@Injectable()
export class CaseReader {
  constructor(
    readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  today(): string {
    return todayInIndonesia(this.clock());
  }

  async list(filter: CaseFilter): Promise<CaseRecordRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.status === 'transferred') {
      where.push('cardinality(c.regency_history) > 1');
      if (filter.regencyCode !== null) {
        const regency = param(filter.regencyCode);
        where.push(`${regency} = ANY(c.regency_history)`, `c.regency_code <> ${regency}`);
      }
    } else {
      if (filter.regencyCode !== null) where.push(`c.regency_code = ${param(filter.regencyCode)}`);
      if (filter.status !== undefined) where.push(`c.status = ${param(filter.status)}`);
    }
    if (filter.type !== undefined) where.push(`c.type = ${param(filter.type)}`);
    if (filter.childId !== undefined) where.push(`c.child_id = ${param(filter.childId)}`);
    if (filter.childIds !== undefined) where.push(`c.child_id = ANY(${param(filter.childIds)}::uuid[])`);
    if (filter.urgent !== undefined) where.push(`c.urgent = ${param(filter.urgent)}`);
    const { rows } = await this.store.pool.query<CaseRecordRow>(
      `SELECT ${CASE_RECORD_COLUMNS} ${FROM_CASES}
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.opened_on, c.case_id LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
      params,
    );
    return rows;
  }

  /** A case the caller may see: followed in its regency now or before (it keeps the history); 404 otherwise. */
  async byId(principal: Principal, caseId: string): Promise<CaseRecordRow> {
    const scope = regencyScope(principal);
    if (scope.kind === 'none') throw new OutOfScopeError(`case ${caseId}`);
    const { rows } = await this.store.pool.query<CaseRecordRow>(
      `SELECT ${CASE_RECORD_COLUMNS} ${FROM_CASES} WHERE c.case_id = $1 AND ($2::text IS NULL OR $2 = ANY(c.regency_history))`,
      [caseId, scope.kind === 'regency' ? scope.regencyCode : null],
    );
    if (rows.length === 0) throw new OutOfScopeError(`case ${caseId}`);
    return rows[0];
  }

  /** Every open case followed in the regency (null: all). */
  async open(regencyCode: string | null): Promise<CaseRecordRow[]> {
    const { rows } = await this.store.pool.query<CaseRecordRow>(
      `SELECT ${CASE_RECORD_COLUMNS} ${FROM_CASES}
        WHERE c.status = 'open' AND ($1::text IS NULL OR c.regency_code = $1) ORDER BY c.opened_on, c.case_id`,
      [regencyCode],
    );
    return rows;
  }

  /** The interventions of these children, for their packages. */
  async interventionsOf(childIds: readonly string[]): Promise<Map<string, InterventionFacts[]>> {
    const { rows } = await this.store.pool.query<InterventionFacts & { childId: string }>(
      `SELECT intervention_id AS "interventionId", child_id AS "childId", type, status,
              to_char(planned_on, 'YYYY-MM-DD') AS "plannedOn", to_char(delivered_on, 'YYYY-MM-DD') AS "deliveredOn"
         FROM interventions_interventions WHERE child_id = ANY($1::uuid[])`,
      [[...new Set(childIds)]],
    );
    const byChild = new Map<string, InterventionFacts[]>();
    for (const { childId, ...facts } of rows) byChild.set(childId, [...(byChild.get(childId) ?? []), facts]);
    return byChild;
  }
}
