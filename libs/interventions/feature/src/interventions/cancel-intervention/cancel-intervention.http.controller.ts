import { Body, Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import type { Request } from 'express';
import { InterventionWriter } from '../intervention-writer';
import { NoControlCharacters, uuidParam } from '@registry/platform';

export class CancelInterventionRequest {
  @ApiProperty({ example: 'Keluarga pindah sebelum jadwal' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be text' })
  @NoControlCharacters()
  @Length(3, 500, { message: 'reason must be 3–500 characters: say why it is cancelled (no personal data)' })
  reason: string;
}

@ApiTags('interventions')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/interventions')
export class CancelInterventionHttpController {
  constructor(private readonly writer: InterventionWriter) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @Access('integration', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({
    summary: 'Cancel a planned intervention, or withdraw a delivery recorded in error; its history stays',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'an intervention id')) id: string,
    @Body() request: CancelInterventionRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() http: Request,
  ): Promise<unknown> {
    const answer = await this.writer.store.withTransaction(async (session) => {
      const { state } = await this.writer.loadVisible(session, principal, id);
      this.writer.assertMayRecord(principal, state.details.regencyCode, state.details.category, `intervention ${id}`);
      return this.writer.once(session, principal, idempotencyKey, { id, ...request }, async () => ({
        status: 200,
        body: await this.writer.execute(
          session,
          principal,
          id,
          { type: 'CancelIntervention', data: { reason: request.reason } },
          { correlationId: String(http.id) },
        ),
      }));
    });
    return answer.body;
  }
}
