import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import type { Request } from 'express';
import { MeasurementWriter } from '../measurement-writer';
import { NoControlCharacters, uuidParam } from '@registry/platform';

export class VoidMeasurementRequest {
  @ApiProperty({ example: 'Recorded for the wrong child' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be text' })
  @NoControlCharacters()
  @Length(3, 500, { message: 'reason must be 3–500 characters: say why the measurement is void' })
  reason: string;
}

@ApiTags('measurements')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/measurements')
export class VoidMeasurementHttpController {
  constructor(private readonly writer: MeasurementWriter) {}

  @Post(':id/void')
  @HttpCode(200)
  @Access('integration', 'kader', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({ summary: 'Void a measurement: it no longer counts anywhere; its history stays' })
  void(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a measurement id')) id: string,
    @Body() request: VoidMeasurementRequest,
    @Req() http: Request,
  ) {
    return this.writer.store.withTransaction(async (session) => {
      const { state } = await this.writer.loadVisible(session, principal, id);
      this.writer.assertCanChange(principal, state.current, state.current.puskesmasCode);
      const { version } = await this.writer.execute(
        session,
        principal,
        id,
        { type: 'VoidMeasurement', data: { reason: request.reason } },
        { correlationId: String(http.id) },
      );
      return { id, status: 'voided', version };
    });
  }
}
