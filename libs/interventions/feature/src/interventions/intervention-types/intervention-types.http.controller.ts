import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access } from '@registry/access';
import { FUNDING_SOURCES, INTERVENTION_TYPES, OPDS } from '@registry/interventions-domain';
import { InterventionTypesResponse } from './intervention-types.response.dto';

@ApiTags('interventions')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/intervention-types')
export class InterventionTypesHttpController {
  @Get()
  @Access('integration', 'kader', 'puskesmas', 'tpps', 'sponsor', 'statistician', 'admin')
  @ApiOperation({
    summary:
      'The catalog (Perpres 72/2021): specific and sensitive interventions with their OPD, unit, the ages and case ' +
      'types they apply to; the OPD codes a provider is given in, and the funding sources',
  })
  @ApiOkResponse({ type: InterventionTypesResponse })
  catalog() {
    return {
      items: INTERVENTION_TYPES,
      opds: Object.entries(OPDS).map(([code, name]) => ({ code, name })),
      fundingSources: FUNDING_SOURCES,
    };
  }
}
