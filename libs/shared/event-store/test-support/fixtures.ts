import type { EventEnvelope, NewEvent } from '@registry/contracts';
import type { PoolClient } from 'pg';
import { envelopesAsEventRows, PUBLISHED_ENVELOPE_SQL, type CopiedRows, type Projection } from '../src';

export const kader = { subject: 'kader-17', role: 'kader' } as const;

/** A measurement-like event; `n` numbers the events of one subject so order can be checked. */
export const measured = (n: number, extra: Partial<NewEvent> = {}): NewEvent => ({
  type: 'MeasurementRecorded',
  regencyCode: '3201',
  actor: kader,
  data: { n, heightCm: 80 + n / 10 },
  ...extra,
});

/**
 * Counts events per subject and sums their `n`: applying an event twice shows up in both columns,
 * and a lost event in the count.
 */
export class SubjectTotalsProjection implements Projection {
  readonly tables: readonly string[];

  constructor(readonly name: string) {
    this.tables = [`${name}_subject_totals`];
  }

  createTableSql(): string {
    return `CREATE TABLE IF NOT EXISTS ${this.tables[0]} (subject_id text PRIMARY KEY, events integer NOT NULL, sum_n bigint NOT NULL)`;
  }

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    const { n } = event.data as { n: number };
    await client.query(
      `INSERT INTO ${this.tables[0]} (subject_id, events, sum_n) VALUES ($1, 1, $2)
       ON CONFLICT (subject_id) DO UPDATE SET events = ${this.tables[0]}.events + 1, sum_n = ${this.tables[0]}.sum_n + EXCLUDED.sum_n`,
      [event.subjectId, n],
    );
  }

  async rows(client: Pick<PoolClient, 'query'>): Promise<{ subject_id: string; events: number; sum_n: string }[]> {
    const { rows } = await client.query(`SELECT subject_id, events, sum_n FROM ${this.tables[0]} ORDER BY subject_id`);
    return rows;
  }
}

/**
 * The same totals through the live consumer's bulk path: one set-based upsert per chunk. It records the size of
 * every chunk it is given, and fails the first `failingChunks` of them (as a transient error would), so the consumer
 * must roll those back and replay their messages one by one through apply().
 */
export class BatchingSubjectTotalsProjection extends SubjectTotalsProjection {
  readonly chunks: number[] = [];

  constructor(
    name: string,
    private failingChunks = 0,
  ) {
    super(name);
  }

  async applyBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    this.chunks.push(events.length);
    if (this.failingChunks > 0) {
      this.failingChunks -= 1;
      throw new Error('transient failure of a chunk');
    }
    await client.query(
      `INSERT INTO ${this.tables[0]} AS t (subject_id, events, sum_n)
       SELECT subject_id, count(*), sum(n) FROM unnest($1::text[], $2::bigint[]) AS e(subject_id, n) GROUP BY subject_id
       ON CONFLICT (subject_id) DO UPDATE SET events = t.events + EXCLUDED.events, sum_n = t.sum_n + EXCLUDED.sum_n`,
      [events.map((event) => event.subjectId), events.map((event) => (event.data as { n: number }).n)],
    );
  }
}

/**
 * A row per event, defined once in SQL over a stored event: the live path runs it over the consumed envelopes, a
 * rebuild has the source databases run it and copies the rows (copiedOnRebuild), as the reporting timeline does.
 */
export class EventCopiesProjection implements Projection {
  readonly tables: readonly string[];
  readonly copiedOnRebuild: CopiedRows;

  constructor(readonly name: string) {
    this.tables = [`${name}_copies`];
    this.copiedOnRebuild = {
      table: this.tables[0],
      columns: ['event_id', 'subject_id', 'n', 'envelope'],
      select: `e.event_id, e.subject_id, (e.data->>'n')::int, ${PUBLISHED_ENVELOPE_SQL}`,
      where: `e.type = 'MeasurementRecorded'`,
    };
  }

  createTableSql(): string {
    return `CREATE TABLE IF NOT EXISTS ${this.tables[0]} (event_id uuid PRIMARY KEY, subject_id text NOT NULL, n integer, envelope text NOT NULL)`;
  }

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    await this.applyBatch([event], client);
  }

  async applyBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    const { from, values } = envelopesAsEventRows(events);
    const { table, columns, select, where } = this.copiedOnRebuild;
    await client.query(
      `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM ${from} WHERE ${where} ON CONFLICT DO NOTHING`,
      values,
    );
  }

  async rows(
    client: Pick<PoolClient, 'query'>,
  ): Promise<{ event_id: string; subject_id: string; n: number; envelope: string }[]> {
    const { rows } = await client.query(`SELECT * FROM ${this.tables[0]} ORDER BY event_id`);
    return rows;
  }
}
