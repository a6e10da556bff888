import { createHash, randomBytes } from 'node:crypto';

/** The development OpenID provider of this checkout, as scripts/oidc.sh wrote it to <var>/oidc.env. */
export interface OidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly audience: string;
  readonly redirectUri: string;
}

export function oidcProvider(): OidcProvider {
  const read = (name: string): string => {
    const value = process.env[name];
    if (!value)
      throw new Error(`${name} is not set: start the development OpenID provider (bash scripts/oidc.sh start)`);
    return value;
  };
  return {
    issuer: read('OIDC_ISSUER'),
    clientId: read('OIDC_CLIENT_ID'),
    audience: read('OIDC_AUDIENCE'),
    redirectUri: read('OIDC_REDIRECT_URI'),
  };
}

/** The authorization response at the dashboard's callback, and what the client kept to redeem it. */
export type Authorization =
  | { readonly kind: 'code'; readonly code: string; readonly verifier: string; readonly tokenEndpoint: string }
  | { readonly kind: 'refused'; readonly status: number; readonly page: string };

export interface Tokens {
  readonly accessToken: string;
  readonly idToken: string;
}

/** What a browser keeps between the provider's redirects: its cookies (paths ignored: one site, one test). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

/** Signs in as the dashboard does (oidc-client-ts), over plain HTTP: authorize, then redeem the code. */
export async function signIn(provider: OidcProvider, username: string, password: string): Promise<Tokens> {
  const authorization = await authorize(provider, username, password);
  if (authorization.kind === 'refused') throw new Error(`${username} was refused: ${authorization.status}`);
  const { status, body } = await exchangeCode(authorization, provider);
  if (status !== 200) throw new Error(`token endpoint: ${status} ${JSON.stringify(body)}`);
  return { accessToken: body['access_token'], idToken: body['id_token'] };
}

/**
 * The browser's part: the authorization request with a PKCE challenge, the provider's login form posted, and its
 * redirects followed to the dashboard's callback; or the page with which the login was refused.
 */
export async function authorize(provider: OidcProvider, username: string, password: string): Promise<Authorization> {
  const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
  };
  const jar = new CookieJar();
  const go = async (url: string | URL, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, cookie: jar.header() },
    });
    jar.keep(response);
    return response;
  };
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const authorization = new URL(discovery.authorization_endpoint);
  for (const [name, value] of Object.entries({
    client_id: provider.clientId,
    response_type: 'code',
    redirect_uri: provider.redirectUri,
    scope: 'openid profile registry',
    state,
    nonce: base64url(randomBytes(16)),
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  }))
    authorization.searchParams.set(name, value);

  const login = await go(authorization);
  const formUrl = new URL(login.headers.get('location') ?? '', provider.issuer);
  const form = await (await go(formUrl)).text();
  const action = /<form method="post" action="([^"]+)"/.exec(form)?.[1];
  if (action === undefined) throw new Error(`no login form at ${formUrl.href}: ${form.slice(0, 300)}`);
  let response = await go(new URL(action, provider.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }),
  });
  if (response.status !== 303) return { kind: 'refused', status: response.status, page: await response.text() };
  while (!response.headers.get('location')!.startsWith(provider.redirectUri)) {
    if (response.status < 300 || response.status >= 400) throw new Error(`sign-in stopped at ${response.status}`);
    response = await go(new URL(response.headers.get('location')!, provider.issuer));
  }
  const callback = new URL(response.headers.get('location')!);
  if (callback.searchParams.get('state') !== state) throw new Error(`callback state mismatch: ${callback.href}`);
  const code = callback.searchParams.get('code');
  if (code === null) throw new Error(`no code in the callback: ${callback.href}`);
  return { kind: 'code', code, verifier, tokenEndpoint: discovery.token_endpoint };
}

/** The token request of a public client: no secret, the PKCE verifier instead. */
export async function exchangeCode(
  { code, verifier, tokenEndpoint }: { code: string; verifier: string; tokenEndpoint: string },
  provider: OidcProvider,
): Promise<{ status: number; body: Record<string, string> }> {
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: provider.redirectUri,
      client_id: provider.clientId,
      code_verifier: verifier,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

/** A JWT's header and claims, unverified: the services verify; the test only looks. */
export function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [header, claims] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
  return { header, claims };
}
