import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FUNDING_SOURCES, type FundingSource } from '@registry/interventions-domain';
import { Transform } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsPositive, IsString, IsUUID, Length, Max, ValidateIf } from 'class-validator';
import { IsCalendarDate, NoControlCharacters } from '@registry/platform';

/** Far above any real delivery to one child (a year of daily tablets is 365): a typo, not a quantity. */
export const MAX_QUANTITY = 10_000;

/** One intervention for one child. Its dates, age and type are checked by the rules (422 naming the field). */
export class RecordInterventionRequest {
  @ApiProperty({ description: 'The child id from the identity service' })
  @IsUUID('all', { message: 'childId must be a child id (UUID) from the identity service' })
  childId: string;

  @ApiProperty({ example: 'pmt_toddler', description: 'A code of GET /v1/intervention-types' })
  @IsString({ message: 'type must be an intervention type code, e.g. pmt_toddler' })
  @Length(1, 60, { message: 'type must be an intervention type code, e.g. pmt_toddler' })
  type: string;

  @ApiProperty({ enum: ['planned', 'delivered'] })
  @IsIn(['planned', 'delivered'], { message: 'status must be "planned" or "delivered"' })
  status: 'planned' | 'delivered';

  @ApiPropertyOptional({ example: '2025-08-01', description: 'Required when planned; optional when delivered' })
  @ValidateIf((request: RecordInterventionRequest) => request.status === 'planned' || request.plannedOn !== undefined)
  @IsCalendarDate({ message: 'plannedOn must be a real date YYYY-MM-DD (required for a planned intervention)' })
  plannedOn?: string;

  @ApiPropertyOptional({ example: '2025-08-03', description: 'Required when delivered; not sent when planned' })
  @ValidateIf(
    (request: RecordInterventionRequest) => request.status === 'delivered' || request.deliveredOn !== undefined,
  )
  @IsCalendarDate({ message: 'deliveredOn must be a real date YYYY-MM-DD (required for a delivered intervention)' })
  deliveredOn?: string;

  @ApiProperty({ example: 'DINKES', description: 'The OPD delivering it; codes in GET /v1/intervention-types' })
  @IsString({ message: 'provider must be an OPD code, e.g. DINKES' })
  @Length(1, 40, { message: 'provider must be an OPD code, e.g. DINKES' })
  provider: string;

  @ApiProperty({ example: 30, description: 'How many, in the unit of the type' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'quantity must be a number, e.g. 30' })
  @IsPositive({ message: 'quantity must be more than 0' })
  @Max(MAX_QUANTITY, { message: `quantity must be at most ${MAX_QUANTITY} for one child, in the unit of the type` })
  quantity: number;

  @ApiProperty({ example: 'paket', description: 'The unit of the type, as in GET /v1/intervention-types' })
  @IsString({ message: 'unit must be the unit of the type, e.g. paket' })
  @Length(1, 40, { message: 'unit must be the unit of the type, e.g. paket' })
  unit: string;

  @ApiProperty({ enum: FUNDING_SOURCES })
  @IsIn(FUNDING_SOURCES, { message: `fundingSource must be one of ${FUNDING_SOURCES.join(', ')}` })
  fundingSource: FundingSource;

  @ApiPropertyOptional({ description: 'The Orang Tua Asuh commitment paying for it; with fundingSource SPONSORSHIP' })
  @IsOptional()
  @IsUUID('all', { message: 'sponsorshipId must be a sponsorship id (UUID)' })
  sponsorshipId?: string;

  @ApiPropertyOptional({ example: 'Telur 1 butir per hari selama 30 hari', description: 'No personal data' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'notes must be text' })
  @NoControlCharacters()
  @Length(1, 500, { message: 'notes must be 1–500 characters' })
  notes?: string;
}
