import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, REGENCY_CODE, type Principal } from '@registry/access';
import { MEASUREMENT_OVERDUE_AFTER_DAYS } from '@registry/interventions-domain';
import { IsOptional, Matches } from 'class-validator';
import { CaseReader, caseRegencyFor } from '../case-reader';
import { caseSummary } from '../case-view';
import { CasesResponse } from '../case.response.dto';

export class OverdueCasesQuery {
  @ApiPropertyOptional({ example: '36.03', description: "Defaults to the caller's regency; national roles: all" })
  @IsOptional()
  @Matches(REGENCY_CODE, { message: 'regencyCode must be a kabupaten/kota code like 36.03' })
  regencyCode?: string;
}

@ApiTags('cases')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/cases')
export class OverdueCasesHttpController {
  constructor(private readonly reader: CaseReader) {}

  @Get('overdue')
  @Access('integration', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({
    summary:
      `Open cases needing action now: the child not measured for more than ${MEASUREMENT_OVERDUE_AFTER_DAYS} days, ` +
      'or an urgent item (management of gizi buruk) not delivered within 7 days of the case opening',
  })
  @ApiOkResponse({ type: CasesResponse })
  async overdue(@CurrentPrincipal() principal: Principal, @Query() query: OverdueCasesQuery) {
    const rows = await this.reader.open(caseRegencyFor(principal, query.regencyCode));
    const interventions = await this.reader.interventionsOf(rows.map((row) => row.child_id));
    const today = this.reader.today();
    return {
      items: rows
        .map((row) => caseSummary(row, interventions.get(row.child_id) ?? [], today))
        .filter((summary) => summary.overdue.length > 0),
    };
  }
}
