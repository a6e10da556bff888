import type { EventEnvelope } from '@registry/contracts';

/** Turns the data of one schema version of an event type into the data of the next version. */
export type Upcast = (data: unknown) => unknown;

/**
 * Schema migrations of event data, applied step by step when events are read, so a projection only ever handles
 * the current version of each type. Stored events are never rewritten: `hash` stays that of the stored form.
 */
export class Upcasters {
  private readonly steps = new Map<string, Upcast>();

  register(type: string, fromVersion: number, upcast: Upcast): this {
    const key = stepKey(type, fromVersion);
    if (this.steps.has(key)) throw new Error(`an upcaster for ${type} v${fromVersion} is already registered`);
    this.steps.set(key, upcast);
    return this;
  }

  upcast(event: EventEnvelope): EventEnvelope {
    // Most registries have none: no key to compose per event then (a rebuild upcasts millions).
    if (this.steps.size === 0) return event;
    let { data, schemaVersion } = event;
    for (
      let step = this.steps.get(stepKey(event.type, schemaVersion));
      step;
      step = this.steps.get(stepKey(event.type, schemaVersion))
    ) {
      data = step(data);
      schemaVersion += 1;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
  }
}

const stepKey = (type: string, version: number): string => `${type}\u0000${version}`;
