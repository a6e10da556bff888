import { Inject, Injectable } from '@nestjs/common';
import { Migration } from '@mikro-orm/migrations';
import type { AccessEventData, EventEnvelope } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import { PG_POOL } from '@registry/platform';
import type { Pool, PoolClient } from 'pg';
import type { ApiKeyRecord, ApiKeyStore } from './api-key';

/** Each service's copy of the integration API keys (hashes only), fed by identity's api-key events. */
export class ApiKeyMigration extends Migration {
  override name = '20261122000060-api-keys';

  override up(): void {
    this.addSql(`
CREATE TABLE IF NOT EXISTS registry_api_keys (
  key_id text PRIMARY KEY,
  name text NOT NULL,
  regency_code text NOT NULL,
  role text NOT NULL,
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);`);
  }
}

@Injectable()
export class ApiKeyProjection implements Projection {
  readonly name = 'api-keys';
  readonly tables = ['registry_api_keys'];

  // Every service copies the keys from the identity topic, whose other events are none of its business here.
  handles(type: string): boolean {
    return type.startsWith('api-key.');
  }

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    if (event.type === 'api-key.issued') {
      const key = event.data as AccessEventData<'api-key.issued'>;
      await client.query(
        `INSERT INTO registry_api_keys (key_id, name, regency_code, role, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (key_id) DO NOTHING`,
        [key.keyId, key.name, key.regencyCode, key.role, key.secretHash, key.createdAt],
      );
    } else if (event.type === 'api-key.revoked') {
      const { keyId, revokedAt } = event.data as AccessEventData<'api-key.revoked'>;
      await client.query('UPDATE registry_api_keys SET revoked_at = $2 WHERE key_id = $1', [keyId, revokedAt]);
    }
  }
}

@Injectable()
export class PgApiKeyStore implements ApiKeyStore {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async findById(keyId: string): Promise<ApiKeyRecord | null> {
    const { rows } = await this.pool.query<{
      key_id: string;
      name: string;
      regency_code: string;
      secret_hash: string;
      created_at: Date;
      revoked_at: Date | null;
    }>(
      'SELECT key_id, name, regency_code, secret_hash, created_at, revoked_at FROM registry_api_keys WHERE key_id = $1',
      [keyId],
    );
    const row = rows[0];
    return row
      ? {
          keyId: row.key_id,
          name: row.name,
          regencyCode: row.regency_code,
          role: 'integration',
          secretHash: row.secret_hash,
          createdAt: row.created_at.toISOString(),
          revokedAt: row.revoked_at?.toISOString() ?? null,
        }
      : null;
  }
}
