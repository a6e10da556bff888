import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { canSee, OutOfScopeError, regencyScope, type Principal } from '@registry/access';
import { InterventionRecord } from '../../infrastructure/intervention-record.entity';
import { interventionRecordView } from '../intervention-view';
import { InterventionWriter } from '../intervention-writer';

/**
 * A child's interventions, planned, delivered and cancelled, by day. A regency sees those recorded while the child
 * lived there; 404 for a child it never had.
 */
@Injectable()
export class ChildInterventionsHandler {
  constructor(
    private readonly em: EntityManager,
    private readonly writer: InterventionWriter,
  ) {}

  async list(principal: Principal, childId: string) {
    const scope = regencyScope(principal);
    const records = await this.em
      .fork()
      .find(
        InterventionRecord,
        { childId, ...(scope.kind === 'regency' ? { regencyCode: scope.regencyCode } : {}) },
        { orderBy: { recordedAt: 'asc' } },
      );
    if (records.length === 0) {
      // An id this service does not know yet may be a child registered a moment ago: wait for it before a 404.
      const child = await this.writer.awaitChild(childId);
      if (child === null || !canSee(principal, child.regencyCode)) throw new OutOfScopeError(`child ${childId}`);
    }
    // Every record has a day: planned ones their plan, delivered ones their delivery.
    const day = (record: InterventionRecord) => record.deliveredOn ?? record.plannedOn ?? '';
    return {
      childId,
      items: records.sort((a, b) => day(a).localeCompare(day(b))).map(interventionRecordView),
    };
  }
}
