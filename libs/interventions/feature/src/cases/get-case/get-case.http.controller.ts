import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals, uuidParam } from '@registry/platform';
import { CaseReader } from '../case-reader';
import { caseView } from '../case-view';
import { CaseResponse } from '../case.response.dto';

@ApiTags('cases')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/cases')
export class GetCaseHttpController {
  constructor(private readonly reader: CaseReader) {}

  @Get(':id')
  @Access('integration', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({
    summary:
      'A case with its package: each required item delivered, planned or missing; days open; why it is overdue. ' +
      'A regency the case was transferred from still sees it.',
  })
  @ApiOkResponse({ type: CaseResponse })
  @ApiRefusals(404)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id', 'a case id')) id: string) {
    const row = await this.reader.byId(principal, id);
    const interventions = await this.reader.interventionsOf([row.child_id]);
    return caseView(row, interventions.get(row.child_id) ?? [], this.reader.today());
  }
}
