import { signDevToken } from '@registry/access';
import express, { type Express } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { existsSync, readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import path from 'node:path';
import { UPSTREAMS, type DashboardSettings } from './settings';

/** Roles the demo's sign-in offers; the sponsor once the demo has registered its Orang Tua Asuh. */
const DEV_ROLES = ['tpps', 'statistician', 'sponsor'] as const;

function demoSponsorId(settings: DashboardSettings): string | null {
  if (!settings.demoSponsorIdFile || !existsSync(settings.demoSponsorIdFile)) return null;
  return readFileSync(settings.demoSponsorIdFile, 'utf8').trim() || null;
}

function devRoles(settings: DashboardSettings): readonly string[] {
  return DEV_ROLES.filter((role) => role !== 'sponsor' || demoSponsorId(settings) !== null);
}

/**
 * The dashboard's one origin: the client bundle, /api/<service>/… forwarded to the five services (no CORS, no
 * service port in the browser), the browser's sign-in settings, and — with the development secret only — a role
 * picker that signs demo tokens.
 */
export function createGateway(settings: DashboardSettings): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    next();
  });

  // Idle connections to the services close on this side first (after 4 s; Node servers close theirs after 5 s): a
  // request sent on a socket the service is closing at that moment would fail with ECONNRESET, a 502 for nothing.
  const upstreamAgent = new Agent({ keepAlive: true, timeout: 4_000 });
  for (const name of UPSTREAMS) {
    app.use(
      `/api/${name}`,
      createProxyMiddleware({
        target: settings.upstreams[name],
        changeOrigin: true,
        agent: upstreamAgent,
        on: {
          error: (_error, _req, res) => {
            // A service that is down is the registry's fault, named so an officer can tell the operator.
            if ('writeHead' in res && !res.headersSent) {
              res.writeHead(502, { 'content-type': 'application/json' });
              res.end(JSON.stringify({ statusCode: 502, message: `${name} service is not reachable` }));
            }
          },
        },
      }),
    );
  }

  app.get('/health', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/ready', (_req, res) => {
    const built = existsSync(path.join(settings.clientDir, 'index.html'));
    res
      .status(built ? 200 : 503)
      .json(built ? { status: 'ready' } : { status: 'not ready', reason: 'client not built' });
  });

  app.get('/config.json', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({
      devSignIn: settings.devSignInSecret ? { roles: devRoles(settings), regencyCode: settings.demoRegency } : null,
      oidc: settings.oidc,
    });
  });

  app.post('/dev-sign-in', express.json({ limit: '1kb' }), async (req, res) => {
    if (!settings.devSignInSecret) {
      res
        .status(404)
        .json({ statusCode: 404, message: 'development sign-in is off: sign in with the identity provider' });
      return;
    }
    const role = (req.body as { role?: unknown } | undefined)?.role;
    const roles = devRoles(settings);
    if (typeof role !== 'string' || !roles.includes(role)) {
      res.status(400).json({ statusCode: 400, message: `role must be one of ${roles.join(', ')}` });
      return;
    }
    const regencyCode = role === 'tpps' ? settings.demoRegency : undefined;
    const sponsorId = role === 'sponsor' ? (demoSponsorId(settings) ?? undefined) : undefined;
    const signed = await signDevToken({ role, regencyCode, sponsorId }, settings.devSignInSecret);
    if (signed.kind === 'invalid') {
      res.status(500).json({ statusCode: 500, message: signed.reason });
      return;
    }
    res.json({ accessToken: signed.token, expiresAt: signed.expiresAt.toISOString(), role, regencyCode });
  });

  app.use(express.static(settings.clientDir, { index: false, maxAge: '1h', immutable: false }));
  // Every other page is the single-page app: the client's router reads the path.
  app.get(/^\/(?!api\/).*/, (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(path.join(settings.clientDir, 'index.html'));
  });
  return app;
}
