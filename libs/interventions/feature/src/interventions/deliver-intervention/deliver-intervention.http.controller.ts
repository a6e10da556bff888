import { Body, Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { Transform } from 'class-transformer';
import { IsNumber, IsOptional, IsPositive, IsString, Length, Max } from 'class-validator';
import type { Request } from 'express';
import { InterventionWriter } from '../intervention-writer';
import { MAX_QUANTITY } from '../record-intervention/record-intervention.request.dto';
import { IsCalendarDate, NoControlCharacters, uuidParam } from '@registry/platform';

export class DeliverInterventionRequest {
  @ApiProperty({ example: '2025-08-03' })
  @IsCalendarDate({ message: 'deliveredOn must be a real date YYYY-MM-DD' })
  deliveredOn: string;

  @ApiPropertyOptional({ example: 28, description: 'What was actually given, when it differs from the plan' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'quantity must be a number, e.g. 30' })
  @IsPositive({ message: 'quantity must be more than 0' })
  @Max(MAX_QUANTITY, { message: `quantity must be at most ${MAX_QUANTITY} for one child, in the unit of the type` })
  quantity?: number;

  @ApiPropertyOptional({ description: 'No personal data' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'notes must be text' })
  @NoControlCharacters()
  @Length(1, 500, { message: 'notes must be 1–500 characters' })
  notes?: string;
}

@ApiTags('interventions')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/interventions')
export class DeliverInterventionHttpController {
  constructor(private readonly writer: InterventionWriter) {}

  @Post(':id/delivery')
  @HttpCode(200)
  @Access('integration', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({ summary: 'Record the delivery of a planned intervention; it keeps the day it was planned for' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async deliver(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'an intervention id')) id: string,
    @Body() request: DeliverInterventionRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() http: Request,
  ): Promise<unknown> {
    const answer = await this.writer.store.withTransaction(async (session) => {
      const { state } = await this.writer.loadVisible(session, principal, id);
      const what = `intervention ${id}`;
      this.writer.assertMayRecord(principal, state.details.regencyCode, state.details.category, what);
      // The child as it is now, wherever it lives: the intervention's own regency was checked above.
      const child = await this.writer.childOf(state.details.childId);
      return this.writer.once(session, principal, idempotencyKey, { id, ...request }, async () => ({
        status: 200,
        body: await this.writer.execute(
          session,
          principal,
          id,
          {
            type: 'DeliverIntervention',
            data: {
              child,
              deliveredOn: request.deliveredOn,
              quantity: request.quantity ?? null,
              notes: request.notes ?? null,
            },
          },
          { correlationId: String(http.id) },
        ),
      }));
    });
    return answer.body;
  }
}
