import { CURRENT_SCHEMA_VERSION } from './event-registry';
import { eventEnvelopeSchema, eventMessageHeaders, eventMessageKey } from './event-message';
import { publishedEventSchemas } from './published-events';
import type { JsonSchema, Schema } from './schema';
import { DEFAULT_STACK, TOPIC_PARTITIONS, TopicByService, topicIn, type ProducingService } from './topics';

/** Major: the topics' generation (`.v1`); minor: messages or fields added; patch: descriptions. */
const ASYNCAPI_DOCUMENT_VERSION = '1.0.0';
const KAFKA_BINDING_VERSION = '0.5.0';

export interface AsyncApiMessage {
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  readonly contentType: string;
  readonly headers: JsonSchema;
  readonly payload: JsonSchema;
  readonly correlationId: { readonly description: string; readonly location: string };
  readonly bindings: { readonly kafka: { readonly key: JsonSchema; readonly bindingVersion: string } };
}

type Reference = { readonly $ref: string };

export interface AsyncApiChannel {
  readonly address: string;
  readonly title: string;
  readonly description: string;
  readonly messages: Readonly<Record<string, Reference>>;
  readonly bindings: {
    readonly kafka: { readonly topic: string; readonly partitions: number; readonly bindingVersion: string };
  };
}

/** The registry's topics as an AsyncAPI 3.0.0 document: plain data, served as JSON and written to docs/. */
export interface AsyncApiDocument {
  readonly asyncapi: '3.0.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly defaultContentType: string;
  readonly servers: Readonly<Record<string, unknown>>;
  readonly channels: Readonly<Record<string, AsyncApiChannel>>;
  readonly operations: Readonly<Record<string, unknown>>;
  readonly components: { readonly messages: Readonly<Record<string, AsyncApiMessage>> };
}

const CHANNEL_TITLES: Record<ProducingService, string> = {
  identity: 'Children and integration API keys',
  intake: 'Measurements',
  interventions: 'Cases and interventions',
  sponsorship: 'Orang Tua Asuh: sponsors and sponsorships',
};

const CHANNEL_DESCRIPTIONS: Record<ProducingService, string> = {
  identity:
    'Published by the identity service. Pseudonymous: no NIK, no names, no address below the desa; those stay ' +
    'sealed in the identity service, which the events reference by version and SHA-256.',
  intake:
    "Published by the intake service: each weighing judged by the WHO 2006 standards and the posyandu's " +
    'weight-gain rules (N, T, O, B; BGM).',
  interventions:
    'Published by the interventions service: cases of stunting, wasting and growth faltering, opened and closed ' +
    'from the measurements, and the interventions planned and delivered.',
  sponsorship:
    "Published by the sponsorship service. A sponsor's name and contact stay sealed in the service, referenced by " +
    'version and hash.',
};

const DESCRIPTION = [
  'The events of the stunting registry, as its services publish them to Kafka. One topic per producing service; ' +
    'each message is one event:',
  '',
  "- **value**: the event envelope as JSON (UTF-8), its `data` as the event type's contract says;",
  "- **key**: the envelope's `subjectId` (the child's id for every event about a child);",
  '- **headers**: `event-type`, `event-id`, `schema-version`, `correlation-id`, `traceparent`, `transaction-id`.',
  '',
  "Delivery is at least once: deduplicate by `eventId`. Order holds per key (one child's events, within one topic), " +
    'not across keys or topics. Topic names carry the stack: `registry` in production.',
  '',
  "`<topic>.dlq` holds what the registry's own consumers gave up on (same key, value and headers, plus `dlq-*` " +
    'headers): operations data, not for integrations.',
  '',
  'How to consume a topic: README, "Integrating: consuming the event topics".',
].join('\n');

const channelId = (service: ProducingService): string => TopicByService[service].split('.')[1];

function message(type: string, data: Schema<unknown>): AsyncApiMessage {
  return {
    name: type,
    title: type,
    summary: `A ${type} event (schema version ${CURRENT_SCHEMA_VERSION}) in its envelope.`,
    contentType: 'application/json',
    headers: eventMessageHeaders(type).json,
    payload: eventEnvelopeSchema(type, data).json,
    correlationId: {
      description: 'The request that caused the event, shared by every event that followed from it',
      location: '$message.header#/correlation-id',
    },
    bindings: { kafka: { key: eventMessageKey.json, bindingVersion: KAFKA_BINDING_VERSION } },
  };
}

/** The document for the stack named `stack` (its topic names: `topicIn`); the default is production's. */
export function asyncApiDocument(stack: string = DEFAULT_STACK): AsyncApiDocument {
  const services = Object.keys(publishedEventSchemas) as ProducingService[];
  const typesOf = (service: ProducingService): string[] => Object.keys(publishedEventSchemas[service]);
  return {
    asyncapi: '3.0.0',
    info: { title: 'Stunting registry events', version: ASYNCAPI_DOCUMENT_VERSION, description: DESCRIPTION },
    defaultContentType: 'application/json',
    servers: {
      kafka: {
        host: '{bootstrap}',
        protocol: 'kafka',
        description:
          "The registry's Kafka cluster: the brokers the services' KAFKA_BROKERS name. The operators of a " +
          'deployment give an integration its address, credentials and a consumer group of its own.',
        variables: { bootstrap: { default: 'localhost:9092', description: 'host:port of one broker' } },
      },
    },
    channels: Object.fromEntries(
      services.map((service) => {
        const address = topicIn(stack, TopicByService[service]);
        const channel: AsyncApiChannel = {
          address,
          title: CHANNEL_TITLES[service],
          description: CHANNEL_DESCRIPTIONS[service],
          messages: Object.fromEntries(
            typesOf(service).map((type) => [type, { $ref: `#/components/messages/${type}` }]),
          ),
          bindings: { kafka: { topic: address, partitions: TOPIC_PARTITIONS, bindingVersion: KAFKA_BINDING_VERSION } },
        };
        return [channelId(service), channel];
      }),
    ),
    operations: Object.fromEntries(
      services.map((service) => [
        `receive-${channelId(service)}-events`,
        {
          action: 'receive',
          channel: { $ref: `#/channels/${channelId(service)}` },
          summary: `Receive the events of ${topicIn(stack, TopicByService[service])}`,
          messages: typesOf(service).map((type) => ({ $ref: `#/channels/${channelId(service)}/messages/${type}` })),
        },
      ]),
    ),
    components: {
      messages: Object.fromEntries(
        services.flatMap((service) =>
          Object.entries(publishedEventSchemas[service]).map(([type, data]) => [type, message(type, data)]),
        ),
      ),
    },
  };
}
