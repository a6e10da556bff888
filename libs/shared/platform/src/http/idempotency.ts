import { createHash } from 'node:crypto';
import { UnprocessableEntityException } from '@nestjs/common';
import { Migration } from '@mikro-orm/migrations';
import type { ClientBase } from 'pg';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Retried POSTs (bad connections are normal for a kabupaten integration) return the first answer instead of
 * acting twice. The answer is stored in the same transaction as the events it reports, so a retry sees either
 * nothing (and acts) or the committed answer.
 */
export class IdempotencyRecords {
  static readonly migration = class IdempotencyMigration extends Migration {
    override name = '20261122000050-idempotency';
    override up(): void {
      this.addSql(`
CREATE TABLE IF NOT EXISTS http_idempotency (
  caller text NOT NULL,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (caller, idempotency_key)
);`);
    }
  };

  /**
   * Answers a write once per Idempotency-Key: a retry with the key gets the first answer, stored in the caller's
   * transaction with the events it reports; without a key, `answer` simply runs.
   */
  static async answerOnce(
    client: ClientBase,
    caller: string,
    key: string | undefined,
    request: unknown,
    answer: () => Promise<StoredResponse>,
  ): Promise<StoredResponse> {
    if (key === undefined) return answer();
    const stored = await IdempotencyRecords.find(client, caller, key, request);
    if (stored) return stored;
    const response = await answer();
    await IdempotencyRecords.save(client, caller, key, request, response);
    return response;
  }

  /** The stored answer for this caller and key, or null; a key reused for another request is refused (422). */
  static async find(client: ClientBase, caller: string, key: string, request: unknown): Promise<StoredResponse | null> {
    const { rows } = await client.query<{ request_hash: string; status: number; body: unknown }>(
      'SELECT request_hash, status, body FROM http_idempotency WHERE caller = $1 AND idempotency_key = $2',
      [caller, key],
    );
    if (rows.length === 0) return null;
    if (rows[0].request_hash !== requestHash(request)) {
      throw new UnprocessableEntityException(
        `Idempotency-Key ${key} was already used for a different request: send a new key for a new request`,
      );
    }
    return { status: rows[0].status, body: rows[0].body };
  }

  /** Records the answer; a concurrent request that stored first wins (its answer is what both callers get). */
  static async save(
    client: ClientBase,
    caller: string,
    key: string,
    request: unknown,
    response: StoredResponse,
  ): Promise<void> {
    await client.query(
      `INSERT INTO http_idempotency (caller, idempotency_key, request_hash, status, body) VALUES ($1, $2, $3, $4, $5)`,
      [caller, key, requestHash(request), response.status, JSON.stringify(response.body)],
    );
  }
}

const requestHash = (request: unknown): string => createHash('sha256').update(JSON.stringify(request)).digest('hex');
