// One file over 300 lines: the event store's SQL (tables, es_append, its locks, the relay's channel) is one schema,
// applied and read in order.
/** Appends notify this channel at commit; the relay listens to it instead of polling hard. */
export const EVENTS_APPENDED_CHANNEL = 'es_events_appended';

/** First key of the event store's advisory locks, so they cannot collide with other advisory lock users. */
const STREAM_LOCK_NAMESPACE = 0x45530001;
/**
 * Streams share a bounded set of lock keys: a batch of 5,000 new streams then takes at most this many locks, well
 * inside the server's lock table (max_locks_per_transaction × max_connections, 6,400 by default). Two streams in
 * one bucket only wait for each other; order within each stream is kept.
 */
const STREAM_LOCK_BUCKETS = 1024;
/** Bytes of `{"actor":`, where every event's canonical text starts (see appendParameters). */
const ACTOR_START_BYTES = 9;

/**
 * Takes the locks of the streams in $1 as es_append does, in key order: what a transaction that appends to many
 * streams in several statements takes first, so that no two such transactions can wait for each other. Give it the
 * streams es_append would lock: not those the append creates.
 */
export const lockStreamsSql = `SELECT count(pg_advisory_xact_lock(${STREAM_LOCK_NAMESPACE}, lock_key))
  FROM (SELECT DISTINCT hashtext(stream_id) & ${STREAM_LOCK_BUCKETS - 1} AS lock_key FROM unnest($1::text[]) AS stream_id ORDER BY 1) AS keys`;

/**
 * The event store's tables, as plain idempotent SQL so a service's own migrations can run it.
 *
 * Reading in commit order: `global_position` alone is not a safe cursor (a transaction holding position 10 can
 * commit after one holding 11). Readers take only rows whose `transaction_id` is below the oldest transaction
 * still running, in (transaction_id, global_position) order; no later commit can ever sort before such a row.
 *
 * es_append does a whole append in one statement, so an append outside a caller's transaction is one round trip:
 * - it locks the streams with transaction-level advisory locks in key order (bulk appends cannot deadlock), except
 *   the streams it creates ('no_stream'): their keys settle a race of two creators.
 *   Advisory locks, unlike row locks, need no transaction id: the id is assigned after every earlier append to
 *   these streams committed, so within a stream transaction id order is version order and the relay publishes
 *   each stream in order. A caller's transaction that got its id before the stream's last append committed is
 *   refused ('transaction-order'): the relay would publish its event before that earlier one.
 * - after the locks it sees what committed meanwhile (each statement of a volatile function takes a new snapshot),
 *   checks repeated event ids and expected versions, draws positions from the identity's sequence, and hashes each
 *   event from the canonical JSON parts the client sent (see canonicalEnvelopeParts) plus position, previous hash
 *   and version, exactly as eventHash does in TypeScript. The parts and the data come in one byte string cut by
 *   offsets (see appendParameters): neither side escapes or parses them, and the data and actor are stored as
 *   json, the very text that was hashed.
 * - it notifies the relay only when asked: NOTIFY takes a cluster-wide lock that is held through the commit,
 *   which serialises every notifying commit on the server (measured with pgbench, 8 clients: 2,550 → 700 commits/s),
 *   so the EventStore asks at most once per NOTIFY_INTERVAL_MS and the relay polls briefly after each wake-up.
 */
