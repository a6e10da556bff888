import { Inject, Injectable } from '@nestjs/common';
import { readStoredFreshness } from '@registry/event-store';
import { EventBackbone, PG_POOL } from '@registry/platform';
import type { Pool } from 'pg';

/**
 * How current this service is: its events not yet acknowledged by Kafka, and for each of its projections the
 * messages it has not handled, when it last applied one and what it set aside.
 */
@Injectable()
export class FreshnessHandler {
  constructor(
    private readonly backbone: EventBackbone,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async freshness() {
    const { relay, consumers } = this.backbone;
    const [stored, unpublished, projections] = await Promise.all([
      readStoredFreshness(this.pool),
      relay ? relay.lag() : Promise.resolve(0),
      Promise.all(
        consumers.map(async (consumer) => {
          const [lag, deadLetters] = await Promise.all([consumer.lag(), consumer.deadLetterCount()]);
          return { consumer, behind: lag.reduce((sum, partition) => sum + partition.lag, 0), deadLetters };
        }),
      ),
    ]);
    return {
      service: this.backbone.service,
      checkedAt: new Date(),
      store: relay ? { topic: relay.topic, unpublished, lastRecordedAt: stored.lastRecordedAt } : null,
      projections: projections.map(({ consumer, behind, deadLetters }) => ({
        projection: consumer.name,
        behind,
        lastAppliedAt: stored.lastAppliedAt.get(consumer.name) ?? null,
        deadLetters,
      })),
    };
  }
}
