/** A JSON call to one service as a client makes it; `status` is the HTTP status, 0 when no answer came. */
export type JsonCall = (
  method: string,
  route: string,
  body?: unknown,
  idempotencyKey?: string,
) => Promise<{ status: number; body: Record<string, unknown> }>;

/**
 * Calls to one service with one bearer token. Services are restarted now and then: a refused connection, a timeout
 * or a 502/503 is retried with the same body and Idempotency-Key until `retryForMs` has passed; any other answer,
 * an error too, is the caller's to judge.
 */
export function jsonClient(base: string, token: string, retryForMs = 120_000): JsonCall {
  return async (method, route, body, idempotencyKey) => {
    const deadline = Date.now() + retryForMs;
    for (let attempt = 1; ; attempt += 1) {
      const response = await fetch(`${base}${route}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      }).catch(() => null);
      if (response !== null && response.status !== 502 && response.status !== 503) {
        const text = await response.text();
        return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      }
      if (Date.now() > deadline) return { status: response?.status ?? 0, body: {} };
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 3000)));
    }
  };
}

/** The body of a 2xx answer; anything else throws with the route and what the service said. */
export async function expectOk(call: JsonCall, ...args: Parameters<JsonCall>): Promise<Record<string, unknown>> {
  const { status, body } = await call(...args);
  if (status < 200 || status >= 300) throw new Error(`${args[0]} ${args[1]}: ${status} ${JSON.stringify(body)}`);
  return body;
}
