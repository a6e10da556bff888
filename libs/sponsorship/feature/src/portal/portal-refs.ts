import { hkdfSync } from 'node:crypto';
import { hashForLookup } from '@registry/access';

/**
 * The id a sponsor's portal gives each of its children: a keyed hash of (sponsor, child), so the registry's child
 * id never reaches a sponsor and two sponsors of one child cannot tell, from their ids, that it is the same child.
 * The key is derived from the personal-data master key for this one purpose (HKDF), so no new secret is needed.
 */
export class PortalRefs {
  private readonly key: Buffer;

  constructor(masterKey: Uint8Array) {
    this.key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'registry/sponsorship/portal-child-ref', 32));
  }

  refOf(sponsorId: string, childId: string): string {
    return hashForLookup(`${sponsorId}:${childId}`, this.key).slice(0, REF_LENGTH);
  }
}

/** 80 bits: unguessable, and short enough for a URL. */
const REF_LENGTH = 20;
