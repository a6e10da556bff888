import type { AddressInfo } from 'node:net';
import { Controller, Get, Param, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigurationError, Public } from '@registry/platform';
import { SignJWT } from 'jose';
import { Access, CurrentPrincipal, PersonalData } from './access.decorators';
import { AccessModule } from './access.module';
import { InMemoryApiKeyStore, issueApiKey, revokeApiKey, type ApiKeyStore } from './api-key';
import { DEV_TOKEN_ISSUER } from './auth-settings';
import { signDevToken, type DevTokenRequest } from './dev-token';
import { actorOf, type Principal } from './principal';
import { assertInScope, regencyScope } from './tenancy';

const SECRET = 'guard-test-secret-of-at-least-32-chars';
const ENV = { AUTH_DEV_SECRET: SECRET };
const NOW = new Date();

@Controller('children')
class ChildrenController {
  @Get('open')
  @Public()
  open() {
    return { open: true };
  }

  @Get('forgotten')
  forgotten() {
    return { reached: true };
  }

  @Get('aggregates')
  @Access('statistician', 'tpps')
  aggregates(@CurrentPrincipal() principal: Principal) {
    return regencyScope(principal);
  }

  @Get(':regency/:id')
  @Access('tpps', 'integration', 'statistician')
  @PersonalData()
  child(@CurrentPrincipal() principal: Principal, @Param('regency') regency: string, @Param('id') id: string) {
    assertInScope(principal, regency, `child ${id}`);
    return { id, actor: actorOf(principal) };
  }
}

async function startApp(store: ApiKeyStore, env: NodeJS.ProcessEnv = ENV): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [AccessModule.forRoot({ apiKeyStore: { useValue: store }, env })],
    controllers: [ChildrenController],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  return app;
}

async function token(request: DevTokenRequest): Promise<string> {
  const signed = await signDevToken(request, SECRET);
  if (signed.kind !== 'signed') throw new Error(signed.reason);
  return signed.token;
}

const tppsOf = (regencyCode: string) => token({ role: 'tpps', regencyCode, subject: `tpps-${regencyCode}` });

