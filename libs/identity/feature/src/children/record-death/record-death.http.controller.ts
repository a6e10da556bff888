import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiProperty, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import type { Request } from 'express';
import { ApiRefusals, IsCalendarDate, uuidParam } from '@registry/platform';
import { RecordDeathHandler } from './record-death.handler';
import { RecordDeathResponse } from './record-death.response.dto';

export class RecordDeathRequest {
  @ApiProperty({ example: '2025-06-01' })
  @IsCalendarDate({ message: 'diedOn must be a real date YYYY-MM-DD' })
  diedOn: string;
}

@ApiTags('children')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/children')
export class RecordDeathHttpController {
  constructor(private readonly handler: RecordDeathHandler) {}

  @Post(':id/death')
  @Access('integration', 'kader', 'tpps', 'admin')
  @ApiOperation({ summary: 'Record the death of a child; its cases and sponsorships follow' })
  @ApiCreatedResponse({ type: RecordDeathResponse })
  @ApiRefusals(404, { status: 409, description: 'The child is merged or has died already' }, 422)
  recordDeath(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a child id')) id: string,
    @Body() request: RecordDeathRequest,
    @Req() http: Request,
  ) {
    return this.handler.recordDeath(principal, id, request.diedOn, String(http.id));
  }
}
