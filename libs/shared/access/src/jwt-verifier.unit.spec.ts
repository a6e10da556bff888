import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWTPayload } from 'jose';
import type { Authentication } from './authentication';
import { DEV_TOKEN_ISSUER, type AuthSettings } from './auth-settings';
import { JwtVerifier } from './jwt-verifier';

const SECRET = 'unit-test-secret-of-at-least-32-characters';
const DEV_ONLY: AuthSettings = { devSecret: SECRET, jwks: null };
const TPPS_CLAIMS = { sub: 'ani', role: 'tpps', regency_code: '36.03' };
const nowSeconds = () => Math.floor(Date.now() / 1000);

function devToken(claims: JWTPayload, options: { secret?: string; issuer?: string; expiresAt?: number | null } = {}) {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(options.issuer ?? DEV_TOKEN_ISSUER)
    .setIssuedAt();
  if (options.expiresAt !== null) jwt.setExpirationTime(options.expiresAt ?? nowSeconds() + 3600);
  return jwt.sign(new TextEncoder().encode(options.secret ?? SECRET));
}

const reasonOf = (outcome: Authentication): string => {
  if (outcome.kind !== 'rejected') throw new Error(`expected a rejection, got ${outcome.kind}`);
  return outcome.reason;
};

describe('JwtVerifier with HS256 development tokens', () => {
  const verifier = new JwtVerifier(DEV_ONLY);

  it('Given a valid token, when verified, then the caller is the principal its claims describe', async () => {
    await expect(verifier.verify(await devToken(TPPS_CLAIMS))).resolves.toEqual({
      kind: 'authenticated',
      principal: { subject: 'ani', role: 'tpps', regencyCode: '36.03' },
    });
  });

  it('Given a token that expired an hour ago, when verified, then it is refused as expired', async () => {
    const token = await devToken(TPPS_CLAIMS, { expiresAt: nowSeconds() - 3600 });
    expect(reasonOf(await verifier.verify(token))).toBe('token expired');
  });

  it('Given a pinned clock past the expiry, when verified, then the clock decides', async () => {
    const token = await devToken(TPPS_CLAIMS, { expiresAt: nowSeconds() + 60 });
    const later = new JwtVerifier(DEV_ONLY, { now: () => new Date(Date.now() + 3_600_000) });
    expect(reasonOf(await later.verify(token))).toBe('token expired');
  });

  it('Given a token verified before, when it comes again after its expiry, then it is refused all the same', async () => {
    // Given a verifier whose clock is moved by the test, and a token valid for one more minute
    let now = Date.now();
    const clocked = new JwtVerifier(DEV_ONLY, { now: () => new Date(now) });
    const token = await devToken(TPPS_CLAIMS, { expiresAt: Math.floor(now / 1000) + 60 });

    // When it is verified, again a moment later, and again once expired (beyond the tolerated skew)
    const first = await clocked.verify(token);
    now += 30_000;
    const again = await clocked.verify(token);
    now += 120_000;
    const expired = await clocked.verify(token);

    // Then it is accepted while valid, with the same principal, and refused once expired
    expect(first.kind).toBe('authenticated');
    expect(again).toEqual(first);
    expect(reasonOf(expired)).toBe('token expired');
  });

  it('Given a token signed with another secret, when verified, then the signature is refused', async () => {
    const forged = await devToken(TPPS_CLAIMS, { secret: 'an-attacker-secret-of-at-least-32-chars' });
    expect(reasonOf(await verifier.verify(forged))).toBe('bad signature');
  });

  it('Given a valid token whose payload was edited to another regency, when verified, then the signature fails', async () => {
    const [header, , signature] = (await devToken(TPPS_CLAIMS)).split('.');
    const edited = Buffer.from(JSON.stringify({ ...TPPS_CLAIMS, regency_code: '36.04', exp: nowSeconds() + 60 }));
    expect(reasonOf(await verifier.verify(`${header}.${edited.toString('base64url')}.${signature}`))).toBe(
      'bad signature',
    );
  });

  it('Given an unknown role, when verified, then it is refused naming the role', async () => {
    const token = await devToken({ ...TPPS_CLAIMS, role: 'bupati' });
    expect(reasonOf(await verifier.verify(token))).toBe('unknown role "bupati"');
  });

  it('Given a regional role without a regency, when verified, then it is refused as missing its regency', async () => {
    const token = await devToken({ sub: 'kab', role: 'integration' });
    expect(reasonOf(await verifier.verify(token))).toBe('missing regency for role integration');
  });

  it('Given a token without expiry, when verified, then it is refused', async () => {
    const token = await devToken(TPPS_CLAIMS, { expiresAt: null });
    expect(reasonOf(await verifier.verify(token))).toBe('token has no exp claim');
  });

  it('Given an HS256 token of another issuer, when verified, then it is refused', async () => {
    const token = await devToken(TPPS_CLAIMS, { issuer: 'https://sso.example.go.id' });
    expect(reasonOf(await verifier.verify(token))).toBe('token iss claim is not accepted');
  });

  it('Given an unsigned token (alg none), when verified, then the algorithm is refused', async () => {
    const unsigned = new UnsecuredJWT(TPPS_CLAIMS).setExpirationTime('1h').encode();
    expect(reasonOf(await verifier.verify(unsigned))).toBe('token algorithm "none" is not accepted');
  });

  it('Given something that is not a JWT, when verified, then it is refused as malformed', async () => {
    expect(reasonOf(await verifier.verify('not.a.jwt'))).toBe('malformed token');
  });

  it('Given development tokens are disabled, when an HS256 token arrives, then it is refused', async () => {
    const production = new JwtVerifier({ devSecret: null, jwks: null });
    expect(reasonOf(await production.verify(await devToken(TPPS_CLAIMS)))).toBe(
      'development tokens (HS256) are not accepted here',
    );
  });
});

