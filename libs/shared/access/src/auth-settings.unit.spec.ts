import { authSettingsFrom, DEV_SECRET_DEFAULT, type AuthSettings } from './auth-settings';

const STRONG_SECRET = 'a'.repeat(32);

const settingsOf = (env: NodeJS.ProcessEnv): AuthSettings => {
  const result = authSettingsFrom(env);
  if (result.kind !== 'configured') throw new Error(result.problems.join('; '));
  return result.value;
};
const problemsOf = (env: NodeJS.ProcessEnv): readonly string[] => {
  const result = authSettingsFrom(env);
  if (result.kind !== 'misconfigured') throw new Error('expected the settings to be refused');
  return result.problems;
};

describe('authSettingsFrom', () => {
  it('Given no AUTH_* variables in development, when read, then HS256 uses the documented default secret', () => {
    expect(settingsOf({})).toEqual({ devSecret: DEV_SECRET_DEFAULT, jwks: null });
  });

  it('Given a JWKS URL with issuer and audience, when read, then provider tokens are checked against them', () => {
    const settings = settingsOf({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://sso.example.go.id/jwks',
      AUTH_ISSUER: 'https://sso.example.go.id',
      AUTH_AUDIENCE: 'registry',
    });
    expect(settings.devSecret).toBeNull();
    expect(settings.jwks?.url.href).toBe('https://sso.example.go.id/jwks');
    expect(settings.jwks?.issuer).toBe('https://sso.example.go.id');
    expect(settings.jwks?.audience).toBe('registry');
  });

  it('Given NODE_ENV=production and the default dev secret, when read, then the service refuses to start', () => {
    expect(
      problemsOf({ NODE_ENV: 'production', AUTH_DEV_SECRET: DEV_SECRET_DEFAULT, AUTH_JWKS_URL: 'https://sso/jwks' }),
    ).toEqual([expect.stringContaining('AUTH_DEV_SECRET is the documented development default')]);
  });

  it('Given NODE_ENV=production and no key at all, when read, then it asks for AUTH_JWKS_URL', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringContaining('set AUTH_JWKS_URL')]);
  });

  it('Given NODE_ENV=production and an explicit strong secret, when read, then HS256 tokens are accepted with it', () => {
    expect(settingsOf({ NODE_ENV: 'production', AUTH_DEV_SECRET: STRONG_SECRET }).devSecret).toBe(STRONG_SECRET);
  });

  it.each([
    [{ AUTH_DEV_SECRET: 'short' }, 'AUTH_DEV_SECRET must be at least 32 characters'],
    [{ AUTH_JWKS_URL: 'ftp://sso/jwks' }, 'AUTH_JWKS_URL must be an http(s) URL'],
    [{ AUTH_JWKS_URL: 'not a url' }, 'AUTH_JWKS_URL must be an http(s) URL'],
    [{ AUTH_ISSUER: 'https://sso' }, 'AUTH_ISSUER and AUTH_AUDIENCE apply to tokens checked against AUTH_JWKS_URL'],
  ])('Given %j, when read, then the problem names the variable', (env, problem) => {
    expect(problemsOf(env)).toEqual([expect.stringContaining(problem)]);
  });
});
