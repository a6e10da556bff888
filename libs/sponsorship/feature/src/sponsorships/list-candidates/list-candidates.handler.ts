import { Injectable } from '@nestjs/common';
import { assertInScope, type Principal } from '@registry/access';
import { EventStore } from '@registry/event-store';
import { Regions } from '@registry/regions';
import { ageInCompletedMonths, isCommitted, statusOn } from '@registry/sponsorship-domain';
import { invalid } from '../sponsorship-errors';
import { SponsorshipReads } from '../sponsorship-reads';
import { fulfilmentInput } from '../sponsorship-view';
import { SponsorshipWriter } from '../sponsorship-writer';

/**
 * Children of a kecamatan with an open stunting case and nobody committed to sponsor them (no upcoming or active
 * sponsorship), oldest case first: the TPPS's list for the next Rembuk Stunting. Cases come from the intervention
 * tracking service's events; where the child lives now and whether it is alive, from the identity service's.
 */
@Injectable()
export class ListCandidatesHandler {
  constructor(
    private readonly store: EventStore,
    private readonly reads: SponsorshipReads,
    private readonly writer: SponsorshipWriter,
    private readonly regions: Regions,
  ) {}

  async candidates(principal: Principal, districtCode: string) {
    const district = this.regions.find(districtCode);
    if (district?.level !== 'district') {
      throw invalid('districtCode', `${districtCode} is not a known kecamatan code (Kemendagri)`);
    }
    const regencyCode = this.regions.ancestor(districtCode, 'regency')!.code;
    assertInScope(principal, regencyCode, `district ${districtCode}`);
    const { rows } = await this.store.pool.query<{
      case_id: string;
      child_id: string;
      opened_on: string;
      severity: 'moderate' | 'severe';
      sex: 'male' | 'female' | null;
      birth_date: string | null;
      village_code: string;
    }>(
      `SELECT c.case_id, c.child_id, to_char(c.opened_on, 'YYYY-MM-DD') AS opened_on, c.severity, k.sex,
              to_char(k.birth_date, 'YYYY-MM-DD') AS birth_date, COALESCE(k.village_code, c.village_code) AS village_code
         FROM sponsorship_cases c LEFT JOIN sponsorship_known_children k ON k.child_id = c.child_id
        WHERE c.type = 'stunting' AND c.status = 'open'
          AND COALESCE(k.district_code, c.district_code) = $1 AND COALESCE(k.regency_code, c.regency_code) = $2
          AND COALESCE(k.status, 'active') = 'active'
        ORDER BY c.opened_on, c.case_id`,
      [districtCode, regencyCode],
    );
    const today = this.writer.today();
    const sponsored = new Set(
      (await this.reads.find({ childId: { $in: [...new Set(rows.map((row) => row.child_id))] } }))
        .filter((sponsorship) => isCommitted(statusOn(fulfilmentInput(sponsorship), today)))
        .map((sponsorship) => sponsorship.childId),
    );
    const listed = new Set<string>();
    const items = rows.flatMap((row) => {
      // A child with two open stunting cases is listed once, by its oldest.
      if (sponsored.has(row.child_id) || listed.has(row.child_id)) return [];
      listed.add(row.child_id);
      return [
        {
          childId: row.child_id,
          caseId: row.case_id,
          caseOpenedOn: row.opened_on,
          severity: row.severity,
          sex: row.sex,
          ageMonths: row.birth_date === null ? null : ageInCompletedMonths(row.birth_date, today),
          villageCode: row.village_code,
        },
      ];
    });
    return { asOf: today, districtCode, districtName: district.name, items };
  }
}
