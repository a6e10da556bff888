import { API_KEY_HEADER } from '@registry/access';
import type { Request } from 'express';
import type { UploaderCredential } from '../infrastructure/intake-measurements.client';

/** The credential the access guard accepted, kept (sealed) for the job's calls to intake in the uploader's name. */
export function credentialOf(request: Request): UploaderCredential {
  const apiKey = request.headers[API_KEY_HEADER];
  if (typeof apiKey === 'string') return { kind: 'api-key', key: apiKey };
  return { kind: 'bearer', token: (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '') };
}
