import { DEV_SECRET_DEFAULT } from '@registry/access';
import { dashboardSettingsFrom } from './settings';

describe('dashboard settings', () => {
  it('offers the demo role picker only while the documented development secret is in use', () => {
    expect(dashboardSettingsFrom({}, '/c').devSignInSecret).toBe(DEV_SECRET_DEFAULT);
    expect(dashboardSettingsFrom({ AUTH_DEV_SECRET: 'x'.repeat(40) }, '/c').devSignInSecret).toBeNull();
    expect(
      dashboardSettingsFrom({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://sso.example.go.id/jwks' }, '/c')
        .devSignInSecret,
    ).toBeNull();
  });

  it('forwards each service to its port, or to the URL an operator gives', () => {
    const settings = dashboardSettingsFrom({ INTAKE_PORT: '3102', REPORTING_URL: 'http://reporting.internal' }, '/c');
    expect(settings.upstreams.intake).toBe('http://127.0.0.1:3102');
    expect(settings.upstreams.reporting).toBe('http://reporting.internal');
    expect(settings.upstreams.identity).toBe('http://127.0.0.1:3001');
  });

  it('signs browsers in through the identity provider when one is configured', () => {
    expect(dashboardSettingsFrom({}, '/c').oidc).toBeNull();
    expect(
      dashboardSettingsFrom({ OIDC_ISSUER: 'https://sso.example.go.id', OIDC_SCOPE: 'openid registry' }, '/c').oidc,
    ).toEqual({
      issuer: 'https://sso.example.go.id',
      clientId: 'registry-dashboard',
      scope: 'openid registry',
    });
  });
});
