import { DynamicModule, Module } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { MikroOrmModule, type MikroOrmModuleAsyncOptions } from '@mikro-orm/nestjs';
import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Migration } from '@mikro-orm/migrations';
import { ServiceConfig } from '../config/service-config';
import { defaultDatabaseName, serviceDatabaseUrl } from './database-names';
import { DATABASE_SETTINGS, SchemaBootstrap, type DatabaseSettings } from './schema-bootstrap';

export interface DatabaseOptions {
  readonly service: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly entities: Array<new (...args: any[]) => object>;
  readonly migrations: Array<new (...args: ConstructorParameters<typeof Migration>) => Migration>;
}

/** The service's own PostgreSQL database through MikroORM, its schema owned by migrations run at start. */
@Module({})
export class DatabaseModule {
  static forService(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        MikroOrmModule.forRootAsync({
          // @mikro-orm/nestjs 7.1 types its driver option against an older core; the runtime class is right.
          driver: PostgreSqlDriver as unknown as MikroOrmModuleAsyncOptions['driver'],
          inject: [ServiceConfig],
          useFactory: (config: ServiceConfig) => ({
            // Readers fork their own EntityManager (em.fork()) and writers use the event store: a context forked for
            // every request, as the module's middleware would, serves none of them.
            registerRequestContext: false,
            ...defineConfig({
              clientUrl: serviceDatabaseUrl(
                config.DATABASE_URL,
                config.DATABASE_NAME ?? defaultDatabaseName(options.service, config.REGISTRY_STACK),
              ),
              entities: options.entities,
              metadataProvider: ReflectMetadataProvider,
              discovery: { warnWhenNoEntities: false },
              extensions: [Migrator],
              migrations: {
                migrationsList: options.migrations,
                snapshot: false,
                transactional: true,
                allOrNothing: true,
              },
              ensureDatabase: false,
              pool: { min: 0, max: 10 },
              debug: false,
            }),
          }),
        }),
      ],
      providers: [
        {
          provide: DATABASE_SETTINGS,
          inject: [ServiceConfig],
          useFactory: (config: ServiceConfig): DatabaseSettings => ({
            adminUrl: config.DATABASE_URL,
            databaseName: config.DATABASE_NAME ?? defaultDatabaseName(options.service, config.REGISTRY_STACK),
          }),
        },
        {
          provide: SchemaBootstrap,
          inject: [MikroORM, DATABASE_SETTINGS],
          useFactory: (orm: MikroORM, settings: DatabaseSettings) => new SchemaBootstrap(orm, settings),
        },
      ],
      exports: [SchemaBootstrap, DATABASE_SETTINGS],
    };
  }
}
