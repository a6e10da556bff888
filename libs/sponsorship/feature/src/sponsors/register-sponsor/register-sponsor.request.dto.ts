import { ApiProperty } from '@nestjs/swagger';
import { SPONSOR_TYPES, type SponsorType } from '@registry/sponsorship-domain';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { NoControlCharacters, collapseSpaces } from '@registry/platform';

export const REGENCY_CODE = /^\d{2}\.\d{2}$/;

export class RegisterSponsorRequest {
  @ApiProperty({ enum: SPONSOR_TYPES, description: 'individual, company (CSR), TNI, Polri, ASN, BAZNAS, NGO, other' })
  @IsIn(SPONSOR_TYPES, { message: `type must be one of ${SPONSOR_TYPES.join(', ')}` })
  type: SponsorType;

  @ApiProperty({
    example: 'PT Sumber Pangan Sejahtera',
    description: 'Personal data for an individual: stored encrypted',
  })
  @Transform(collapseSpaces)
  @IsString({ message: 'name must be text' })
  @NoControlCharacters()
  @Length(2, 150, { message: 'name must be 2–150 characters after trimming' })
  name: string;

  @ApiProperty({
    example: '+62 812 3456 7890, csr@sumberpangan.co.id',
    description: 'How the TPPS reaches the sponsor (personal data): stored encrypted',
  })
  @Transform(collapseSpaces)
  @IsString({ message: 'contact must be text' })
  @NoControlCharacters()
  @Length(3, 200, { message: 'contact must be 3–200 characters: a phone number, an e-mail or an address' })
  contact: string;

  @ApiProperty({ example: '36.03', description: 'The kabupaten/kota whose TPPS registers and looks after the sponsor' })
  @Matches(REGENCY_CODE, { message: 'regencyCode must be a kabupaten/kota code like 36.03' })
  regencyCode: string;
}
