import { BadRequestException, Controller, Get, Headers, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, PersonalData, type Principal } from '@registry/access';
import { CLOCK, type Clock, todayInIndonesia } from '@registry/contracts';
import { ageInMonths } from '@registry/anthropometry';
import { daysBetween, PRIORITY_REASONS, priorityReasons, type PriorityReason } from '@registry/reporting-domain';
import { Regions } from '@registry/regions';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ReportingConfig } from '../reporting-config';
import { PriorityChildrenQuery, type PriorityRow } from './priority-children.query';
import { reportRegion } from './report-scope';

const toNumber = ({ value }: { value: unknown }) => (typeof value === 'string' && value !== '' ? Number(value) : value);

export class PriorityChildrenRequest {
  @ApiPropertyOptional({ example: '36.03' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}$/, { message: 'regencyCode must be a kabupaten/kota code like 36.03' })
  regencyCode?: string;

  @ApiPropertyOptional({ example: '36.03.20' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}\.\d{2}$/, { message: 'districtCode must be a kecamatan code like 36.03.20' })
  districtCode?: string;

  @ApiPropertyOptional({ example: '36.03.20.2002' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, { message: 'villageCode must be a desa/kelurahan code like 36.03.20.2002' })
  villageCode?: string;

  @ApiPropertyOptional({ example: 'PSY-3603202002-01', description: 'The posyandu of the child’s latest measurement' })
  @IsOptional()
  @Matches(/^\S{1,64}$/, { message: 'posyanduCode must be a posyandu code without spaces, e.g. PSY-3603202002-01' })
  posyanduCode?: string;

  @ApiPropertyOptional({ enum: PRIORITY_REASONS, description: 'Only the children with this reason' })
  @IsOptional()
  @IsIn(PRIORITY_REASONS, { message: `reason must be one of ${PRIORITY_REASONS.join(', ')}` })
  reason?: PriorityReason;

  @ApiPropertyOptional({ default: 50, maximum: 1000 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(1000, { message: 'limit must be at most 1000' })
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must be 0 or more' })
  offset?: number;
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

/** Ids per call to another service: well inside a URL's 16 kB of headers. */
const IDS_PER_CALL = 200;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/**
 * "By name, by address, by problem": the children of the regency a TPPS must follow up — stunted or wasted by their
 * latest valid measurement, 2T or BGM at their latest weighing, or not weighed for two months — a page at a time,
 * most urgent first, each with its reasons, how long since it was measured, its open cases and what of the package
 * it still lacks (from the intervention service), whether a sponsor exists, and, for the TPPS only, its name and
 * address (from the identity service, which records the access). Both calls carry the caller's own credentials and
 * ask for the page's children only.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class PriorityChildrenHttpController {
  constructor(
    private readonly query: PriorityChildrenQuery,
    private readonly regions: Regions,
    private readonly config: ReportingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('priority-children')
  @Access('tpps', 'admin')
  @PersonalData()
  @ApiOperation({
    summary: 'The by-name list: stunted, wasted, 2T, BGM and unweighed children with what each still lacks',
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() request: PriorityChildrenRequest,
    @Headers('authorization') authorization: string,
  ) {
    const place = request.villageCode ?? request.districtCode ?? request.regencyCode;
    const region = reportRegion(principal, place);
    if (region === null)
      throw new BadRequestException(
        'regencyCode is required: the by-name list covers one kabupaten, e.g. regencyCode=36.03',
      );
    const regencyCode = region.slice(0, 5);
    const today = todayInIndonesia(this.clock());
    const limit = request.limit ?? 50;
    const offset = request.offset ?? 0;
    const { total, rows } = await this.query.page({
      regencyCode,
      districtCode: request.districtCode ?? null,
      villageCode: request.villageCode ?? null,
      posyanduCode: request.posyanduCode ?? null,
      reason: request.reason ?? null,
      today,
      limit,
      offset,
    });
    const childIds = rows.map((row) => row.child_id);
    const warnings: string[] = [];
    // The two services are asked together: the page waits for the slower, not for both.
    const [cases, people] = await Promise.all([
      this.openCases(regencyCode, childIds, authorization).catch((error: Error) => {
        warnings.push(`cases unavailable: ${error.message}`);
        return null;
      }),
      principal.role === 'tpps' && childIds.length > 0
        ? this.names(childIds, authorization).catch((error: Error) => {
            warnings.push(`names unavailable: ${error.message}`);
            return null;
          })
        : null,
    ]);
    return {
      regencyCode,
      districtCode: request.districtCode ?? null,
      villageCode: request.villageCode ?? null,
      posyanduCode: request.posyanduCode ?? null,
      reason: request.reason ?? null,
      today,
      total,
      limit,
      offset,
      warnings,
      items: rows.map((row) => this.item(row, today, cases, people)),
    };
  }

  private item(
    row: PriorityRow,
    today: string,
    cases: Map<string, CaseSummary[]> | null,
    people: Map<string, unknown> | null,
  ) {
    const lastSeen = [row.measured_on, row.last_weighed_on]
      .filter((day): day is string => day !== null)
      .sort()
      .at(-1);
    return {
      childId: row.child_id,
      reasons: priorityReasons(
        {
          birthDate: row.birth_date,
          heightForAgeClass: row.haz_class,
          weightForHeightClass: row.whz_class,
          lastWeighedOn: row.last_weighed_on,
          consecutiveT: row.consecutive_t,
          bgm: row.bgm,
        },
        today,
      ),
      // Completed months as WHO counts them, as every age in the registry.
      ageMonths: Math.floor(ageInMonths(daysBetween(row.birth_date, today))),
      residence: {
        villageCode: row.village_code,
        villageName: this.regions.find(row.village_code)?.name ?? null,
        districtCode: row.district_code,
        districtName: this.regions.find(row.district_code)?.name ?? null,
      },
      posyanduCode: row.posyandu_code,
      latestMeasurement:
        row.measurement_id === null
          ? null
          : {
              id: row.measurement_id,
              measuredOn: row.measured_on,
              heightForAge: row.haz === null ? null : Number(row.haz),
              weightForHeight: row.whz === null ? null : Number(row.whz),
              heightForAgeClass: row.haz_class,
              weightForHeightClass: row.whz_class,
            },
      lastWeighing: { weighedOn: row.last_weighed_on, consecutiveT: row.consecutive_t, bgm: row.bgm },
      daysSinceLastMeasured: lastSeen === undefined ? null : daysBetween(lastSeen, today),
      openCases: cases === null ? null : (cases.get(row.child_id) ?? []).map(({ childId: _child, ...rest }) => rest),
      hasSponsor: row.has_sponsor,
      person: people === null ? null : (people.get(row.child_id) ?? null),
    };
  }

  private async openCases(
    regencyCode: string,
    childIds: readonly string[],
    authorization: string,
  ): Promise<Map<string, CaseSummary[]>> {
    const byChild = new Map<string, CaseSummary[]>();
    const items = await this.inChunks<CaseSummary>(
      childIds,
      (ids) =>
        `${this.config.INTERVENTIONS_URL}/v1/cases?regencyCode=${regencyCode}&status=open&limit=1000&childIds=${ids}`,
      authorization,
      'intervention',
    );
    for (const item of items) byChild.set(item.childId, [...(byChild.get(item.childId) ?? []), item]);
    return byChild;
  }

  private async names(childIds: readonly string[], authorization: string): Promise<Map<string, unknown>> {
    const items = await this.inChunks<{ id: string; personalData: unknown }>(
      childIds,
      (ids) => `${this.config.IDENTITY_URL}/v1/children?ids=${ids}`,
      authorization,
      'identity',
    );
    return new Map(items.map((item) => [item.id, item.personalData]));
  }

  /** The items another service lists for these children, asked IDS_PER_CALL at a time, together. */
  private async inChunks<T>(
    childIds: readonly string[],
    urlOf: (ids: string) => string,
    authorization: string,
    service: string,
  ): Promise<T[]> {
    const pages = await Promise.all(
      chunks(childIds, IDS_PER_CALL).map((ids) =>
        this.get<{ items: T[] }>(urlOf(ids.join(',')), authorization, service),
      ),
    );
    return pages.flatMap((page) => page.items);
  }

  private async get<T>(url: string, authorization: string, service: string): Promise<T> {
    const response = await fetch(url, { headers: { authorization }, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`${service} service answered ${response.status}`);
    return (await response.json()) as T;
  }
}
