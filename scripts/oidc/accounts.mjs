// The development provider's demo accounts: one per role the dashboard serves, with the claims the services read
// (libs/shared/access/src/principal.ts: role, regency_code, sponsor_id). Never used outside development and tests.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One password for every demo account: the provider is for development only, and the README prints it. */
export const DEMO_PASSWORD = 'registri-demo';

/**
 * Stands for a sponsor until the demo has registered one: scripts/demo.sh writes the demo sponsor's id to
 * <var>/oidc/sponsor-id, so a sponsor who signs in sees that sponsor's child in the portal.
 */
const PLACEHOLDER_SPONSOR_ID = '00000000-0000-7000-8000-000000000001';

const ACCOUNTS = [
  { username: 'tpps-tangerang', name: 'TPPS Kabupaten Tangerang', role: 'tpps', regencyCode: '36.03' },
  { username: 'tpps-serang', name: 'TPPS Kabupaten Serang', role: 'tpps', regencyCode: '36.04' },
  { username: 'statistician', name: 'Statistisi BPS', role: 'statistician' },
  { username: 'sponsor', name: 'PT Contoh Peduli Gizi', role: 'sponsor' },
  { username: 'admin', name: 'Admin Registri', role: 'admin' },
];

export class DemoAccounts {
  /** @param {string} oidcDir the provider's folder under the stack's var dir */
  constructor(oidcDir) {
    this.sponsorIdFile = path.join(oidcDir, 'sponsor-id');
  }

  /** The accounts as the login page lists them. */
  list() {
    return ACCOUNTS.map(({ username, name, role, regencyCode }) => ({ username, name, role, regencyCode }));
  }

  /** The account id (the token's sub) when the username and password match, else null. */
  authenticate(username, password) {
    const account = ACCOUNTS.find((candidate) => candidate.username === username);
    return account !== undefined && password === DEMO_PASSWORD ? account.username : null;
  }

  /** The registry's claims for an account id, or null when there is no such account. */
  registryClaims(accountId) {
    const account = ACCOUNTS.find((candidate) => candidate.username === accountId);
    if (account === undefined) return null;
    switch (account.role) {
      case 'tpps':
        return { role: account.role, regency_code: account.regencyCode };
      case 'sponsor':
        return { role: account.role, sponsor_id: this.sponsorId() };
      default:
        return { role: account.role };
    }
  }

  /** OpenID claims of the account (id token, userinfo): its profile and the registry's claims. */
  claims(accountId) {
    const registry = this.registryClaims(accountId);
    if (registry === null) return null;
    const account = ACCOUNTS.find((candidate) => candidate.username === accountId);
    return { sub: accountId, name: account.name, preferred_username: account.username, ...registry };
  }

  /** Read at each sign-in, so the demo sponsor registered after the provider started is the one signed in. */
  sponsorId() {
    if (!existsSync(this.sponsorIdFile)) return PLACEHOLDER_SPONSOR_ID;
    return readFileSync(this.sponsorIdFile, 'utf8').trim() || PLACEHOLDER_SPONSOR_ID;
  }
}
