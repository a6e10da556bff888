import { Injectable } from '@nestjs/common';
import type { ChildEventData, EventEnvelope } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import { changesChild } from '@registry/reporting-domain';
import type { PoolClient } from 'pg';
import { buildPrevalenceCounts } from './prevalence-aggregate';
import { maintainPrevalenceCounts, realChildrenOf } from './prevalence-deltas';

const INSERT_CHILDREN_SQL = `
INSERT INTO reporting_children (child_id, sex, birth_date, village_code, district_code, regency_code, status, registered_at)
SELECT child_id, sex, birth_date, village_code, district_code, regency_code, 'active', registered_at
  FROM unnest($1::uuid[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
    AS c(child_id, sex, birth_date, village_code, district_code, regency_code, registered_at)
ON CONFLICT (child_id) DO NOTHING`;

const registrationRow = (event: EventEnvelope): unknown[] => {
  const d = event.data as ChildEventData<'child.registered'>;
  return [d.childId, d.sex, d.birthDate, d.villageCode, d.districtCode, d.regencyCode, event.recordedAt];
};

/**
 * Where each child lives now, and which records were merged into which, from identity's events. A merge or an
 * unmerge moves the prevalence aggregate: the records involved count under another child from then on.
 */
@Injectable()
export class ReportingChildrenProjection implements Projection {
  readonly name = 'reporting-children';
  readonly tables = ['reporting_children', 'reporting_merges'];
  // Besides type, schema version, data and position: the rest of each envelope is not parsed on a rebuild.
  readonly rebuildReads = ['recordedAt'] as const;

  handles(type: string): boolean {
    return changesChild(type);
  }

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    if (event.type === 'child.merged') {
      const d = event.data as ChildEventData<'child.merged'>;
      await maintainPrevalenceCounts(
        client,
        async () => [d.childId, d.intoChildId, ...(await realChildrenOf(client, [d.childId]))],
        () => this.applyEvent(event, client),
      );
    } else if (event.type === 'child.unmerged') {
      const d = event.data as ChildEventData<'child.unmerged'>;
      await maintainPrevalenceCounts(
        client,
        async () => [d.childId, ...(await realChildrenOf(client, [d.childId]))],
        () => this.applyEvent(event, client),
      );
    } else {
      await this.applyEvent(event, client);
    }
  }

  /** The live consumer's path: runs of registrations in one statement each, other events through apply(). */
  async applyBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    await this.inRuns(events, client, (event) => this.apply(event, client));
  }

  /**
   * The rebuild's path: as applyBatch, but merges leave the aggregate alone until finishRebuild builds it from the
   * rebuilt merges.
   */
  async applyRebuildBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    await this.inRuns(events, client, (event) => this.applyEvent(event, client));
  }

  /** Registrations in runs, one statement each; every other event by `other`, in order (they update rows). */
  private async inRuns(
    events: readonly EventEnvelope[],
    client: PoolClient,
    other: (event: EventEnvelope) => Promise<void>,
  ): Promise<void> {
    let registrations: EventEnvelope[] = [];
    const flush = async () => {
      if (registrations.length === 0) return;
      const rows = registrations.map(registrationRow);
      await client.query(
        INSERT_CHILDREN_SQL,
        Array.from({ length: 7 }, (_, i) => rows.map((row) => row[i])),
      );
      registrations = [];
    };
    for (const event of events) {
      if (event.type === 'child.registered') {
        registrations.push(event);
      } else {
        await flush();
        await other(event);
      }
    }
    await flush();
  }

  async finishRebuild(client: PoolClient): Promise<void> {
    await buildPrevalenceCounts(client);
  }

  private async applyEvent(event: EventEnvelope, client: PoolClient): Promise<void> {
    switch (event.type) {
      case 'child.registered': {
        await client.query(
          INSERT_CHILDREN_SQL,
          registrationRow(event).map((value) => [value]),
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
