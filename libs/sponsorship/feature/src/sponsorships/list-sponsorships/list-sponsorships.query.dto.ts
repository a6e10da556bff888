import { ApiPropertyOptional } from '@nestjs/swagger';
import { SPONSORSHIP_STATUSES, type SponsorshipStatus } from '@registry/sponsorship-domain';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { REGENCY_CODE } from '../../sponsors/register-sponsor/register-sponsor.request.dto';

export class ListSponsorshipsQuery {
  @ApiPropertyOptional({ example: '36.03', description: 'Defaults to your regency' })
  @IsOptional()
  @Matches(REGENCY_CODE, { message: 'regencyCode must be a kabupaten/kota code like 36.03' })
  regencyCode?: string;

  @ApiPropertyOptional({ enum: SPONSORSHIP_STATUSES, description: 'Only sponsorships in this state today' })
  @IsOptional()
  @IsIn(SPONSORSHIP_STATUSES, { message: `status must be one of ${SPONSORSHIP_STATUSES.join(', ')}` })
  status?: SponsorshipStatus;
}
