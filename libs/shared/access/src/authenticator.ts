import type { IncomingHttpHeaders } from 'node:http';
import { API_KEY_HEADER, verifyApiKey, type ApiKeyStore } from './api-key';
import { rejected, type Authentication } from './authentication';
import type { JwtVerifier } from './jwt-verifier';

export type Credentials =
  | { readonly kind: 'none' }
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'api-key'; readonly key: string }
  | { readonly kind: 'malformed'; readonly reason: string };

/** Reads the credentials of a request: `Authorization: Bearer <jwt>` or `x-api-key: rk_…`, never both. */
export function credentialsOf(headers: IncomingHttpHeaders): Credentials {
  const authorization = headers.authorization;
  const apiKey = headers[API_KEY_HEADER];
  if (authorization !== undefined && apiKey !== undefined) {
    return { kind: 'malformed', reason: `send either a bearer token or an ${API_KEY_HEADER} header, not both` };
  }
  if (Array.isArray(apiKey)) return { kind: 'malformed', reason: `send one ${API_KEY_HEADER} header` };
  if (apiKey !== undefined) return { kind: 'api-key', key: apiKey.trim() };
  if (authorization === undefined) return { kind: 'none' };
  const bearer = /^Bearer +(\S+)\s*$/i.exec(authorization);
  if (bearer === null) return { kind: 'malformed', reason: 'the Authorization header must be: Bearer <token>' };
  return { kind: 'bearer', token: bearer[1] };
}

/** Turns credentials into a principal: bearer tokens through the verifier, API keys through the store. */
export class Authenticator {
  constructor(
    private readonly tokens: JwtVerifier,
    private readonly apiKeys: ApiKeyStore,
  ) {}

  async authenticate(credentials: Credentials): Promise<Authentication> {
    switch (credentials.kind) {
      case 'none':
        return rejected(`missing credentials: send Authorization: Bearer <token> or an ${API_KEY_HEADER} header`);
      case 'malformed':
        return rejected(credentials.reason);
      case 'bearer':
        return this.tokens.verify(credentials.token);
      case 'api-key':
        try {
          return await verifyApiKey(credentials.key, this.apiKeys);
        } catch (cause) {
          return { kind: 'unavailable', reason: 'API keys cannot be checked right now', cause };
        }
    }
  }
}
