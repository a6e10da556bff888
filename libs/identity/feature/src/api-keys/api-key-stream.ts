import { actorOf, type Principal } from '@registry/access';
import type { StreamHandling } from '@registry/event-store';
import { evolveApiKey, initialApiKey, type ApiKey, type ApiKeyEvent } from '@registry/identity-domain';

export const apiKeyStreamId = (keyId: string): string => `api-key-${keyId}`;

/**
 * A key's stream on the command path. Nothing is projected here: every service, identity too, copies keys from
 * the published events to check them locally.
 */
export const apiKeyHandling = (principal: Principal, regencyCode: string): StreamHandling<ApiKey, ApiKeyEvent> => ({
  evolve: evolveApiKey,
  initialState: initialApiKey,
  describe: (event) => ({ subjectId: event.data.keyId, regencyCode, actor: actorOf(principal) }),
});
