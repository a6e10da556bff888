export {
  eventStoreSchemaSql,
  eventStoreAppendUpgradeSql,
  consumerSchemaSql,
  rebuildProgressSql,
  rebuildWatermarksSql,
  kafkaClusterIdsSql,
  EVENTS_APPENDED_CHANNEL,
} from './schema';
export { ensureDatabase, databaseUrl } from './ensure-database';
export { inTransaction } from './in-transaction';
export {
  EventStore,
  beginningOfAll,
  type AllStreamCursor,
  type AllStreamReader,
  type AppendOptions,
  type EventRowsQuery,
  type EventStoreOptions,
  type EventStoreSession,
  type ReadAllBatch,
  type ReadAllOptions,
} from './event-store';
export type { AppendRequest, AppendResult } from './append-plan';
export {
  AppendConflictError,
  ConcurrentAppendError,
  EventIdReuseError,
  ExpectedVersionConflictError,
  type ConcurrentAppendReason,
  type ExpectedVersion,
} from './errors';
export { canonicalJson } from './canonical-json';
export { eventHash, verifyChain, type ChainBreak, type StreamVerification, type UnsignedEnvelope } from './hash-chain';
export { KafkaRelay, type KafkaRelayConfig, type RelayMetrics } from './kafka-relay';
export { ensureTopics } from './kafka-topics';
export { KafkaCluster, LazyAdmin } from './kafka-cluster';
export { readStoredFreshness, type StoredFreshness } from './freshness';
export {
  ProjectionConsumer,
  type ConsumerMetrics,
  type DeadLetter,
  type PartitionLag,
  type ProjectionConsumerConfig,
} from './projection-consumer';
export type { CopiedRows, Projection } from './projection';
export { envelopeJsonSql, envelopesAsEventRows, PUBLISHED_ENVELOPE_SQL, type EnvelopeField } from './event-rows';
export { Upcasters, type Upcast } from './upcasters';
export { readRebuildProgress, type RebuildProgressRow } from './rebuild-progress';
export { rebuildProjection, type ProjectionSource, type RebuildProjectionOptions } from './rebuild-projection';
export { silentLogger, type Logger } from './logger';
export { BinaryCopy, type CopyColumn, type CopyColumnType, type CopyValue } from './binary-copy';
export {
  aggregateStream,
  appendDecided,
  handleCommand,
  versionExpected,
  type DecidedEvent,
  type DecidedStream,
  type EventDescription,
  type Evolver,
  type HandledCommand,
  type LoadedStream,
  type StreamHandling,
} from './command-handler';
