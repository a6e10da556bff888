import { randomBytes } from 'node:crypto';
import { canonicalJson, type AppendRequest } from '@registry/event-store';
import type { Pool } from 'pg';

/** A plain table with the event store's columns, and none of its indexes, triggers or checks. */
export const RAW_EVENTS_TABLE_SQL = `CREATE TABLE raw_events (
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id uuid NOT NULL, stream_id text NOT NULL,
  stream_version integer NOT NULL, type text NOT NULL, schema_version integer NOT NULL, subject_id text NOT NULL,
  regency_code text, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, actor jsonb NOT NULL,
  correlation_id text NOT NULL, causation_id text, data jsonb NOT NULL, previous_hash text, hash text NOT NULL)`;

const RAW_INSERT_SQL = `INSERT INTO raw_events (event_id, stream_id, stream_version, type, schema_version, subject_id, regency_code,
  occurred_at, recorded_at, actor, correlation_id, causation_id, data, previous_hash, hash)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[], $8::timestamptz[],
                       $9::timestamptz[], $10::jsonb[], $11::text[], $12::text[], $13::jsonb[], $14::text[], $15::text[])`;

const uuid = (): string => {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
};

/** The ceiling: the same rows, serialised, with versions counted in memory and no hashing, locking or checks. */
export class RawEventInserter {
  private readonly versions = new Map<string, number>();

  constructor(private readonly pool: Pool) {}

  async insert(requests: readonly AppendRequest[]): Promise<void> {
    const now = new Date().toISOString();
    const rows = requests.flatMap((request) => request.events.map((event) => ({ streamId: request.streamId, event })));
    const hash = 'a'.repeat(64);
    await this.pool.query(RAW_INSERT_SQL, [
      rows.map(() => uuid()),
      rows.map((row) => row.streamId),
      rows.map((row) => this.nextVersion(row.streamId)),
      rows.map((row) => row.event.type),
      rows.map(() => 1),
      rows.map((row) => row.streamId),
      rows.map((row) => row.event.regencyCode),
      rows.map(() => now),
      rows.map(() => now),
      rows.map((row) => canonicalJson(row.event.actor)),
      rows.map(() => uuid()),
      rows.map(() => null),
      rows.map((row) => canonicalJson(row.event.data)),
      rows.map(() => hash),
      rows.map(() => hash),
    ]);
  }

  private nextVersion(streamId: string): number {
    const version = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, version);
    return version;
  }
}
