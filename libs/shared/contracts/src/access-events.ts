import { s, type Infer } from './schema';

/**
 * Integration API keys are issued by the identity service and copied by every service, so each can check a key
 * locally. Only the SHA-256 of the 256-bit secret travels; the key itself is shown once, to its issuer.
 */
export const accessEventSchemas = {
  'api-key.issued': s.object({
    keyId: s.string(),
    name: s.string(),
    regencyCode: s.regionCode(2),
    role: s.literal('integration'),
    secretHash: s.string(),
    createdAt: s.string(),
  }),
  'api-key.revoked': s.object({ keyId: s.string(), revokedAt: s.string() }),
};

export type AccessEventType = keyof typeof accessEventSchemas;
export type AccessEventData<T extends AccessEventType> = Infer<(typeof accessEventSchemas)[T]>;
