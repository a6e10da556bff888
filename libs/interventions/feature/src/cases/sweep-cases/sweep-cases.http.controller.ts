import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import type { Request } from 'express';
import { SweepCasesHandler } from './sweep-cases.handler';
import { SweepCasesResponse } from './sweep-cases.response.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1')
export class SweepCasesHttpController {
  constructor(private readonly handler: SweepCasesHandler) {}

  @Post('cases\\:sweep')
  @HttpCode(200)
  @Access('admin')
  @ApiOperation({
    summary:
      'Close as aged_out the open cases of children who completed 60 months; idempotent by nature (a repeat ' +
      'closes nothing more), so it takes no Idempotency-Key. Answers the ids of the cases it closed.',
  })
  @ApiOkResponse({ type: SweepCasesResponse })
  sweep(@CurrentPrincipal() principal: Principal, @Req() http: Request) {
    return this.handler.sweep(principal, String(http.id));
  }
}
