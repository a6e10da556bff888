import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Settings every service reads from its environment. A service extends it with its own.
 * Validated once at start: a missing or malformed variable stops the service with a message naming it.
 */
export class ServiceConfig {
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsOptional()
  @IsInt({ message: 'PORT must be a whole number, e.g. PORT=3001' })
  @Min(1, { message: 'PORT must be between 1 and 65535' })
  @Max(65535, { message: 'PORT must be between 1 and 65535' })
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST = '127.0.0.1';

  @IsNotEmpty({
    message:
      'DATABASE_URL is required: the admin URL of a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres (npm run infra:up writes one to .var/infra.env)',
  })
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, {
    message: 'DATABASE_URL must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/postgres',
  })
  DATABASE_URL: string;

  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, {
    message: 'DATABASE_NAME must be a lower-case PostgreSQL identifier, e.g. registry_identity',
  })
  DATABASE_NAME?: string;

  /**
   * The running registry this service belongs to: its database is <stack>_<service> and its topics
   * <stack>.child.v1…, so the demo, the test suite and another checkout never share state (scripts/stack.sh).
   */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, {
    message:
      'REGISTRY_STACK must be a lower-case name of letters, digits and _, starting with a letter, e.g. main_3fa2c1',
  })
  REGISTRY_STACK = 'registry';

  @IsNotEmpty({
    message: 'KAFKA_BROKERS is required: a comma-separated list of host:port, e.g. 127.0.0.1:9092',
  })
  @Matches(/^[^\s,:]+:\d+(,[^\s,:]+:\d+)*$/, {
    message: 'KAFKA_BROKERS must be a comma-separated list of host:port, e.g. 127.0.0.1:9092',
  })
  KAFKA_BROKERS: string;

  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsOptional()
  @IsInt({
    message: 'KAFKA_REPLICATION_FACTOR must be a whole number: 1 for a single broker, 3 in production',
  })
  @Min(1, { message: 'KAFKA_REPLICATION_FACTOR must be at least 1' })
  KAFKA_REPLICATION_FACTOR = 1;

  /**
   * How long a consumer's fetch may wait for a few events to gather before it takes what there is. Under load the
   * fetches fill at once; when events trickle in, one fetch and one transaction then serve several of them.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsOptional()
  @IsInt({ message: 'CONSUMER_FETCH_WAIT_MS must be a whole number of milliseconds, e.g. CONSUMER_FETCH_WAIT_MS=100' })
  @Min(0, { message: 'CONSUMER_FETCH_WAIT_MS must be 0 or more' })
  @Max(5000, { message: 'CONSUMER_FETCH_WAIT_MS must be at most 5000 (each event waits up to this long per hop)' })
  CONSUMER_FETCH_WAIT_MS = 100;

  @IsOptional()
  @IsIn(LOG_LEVELS, {
    message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`,
  })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Reads and validates a service's configuration class from the environment; throws ConfigurationError. */
export function loadConfig<T extends ServiceConfig>(type: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const config = plainToInstance(type, { ...env }, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigurationError(errors.flatMap((error) => Object.values(error.constraints ?? {})));
  }
  return config;
}
