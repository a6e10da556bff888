import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { regencyScope, type Principal } from '@registry/access';
import { RuleViolation } from '@registry/contracts';
import { normalizeName } from '@registry/identity-domain';
import { ChildRecord } from '../../infrastructure/child-record.entity';
import { ChildWriter, notFound } from '../child-writer';
import { childView, type ChildView } from './child-view';

/**
 * Reads of children with their personal data. Tenancy is part of every query; each child whose personal data is
 * shown is recorded as a `child.personal-data-accessed` event (who, when, which child, which endpoint).
 */
@Injectable()
export class FindChildrenHandler {
  constructor(
    private readonly em: EntityManager,
    private readonly writer: ChildWriter,
  ) {}

  async byId(principal: Principal, childId: string, endpoint: string): Promise<ChildView> {
    const record = await this.em.fork().findOne(ChildRecord, { childId, ...this.scope(principal) });
    if (!record) throw notFound(childId);
    const [view] = await this.show(principal, [record], endpoint);
    return view;
  }

  async byNik(principal: Principal, nik: string, endpoint: string): Promise<ChildView[]> {
    const records = await this.em
      .fork()
      .find(ChildRecord, { nikLookup: this.writer.vault.nikLookup(nik), ...this.scope(principal) });
    return this.show(principal, records, endpoint);
  }

  async byIds(principal: Principal, childIds: string[], endpoint: string): Promise<ChildView[]> {
    const records = await this.em.fork().find(ChildRecord, { childId: { $in: childIds }, ...this.scope(principal) });
    return this.show(principal, records, endpoint);
  }

  async search(
    principal: Principal,
    villageCode: string,
    name: string | undefined,
    endpoint: string,
  ): Promise<ChildView[]> {
    const records = await this.em
      .fork()
      .find(ChildRecord, { villageCode, ...this.scope(principal) }, { orderBy: { birthDate: 'desc' }, limit: 2000 });
    const wanted = name === undefined ? null : normalizeName(name);
    const personal = await this.openAll(records);
    const opened = records.map((record, i) => ({ record, personal: personal[i] }));
    const matching = opened.filter(
      ({ personal }) => wanted === null || (personal !== null && normalizeName(personal.name).includes(wanted)),
    );
    return this.show(
      principal,
      matching.map((m) => m.record),
      endpoint,
      matching.map((m) => m.personal),
    );
  }

  /** The query filter of the caller's tenancy: a regency, everything, or nothing at all. */
  private scope(principal: Principal): { regencyCode?: string } {
    const scope = regencyScope(principal);
    if (scope.kind === 'all') return {};
    if (scope.kind === 'regency') return { regencyCode: scope.regencyCode };
    throw new RuleViolation('invalid', 'role', 'this role has no children to search');
  }

  private openAll(records: readonly ChildRecord[]) {
    return this.writer.vault.openMany(
      this.writer.store.pool,
      records.map((record) => ({ childId: record.childId, version: record.personalDataVersion })),
    );
  }

  private async show(
    principal: Principal,
    records: ChildRecord[],
    endpoint: string,
    opened?: Awaited<ReturnType<FindChildrenHandler['openAll']>>,
  ): Promise<ChildView[]> {
    if (records.length === 0) return [];
    const personal = opened ?? (await this.openAll(records));
    await this.writer.store.withTransaction((session) =>
      this.writer.recordAccess(
        session,
        principal,
        records.map((record) => ({
          regencyCode: record.regencyCode,
          event: { type: 'child.personal-data-accessed' as const, data: { childId: record.childId, endpoint } },
        })),
      ),
    );
    return records.map((record, i) => childView(record, personal[i], this.writer.regions));
  }
}
