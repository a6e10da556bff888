import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { Access, CurrentPrincipal, regencyScope, type Principal } from '@registry/access';
import { findDuplicates } from '@registry/identity-domain';
import { IsOptional, Matches } from 'class-validator';
import { ChildRecord } from '../../infrastructure/child-record.entity';

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
  constructor(private readonly em: EntityManager) {}

  @Get('duplicates')
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'Likely duplicate registrations in a regency, strongest first' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListDuplicatesQuery) {
    const scope = regencyScope(principal);
    const regencyCode = scope.kind === 'regency' ? scope.regencyCode : query.regencyCode;
    if (!regencyCode) return { regencyCode: null, pairs: [], note: 'give regencyCode=…' };
    const records = await this.em.fork().find(
      ChildRecord,
      { regencyCode, status: { $ne: 'merged' } },
      {
        fields: [
          'childId',
          'birthDate',
          'villageCode',
          'nikLookup',
          'familyCardLookup',
          'nameLookup',
          'motherNameLookup',
        ],
      },
    );
    const pairs = findDuplicates(
      records
        .filter((record) => record.nameLookup !== null && record.motherNameLookup !== null)
        .map((record) => ({
          childId: record.childId,
          birthDate: record.birthDate,
          villageCode: record.villageCode,
          lookups: {
            nik: record.nikLookup,
            familyCard: record.familyCardLookup,
            name: record.nameLookup!,
            motherName: record.motherNameLookup!,
          },
        })),
    );
    return { regencyCode, pairs };
  }
}
