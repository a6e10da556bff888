import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiSecurity, ApiTags, PartialType } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import type { MeasurementValues } from '@registry/intake-domain';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import type { Request } from 'express';
import { MeasurementWriter, viewAfter } from '../measurement-writer';
import { MeasurementValuesRequest } from '../record-measurement/record-measurement.request.dto';
import { NoControlCharacters, uuidParam } from '@registry/platform';

export class CorrectMeasurementRequest extends PartialType(MeasurementValuesRequest) {
  @ApiProperty({ example: 'Weight entered in the height field' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be text' })
  @NoControlCharacters()
  @Length(3, 500, { message: 'reason must be 3–500 characters: say why the values change' })
  reason: string;
}

@ApiTags('measurements')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/measurements')
export class CorrectMeasurementHttpController {
  constructor(private readonly writer: MeasurementWriter) {}

  @Post(':id/corrections')
  @HttpCode(200)
  @Access('integration', 'kader', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({ summary: 'Correct a measurement: the z-scores are recomputed; history keeps every version' })
  correct(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a measurement id')) id: string,
    @Body() request: CorrectMeasurementRequest,
    @Req() http: Request,
  ) {
    const { reason, ...changes } = request;
    return this.writer.store.withTransaction(async (session) => {
      const { state } = await this.writer.loadVisible(session, principal, id);
      this.writer.assertCanChange(principal, state.current, changes.puskesmasCode ?? state.current.puskesmasCode);
      const child = await this.writer.childOf(state.current);
      const values: Partial<MeasurementValues> = Object.fromEntries(
        Object.entries(changes).filter(([, value]) => value !== undefined),
      );
      return viewAfter(
        await this.writer.execute(
          session,
          principal,
          id,
          { type: 'CorrectMeasurement', data: { child, values, reason } },
          { correlationId: String(http.id) },
        ),
      );
    });
  }
}
