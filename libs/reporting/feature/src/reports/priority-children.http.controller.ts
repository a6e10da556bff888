import { BadRequestException, Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, PersonalData, type Principal } from '@registry/access';
import { EventStore } from '@registry/event-store';
import { Regions } from '@registry/regions';
import { IsOptional, Matches } from 'class-validator';
import { ReportingConfig } from '../reporting-config';
import { reportRegion } from './report-scope';

export class PriorityChildrenQuery {
  @ApiPropertyOptional({ example: '36.03' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}$/, { message: 'regencyCode must be a kabupaten/kota code like 36.03' })
  regencyCode?: string;

  @ApiPropertyOptional({ example: '36.03.20' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}\.\d{2}$/, { message: 'districtCode must be a kecamatan code like 36.03.20' })
  districtCode?: string;
}

interface PriorityRow {
  child_id: string;
  village_code: string;
  district_code: string;
  measurement_id: string;
  measured_on: string;
  haz: string | null;
  haz_class: string | null;
  whz: string | null;
  whz_class: string | null;
  days_since: number;
  has_sponsor: boolean;
}

type CaseSummary = {
  id: string;
  childId: string;
  type: string;
  severity: string;
  urgent: boolean;
  daysOpen: number;
  lacking: string[];
  overdue: unknown[];
};

/**
 * "By name, by address, by problem": every child of the regency whose latest valid measurement says stunted or
 * wasted, with that measurement, how long since, its open cases and what of the package they still lack
 * (from the intervention service), whether a sponsor exists, and, for the TPPS only, its name and address
 * (from the identity service, which records the access). Both calls carry the caller's own credentials.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class PriorityChildrenHttpController {
  constructor(
    private readonly store: EventStore,
    private readonly regions: Regions,
    private readonly config: ReportingConfig,
  ) {}

  @Get('priority-children')
  @Access('tpps', 'admin')
  @PersonalData()
  @ApiOperation({ summary: 'The by-name list of stunted and wasted children with what each still lacks' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PriorityChildrenQuery,
    @Headers('authorization') authorization: string,
  ) {
    const region = reportRegion(principal, query.districtCode ?? query.regencyCode);
    if (region === null)
      throw new BadRequestException(
        'regencyCode is required: the by-name list covers one kabupaten, e.g. regencyCode=36.03',
      );
    const regencyCode = region.slice(0, 5);
    const { rows } = await this.store.pool.query<PriorityRow>(
      `WITH latest AS (
         SELECT DISTINCT ON (measurement_id) * FROM reporting_measurement_versions ORDER BY measurement_id, version DESC
       ), valid AS (
         SELECT l.*, COALESCE(m.into_child_id, l.child_id) AS real_child_id
           FROM latest l LEFT JOIN reporting_merges m ON m.child_id = l.child_id AND m.unmerged_at IS NULL
          WHERE NOT l.voided AND NOT l.haz_flag AND NOT l.whz_flag AND (l.haz_class IS NOT NULL OR l.whz_class IS NOT NULL)
       ), newest AS (
         SELECT DISTINCT ON (real_child_id) * FROM valid ORDER BY real_child_id, measured_on DESC, recorded_at DESC
       )
       SELECT n.real_child_id AS child_id, c.village_code, c.district_code, n.measurement_id, to_char(n.measured_on, 'YYYY-MM-DD') AS measured_on,
              n.haz, n.haz_class, n.whz, n.whz_class, (current_date - n.measured_on)::int AS days_since,
              EXISTS (SELECT 1 FROM reporting_sponsorships s WHERE s.child_id = n.real_child_id AND s.status = 'pledged') AS has_sponsor
         FROM newest n JOIN reporting_children c ON c.child_id = n.real_child_id
        WHERE c.status = 'active' AND c.regency_code = $1 AND ($2::text IS NULL OR c.district_code = $2)
          AND (n.haz_class IN ('stunted', 'severely_stunted') OR n.whz_class IN ('wasted', 'severely_wasted'))
        ORDER BY n.whz_class = 'severely_wasted' DESC, n.haz ASC NULLS LAST, n.real_child_id`,
      [regencyCode, query.districtCode ?? null],
    );
    const warnings: string[] = [];
    const cases = await this.openCases(regencyCode, authorization).catch((error: Error) => {
      warnings.push(`cases unavailable: ${error.message}`);
      return null;
    });
    const people =
      principal.role === 'tpps' && rows.length > 0
        ? await this.names(
            rows.map((row) => row.child_id),
            authorization,
          ).catch((error: Error) => {
            warnings.push(`names unavailable: ${error.message}`);
            return null;
          })
        : null;
    return {
      regencyCode,
      districtCode: query.districtCode ?? null,
      warnings,
      items: rows.map((row) => ({
        childId: row.child_id,
        problems: [row.haz_class, row.whz_class].filter(
          (cls): cls is string =>
            cls !== null && cls !== 'normal' && !cls.includes('overweight') && cls !== 'tall' && cls !== 'obese',
        ),
        residence: {
          villageCode: row.village_code,
          villageName: this.regions.find(row.village_code)?.name ?? null,
          districtCode: row.district_code,
          districtName: this.regions.find(row.district_code)?.name ?? null,
        },
        latestMeasurement: {
          id: row.measurement_id,
          measuredOn: row.measured_on,
          heightForAge: row.haz === null ? null : Number(row.haz),
          weightForHeight: row.whz === null ? null : Number(row.whz),
          heightForAgeClass: row.haz_class,
          weightForHeightClass: row.whz_class,
        },
        daysSinceLastMeasured: row.days_since,
        openCases: cases === null ? null : (cases.get(row.child_id) ?? []).map(({ childId: _child, ...rest }) => rest),
        hasSponsor: row.has_sponsor,
        person: people === null ? null : (people.get(row.child_id) ?? null),
      })),
    };
  }

  private async openCases(regencyCode: string, authorization: string): Promise<Map<string, CaseSummary[]>> {
    const byChild = new Map<string, CaseSummary[]>();
    for (let offset = 0; ; offset += 1000) {
      const response = await fetch(
        `${this.config.INTERVENTIONS_URL}/v1/cases?regencyCode=${regencyCode}&status=open&limit=1000&offset=${offset}`,
        {
          headers: { authorization },
          signal: AbortSignal.timeout(10_000),
        },
      );
      if (!response.ok) throw new Error(`intervention service answered ${response.status}`);
      const { items } = (await response.json()) as { items: CaseSummary[] };
      for (const item of items) byChild.set(item.childId, [...(byChild.get(item.childId) ?? []), item]);
      if (items.length < 1000) return byChild;
    }
  }

  private async names(childIds: string[], authorization: string): Promise<Map<string, unknown>> {
    const people = new Map<string, unknown>();
    for (let i = 0; i < childIds.length; i += 500) {
      const response = await fetch(
        `${this.config.IDENTITY_URL}/v1/children?ids=${childIds.slice(i, i + 500).join(',')}`,
        {
          headers: { authorization },
          signal: AbortSignal.timeout(10_000),
        },
      );
      if (!response.ok) throw new Error(`identity service answered ${response.status}`);
      const { items } = (await response.json()) as { items: Array<{ id: string; personalData: unknown }> };
      for (const item of items) people.set(item.id, item.personalData);
    }
    return people;
  }
}
