import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { VILLAGE_CODE } from '../register-child/register-child.request.dto';
import { IsCalendarDate } from '@registry/platform';

export class RelocateChildRequest {
  @ApiProperty({ example: '36.04.23.2015', description: 'The new desa; it may lie in another kabupaten' })
  @Matches(VILLAGE_CODE, { message: 'villageCode must be a desa/kelurahan code like 36.04.23.2015' })
  villageCode: string;

  @ApiProperty({ example: '2025-01-10' })
  @IsCalendarDate({ message: 'movedOn must be a real date YYYY-MM-DD' })
  movedOn: string;
}
