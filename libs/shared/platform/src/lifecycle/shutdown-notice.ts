import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';

/** Says in the log when and why a service stops, before the shutdown hooks drain it. */
@Injectable()
export class ShutdownNotice implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Lifecycle');

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(`${signal ?? 'close'} received: shutting down (HTTP closed, consumers drained, pools closed)`);
  }
}
