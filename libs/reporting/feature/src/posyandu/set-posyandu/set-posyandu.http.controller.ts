import { Body, Controller, Param, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import type { Request, Response } from 'express';
import { ApiRefusals } from '@registry/platform';
import type { PosyanduView } from '../posyandu-list';
import { SetPosyanduHandler } from './set-posyandu.handler';
import { SetPosyanduRequest } from './set-posyandu.request.dto';
import { PosyanduResponse } from '../posyandu.response.dto';

@ApiTags('posyandu')
@ApiBearerAuth()
@Controller('v1/posyandu')
export class SetPosyanduHttpController {
  constructor(private readonly handler: SetPosyanduHandler) {}

  @Put(':code')
  @Access('tpps', 'admin')
  @ApiParam({ name: 'code', example: 'PSY-3603202002-01', description: 'The code measurements carry (posyanduCode)' })
  @ApiOperation({ summary: 'List a posyandu of your kabupaten, or update its name, desa or puskesmas' })
  @ApiCreatedResponse({ description: 'Listed', type: PosyanduResponse })
  @ApiOkResponse({ description: 'Updated, or already so', type: PosyanduResponse })
  @ApiRefusals(
    { status: 404, description: 'The desa is not in your kabupaten' },
    { status: 409, description: 'The code is listed in another kabupaten' },
    { status: 422, description: 'Unknown desa code' },
  )
  async set(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Body() request: SetPosyanduRequest,
    @Req() http: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PosyanduView> {
    const answer = await this.handler.set(principal, code, request, String(http.id));
    response.status(answer.status);
    return answer.body;
  }
}