/** es_append as the schema has it now. */
export const eventStoreAppendSql = `
CREATE OR REPLACE FUNCTION es_append(
  p_streams text[], p_request_slots integer[], p_expected_versions integer[], p_event_counts integer[],
  p_caller_event_ids uuid[], p_event_ids uuid[], p_types text[], p_schema_versions integer[], p_subject_ids text[],
  p_regency_codes text[], p_occurred_at timestamptz[], p_correlation_ids text[], p_causation_ids text[],
  p_canonical bytea, p_offsets integer[], p_recorded_at timestamptz, p_notify boolean)
RETURNS TABLE (outcome text, failed_request integer, failed_stream text, actual_version integer,
               positions text[], versions integer[], previous_hashes text[], hashes text[])
LANGUAGE plpgsql AS $$
DECLARE
  v_stored integer := 0;
  v_transaction_id xid8;
  v_total integer := cardinality(p_event_ids);
  v_head_version integer[];
  v_head_hash text[];
  v_head_transaction xid8[];
  v_positions bigint[];
  v_versions integer[] := array_fill(0, ARRAY[v_total]);
  v_previous text[] := array_fill(NULL::text, ARRAY[v_total]);
  v_hashes text[] := array_fill(NULL::text, ARRAY[v_total]);
  v_event_streams text[] := array_fill(NULL::text, ARRAY[v_total]);
  v_actors json[] := array_fill(NULL::json, ARRAY[v_total]);
  v_data json[] := array_fill(NULL::json, ARRAY[v_total]);
  v_slot integer;
  v_first integer := 1;
  v_version integer;
  v_hash text;
  v_start integer;
  v_at integer;
BEGIN
  -- A stream this append creates ('no_stream', expected version 0) is not locked: nobody else appends to a stream
  -- that does not exist yet, and two creators of one id collide on its keys (a ConcurrentAppendError to retry).
  -- Locking them would make concurrent bulk appends of fresh streams (two weighing days) wait for each other on
  -- the buckets they share. One stream (most appends) takes the short ways: plain expressions, not array queries.
  IF cardinality(p_streams) = 1 THEN
    IF EXISTS (SELECT FROM unnest(p_expected_versions) AS expected WHERE expected IS DISTINCT FROM 0) THEN
      PERFORM pg_advisory_xact_lock(${STREAM_LOCK_NAMESPACE}, hashtext(p_streams[1]) & ${STREAM_LOCK_BUCKETS - 1});
    END IF;
  ELSE
    PERFORM pg_advisory_xact_lock(${STREAM_LOCK_NAMESPACE}, lock_key)
       FROM (SELECT DISTINCT hashtext(p_streams[r.slot]) & ${STREAM_LOCK_BUCKETS - 1} AS lock_key
               FROM unnest(p_request_slots, p_expected_versions) AS r(slot, expected)
              WHERE r.expected IS DISTINCT FROM 0 ORDER BY 1) AS keys;
  END IF;

  IF cardinality(p_caller_event_ids) > 0 THEN
    SELECT count(*) INTO v_stored FROM es_events WHERE event_id = ANY(p_caller_event_ids);
  END IF;
  IF v_stored > 0 THEN
    RETURN QUERY SELECT 'repeated', NULL::integer, NULL::text, NULL::integer, NULL::text[], NULL::integer[], NULL::text[], NULL::text[];
    RETURN;
  END IF;

  IF cardinality(p_streams) = 1 THEN
    SELECT ARRAY[s.version], ARRAY[s.last_hash], ARRAY[s.last_transaction_id]
      INTO v_head_version, v_head_hash, v_head_transaction
      FROM es_streams AS s WHERE s.stream_id = p_streams[1];
    IF NOT FOUND THEN
      v_head_version := ARRAY[0];
      v_head_hash := ARRAY[NULL::text];
      v_head_transaction := ARRAY[NULL::xid8];
    END IF;
    v_positions := ARRAY(SELECT nextval('es_events_global_position_seq') FROM generate_series(1, v_total));
  ELSE
    SELECT array_agg(COALESCE(s.version, 0) ORDER BY u.slot), array_agg(s.last_hash ORDER BY u.slot),
           array_agg(s.last_transaction_id ORDER BY u.slot),
           ARRAY(SELECT nextval('es_events_global_position_seq') FROM generate_series(1, v_total))
      INTO v_head_version, v_head_hash, v_head_transaction, v_positions
      FROM unnest(p_streams) WITH ORDINALITY AS u(stream_id, slot)
      LEFT JOIN es_streams AS s ON s.stream_id = u.stream_id;
  END IF;

  v_transaction_id := pg_current_xact_id();
  FOR v_slot IN 1 .. cardinality(p_streams) LOOP
    IF v_head_transaction[v_slot] > v_transaction_id THEN
      RETURN QUERY SELECT 'transaction-order', NULL::integer, p_streams[v_slot], NULL::integer, NULL::text[], NULL::integer[], NULL::text[], NULL::text[];
      RETURN;
    END IF;
  END LOOP;

  FOR v_request IN 1 .. cardinality(p_request_slots) LOOP
    v_slot := p_request_slots[v_request];
    v_version := v_head_version[v_slot];
    v_hash := v_head_hash[v_slot];
    IF p_expected_versions[v_request] IS NOT NULL AND p_expected_versions[v_request] <> v_version THEN
      RETURN QUERY SELECT 'version-conflict', v_request, p_streams[v_slot], v_version, NULL::text[], NULL::integer[], NULL::text[], NULL::text[];
      RETURN;
    END IF;
    FOR v_event IN v_first .. v_first + p_event_counts[v_request] - 1 LOOP
      v_version := v_version + 1;
      v_event_streams[v_event] := p_streams[v_slot];
      v_versions[v_event] := v_version;
      v_previous[v_event] := v_hash;
      -- The event's bytes start where the previous event's end; offsets are 0-based, substring 1-based.
      v_at := 7 * (v_event - 1);
      v_start := CASE WHEN v_event = 1 THEN 0 ELSE p_offsets[v_at] END;
      v_actors[v_event] := convert_from(substring(p_canonical FROM v_start + ${ACTOR_START_BYTES + 1} FOR p_offsets[v_at + 1] - v_start - ${ACTOR_START_BYTES}), 'UTF8')::json;
      v_data[v_event] := convert_from(substring(p_canonical FROM p_offsets[v_at + 2] + 1 FOR p_offsets[v_at + 3] - p_offsets[v_at + 2]), 'UTF8')::json;
      -- Positions are digits and hashes hex: their JSON is the text in quotes.
      v_hash := encode(sha256(
        substring(p_canonical FROM v_start + 1 FOR p_offsets[v_at + 4] - v_start)
          || convert_to('"' || v_positions[v_event] || '"', 'UTF8')
          || substring(p_canonical FROM p_offsets[v_at + 4] + 1 FOR p_offsets[v_at + 5] - p_offsets[v_at + 4])
          || convert_to(COALESCE('"' || v_hash || '"', 'null'), 'UTF8')
          || substring(p_canonical FROM p_offsets[v_at + 5] + 1 FOR p_offsets[v_at + 6] - p_offsets[v_at + 5])
          || convert_to(v_version::text, 'UTF8')
          || substring(p_canonical FROM p_offsets[v_at + 6] + 1 FOR p_offsets[v_at + 7] - p_offsets[v_at + 6])
          || convert_to(COALESCE(v_hash, ''), 'UTF8')), 'hex');
      v_hashes[v_event] := v_hash;
    END LOOP;
    v_first := v_first + p_event_counts[v_request];
    v_head_version[v_slot] := v_version;
    v_head_hash[v_slot] := v_hash;
  END LOOP;

  WITH advanced_streams AS (
    INSERT INTO es_streams (stream_id, version, last_hash, last_transaction_id, updated_at)
    SELECT u.stream_id, u.version, u.last_hash, v_transaction_id, p_recorded_at
      FROM unnest(p_streams, v_head_version, v_head_hash) AS u(stream_id, version, last_hash)
    ON CONFLICT (stream_id) DO UPDATE
       SET version = EXCLUDED.version, last_hash = EXCLUDED.last_hash,
           last_transaction_id = EXCLUDED.last_transaction_id, updated_at = EXCLUDED.updated_at
  )
  INSERT INTO es_events (global_position, event_id, stream_id, stream_version, type, schema_version, subject_id, regency_code,
                         occurred_at, recorded_at, actor, correlation_id, causation_id, data, previous_hash, hash)
  SELECT e.global_position, e.event_id, e.stream_id, e.stream_version, e.type, e.schema_version, e.subject_id, e.regency_code,
         e.occurred_at, p_recorded_at, e.actor, e.correlation_id, e.causation_id, e.data, e.previous_hash, e.hash
    FROM unnest(v_positions, p_event_ids, v_event_streams, v_versions, p_types, p_schema_versions, p_subject_ids,
                p_regency_codes, p_occurred_at, v_actors, p_correlation_ids, p_causation_ids, v_data, v_previous, v_hashes)
      AS e(global_position, event_id, stream_id, stream_version, type, schema_version, subject_id, regency_code,
           occurred_at, actor, correlation_id, causation_id, data, previous_hash, hash);
  IF p_notify THEN
    PERFORM pg_notify('${EVENTS_APPENDED_CHANNEL}', '');
  END IF;

  RETURN QUERY SELECT 'appended', NULL::integer, NULL::text, NULL::integer, v_positions::text[], v_versions, v_previous, v_hashes;
END
$$;
`;

