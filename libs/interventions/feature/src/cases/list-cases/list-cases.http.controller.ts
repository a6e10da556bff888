import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { CaseReader, caseRegencyFor } from '../case-reader';
import { caseSummary } from '../case-view';
import { ListCasesQuery } from './list-cases.query.dto';
import { CasesResponse } from '../case.response.dto';

@ApiTags('cases')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/cases')
export class ListCasesHttpController {
  constructor(private readonly reader: CaseReader) {}

  @Get()
  @Access('integration', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({
    summary:
      'The named list of the regency: each stunted or wasted child with where it lives, how long the case is open ' +
      'and what of its package it still lacks; oldest cases first',
  })
  @ApiOkResponse({ type: CasesResponse })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListCasesQuery) {
    const rows = await this.reader.list({
      regencyCode: caseRegencyFor(principal, query.regencyCode),
      status: query.status,
      type: query.type,
      childId: query.childId,
      childIds: query.childIds,
      urgent: query.urgent,
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
    const interventions = await this.reader.interventionsOf(rows.map((row) => row.child_id));
    const today = this.reader.today();
    return { items: rows.map((row) => caseSummary(row, interventions.get(row.child_id) ?? [], today)) };
  }
}
