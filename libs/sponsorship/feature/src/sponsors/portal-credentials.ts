import { Injectable } from '@nestjs/common';
import { authSettingsFrom, requireConfigured, signDevToken } from '@registry/access';

export type PortalCredential =
  | { readonly kind: 'token'; readonly role: 'sponsor'; readonly token: string; readonly expiresAt: string }
  | { readonly kind: 'identity-provider'; readonly instructions: string };

/**
 * The sponsor's credentials for the portal: a token for role sponsor carrying the sponsor's id, signed with the
 * registry's HS256 secret (AUTH_DEV_SECRET) exactly as the services verify it. Where only the identity provider's
 * tokens are accepted (production without AUTH_DEV_SECRET), the sponsor's account is created there instead.
 */
@Injectable()
export class PortalCredentials {
  private readonly secret = requireConfigured(authSettingsFrom(process.env)).devSecret;

  async issue(sponsorId: string): Promise<PortalCredential> {
    if (this.secret === null) {
      return {
        kind: 'identity-provider',
        instructions: `create the sponsor's account in the identity provider with claims role=sponsor and sponsor_id=${sponsorId}`,
      };
    }
    const signed = await signDevToken({ role: 'sponsor', sponsorId, subject: `sponsor-${sponsorId}` }, this.secret);
    if (signed.kind === 'invalid') throw new Error(`a sponsor token was refused: ${signed.reason}`);
    return { kind: 'token', role: 'sponsor', token: signed.token, expiresAt: signed.expiresAt.toISOString() };
  }
}
