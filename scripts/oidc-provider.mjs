// The development OpenID provider (oidc-provider, OpenID-certified): what the dashboard signs in against in the demo
// and the tests, issuing RS256 JWT access tokens the services verify through AUTH_JWKS_URL exactly as they would a
// production identity provider's. Started and stopped by scripts/oidc.sh, never in production.
//   OIDC_PORT          where it listens on 127.0.0.1; the issuer is http://127.0.0.1:<OIDC_PORT>
//   OIDC_VAR_DIR       its signing keys (made at first start) and the demo sponsor's id
//   OIDC_AUDIENCE      the resource (aud) of every access token, the services' AUTH_AUDIENCE
//   DASHBOARD_ORIGIN   the one client's origin: its redirect and post-logout URIs are under it
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import Provider from 'oidc-provider';
import { DEMO_PASSWORD, DemoAccounts } from './oidc/accounts.mjs';
import { errorPage, loginPage, logoutPage, signedOutPage } from './oidc/pages.mjs';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`oidc-provider: ${name} is not set (start it with scripts/oidc.sh)`);
  return value;
};
const port = Number(env('OIDC_PORT'));
const varDir = env('OIDC_VAR_DIR');
const audience = env('OIDC_AUDIENCE');
const dashboard = env('DASHBOARD_ORIGIN');
const issuer = `http://127.0.0.1:${port}`;
const CLIENT_ID = 'registry-dashboard';
/** The resource server's one scope; the dashboard asks for it beside openid and profile. */
const REGISTRY_SCOPE = 'registry';

/**
 * Keys are kept across restarts: services cache the JWKS, and tokens issued before a restart stay verifiable.
 * Sessions and codes are not (the in-memory adapter): after a restart a browser signs in again.
 */
function keysIn(dir) {
  const file = `${dir}/keys.json`;
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: `dev-${randomBytes(6).toString('hex')}`,
    alg: 'RS256',
    use: 'sig',
  };
  const keys = { jwks: { keys: [jwk] }, cookieKeys: [randomBytes(32).toString('base64url')] };
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

const accounts = new DemoAccounts(varDir);
const keys = keysIn(varDir);

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_name: 'Dasbor TPPS',
      // A browser application: no secret it could keep; PKCE (S256, required for such clients) protects the code.
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [`${dashboard}/auth/callback`, `${dashboard}/auth/silent-callback`],
      post_logout_redirect_uris: [`${dashboard}/`, `${dashboard}/auth/signed-out`],
    },
  ],
  responseTypes: ['code'],
  pkce: { required: () => true },
  jwks: keys.jwks,
  cookies: { keys: keys.cookieKeys },
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    [REGISTRY_SCOPE]: ['role', 'regency_code', 'sponsor_id'],
  },
  // The dashboard reads who signed in from the id token; its access token is for the registry, not for userinfo.
  conformIdTokenClaims: false,
  findAccount: (_ctx, accountId) => {
    const claims = accounts.claims(accountId);
    return claims === null ? undefined : { accountId, claims: () => claims };
  },
  // The claims the services build the principal from (libs/shared/access/src/principal.ts), in every access token.
  extraTokenClaims: (_ctx, token) =>
    token.kind === 'AccessToken' ? (accounts.registryClaims(token.accountId) ?? undefined) : undefined,
  features: {
    devInteractions: { enabled: false },
    resourceIndicators: {
      enabled: true,
      // oidc-client-ts sends no resource parameter: every token of the dashboard is for the registry.
      defaultResource: (_ctx, _client, oneOf) => oneOf ?? audience,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => {
        if (resource !== audience)
          throw new Provider.errors.InvalidTarget(`unknown resource; this provider serves ${audience}`);
        return {
          scope: REGISTRY_SCOPE,
          audience,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 3600,
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
    rpInitiatedLogout: {
      logoutSource: (ctx, form) => {
        ctx.body = logoutPage(form);
      },
      postLogoutSuccessSource: (ctx) => {
        ctx.body = signedOutPage();
      },
    },
  },
  // The dashboard is the registry's own application: it is granted what it asks for, without a consent screen.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(`openid profile ${REGISTRY_SCOPE}`);
    grant.addResourceScope(audience, REGISTRY_SCOPE);
    await grant.save();
    return grant;
  },
  clientBasedCORS: (_ctx, origin, client) => client.redirectUris.some((uri) => new URL(uri).origin === origin),
  ttl: {
    AccessToken: 3600,
    AuthorizationCode: 60,
    IdToken: 3600,
    Interaction: 3600,
    Session: 12 * 3600,
    Grant: 12 * 3600,
  },
});

async function formOf(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/** GET /interaction/:uid shows the form; POST /interaction/:uid/login signs in or shows the form again. */
async function interaction(req, res, uid, action) {
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    return send(
      res,
      400,
      errorPage('Permintaan masuk ini sudah kedaluwarsa atau tidak dikenal. Buka dasbor dan coba lagi.'),
    );
  }
  const client = await provider.Client.find(details.params.client_id);
  const form = { uid, clientName: client?.clientName ?? CLIENT_ID, accounts: accounts.list(), password: DEMO_PASSWORD };
  if (req.method === 'GET' && action === undefined) return send(res, 200, loginPage(form));
  if (req.method !== 'POST' || action !== 'login') return send(res, 405, errorPage('Metode tidak didukung.'));
  const input = await formOf(req);
  const username = (input.get('username') ?? '').trim();
  const accountId = accounts.authenticate(username, input.get('password') ?? '');
  if (accountId === null) {
    return send(res, 401, loginPage({ ...form, username, error: 'Nama pengguna atau kata sandi salah.' }));
  }
  await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
}

const handle = provider.callback();
const server = http.createServer((req, res) => {
  const match = /^\/interaction\/([\w-]+)(?:\/(\w+))?$/.exec(new URL(req.url, issuer).pathname);
  if (match === null) return handle(req, res);
  interaction(req, res, match[1], match[2]).catch((error) => {
    console.error(error);
    if (!res.headersSent) send(res, 500, errorPage('Kesalahan penyedia identitas.'));
  });
});
server.listen(port, '127.0.0.1', () =>
  console.log(`oidc-provider: issuer ${issuer}, client ${CLIENT_ID}, audience ${audience}`),
);
