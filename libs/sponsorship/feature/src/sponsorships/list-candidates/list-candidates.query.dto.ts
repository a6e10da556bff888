import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class ListCandidatesQuery {
  @ApiProperty({ example: '36.03.20', description: 'The kecamatan' })
  @Matches(/^\d{2}\.\d{2}\.\d{2}$/, { message: 'districtCode must be a kecamatan code like 36.03.20' })
  districtCode: string;
}
