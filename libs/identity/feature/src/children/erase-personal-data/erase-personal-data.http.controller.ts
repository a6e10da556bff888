import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals, uuidParam } from '@registry/platform';
import { ErasePersonalDataHandler } from './erase-personal-data.handler';
import { ReasonRequest } from '../reason.request.dto';
import { ErasePersonalDataResponse } from './erase-personal-data.response.dto';

/**
 * Crypto-shredding: destroys the child's data key, so every version of its personal data becomes unreadable,
 * in the database and in every backup, while its events and the anonymous statistics stay as they were.
 */
@ApiTags('children')
@ApiBearerAuth()
@Controller('v1/children')
export class ErasePersonalDataHttpController {
  constructor(private readonly handler: ErasePersonalDataHandler) {}

  @Post(':id/erasure')
  @HttpCode(200)
  @Access('admin')
  @ApiOperation({ summary: 'Erase the personal data of a child for good (UU 27/2022 right to erasure)' })
  @ApiOkResponse({ type: ErasePersonalDataResponse })
  @ApiRefusals(404)
  erase(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a child id')) id: string,
    @Body() request: ReasonRequest,
  ) {
    return this.handler.erase(principal, id, request.reason);
  }
}
