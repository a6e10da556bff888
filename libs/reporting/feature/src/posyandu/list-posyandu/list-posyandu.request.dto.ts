import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class ListPosyanduQuery {
  @ApiPropertyOptional({ example: '36.03.20', description: 'A kabupaten, kecamatan or desa; default: your kabupaten' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/, {
    message: 'regionCode must be a kabupaten, kecamatan or desa code, e.g. 36.03 or 36.03.20',
  })
  regionCode?: string;
}
