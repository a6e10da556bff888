import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OutOfScopeError, regencyScope, type Principal } from '@registry/access';
import { MeasurementRecord } from '../../infrastructure/measurement-record.entity';
import { measurementView } from '../measurement-view';
import { MeasurementWriter } from '../measurement-writer';

/** A child's growth history with z-scores, oldest first, the records merged into it included. */
@Injectable()
export class ChildMeasurementsHandler {
  constructor(
    private readonly em: EntityManager,
    private readonly writer: MeasurementWriter,
  ) {}

  async history(principal: Principal, childId: string) {
    // A child id in the path that the caller cannot see is a 404, as for any record; a read does not wait.
    const child = await this.writer.knownChild(principal, childId, 0).catch(() => {
      throw new OutOfScopeError(`child ${childId}`);
    });
    const { rows } = await this.writer.store.pool.query<{ child_id: string }>(
      'SELECT child_id FROM intake_known_children WHERE merged_into = $1',
      [child.childId],
    );
    const scope = regencyScope(principal);
    const records = await this.em.fork().find(
      MeasurementRecord,
      {
        childId: { $in: [child.childId, ...rows.map((row) => row.child_id)] },
        ...(scope.kind === 'regency' ? { regencyCode: scope.regencyCode } : {}),
      },
      { orderBy: { measuredOn: 'asc', recordedAt: 'asc' } },
    );
    return {
      childId: child.childId,
      items: records.map((record) => measurementView(record.measurement, record.status, record.streamVersion)),
    };
  }
}
