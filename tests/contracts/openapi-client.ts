// A client an integrator writes from the services' OpenAPI documents alone: the types are what openapi-typescript
// generates from them (tests/contracts/openapi/*.d.ts, `npm run openapi`). Type-checked, never run
// (tests/contracts/openapi-client.unit.spec.ts): an answer without a schema would be `unknown` and fail the check.
import type { paths as IdentityPaths } from './openapi/identity';
import type { paths as IntakePaths } from './openapi/intake';

/** The JSON body of a request or answer; a compile error where the document gives it no schema. */
type JsonOf<Message extends { content: { 'application/json': unknown } }> = Message['content']['application/json'];

type RegisterChild = IdentityPaths['/v1/children']['post'];
type RecordBatch = IntakePaths['/v1/measurements:batch']['post'];

export type ChildRegistration = JsonOf<RegisterChild['requestBody']>;
export type RegisteredChild = JsonOf<RegisterChild['responses'][201]>;
export type Refusal = JsonOf<RegisterChild['responses'][422]>;
export type Measurement = JsonOf<RecordBatch['requestBody']>['items'][number];
export type BatchResult = JsonOf<RecordBatch['responses'][200]>['results'][number];

export interface Registry {
  readonly identityUrl: string;
  readonly intakeUrl: string;
  readonly apiKey: string;
}

async function post<Answer>(url: string, apiKey: string, body: unknown): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(((await response.json()) as Refusal).message);
  return (await response.json()) as Answer;
}

/** What became of each measurement of a weighing day: recorded (with its stunting class), to resend, or refused. */
export interface WeighingOutcome {
  readonly childId: string;
  readonly stunted: string[];
  readonly resendAfterSeconds: number | null;
  readonly refused: string[];
}

/** Registers a newborn, then records the weighing day's measurements of it in one batch. */
export async function registerAndWeigh(
  registry: Registry,
  child: ChildRegistration,
  measurements: ReadonlyArray<Omit<Measurement, 'childId'>>,
): Promise<WeighingOutcome> {
  const registered = await post<RegisteredChild>(`${registry.identityUrl}/v1/children`, registry.apiKey, child);
  const items: Measurement[] = measurements.map((measurement) => ({ ...measurement, childId: registered.id }));
  const { results } = await post<JsonOf<RecordBatch['responses'][200]>>(
    `${registry.intakeUrl}/v1/measurements:batch`,
    registry.apiKey,
    { items },
  );
  const stunted = results.flatMap((result: BatchResult) =>
    result.status === 'created' && result.measurement?.classifications.heightForAge?.code === 'stunted'
      ? [result.measurement.measuredOn]
      : [],
  );
  const retries = results.flatMap((result) => (result.status === 'retry' ? [result.retryAfterSeconds ?? 1] : []));
  return {
    childId: registered.id,
    stunted,
    resendAfterSeconds: retries.length > 0 ? Math.max(...retries) : null,
    refused: results.flatMap((result) => (result.status === 'rejected' ? (result.reasons ?? []) : [])),
  };
}