describe('AccessGuard', () => {
  const active = issueApiKey({ name: 'SIMPUS Pandeglang', regencyCode: '36.01', now: NOW });
  const revoked = issueApiKey({ name: 'old SIMPUS', regencyCode: '36.01', now: NOW });
  const store = new InMemoryApiKeyStore([active.record, revokeApiKey(revoked.record, NOW)]);
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await startApp(store);
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  async function call(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${base}${path}`, { headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  const bearer = (value: string) => ({ authorization: `Bearer ${value}` });

  describe('401: who are you?', () => {
    it('Given no credentials, when a protected route is called, then 401 says what to send', async () => {
      expect(await call('/children/aggregates')).toEqual({
        status: 401,
        body: expect.objectContaining({
          message: 'missing credentials: send Authorization: Bearer <token> or an x-api-key header',
        }),
      });
    });

    it('Given an expired token, when called, then 401 says it expired', async () => {
      const thirteenHoursAgo = new Date(Date.now() - 13 * 3600_000);
      const expired = await signDevToken({ role: 'tpps', regencyCode: '36.03' }, SECRET, thirteenHoursAgo);
      if (expired.kind !== 'signed') throw new Error('unexpected');
      expect(await call('/children/aggregates', bearer(expired.token))).toMatchObject({
        status: 401,
        body: { message: 'token expired' },
      });
    });

    it('Given a token signed with another secret, when called, then 401 says the signature is bad', async () => {
      const forged = await signDevToken({ role: 'admin' }, 'an-attacker-secret-of-at-least-32-chars');
      if (forged.kind !== 'signed') throw new Error('unexpected');
      expect(await call('/children/aggregates', bearer(forged.token))).toMatchObject({
        status: 401,
        body: { message: 'bad signature' },
      });
    });

    it('Given a validly signed token with an unknown role, when called, then 401 names the role', async () => {
      const unknownRole = await new SignJWT({ role: 'bupati' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setIssuer(DEV_TOKEN_ISSUER)
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(SECRET));
      expect(await call('/children/aggregates', bearer(unknownRole))).toMatchObject({
        status: 401,
        body: { message: 'unknown role "bupati"' },
      });
    });

    it('Given a revoked API key, when called, then 401 says it was revoked', async () => {
      expect(await call('/children/36.01/c-1', { 'x-api-key': revoked.plaintext })).toMatchObject({
        status: 401,
        body: { message: 'API key revoked' },
      });
    });
  });

  describe('403: not for you', () => {
    it('Given a route with neither @Public nor @Access, when called even with a valid token, then 403 no access rule', async () => {
      expect(await call('/children/forgotten', bearer(await token({ role: 'admin' })))).toMatchObject({
        status: 403,
        body: { message: 'no access rule: the route has neither @Public() nor @Access(...)' },
      });
    });

    it('Given a sponsor, when it calls a route for statisticians and TPPS, then 403', async () => {
      const sponsor = await token({ role: 'sponsor', sponsorId: 'sp-7' });
      expect(await call('/children/aggregates', bearer(sponsor))).toMatchObject({
        status: 403,
        body: { message: 'role sponsor may not use this route' },
      });
    });

    it('Given a statistician listed on a @PersonalData route, when it calls, then 403 anyway', async () => {
      const statistician = await token({ role: 'statistician' });
      expect(await call('/children/36.03/c-1', bearer(statistician))).toMatchObject({
        status: 403,
        body: { message: 'role statistician may not see personal data' },
      });
    });
  });

  describe('404 and 200: tenancy', () => {
    it('Given the TPPS of 36.03, when it reads a child of 36.04, then 404 as if the child did not exist', async () => {
      expect(await call('/children/36.04/c-1', bearer(await tppsOf('36.03')))).toMatchObject({
        status: 404,
        body: { message: 'child c-1 not found' },
      });
    });

    it('Given the TPPS of 36.03, when it reads a child of 36.03, then 200 with its actor', async () => {
      expect(await call('/children/36.03/c-1', bearer(await tppsOf('36.03')))).toEqual({
        status: 200,
        body: { id: 'c-1', actor: { subject: 'tpps-36.03', role: 'tpps' } },
      });
    });

    it('Given an API key of 36.01, when it reads a child of 36.01, then 200 and the actor names the key', async () => {
      expect(await call('/children/36.01/c-1', { 'x-api-key': active.plaintext })).toEqual({
        status: 200,
        body: {
          id: 'c-1',
          actor: { subject: 'SIMPUS Pandeglang', role: 'integration', apiKeyId: active.record.keyId },
        },
      });
    });

    it('Given a statistician, when it asks for aggregates, then 200 across all regencies', async () => {
      expect(await call('/children/aggregates', bearer(await token({ role: 'statistician' })))).toEqual({
        status: 200,
        body: { kind: 'all' },
      });
    });

    it('Given a @Public route, when called without credentials, then 200', async () => {
      expect(await call('/children/open')).toEqual({ status: 200, body: { open: true } });
    });
  });

  describe('503: the keys cannot be checked', () => {
    it('Given the API key store fails, when a key is presented, then 503 instead of a false 401', async () => {
      const failing = await startApp({ findById: () => Promise.reject(new Error('connection refused')) });
      try {
        const port = (failing.getHttpServer().address() as AddressInfo).port;
        const response = await fetch(`http://127.0.0.1:${port}/children/aggregates`, {
          headers: { 'x-api-key': active.plaintext },
        });
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({ message: 'API keys cannot be checked right now' });
      } finally {
        await failing.close();
      }
    });
  });
});

describe('AccessModule settings', () => {
  it('Given NODE_ENV=production with the default dev secret, when the app is created, then it refuses to start', async () => {
    const creating = Test.createTestingModule({
      imports: [
        AccessModule.forRoot({
          apiKeyStore: InMemoryApiKeyStore,
          env: { NODE_ENV: 'production', AUTH_DEV_SECRET: 'registry-dev-secret-change-me' },
        }),
      ],
    }).compile();
    await expect(creating).rejects.toThrow(ConfigurationError);
    await expect(creating).rejects.toThrow('AUTH_DEV_SECRET is the documented development default');
  });
});