/**
 * From the first schema to this one: actor and data become json (the canonical text the hash is made of, kept as
 * sent, rather than jsonb, whose parse was the largest cost of an append), and es_append takes the canonical texts
 * as one byte string instead of an array per part.
 */
export const eventStoreAppendUpgradeSql = `
ALTER TABLE es_events ALTER COLUMN actor TYPE json USING actor::json, ALTER COLUMN data TYPE json USING data::json;
DROP FUNCTION IF EXISTS es_append(text[], integer[], integer[], integer[], uuid[], uuid[], text[], integer[], text[],
  text[], timestamptz[], jsonb[], text[], text[], text[], text[], text[], text[], text[], text[], timestamptz, boolean);
${eventStoreAppendSql}`;

export const eventStoreSchemaSql = `
CREATE TABLE IF NOT EXISTS es_streams (
  stream_id text PRIMARY KEY,
  version integer NOT NULL CHECK (version > 0),
  last_hash text NOT NULL,
  last_transaction_id xid8 NOT NULL,
  updated_at timestamptz NOT NULL
) WITH (fillfactor = 70); -- every append rewrites its stream's row: leave room for HOT updates

CREATE TABLE IF NOT EXISTS es_events (
  global_position bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME es_events_global_position_seq) PRIMARY KEY,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_id uuid NOT NULL,
  stream_id text NOT NULL,
  stream_version integer NOT NULL,
  type text NOT NULL,
  schema_version integer NOT NULL,
  subject_id text NOT NULL,
  regency_code text,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  actor json NOT NULL,
  correlation_id text NOT NULL,
  causation_id text,
  data json NOT NULL,
  previous_hash text,
  hash text NOT NULL,
  CONSTRAINT es_events_event_id_key UNIQUE (event_id),
  CONSTRAINT es_events_stream_version_key UNIQUE (stream_id, stream_version)
);

CREATE INDEX IF NOT EXISTS es_events_commit_order_idx ON es_events (transaction_id, global_position);

${eventStoreAppendSql}
CREATE TABLE IF NOT EXISTS es_relay_checkpoints (
  relay_name text PRIMARY KEY,
  transaction_id xid8 NOT NULL,
  global_position bigint NOT NULL,
  cluster_id text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
`;

