import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  Access,
  actorOf,
  assertInScope,
  CurrentPrincipal,
  issueApiKey,
  regencyScope,
  type Principal,
} from '@registry/access';
import { EventStore } from '@registry/event-store';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { NoControlCharacters } from '@registry/platform';
import { CLOCK, type Clock } from '@registry/contracts';

export class IssueApiKeyRequest {
  @ApiProperty({ example: 'SIGIZI Kabupaten Tangerang', description: 'Which integration uses the key' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'name must be text' })
  @NoControlCharacters()
  @Length(1, 100, { message: 'name must be 1–100 characters' })
  name: string;

  @ApiProperty({ example: '36.03' })
  @Matches(/^\d{2}\.\d{2}$/, { message: 'regencyCode must be a kabupaten/kota code like 36.03' })
  regencyCode: string;
}

const streamOf = (keyId: string): string => `api-key-${keyId}`;

/**
 * API keys for kabupaten integrations: shown once, stored hashed, named, revocable, scoped to one regency.
 * Issuing and revoking are events, which every service copies to check keys locally.
 */
@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('v1/api-keys')
export class ApiKeysHttpController {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'Issue an integration API key for a regency; the key is in this answer only' })
  async issue(@CurrentPrincipal() principal: Principal, @Body() request: IssueApiKeyRequest) {
    assertInScope(principal, request.regencyCode, `regency ${request.regencyCode}`);
    const { plaintext, record } = issueApiKey({
      name: request.name,
      regencyCode: request.regencyCode,
      now: this.clock(),
    });
    const { revokedAt: _revokedAt, ...issued } = record;
    await this.store.append(
      streamOf(record.keyId),
      [
        {
          type: 'api-key.issued',
          data: issued,
          subjectId: record.keyId,
          regencyCode: record.regencyCode,
          actor: actorOf(principal),
        },
      ],
      { expectedVersion: 'no_stream' },
    );
    return {
      keyId: record.keyId,
      name: record.name,
      regencyCode: record.regencyCode,
      apiKey: plaintext,
      header: 'x-api-key',
    };
  }

  @Post(':keyId/revoke')
  @HttpCode(200)
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'Revoke a key; every service refuses it once the event reaches it' })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('keyId') keyId: string) {
    const [issued] = await this.store.readStream(streamOf(keyId));
    const regencyCode = issued?.regencyCode ?? null;
    if (!issued) throw new NotFoundException(`API key ${keyId} not found`);
    assertInScope(principal, regencyCode, `API key ${keyId}`);
    const revokedAt = this.clock().toISOString();
    await this.store.append(
      streamOf(keyId),
      [
        {
          type: 'api-key.revoked',
          data: { keyId, revokedAt },
          subjectId: keyId,
          regencyCode,
          actor: actorOf(principal),
        },
      ],
      { expectedVersion: 1 },
    );
    return { keyId, revokedAt };
  }

  @Get()
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'Keys of the regency (names and dates, never secrets)' })
  async list(@CurrentPrincipal() principal: Principal) {
    const scope = regencyScope(principal);
    const { rows } = await this.store.pool.query(
      `SELECT key_id AS "keyId", name, regency_code AS "regencyCode", created_at AS "createdAt", revoked_at AS "revokedAt"
         FROM registry_api_keys WHERE $1::text IS NULL OR regency_code = $1 ORDER BY created_at`,
      [scope.kind === 'regency' ? scope.regencyCode : null],
    );
    return { items: rows };
  }
}
