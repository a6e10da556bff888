import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEV_SECRET_DEFAULT, signDevToken, type DevTokenRequest } from '@registry/access';
import { composeNik } from '@registry/identity-domain';
import { defaultRegionsDir } from '@registry/reference-data';
import { request, serviceUrl, type JsonResponse, type ServiceName } from './services';

/** A development token for the role, as `npm run token` prints it. */
export async function tokenFor(
  role: string,
  regencyCode?: string,
  extra: Omit<DevTokenRequest, 'role' | 'regencyCode'> = {},
): Promise<string> {
  const signed = await signDevToken(
    { role, regencyCode, ...extra },
    process.env['AUTH_DEV_SECRET'] ?? DEV_SECRET_DEFAULT,
  );
  if (signed.kind !== 'signed') throw new Error(signed.reason);
  return signed.token;
}

/** Calls one service as one caller: a bearer token or an API key. */
export function clientOf(service: ServiceName, credential: { token?: string; apiKey?: string }) {
  const auth: Record<string, string> = credential.token
    ? { authorization: `Bearer ${credential.token}` }
    : { 'x-api-key': credential.apiKey! };
  return {
    get: (route: string, headers: Record<string, string> = {}): Promise<JsonResponse> =>
      request('GET', serviceUrl(service, route), undefined, { ...auth, ...headers }),
    post: (route: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> =>
      request('POST', serviceUrl(service, route), body, { ...auth, ...headers }),
    put: (route: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> =>
      request('PUT', serviceUrl(service, route), body, { ...auth, ...headers }),
  };
}

export type Client = ReturnType<typeof clientOf>;

// Serials run on from a random start, so children of one test file born on the same day in the same kecamatan
// never share a NIK (drawn at random, 6 such children collided about once in 700 runs).
let nextSerial = Math.floor(Math.random() * 9998);

/** A NIK that agrees with the birth date and sex (girls: day + 40), issued in the given kecamatan. */
export function nikFor(
  districtCode: string,
  birthDate: string,
  sex: 'male' | 'female',
  serial = (nextSerial++ % 9998) + 1,
): string {
  return composeNik(districtCode, birthDate, sex, serial);
}

/** Desa codes that exist in the Kemendagri reference, in two neighbouring kabupaten. */
/** A desa picked at random from the whole country, so a run's children are the only ones in it. */
export function randomVillage(): { villageCode: string; districtCode: string; regencyCode: string } {
  const lines = readFileSync(path.join(defaultRegionsDir(), 'villages.csv'), 'utf8').trim().split('\n').slice(1);
  const [villageCode, districtCode] = lines[Math.floor(Math.random() * lines.length)].split(',');
  return { villageCode, districtCode, regencyCode: districtCode.slice(0, 5) };
}

export const places = {
  tangerang: {
    regencyCode: '36.03',
    districtCode: '36.03.20',
    villageCode: '36.03.20.2002',
    otherVillageCode: '36.03.20.2003',
  },
  serang: { regencyCode: '36.04', districtCode: '36.04.23', villageCode: '36.04.23.2015' },
} as const;

let counter = 0;
/** A valid registration with a unique name; override any field. */
export function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    name: `Anak ${randomUUID().slice(0, 8)} ${counter}`,
    sex: 'female',
    birthDate: '2024-03-01',
    mother: { name: `Ibu ${randomUUID().slice(0, 8)}` },
    address: { villageCode: places.tangerang.villageCode, rt: '003', rw: '001' },
    ...overrides,
  };
}
