import { accessEventSchemas } from './access-events';
import { childEventSchemas } from './child-events';
import { interventionEventSchemas } from './intervention-events';
import { measurementEventSchemas } from './measurement-events';
import { posyanduEventSchemas } from './posyandu-events';
import type { Schema } from './schema';
import { sponsorshipEventSchemas } from './sponsorship-events';
import { targetEventSchemas } from './target-events';
import type { ProducingService } from './topics';

/** The event types each producing service stores and its relay publishes, on its topic (TopicByService). */
export const publishedEventSchemas = {
  identity: { ...childEventSchemas, ...accessEventSchemas },
  intake: measurementEventSchemas,
  interventions: interventionEventSchemas,
  sponsorship: sponsorshipEventSchemas,
} satisfies Record<ProducingService, Record<string, Schema<unknown>>>;

/** Reporting's own events: kept in its store, which no relay publishes. */
export const unpublishedEventSchemas = { ...posyanduEventSchemas, ...targetEventSchemas };
