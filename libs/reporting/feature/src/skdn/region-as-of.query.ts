import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

/** Where and as known when: the query parameters the SKDN and incidence reports share. */
export class RegionAsOfQuery {
  @ApiPropertyOptional({ example: '36.03.20', description: 'Any level; a TPPS defaults to its own kabupaten' })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, {
    message: 'regionCode must be a Kemendagri region code like 36.03 or 36.03.20',
  })
  regionCode?: string;

  @ApiPropertyOptional({ example: '2026-09-05T23:59:59+07:00', description: 'Answer as the registry knew it then' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 instant, e.g. 2026-09-05T23:59:59+07:00' })
  asOf?: string;
}
