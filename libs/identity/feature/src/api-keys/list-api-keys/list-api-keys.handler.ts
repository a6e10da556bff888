import { Injectable } from '@nestjs/common';
import { regencyScope, type Principal } from '@registry/access';
import { EventStore } from '@registry/event-store';

/** The keys of the caller's regency (every regency for an admin): names and dates, never secrets. */
@Injectable()
export class ListApiKeysHandler {
  constructor(private readonly store: EventStore) {}

  async list(principal: Principal) {
    const scope = regencyScope(principal);
    const { rows } = await this.store.pool.query(
      `SELECT key_id AS "keyId", name, regency_code AS "regencyCode", created_at AS "createdAt", revoked_at AS "revokedAt"
         FROM registry_api_keys WHERE $1::text IS NULL OR regency_code = $1 ORDER BY created_at`,
      [scope.kind === 'regency' ? scope.regencyCode : null],
    );
    return { items: rows };
  }
}
