import { RuleViolation, type AccessEventData } from '@registry/contracts';

export type ApiKeyEvent =
  | { readonly type: 'api-key.issued'; readonly data: AccessEventData<'api-key.issued'> }
  | { readonly type: 'api-key.revoked'; readonly data: AccessEventData<'api-key.revoked'> };

/** An integration's key as its stream tells it; never its secret, only the secret's hash. */
export type ApiKey =
  | { readonly status: 'none' }
  | { readonly status: 'issued' | 'revoked'; readonly keyId: string; readonly regencyCode: string };

export const initialApiKey: ApiKey = { status: 'none' };

export function evolveApiKey(state: ApiKey, event: ApiKeyEvent): ApiKey {
  switch (event.type) {
    case 'api-key.issued':
      return { status: 'issued', keyId: event.data.keyId, regencyCode: event.data.regencyCode };
    case 'api-key.revoked':
      return state.status === 'none' ? state : { ...state, status: 'revoked' };
    default: {
      const unknown: never = event;
      throw new Error(`unknown API key event ${(unknown as ApiKeyEvent).type}`);
    }
  }
}

export const foldApiKey = (events: readonly ApiKeyEvent[]): ApiKey => events.reduce(evolveApiKey, initialApiKey);

export type ApiKeyCommand =
  | { readonly type: 'IssueApiKey'; readonly data: AccessEventData<'api-key.issued'> }
  | { readonly type: 'RevokeApiKey'; readonly data: AccessEventData<'api-key.revoked'> };

/** A key command its history does not allow. */
export class ApiKeyRuleViolation extends RuleViolation {
  override readonly name = 'ApiKeyRuleViolation';
}

/** A key is issued once, under a fresh id, and revoked at most once: a revoked key stays revoked. */
export function decideApiKey(command: ApiKeyCommand, state: ApiKey): ApiKeyEvent[] {
  switch (command.type) {
    case 'IssueApiKey':
      if (state.status !== 'none')
        throw new ApiKeyRuleViolation('conflict', 'keyId', `API key ${state.keyId} is already issued`);
      return [{ type: 'api-key.issued', data: command.data }];
    case 'RevokeApiKey':
      if (state.status === 'none')
        throw new ApiKeyRuleViolation('not_found', 'keyId', `API key ${command.data.keyId} not found`);
      if (state.status === 'revoked')
        throw new ApiKeyRuleViolation('conflict', 'keyId', `API key ${state.keyId} is already revoked`);
      return [{ type: 'api-key.revoked', data: command.data }];
    default: {
      const unknown: never = command;
      throw new Error(`unknown API key command ${(unknown as ApiKeyCommand).type}`);
    }
  }
}
