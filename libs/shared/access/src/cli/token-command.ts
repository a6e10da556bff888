import { parseArgs } from 'node:util';
import { authSettingsFrom } from '../auth-settings';
import { signDevToken, type DevTokenRequest } from '../dev-token';
import { ROLES } from '../principal';

export const TOKEN_USAGE = `Prints a development token (HS256, AUTH_DEV_SECRET or its development default) as the last line.

usage: npm run -s token -- --role <role> [--regency <code>] [--subject <name>] [--sponsor <sponsorId>]
                          [--villages <desa,desa>] [--puskesmas <code,code>] [--expires-in 12h]

roles: ${ROLES.join(', ')}
  integration, tpps         need --regency (e.g. 36.03)
  kader                     needs --regency and --villages (desa codes of that regency, e.g. 36.03.12.2001)
  puskesmas                 needs --regency and --puskesmas
  sponsor                   needs --sponsor
  statistician, admin       national: no regency
--subject defaults to dev-<role>-<regency>; --expires-in takes <n>m, <n>h or <n>d (default 12h).`;

export type TokenCommandResult =
  | { readonly kind: 'token'; readonly token: string; readonly summary: string }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string };

/** The token command without its process: arguments and environment in, a token or a message out. */
export async function runTokenCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  now: Date = new Date(),
): Promise<TokenCommandResult> {
  const parsed = requestFrom(argv);
  if (parsed.kind !== 'request') return parsed;
  const settings = authSettingsFrom(env);
  if (settings.kind === 'misconfigured') return error(settings.problems.join('\n'));
  if (settings.value.devSecret === null) {
    return error(
      'with NODE_ENV=production development tokens exist only if AUTH_DEV_SECRET is set (not to its default)',
    );
  }

  const signed = await signDevToken(parsed.request, settings.value.devSecret, now);
  if (signed.kind === 'invalid') return error(`${signed.reason}\n\n${TOKEN_USAGE}`);
  const { principal, expiresAt } = signed;
  const regency = principal.regencyCode ?? 'all regencies';
  return {
    kind: 'token',
    token: signed.token,
    summary: `${principal.role} of ${regency}, subject ${principal.subject}, expires ${expiresAt.toISOString()}`,
  };
}

type Parsed = { readonly kind: 'request'; readonly request: DevTokenRequest } | TokenCommandResult;

const OPTIONS = {
  role: { type: 'string' },
  regency: { type: 'string' },
  subject: { type: 'string' },
  sponsor: { type: 'string' },
  villages: { type: 'string' },
  puskesmas: { type: 'string' },
  'expires-in': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const parsedArguments = (argv: readonly string[]) =>
  parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;

function requestFrom(argv: readonly string[]): Parsed {
  let values: ReturnType<typeof parsedArguments>;
  try {
    values = parsedArguments(argv);
  } catch (problem) {
    return error(`${(problem as Error).message}\n\n${TOKEN_USAGE}`);
  }
  if (values.help) return { kind: 'help', text: TOKEN_USAGE };
  if (values.role === undefined) return error(`--role is required\n\n${TOKEN_USAGE}`);
  const ttlSeconds = values['expires-in'] === undefined ? undefined : durationSeconds(values['expires-in']);
  if (ttlSeconds === null) return error('--expires-in takes <n>m, <n>h or <n>d, e.g. 12h');
  return {
    kind: 'request',
    request: {
      role: values.role,
      regencyCode: values.regency,
      subject: values.subject,
      sponsorId: values.sponsor,
      villageCodes: list(values.villages),
      puskesmasCodes: list(values.puskesmas),
      ttlSeconds,
    },
  };
}

const UNIT_SECONDS = { m: 60, h: 3600, d: 86400 } as const;

function durationSeconds(text: string): number | null {
  const match = /^([1-9]\d{0,3})([mhd])$/.exec(text);
  return match === null ? null : Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}

const list = (text: string | undefined): string[] | undefined =>
  text
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

const error = (message: string): TokenCommandResult => ({ kind: 'error', message });
