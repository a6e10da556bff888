import { clientOf, places, registration, tokenFor } from '../support/registry';
import { authorize, decodeJwt, exchangeCode, oidcProvider, signIn, type Tokens } from '../support/oidc';

// The dashboard's sign-in against the development OpenID provider (scripts/oidc.sh, accounts in
// scripts/oidc/accounts.mjs): a real authorization code + PKCE flow, and its access token used on the services, which
// trust the provider through AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE (scripts/services.sh).
const provider = oidcProvider();
const PASSWORD = 'registri-demo';
const own = places.tangerang;
const foreign = places.serang;

describe('sign-in through the development OpenID provider (authorization code + PKCE)', () => {
  let tpps: Tokens;
  beforeAll(async () => {
    tpps = await signIn(provider, 'tpps-tangerang', PASSWORD);
  });

  it("gives the TPPS an RS256 access token for the registry's audience, with its role and regency", () => {
    const { header, claims } = decodeJwt(tpps.accessToken);
    expect(header['alg']).toBe('RS256');
    expect(claims).toMatchObject({
      iss: provider.issuer,
      aud: provider.audience,
      sub: 'tpps-tangerang',
      role: 'tpps',
      regency_code: own.regencyCode,
    });
    // The dashboard learns who signed in from the id token, issued to it.
    expect(decodeJwt(tpps.idToken).claims).toMatchObject({
      aud: provider.clientId,
      role: 'tpps',
      regency_code: '36.03',
    });
  });

  it('lets the TPPS register and read a child of its regency (200) but not of another (404)', async () => {
    const withProviderToken = clientOf('identity', { token: tpps.accessToken });
    const registered = await withProviderToken.post('/v1/children', registration());
    expect(registered.status).toBe(201);
    // Development tokens (HS256) are accepted beside the provider's.
    const foreignChild = await clientOf('identity', { token: await tokenFor('tpps', foreign.regencyCode) }).post(
      '/v1/children',
      registration({ address: { villageCode: foreign.villageCode, rt: '001', rw: '002' } }),
    );
    expect(foreignChild.status).toBe(201);

    const mine = await withProviderToken.get(`/v1/children/${registered.body.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.id).toBe(registered.body.id);
    expect((await withProviderToken.get(`/v1/children/${foreignChild.body.id}`)).status).toBe(404);
  });

  it("refuses a sponsor's provider token on TPPS routes (403) and lets it into the portal", async () => {
    const sponsor = await signIn(provider, 'sponsor', PASSWORD);
    expect(decodeJwt(sponsor.accessToken).claims).toMatchObject({ role: 'sponsor', sponsor_id: expect.any(String) });
    expect((await clientOf('identity', { token: sponsor.accessToken }).get('/v1/children/duplicates')).status).toBe(
      403,
    );
    const priority = await clientOf('reporting', { token: sponsor.accessToken }).get(
      `/v1/reports/priority-children?districtCode=${own.districtCode}`,
    );
    expect(priority.status).toBe(403);
    expect((await clientOf('sponsorship', { token: sponsor.accessToken }).get('/v1/portal/children')).status).toBe(200);
  });

  it('refuses a wrong password with the login form again, and gives no code', async () => {
    const refused = await authorize(provider, 'tpps-tangerang', 'not-the-password');
    expect(refused).toMatchObject({ kind: 'refused', status: 401 });
    if (refused.kind === 'refused') expect(refused.page).toContain('Nama pengguna atau kata sandi salah');
  });

  it('redeems a code only with its PKCE verifier', async () => {
    const authorization = await authorize(provider, 'statistician', PASSWORD);
    if (authorization.kind !== 'code') throw new Error('the statistician was refused');
    const stolen = await exchangeCode({ ...authorization, verifier: 'x'.repeat(43) }, provider);
    expect(stolen).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it("refuses the provider's token with its signature forged (401)", async () => {
    const [header, claims] = tpps.accessToken.split('.');
    const forged = `${header}.${claims}.${Buffer.from('not a signature').toString('base64url')}`;
    expect((await clientOf('identity', { token: forged }).get('/v1/children/duplicates')).status).toBe(401);
  });
});