describe('JwtVerifier with an identity provider (ES256 through a JWKS on 127.0.0.1)', () => {
  const ISSUER = 'https://sso.example.go.id';
  const AUDIENCE = 'registry';
  let server: Server;
  let jwksUrl: URL;
  let providerKey: CryptoKey;
  let verifier: JwtVerifier;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    providerKey = pair.privateKey;
    const jwks = JSON.stringify({
      keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }],
    });
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`);
    verifier = new JwtVerifier({ devSecret: null, jwks: { url: jwksUrl, issuer: ISSUER, audience: AUDIENCE } });
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const providerToken = (key: CryptoKey, options: { kid?: string; audience?: string } = {}) =>
    new SignJWT({ role: 'statistician' })
      .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? 'k1' })
      .setSubject('bps-analyst')
      .setIssuer(ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setExpirationTime('10m')
      .sign(key);

  it('Given a token signed by the provider key, when verified, then the caller is authenticated', async () => {
    await expect(verifier.verify(await providerToken(providerKey))).resolves.toEqual({
      kind: 'authenticated',
      principal: { subject: 'bps-analyst', role: 'statistician', regencyCode: null },
    });
  });

  it('Given a token for another audience, when verified, then it is refused', async () => {
    const token = await providerToken(providerKey, { audience: 'another-app' });
    expect(reasonOf(await verifier.verify(token))).toBe('token aud claim is not accepted');
  });

  it('Given a token signed by another key under the provider kid, when verified, then the signature fails', async () => {
    const { privateKey: attackerKey } = await generateKeyPair('ES256');
    expect(reasonOf(await verifier.verify(await providerToken(attackerKey)))).toBe('bad signature');
  });

  it('Given a token naming a kid the provider does not have, when verified, then it is refused', async () => {
    const token = await providerToken(providerKey, { kid: 'unknown' });
    expect(reasonOf(await verifier.verify(token))).toBe(
      'bad signature: no key of the identity provider matches the token',
    );
  });

  it('Given the JWKS cannot be reached, when a token arrives, then verification is unavailable, not refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const offline = new JwtVerifier({ devSecret: null, jwks: { url: new URL(`http://127.0.0.1:${port}/jwks`) } });

    const outcome = await offline.verify(await providerToken(providerKey));

    expect(outcome).toMatchObject({
      kind: 'unavailable',
      reason: 'identity provider keys (AUTH_JWKS_URL) could not be fetched',
    });
  });

  it('Given no provider is configured, when an ES256 token arrives, then it is refused', async () => {
    const token = await providerToken(providerKey);
    expect(reasonOf(await new JwtVerifier(DEV_ONLY).verify(token))).toBe(
      'ES256 tokens are not accepted here: no identity provider is configured',
    );
  });
});
