import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
  type Type,
} from '@nestjs/common';
import {
  EventStore,
  KafkaRelay,
  ProjectionConsumer,
  type Logger as EventStoreLogger,
  type Projection,
} from '@registry/event-store';
import { topicIn } from '@registry/contracts';
import { Pool } from 'pg';
import { ServiceConfig } from '../config/service-config';
import { defaultDatabaseName, serviceDatabaseUrl } from '../database/database-names';
import { DATABASE_SETTINGS, SchemaBootstrap, type DatabaseSettings } from '../database/schema-bootstrap';
import { KafkaConnection } from '../kafka/kafka-connection';
import { TopicBootstrap } from '../kafka/kafka.module';

export const PG_POOL = Symbol('PG_POOL');
export const PROJECTIONS = Symbol('PROJECTIONS');
const RELAY_TOPIC = Symbol('RELAY_TOPIC');
const SERVICE_NAME = Symbol('SERVICE_NAME');

export interface EventSourcingOptions {
  readonly service: string;
  /** The topic this service publishes its events to; none for a service that only consumes. */
  readonly topic?: string;
  /** Projections fed from Kafka; each gets its own consumer group. */
  readonly projections?: ReadonlyArray<{ readonly projection: Type<Projection>; readonly topics: readonly string[] }>;
}

const loggerFor = (context: string): EventStoreLogger => {
  const logger = new Logger(context);
  return {
    info: (message, details) => logger.log({ msg: message, ...details }),
    warn: (message, details) => logger.warn({ msg: message, ...details }),
    error: (message, details) => logger.error({ msg: message, ...details }),
  };
};

/**
 * Starts the relay and the consumers once the schema is migrated and the topics exist, and stops them before the
 * pool closes: on SIGTERM nothing half-applied is left behind, and what was not published is published next start.
 */
@Injectable()
export class EventBackbone implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  readonly relay: KafkaRelay | null;
  readonly consumers: ProjectionConsumer[];
  /** The service's short name (identity, intake…), for answers that say whose backbone this is. */
  readonly service: string;
  private started?: Promise<void>;
  private running = false;

  /** True once the relay and every consumer run: readiness waits for it. */
  get isRunning(): boolean {
    return this.running;
  }

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(RELAY_TOPIC) topic: string | null,
    @Inject(SERVICE_NAME) service: string,
    @Inject(DATABASE_SETTINGS) database: DatabaseSettings,
    @Inject(PROJECTIONS) projections: Array<{ projection: Projection; topics: readonly string[] }>,
    kafka: KafkaConnection,
    private readonly schema: SchemaBootstrap,
    private readonly topics: TopicBootstrap,
    config: ServiceConfig,
  ) {
    this.service = service;
    // Options name the default stack's topics; this stack's have its name (topicIn).
    const stackTopic = (name: string) => topicIn(config.REGISTRY_STACK, name);
    this.relay = topic
      ? new KafkaRelay({
          pool,
          kafka: kafka.kafka,
          topic: stackTopic(topic),
          name: `${service}-relay`,
          ensureTopics: () => kafka.ensureTopics(),
          logger: loggerFor('KafkaRelay'),
        })
      : null;
    this.consumers = projections.map(
      ({ projection, topics: sourceTopics }) =>
        new ProjectionConsumer({
          pool,
          kafka: kafka.kafka,
          topics: sourceTopics.map(stackTopic),
          projection,
          // Per database, so a second instance on its own database (a developer's, a test's) gets its own copy.
          groupId: `${database.databaseName}.${projection.name}`,
          // A restarted instance rejoins once its killed predecessor's session expires: 10 s, not kafkajs' 30 s.
          sessionTimeoutMs: 10_000,
          heartbeatIntervalMs: 1_000,
          fetchMinBytes: FETCH_MIN_BYTES,
          fetchMaxWaitMs: config.CONSUMER_FETCH_WAIT_MS,
          logger: loggerFor(`Consumer ${projection.name}`),
        }),
    );
  }

  onApplicationBootstrap(): void {
    this.started = Promise.all([this.schema.whenReady(), this.topics.whenReady()]).then(async () => {
      await this.relay?.start();
      await Promise.all(this.consumers.map((consumer) => consumer.start()));
      this.running = true;
    });
  }

  /** Resolves when the relay and every consumer run: tests and readiness wait on it. */
  whenStarted(): Promise<void> {
    return this.started ?? Promise.reject(new Error('the event backbone has not been bootstrapped'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.relay?.stop(), ...this.consumers.map((consumer) => consumer.stop())]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/** What a consumer's fetch waits for, at most CONSUMER_FETCH_WAIT_MS: about twenty events. */
const FETCH_MIN_BYTES = 32 * 1024;

/** A service's event store on its own database, its relay to Kafka and its Kafka-fed projections. */
@Module({})
export class EventSourcingModule {
  static forService(options: EventSourcingOptions): DynamicModule {
    const projectionTypes = (options.projections ?? []).map((entry) => entry.projection);
    const providers: Provider[] = [
      { provide: SERVICE_NAME, useValue: options.service },
      { provide: RELAY_TOPIC, useValue: options.topic ?? null },
      {
        provide: PG_POOL,
        inject: [ServiceConfig],
        useFactory: (config: ServiceConfig) => {
          const pool = new Pool({
            connectionString: serviceDatabaseUrl(
              config.DATABASE_URL,
              config.DATABASE_NAME ?? defaultDatabaseName(options.service, config.REGISTRY_STACK),
            ),
            max: 10,
            connectionTimeoutMillis: 5000,
          });
          // A connection PostgreSQL drops (a restart, a failover) fails the queries on it and is left by the pool,
          // which opens a new one. It also emits 'error', idle or checked out (the pool listens only while it is
          // idle): without a listener of ours Node would end the process.
          const logger = new Logger('PostgreSQL');
          pool.on('connect', (client) =>
            client.on('error', (error) => logger.warn(`connection lost: ${error.message}`)),
          );
          pool.on('error', () => undefined); // the same error, logged by the connection's listener
          return pool;
        },
      },
      { provide: EventStore, inject: [PG_POOL], useFactory: (pool: Pool) => new EventStore(pool) },
      ...projectionTypes,
      {
        provide: PROJECTIONS,
        inject: projectionTypes,
        useFactory: (...instances: Projection[]) =>
          instances.map((projection, i) => ({ projection, topics: options.projections![i].topics })),
      },
      EventBackbone,
    ];
    return {
      module: EventSourcingModule,
      global: true,
      providers,
      exports: [PG_POOL, EventStore, EventBackbone, ...projectionTypes],
    };
  }
}
