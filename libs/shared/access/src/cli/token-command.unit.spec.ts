import { JwtVerifier } from '../jwt-verifier';
import { DEV_SECRET_DEFAULT } from '../auth-settings';
import { runTokenCommand, type TokenCommandResult } from './token-command';

const NOW = new Date('2026-08-03T00:00:00.000Z');
const verifier = new JwtVerifier({ devSecret: DEV_SECRET_DEFAULT, jwks: null }, { now: () => NOW });

const tokenOf = (result: TokenCommandResult): string => {
  if (result.kind !== 'token') throw new Error(`expected a token, got: ${JSON.stringify(result)}`);
  return result.token;
};
const errorOf = (result: TokenCommandResult): string => {
  if (result.kind !== 'error') throw new Error(`expected an error, got ${result.kind}`);
  return result.message;
};

describe('token command', () => {
  it('Given --role tpps --regency 36.03, when run, then the token verifies as the stable dev subject of that regency', async () => {
    const result = await runTokenCommand(['--role', 'tpps', '--regency', '36.03'], {}, NOW);

    await expect(verifier.verify(tokenOf(result))).resolves.toEqual({
      kind: 'authenticated',
      principal: { subject: 'dev-tpps-36.03', role: 'tpps', regencyCode: '36.03' },
    });
    expect(result).toMatchObject({
      summary: 'tpps of 36.03, subject dev-tpps-36.03, expires 2026-08-03T12:00:00.000Z',
    });
  });

  it('Given a kader with desa and a subject, when run, then the token carries them', async () => {
    const argv = [
      '--role',
      'kader',
      '--regency',
      '36.03',
      '--villages',
      '36.03.12.2001, 36.03.12.2002',
      '--subject',
      'siti',
    ];
    const outcome = await verifier.verify(tokenOf(await runTokenCommand(argv, {}, NOW)));
    expect(outcome).toEqual({
      kind: 'authenticated',
      principal: {
        subject: 'siti',
        role: 'kader',
        regencyCode: '36.03',
        villageCodes: ['36.03.12.2001', '36.03.12.2002'],
      },
    });
  });

  it.each([
    [['--role', 'statistician'], { subject: 'dev-statistician', role: 'statistician', regencyCode: null }],
    [['--role', 'admin'], { subject: 'dev-admin', role: 'admin', regencyCode: null }],
    [
      ['--role', 'sponsor', '--sponsor', 'sp-7'],
      { subject: 'dev-sponsor-sp-7', role: 'sponsor', regencyCode: null, sponsorId: 'sp-7' },
    ],
    [
      ['--role', 'puskesmas', '--regency', '36.03', '--puskesmas', 'P3603120101'],
      { subject: 'dev-puskesmas-36.03', role: 'puskesmas', regencyCode: '36.03', puskesmasCodes: ['P3603120101'] },
    ],
  ])('Given %j, when run, then a valid token for that role is printed', async (argv, principal) => {
    await expect(verifier.verify(tokenOf(await runTokenCommand(argv, {}, NOW)))).resolves.toEqual({
      kind: 'authenticated',
      principal,
    });
  });

  it('Given --expires-in 30m, when the token is checked 31 minutes later, then it has expired', async () => {
    const token = tokenOf(await runTokenCommand(['--role', 'admin', '--expires-in', '30m'], {}, NOW));
    const later = new JwtVerifier(
      { devSecret: DEV_SECRET_DEFAULT, jwks: null },
      { now: () => new Date(NOW.getTime() + 31 * 60_000 + 30_000) },
    );
    await expect(later.verify(token)).resolves.toEqual({ kind: 'rejected', reason: 'token expired' });
  });

  it('Given AUTH_DEV_SECRET, when run, then the token is signed with it and not with the default', async () => {
    const secret = 'a-team-secret-of-at-least-32-characters';
    const token = tokenOf(await runTokenCommand(['--role', 'admin'], { AUTH_DEV_SECRET: secret }, NOW));
    await expect(verifier.verify(token)).resolves.toEqual({ kind: 'rejected', reason: 'bad signature' });
  });

  it.each([
    [['--role', 'tpps'], 'missing regency for role tpps'],
    [['--role', 'kader', '--regency', '36.03'], 'missing or malformed village_codes for role kader'],
    [['--role', 'bupati'], 'unknown role "bupati"'],
    [[], '--role is required'],
    [['--role', 'admin', '--colour'], "Unknown option '--colour'"],
    [['--role', 'admin', '--expires-in', 'forever'], '--expires-in takes <n>m, <n>h or <n>d'],
  ])('Given %j, when run, then no token is printed and the error says why', async (argv, message) => {
    expect(errorOf(await runTokenCommand(argv, {}, NOW))).toContain(message);
  });

  it.each([
    [
      { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://sso.example.go.id/jwks' },
      'development tokens exist only if AUTH_DEV_SECRET is set',
    ],
    [
      { NODE_ENV: 'production', AUTH_DEV_SECRET: DEV_SECRET_DEFAULT },
      'AUTH_DEV_SECRET is the documented development default',
    ],
  ])('Given %j, when run, then it refuses to sign', async (env, message) => {
    expect(errorOf(await runTokenCommand(['--role', 'admin'], env, NOW))).toContain(message);
  });

  it('Given --help, when run, then the usage lists every role', async () => {
    const result = await runTokenCommand(['--help'], {}, NOW);
    expect(result.kind).toBe('help');
    expect(result).toMatchObject({ text: expect.stringContaining('statistician, admin') });
  });
});
