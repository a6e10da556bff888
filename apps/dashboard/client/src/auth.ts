// The signed-in officer's token, kept for this browser tab only (sessionStorage): closing the tab signs out.
export interface Session {
  readonly accessToken: string;
  readonly role: string;
  readonly regencyCode: string | null;
  readonly expiresAt: number;
  readonly via: 'dev' | 'oidc';
}

export interface SignInOptions {
  readonly devSignIn: { readonly roles: readonly string[]; readonly regencyCode: string } | null;
  readonly oidc: {
    readonly issuer: string;
    readonly clientId: string;
    readonly scope: string;
    readonly resource?: string;
  } | null;
}

const KEY = 'registry.session';

export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  return session.expiresAt > Date.now() ? session : null;
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}

/** Role and regency as the services will read them, from the token's claims (display only; the services check). */
function sessionOf(accessToken: string, via: Session['via']): Session {
  const payload = JSON.parse(atob(accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as Record<
    string,
    unknown
  >;
  return {
    accessToken,
    via,
    role: String(payload['role'] ?? ''),
    regencyCode: typeof payload['regency_code'] === 'string' ? payload['regency_code'] : null,
    expiresAt: Number(payload['exp'] ?? 0) * 1000,
  };
}

function keep(session: Session): Session {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export async function loadSignInOptions(): Promise<SignInOptions> {
  const response = await fetch('/config.json');
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  return (await response.json()) as SignInOptions;
}

export async function devSignIn(role: string): Promise<Session> {
  const response = await fetch('/dev-sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  const body = (await response.json()) as { accessToken?: string; message?: string };
  if (!response.ok || !body.accessToken) throw new Error(body.message ?? `sign-in refused (${response.status})`);
  return keep(sessionOf(body.accessToken, 'dev'));
}

// oidc-client-ts is loaded only when someone signs in through the identity provider.
async function userManager(oidc: NonNullable<SignInOptions['oidc']>) {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  const resource = oidc.resource ? { resource: oidc.resource } : undefined;
  return new UserManager({
    authority: oidc.issuer,
    client_id: oidc.clientId,
    redirect_uri: `${location.origin}/auth/callback`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: 'code',
    scope: oidc.scope,
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    extraQueryParams: resource,
    extraTokenParams: resource,
  });
}

/** Authorization code with PKCE: the browser leaves for the identity provider and comes back to /auth/callback. */
export async function oidcSignIn(oidc: NonNullable<SignInOptions['oidc']>, returnTo: string): Promise<void> {
  await (await userManager(oidc)).signinRedirect({ state: returnTo });
}

export async function completeOidcSignIn(
  oidc: NonNullable<SignInOptions['oidc']>,
): Promise<{ session: Session; returnTo: string }> {
  const user = await (await userManager(oidc)).signinRedirectCallback();
  return {
    session: keep(sessionOf(user.access_token, 'oidc')),
    returnTo: typeof user.state === 'string' ? user.state : '/',
  };
}
