import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMMITMENT_KINDS, type CommitmentKind } from '@registry/sponsorship-domain';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { IsCalendarDate, NoControlCharacters, collapseSpaces } from '@registry/platform';

/** Numbers are only checked for being numbers here: whole, positive and plausible rupiah are domain rules (422). */
export class CommitmentRequest {
  @ApiProperty({ enum: COMMITMENT_KINDS })
  @IsIn(COMMITMENT_KINDS, { message: `commitment.kind must be one of ${COMMITMENT_KINDS.join(', ')}` })
  kind: CommitmentKind;

  @ApiProperty({ example: 'Paket PMT Rp 17.500 per hari' })
  @Transform(collapseSpaces)
  @IsString({ message: 'commitment.description must be text' })
  @NoControlCharacters()
  @Length(3, 300, { message: 'commitment.description must be 3–300 characters' })
  description: string;

  @ApiPropertyOptional({ example: 525000, description: 'Whole rupiah per month; required for cash' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'commitment.amountIdr must be a number of rupiah' })
  amountIdr?: number;

  @ApiProperty({ example: '2025-08-01' })
  @IsCalendarDate({ message: 'commitment.startOn must be a real date YYYY-MM-DD' })
  startOn: string;

  @ApiProperty({ example: 6, description: 'How many months, from startOn' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'commitment.months must be a number of months' })
  months: number;
}

export class PledgeRequest {
  @ApiProperty({ description: 'From POST /v1/sponsors' })
  @IsUUID('all', { message: 'sponsorId must be a sponsor id (UUID) from POST /v1/sponsors' })
  sponsorId: string;

  @ApiProperty({ description: 'The child id from the identity service' })
  @IsUUID('all', { message: 'childId must be a child id (UUID) from the identity service' })
  childId: string;

  @ApiProperty({ type: CommitmentRequest })
  @IsDefined({ message: 'commitment is required: {"kind", "description", "amountIdr"?, "startOn", "months"}' })
  @IsObject({
    message:
      'commitment must be one object {"kind", "description", "amountIdr"?, "startOn", "months"}, not a list or a value',
  })
  @ValidateNested()
  @Type(() => CommitmentRequest)
  commitment: CommitmentRequest;

  @ApiProperty({ example: 'BA Rembuk Stunting Kab. Tangerang 2025 No. 12', description: 'The signed agreement' })
  @Transform(collapseSpaces)
  @IsString({ message: 'agreementRef must be text' })
  @NoControlCharacters()
  @Length(3, 200, { message: 'agreementRef must be 3–200 characters, e.g. the Berita Acara number' })
  agreementRef: string;
}
