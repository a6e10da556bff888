import { authSettingsFrom, DEV_SECRET_DEFAULT, requireConfigured } from '@registry/access';

/** The five services behind the dashboard's one origin: the browser calls /api/<service>/… and never a port. */
export const UPSTREAMS = ['identity', 'intake', 'interventions', 'sponsorship', 'reporting'] as const;
export type Upstream = (typeof UPSTREAMS)[number];

export interface DashboardSettings {
  readonly port: number;
  readonly upstreams: Readonly<Record<Upstream, string>>;
  /** The client bundle built by Vite. */
  readonly clientDir: string;
  /** HS256 secret for the demo's role picker; null unless the documented development secret is in use. */
  readonly devSignInSecret: string | null;
  /** The regency a demo TPPS signs in to. */
  readonly demoRegency: string;
  /** Where the demo's Orang Tua Asuh id is kept once `npm start` registered one (scripts/demo.sh). */
  readonly demoSponsorIdFile: string | null;
  /** OpenID Connect for the browser's sign-in (authorization code + PKCE), when an identity provider is set. */
  readonly oidc: { readonly issuer: string; readonly clientId: string; readonly scope: string } | null;
}

const DEFAULT_PORTS: Record<Upstream, number> = {
  identity: 3001,
  intake: 3002,
  interventions: 3003,
  sponsorship: 3004,
  reporting: 3005,
};

export function dashboardSettingsFrom(env: NodeJS.ProcessEnv, clientDir: string): DashboardSettings {
  const auth = requireConfigured(authSettingsFrom(env));
  const upstreams = Object.fromEntries(
    UPSTREAMS.map((name) => {
      const url = env[`${name.toUpperCase()}_URL`];
      const port = env[`${name.toUpperCase()}_PORT`] ?? String(DEFAULT_PORTS[name]);
      return [name, url ?? `http://127.0.0.1:${port}`];
    }),
  ) as Record<Upstream, string>;
  const issuer = env['OIDC_ISSUER'] || null;
  return {
    port: Number(env['PORT'] ?? env['DASHBOARD_PORT'] ?? 3000),
    upstreams,
    clientDir,
    // Only the documented default: a deployment with a real secret never hands tokens to a role picker.
    devSignInSecret: auth.devSecret === DEV_SECRET_DEFAULT ? auth.devSecret : null,
    demoRegency: env['DEMO_REGENCY'] ?? '36.03',
    demoSponsorIdFile: env['DEMO_SPONSOR_ID_FILE'] || null,
    oidc: issuer
      ? {
          issuer,
          clientId: env['OIDC_CLIENT_ID'] ?? 'registry-dashboard',
          scope: env['OIDC_SCOPE'] ?? 'openid profile',
        }
      : null,
  };
}
