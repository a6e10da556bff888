import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import { sampleOf } from '../test-support/json-samples';
import { asyncApiDocument } from './asyncapi';
import { eventSchemas } from './event-registry';
import { publishedEventSchemas, unpublishedEventSchemas } from './published-events';
import { TopicByService } from './topics';

const committed = path.resolve(__dirname, '../../../../docs/asyncapi.json');

describe('the AsyncAPI document of the registry topics', () => {
  const document = asyncApiDocument();

  it('is the one committed in docs/asyncapi.json (npm run asyncapi writes it)', () => {
    expect(JSON.parse(readFileSync(committed, 'utf8'))).toEqual(document);
  });

  // The parser loads its rulesets for seconds on a busy machine: more than Jest's default 5 s.
  it('is accepted by the AsyncAPI parser without an error or a warning', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    const problems = diagnostics
      .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
      .map((d) => `${d.path.join('/')}: ${d.message}`);
    expect(problems).toEqual([]);
    const addresses = parsed
      ?.channels()
      .all()
      .map((channel) => channel.address());
    expect(addresses).toEqual(Object.values(TopicByService));
  }, 30_000);

  it('names every event type of the stores once: on the topic of the service that publishes it, or as unpublished', () => {
    const published = Object.values(publishedEventSchemas).flatMap((schemas) => Object.keys(schemas));
    expect([...published, ...Object.keys(unpublishedEventSchemas)].sort()).toEqual(Object.keys(eventSchemas).sort());
    expect(Object.keys(document.components.messages).sort()).toEqual([...published].sort());
    expect(Object.keys(document.channels.child.messages)).toContain('api-key.issued');
    expect(Object.keys(document.components.messages)).not.toContain('posyandu.listed');
  });

  it('describes a message as the relay sends it: the envelope with the data of its type, and the headers', () => {
    const ajv = new Ajv({ strict: true });
    const message = document.components.messages['child.registered'];
    const envelope = sampleOf(message.payload) as Record<string, unknown>;
    expect(envelope['type']).toBe('child.registered');
    expect(eventSchemas['child.registered'].check(envelope['data'], '')).toEqual([]);
    expect(ajv.validate(message.payload, envelope)).toBe(true);
    expect(ajv.validate(message.payload, { ...envelope, type: 'child.died' })).toBe(false);
    expect(ajv.validate(message.payload, { ...envelope, data: { childId: envelope['eventId'] } })).toBe(false);
    const headers = sampleOf(message.headers) as Record<string, unknown>;
    expect(Object.keys(headers).sort()).toEqual(
      ['correlation-id', 'event-id', 'event-type', 'schema-version', 'traceparent', 'transaction-id'].sort(),
    );
    expect(ajv.validate(message.headers, { ...headers, 'event-type': 'child.died' })).toBe(false);
  });

  it("names a stack's own topics when asked for its document", () => {
    const stack = asyncApiDocument('main_3fa2c1_e2e');
    expect(stack.channels.measurement.address).toBe('main_3fa2c1_e2e.measurement.v1');
    expect(stack.channels.measurement.bindings.kafka.topic).toBe('main_3fa2c1_e2e.measurement.v1');
    expect(stack.components).toEqual(document.components);
  });
});
