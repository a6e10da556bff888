import { accessEventSchemas } from './access-events';
import { childEventSchemas } from './child-events';
import { interventionEventSchemas } from './intervention-events';
import { measurementEventSchemas } from './measurement-events';
import { posyanduEventSchemas } from './posyandu-events';
import { sponsorshipEventSchemas } from './sponsorship-events';
import type { Schema } from './schema';
import { targetEventSchemas } from './target-events';

/** Every event type of the services' stores (published, and reporting's own), at its current schema version. */
export const eventSchemas: Record<string, Schema<unknown>> = {
  ...accessEventSchemas,
  ...childEventSchemas,
  ...measurementEventSchemas,
  ...interventionEventSchemas,
  ...sponsorshipEventSchemas,
  ...posyanduEventSchemas,
  ...targetEventSchemas,
};

export const CURRENT_SCHEMA_VERSION = 1;

export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
  constructor(
    readonly eventType: string,
    readonly problems: string[],
  ) {
    super(`${eventType} does not match its contract: ${problems.join('; ')}`);
  }
}

/** Checks an event's data against its published contract; unknown types are a violation too. */
export function assertEventContract(type: string, data: unknown): void {
  const schema = eventSchemas[type];
  if (!schema) throw new ContractViolationError(type, [`unknown event type ${type}`]);
  const problems = schema.check(data, '');
  if (problems.length > 0) throw new ContractViolationError(type, problems);
}
