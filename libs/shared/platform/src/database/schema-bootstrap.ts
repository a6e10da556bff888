import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Client } from 'pg';

export const DATABASE_SETTINGS = Symbol('DATABASE_SETTINGS');

export interface DatabaseSettings {
  readonly adminUrl: string;
  readonly databaseName: string;
}

export type SchemaState =
  { readonly status: 'pending'; readonly reason: string } | { readonly status: 'ready'; readonly migrations: number };

/**
 * Creates the service's database when missing and runs its migrations, retrying in the background while
 * PostgreSQL is unreachable: the service stays up and /ready says why it is not ready, instead of crash-looping.
 */
@Injectable()
export class SchemaBootstrap implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SchemaBootstrap.name);
  private state: SchemaState = {
    status: 'pending',
    reason: 'migrations have not run yet',
  };
  private readonly listeners: Array<() => void> = [];
  private stopped = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly orm: MikroORM,
    private readonly settings: DatabaseSettings,
  ) {}

  get current(): SchemaState {
    return this.state;
  }

  /** Resolves once the schema is migrated; services start their relays and consumers from here. */
  whenReady(): Promise<void> {
    if (this.state.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => this.listeners.push(resolve));
  }

  onApplicationBootstrap(): void {
    void this.attempt(0);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async attempt(failures: number): Promise<void> {
    if (this.stopped) return;
    try {
      await this.ensureDatabase();
      const applied = await this.orm.migrator.up();
      this.state = { status: 'ready', migrations: applied.length };
      this.logger.log(`database ${this.settings.databaseName} ready (${applied.length} migrations applied now)`);
      this.listeners.splice(0).forEach((resolve) => resolve());
    } catch (error) {
      const reason = `PostgreSQL: ${(error as Error).message}`;
      this.state = { status: 'pending', reason };
      if (failures === 0) this.logger.warn(`${reason}; retrying in the background`);
      this.timer = setTimeout(() => void this.attempt(failures + 1), Math.min(500 * 2 ** failures, 5000));
    }
  }

  private async ensureDatabase(): Promise<void> {
    const client = new Client({
      connectionString: this.settings.adminUrl,
      connectionTimeoutMillis: 2000,
    });
    await client.connect();
    try {
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
        this.settings.databaseName,
      ]);
      if (rowCount === 0) {
        // Two services (or two test runs) may race to create it: duplicate_database is success.
        await client.query(`create database "${this.settings.databaseName}"`).catch((error: { code?: string }) => {
          if (error.code !== '42P04') throw error;
        });
      }
    } finally {
      await client.end();
    }
  }
}
