import {
  DynamicModule,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ServiceConfig } from '../config/service-config';
import { KafkaConnection } from './kafka-connection';

/** Creates the registry's topics once the broker answers, retrying in the background while it does not. */
@Injectable()
export class TopicBootstrap implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TopicBootstrap.name);
  private ready = false;
  private readonly listeners: Array<() => void> = [];
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly connection: KafkaConnection) {}

  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.listeners.push(resolve));
  }

  onApplicationBootstrap(): void {
    void this.attempt(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.connection.close();
  }

  private async attempt(failures: number): Promise<void> {
    if (this.stopped) return;
    try {
      await this.connection.ensureTopics();
      this.ready = true;
      this.listeners.splice(0).forEach((resolve) => resolve());
    } catch (error) {
      if (failures === 0) this.logger.warn(`Kafka: ${(error as Error).message}; retrying in the background`);
      this.timer = setTimeout(() => void this.attempt(failures + 1), Math.min(500 * 2 ** failures, 5000));
    }
  }
}

@Module({})
export class KafkaModule {
  static forService(service: string): DynamicModule {
    return {
      module: KafkaModule,
      global: true,
      providers: [
        {
          provide: KafkaConnection,
          inject: [ServiceConfig],
          useFactory: (config: ServiceConfig) =>
            new KafkaConnection(
              `registry-${service}`,
              config.KAFKA_BROKERS.split(','),
              config.KAFKA_REPLICATION_FACTOR,
              config.REGISTRY_STACK,
            ),
        },
        TopicBootstrap,
      ],
      exports: [KafkaConnection, TopicBootstrap],
    };
  }
}
