import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, regencyScope, type Principal } from '@registry/access';
import { IsOptional, Matches } from 'class-validator';
import { ListDuplicatesHandler } from './list-duplicates.handler';
import { ListDuplicatesResponse } from './list-duplicates.response.dto';

export class ListDuplicatesQuery {
  @ApiPropertyOptional({ example: '36.03', description: 'Required for roles that see every regency' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}$/, { message: 'regencyCode must be a kabupaten/kota code like 36.03' })
  regencyCode?: string;
}

/**
 * Candidate pairs of records that may be one real child, with the evidence and a score, for a TPPS officer to
 * merge or dismiss. Compared through keyed hashes: no personal data is decrypted to find them.
 */
@ApiTags('children')
@ApiBearerAuth()
@Controller('v1/children')
export class ListDuplicatesHttpController {
  constructor(private readonly handler: ListDuplicatesHandler) {}

  @Get('duplicates')
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'Likely duplicate registrations in a regency, strongest first' })
  @ApiOkResponse({ type: ListDuplicatesResponse })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListDuplicatesQuery) {
    const scope = regencyScope(principal);
    const regencyCode = scope.kind === 'regency' ? scope.regencyCode : query.regencyCode;
    if (!regencyCode) return { regencyCode: null, pairs: [], note: 'give regencyCode=…' };
    const pairs = await this.handler.pairsOf(regencyCode);
    return { regencyCode, pairs };
  }
}
