import type { Configured } from './settings';

/** Documented development default of PII_MASTER_KEY (base64 of 'registry-dev-pii-key-change-me!!'); refused in production. */
export const DEV_PII_MASTER_KEY = 'cmVnaXN0cnktZGV2LXBpaS1rZXktY2hhbmdlLW1lISE=';

const KEY_BYTES = 32;

/** PII_MASTER_KEY: 32 random bytes, base64 (openssl rand -base64 32); the development default outside production. */
export function personalDataMasterKeyFrom(env: NodeJS.ProcessEnv): Configured<Buffer> {
  const production = env['NODE_ENV'] === 'production';
  const given = env['PII_MASTER_KEY'] || undefined;
  if (given === undefined && production) {
    return misconfigured(
      'PII_MASTER_KEY is required with NODE_ENV=production: 32 random bytes, base64 (openssl rand -base64 32)',
    );
  }
  if (given === DEV_PII_MASTER_KEY && production) {
    return misconfigured(
      'PII_MASTER_KEY is the documented development default and is refused with NODE_ENV=production',
    );
  }
  const encoded = given ?? DEV_PII_MASTER_KEY;
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== KEY_BYTES || key.toString('base64') !== encoded) {
    return misconfigured(`PII_MASTER_KEY must be ${KEY_BYTES} bytes in base64, e.g. from: openssl rand -base64 32`);
  }
  return { kind: 'configured', value: key };
}

const misconfigured = (problem: string): Configured<Buffer> => ({ kind: 'misconfigured', problems: [problem] });