/**
 * How far each rebuild of a projection read its sources (rebuildProjection), per topic: it applied every event of
 * the topic's store committed by a transaction below `transaction_id`, and none other; `global_position` is the
 * highest position among them. The projection's consumer skips those messages when they arrive, instead of a claim
 * per event.
 */
export const rebuildWatermarksSql = `
CREATE TABLE IF NOT EXISTS es_rebuild_watermarks (
  consumer_name text NOT NULL,
  topic text NOT NULL,
  transaction_id xid8 NOT NULL,
  global_position bigint NOT NULL,
  rebuilt_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_name, topic)
);
`;

/**
 * How far the last rebuild of each projection got (RebuildProgress), written outside the rebuild's transaction so
 * that /metrics shows it moving: `running` until it commits (`finished`) or rolls back (`failed`).
 */
export const rebuildProgressSql = `
CREATE TABLE IF NOT EXISTS es_rebuild_progress (
  consumer_name text PRIMARY KEY,
  state text NOT NULL CHECK (state IN ('running', 'finished', 'failed')),
  source_events bigint NOT NULL,
  applied_events bigint NOT NULL,
  started_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
`;

/** Bookkeeping of Kafka consumers that project events into this database. */
export const consumerSchemaSql = `
CREATE TABLE IF NOT EXISTS es_processed_events (
  consumer_name text NOT NULL,
  event_id uuid NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_name, event_id)
);

CREATE TABLE IF NOT EXISTS es_consumer_offsets (
  consumer_name text NOT NULL,
  topic text NOT NULL,
  partition integer NOT NULL,
  "offset" bigint NOT NULL,
  cluster_id text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_name, topic, partition)
);

CREATE TABLE IF NOT EXISTS es_dead_letters (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consumer_name text NOT NULL,
  topic text NOT NULL,
  partition integer NOT NULL,
  "offset" bigint NOT NULL,
  event_id uuid,
  event_type text,
  attempts integer NOT NULL,
  error_type text NOT NULL,
  error_message text NOT NULL,
  dead_lettered_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT es_dead_letters_message_key UNIQUE (consumer_name, topic, partition, "offset")
);
${rebuildWatermarksSql}
${rebuildProgressSql}`;

/**
 * Relay checkpoints and consumer offsets name the Kafka cluster they are true of (see KafkaCluster): null on rows
 * written before, which the first relay or consumer to run adopts for the cluster it finds.
 */
export const kafkaClusterIdsSql = `
ALTER TABLE es_relay_checkpoints ADD COLUMN IF NOT EXISTS cluster_id text;
ALTER TABLE es_consumer_offsets ADD COLUMN IF NOT EXISTS cluster_id text;
`;
