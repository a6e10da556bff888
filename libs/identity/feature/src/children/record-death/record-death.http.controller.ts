import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import type { Request } from 'express';
import { ChildWriter } from '../child-writer';
import { IsCalendarDate, uuidParam } from '@registry/platform';

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
  constructor(private readonly writer: ChildWriter) {}

  @Post(':id/death')
  @Access('integration', 'kader', 'tpps', 'admin')
  @ApiOperation({ summary: 'Record the death of a child; its cases and sponsorships follow' })
  recordDeath(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a child id')) id: string,
    @Body() request: RecordDeathRequest,
    @Req() http: Request,
  ) {
    return this.writer.store.withTransaction(async (session) => {
      await this.writer.loadWritable(session, principal, id);
      const { version } = await this.writer.execute(
        session,
        principal,
        id,
        { type: 'RecordDeath', data: { diedOn: request.diedOn } },
        { correlationId: String(http.id) },
      );
      return { id, version, status: 'died' };
    });
  }
}
