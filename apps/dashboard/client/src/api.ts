import { currentSession, signOut } from './auth';

export type Service = 'identity' | 'intake' | 'interventions' | 'sponsorship' | 'reporting';

/** A refusal as the services answer it: the message names the field and the fix; `fields` lists each one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: readonly { field: string; problems: string[] }[] = [],
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | null | undefined>;

function url(service: Service, path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/${service}${path}${search ? `?${search}` : ''}`;
}

async function call<T>(
  method: string,
  target: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await send(method, target, body, headers);
  return answerOf<T>(response);
}

/** A JSON body, or a file sent as it is (an upload). */
function send(method: string, target: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  const session = currentSession();
  const file = body instanceof Blob;
  return fetch(target, {
    method,
    headers: {
      ...(session ? { authorization: `Bearer ${session.accessToken}` } : {}),
      ...(body === undefined || file ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : file ? body : JSON.stringify(body),
  });
}

async function answerOf<T>(response: Response): Promise<T> {
  if (response.status === 401) {
    signOut();
    location.assign(`/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`);
  }
  const text = await response.text();
  const parsed = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    const message = typeof parsed === 'object' && parsed?.message ? String(parsed.message) : `HTTP ${response.status}`;
    throw new ApiError(response.status, message, typeof parsed === 'object' ? (parsed?.fields ?? []) : []);
  }
  return parsed as T;
}

export const api = {
  get: <T>(service: Service, path: string, query?: Query) => call<T>('GET', url(service, path, query)),
  text: (service: Service, path: string, query?: Query) => call<string>('GET', url(service, path, query)),
  post: <T>(service: Service, path: string, body: unknown, headers?: Record<string, string>) =>
    call<T>('POST', url(service, path), body, headers),
  put: <T>(service: Service, path: string, body: unknown) => call<T>('PUT', url(service, path), body),
  /** A file as the body, with its own content type. */
  upload: <T>(service: Service, path: string, query: Query, file: Blob, type: string) =>
    call<T>('POST', url(service, path, query), file, { 'content-type': type }),
  /** A file the API answers (a spreadsheet), with the caller's credentials. */
  blob: async (service: Service, path: string, query?: Query): Promise<Blob> => {
    const response = await send('GET', url(service, path, query), undefined, {});
    if (!response.ok) await answerOf<never>(response);
    return response.blob();
  },
};
