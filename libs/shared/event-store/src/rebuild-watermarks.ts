import { EVENT_HEADERS } from '@registry/contracts';
import { escapeLiteral, type PoolClient, type QueryResult } from 'pg';

/**
 * Held by a rebuild for its whole transaction, and shared by each transaction of the projection's consumer before it
 * looks at the watermarks: a consumer running during a rebuild waits for it, then sees what it applied.
 */
const REBUILD_LOCK_SQL = 'SELECT pg_advisory_xact_lock(8009, hashtext($1))';

/** How far a rebuild read one source: every event of the store below `transactionId`, the last at `globalPosition`. */
export interface RebuildWatermark {
  readonly topic: string;
  readonly transactionId: string;
  readonly globalPosition: string;
}

/** Takes the rebuild's lock on the consumer's watermarks, in the rebuild's transaction. */
export async function lockForRebuild(client: PoolClient, consumerName: string): Promise<void> {
  await client.query(REBUILD_LOCK_SQL, [consumerName]);
}

/** Records, in the rebuild's transaction, how far it read each source: the earlier watermarks are replaced. */
export async function recordWatermarks(
  client: PoolClient,
  consumerName: string,
  watermarks: readonly RebuildWatermark[],
): Promise<void> {
  await client.query('DELETE FROM es_rebuild_watermarks WHERE consumer_name = $1', [consumerName]);
  await client.query(
    `INSERT INTO es_rebuild_watermarks (consumer_name, topic, transaction_id, global_position)
     SELECT $1, * FROM unnest($2::text[], $3::xid8[], $4::bigint[])`,
    [
      consumerName,
      watermarks.map((mark) => mark.topic),
      watermarks.map((mark) => mark.transactionId),
      watermarks.map((mark) => mark.globalPosition),
    ],
  );
}

/** A message as the consumer received it: its topic, the stored event's position and the relay's header. */
export interface Delivered {
  readonly topic: string;
  /**
   * The transaction that stored the event (the relay's transaction-id header: transaction ids order the store's commits
   * as its readers read them); null for a message without the header.
   */
  readonly transactionId: string | null;
  readonly globalPosition: string;
}

/**
 * Which deliveries the projection's last rebuild applied already, in the consumer's transaction (after waiting for
 * a rebuild in progress). A message with the header is covered when its transaction is below the watermark. One
 * without it was relayed before relays sent the header, from a transaction long finished when the rebuild read the
 * store: covered when its position is among those the rebuild read.
 */
export async function appliedByRebuild(
  client: PoolClient,
  consumerName: string,
): Promise<(delivered: Delivered) => boolean> {
  // Two statements in one round trip (the simple protocol takes no parameters, hence the literal): the SELECT takes
  // its snapshot after the lock is granted, so it sees the watermarks of a rebuild that committed meanwhile. One
  // statement would read them as they were before it waited.
  const name = escapeLiteral(consumerName);
  const [, { rows }] = (await client.query(
    `SELECT pg_advisory_xact_lock_shared(8009, hashtext(${name}));
     SELECT topic, transaction_id::text AS transaction_id, global_position::text AS global_position
       FROM es_rebuild_watermarks WHERE consumer_name = ${name}`,
  )) as unknown as [QueryResult, QueryResult<{ topic: string; transaction_id: string; global_position: string }>];
  if (rows.length === 0) return () => false;
  const marks = new Map(
    rows.map((row) => [
      row.topic,
      { transactionId: BigInt(row.transaction_id), position: BigInt(row.global_position) },
    ]),
  );
  return ({ topic, transactionId, globalPosition }) => {
    const mark = marks.get(topic);
    if (!mark) return false;
    if (transactionId !== null) return BigInt(transactionId) < mark.transactionId;
    return DIGITS.test(globalPosition) && BigInt(globalPosition) <= mark.position;
  };
}

const DIGITS = /^\d{1,19}$/;

/** The header's transaction id, when the message has a well-formed one. */
export function transactionIdOf(headers: Record<string, unknown> | undefined): string | null {
  const value = headers?.[EVENT_HEADERS.transactionId];
  const text = Buffer.isBuffer(value) ? value.toString('utf8') : typeof value === 'string' ? value : null;
  return text !== null && DIGITS.test(text) ? text : null;
}
