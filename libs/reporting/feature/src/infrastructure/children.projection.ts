import { Injectable } from '@nestjs/common';
import type { ChildEventData, EventEnvelope } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import type { PoolClient } from 'pg';

/** Where each child lives now, and which records were merged into which, from identity's events. */
@Injectable()
export class ReportingChildrenProjection implements Projection {
  readonly name = 'reporting-children';
  readonly tables = ['reporting_children', 'reporting_merges'];

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    switch (event.type) {
      case 'child.registered': {
        const d = event.data as ChildEventData<'child.registered'>;
        await client.query(
          `INSERT INTO reporting_children (child_id, sex, birth_date, village_code, district_code, regency_code, status, registered_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'active', $7) ON CONFLICT (child_id) DO NOTHING`,
          [d.childId, d.sex, d.birthDate, d.villageCode, d.districtCode, d.regencyCode, event.recordedAt],
        );
        return;
      }
      case 'child.corrected': {
        const d = event.data as ChildEventData<'child.corrected'>;
        await client.query('UPDATE reporting_children SET sex = $2, birth_date = $3 WHERE child_id = $1', [
          d.childId,
          d.sex,
          d.birthDate,
        ]);
        return;
      }
      case 'child.relocated': {
        const d = event.data as ChildEventData<'child.relocated'>;
        await client.query(
          'UPDATE reporting_children SET village_code = $2, district_code = $3, regency_code = $4 WHERE child_id = $1',
          [d.childId, d.toVillageCode, d.toDistrictCode, d.toRegencyCode],
        );
        return;
      }
      case 'child.died': {
        const d = event.data as ChildEventData<'child.died'>;
        await client.query(`UPDATE reporting_children SET status = 'died', died_on = $2 WHERE child_id = $1`, [
          d.childId,
          d.diedOn,
        ]);
        return;
      }
      case 'child.merged': {
        const d = event.data as ChildEventData<'child.merged'>;
        await client.query(`UPDATE reporting_children SET status = 'merged' WHERE child_id = $1`, [d.childId]);
        await client.query(
          'INSERT INTO reporting_merges (child_id, into_child_id, merged_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
          [d.childId, d.intoChildId, event.recordedAt],
        );
        return;
      }
      case 'child.unmerged': {
        const d = event.data as ChildEventData<'child.unmerged'>;
        await client.query(`UPDATE reporting_children SET status = 'active' WHERE child_id = $1`, [d.childId]);
        await client.query('UPDATE reporting_merges SET unmerged_at = $2 WHERE child_id = $1 AND unmerged_at IS NULL', [
          d.childId,
          event.recordedAt,
        ]);
        return;
      }
      default:
        return;
    }
  }
}
