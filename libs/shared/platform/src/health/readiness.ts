import { MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { SchemaBootstrap } from '../database/schema-bootstrap';
import { EventBackbone } from '../event-sourcing/event-sourcing.module';
import { KafkaConnection } from '../kafka/kafka-connection';

/** What readiness asks of each part a service needs; each throws, saying why, when the part is not ready. */
@Injectable()
export class Readiness {
  constructor(
    private readonly orm: MikroORM,
    private readonly schema: SchemaBootstrap,
    private readonly connection: KafkaConnection,
    private readonly moduleRef: ModuleRef,
  ) {}

  async postgresql(): Promise<{ database: string | undefined }> {
    const schema = this.schema.current;
    if (schema.status !== 'ready') throw new Error(schema.reason);
    const connection = await this.orm.checkConnection();
    if (!connection.ok) throw new Error(`PostgreSQL: ${connection.reason}`);
    return { database: this.orm.config.get('dbName') };
  }

  kafka(): ReturnType<KafkaConnection['ping']> {
    return this.connection.ping();
  }

  events(): { relay: boolean; consumers: number } {
    const backbone = this.backbone();
    if (!backbone.isRunning) throw new Error('the relay and the projection consumers are starting');
    return { relay: backbone.relay !== null, consumers: backbone.consumers.length };
  }

  /** Events stored and not yet published (0 without a relay). */
  async relayBacklog(): Promise<number> {
    const backbone = this.backbone();
    return backbone.relay ? await backbone.relay.lag() : 0;
  }

  // Looked up when asked: the backbone starts after the HTTP layer, and a service may have none of its parts yet.
  private backbone(): EventBackbone {
    return this.moduleRef.get(EventBackbone, { strict: false });
  }
}
