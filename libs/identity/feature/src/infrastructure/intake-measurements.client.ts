import { Injectable } from '@nestjs/common';
import { CORRELATION_HEADERS, type JudgedMeasurement } from '@registry/contracts';
import { IdentityConfig } from '../identity-config';

/** The uploader's credential, as their upload sent it: a bearer token or an API key. */
export type UploaderCredential =
  { readonly kind: 'bearer'; readonly token: string } | { readonly kind: 'api-key'; readonly key: string };

/** A measurement as intake's batch takes it (RecordMeasurementRequest): the values, the child and their source. */
export interface MeasurementItem {
  readonly childId: string;
  readonly sourceRecordId: string;
  readonly measuredOn: string;
  readonly weightKg?: number;
  readonly heightCm?: number;
  readonly position: 'lying' | 'standing';
  readonly headCircumferenceCm?: number;
  readonly muacCm?: number;
  readonly puskesmasCode: string;
  readonly posyanduCode?: string;
}

/** Intake's answer for one item (RecordMeasurementsBatchItemResult), the parts an import reads. */
export interface MeasurementItemResult {
  readonly index: number;
  readonly status: 'created' | 'duplicate' | 'rejected' | 'retry';
  readonly measurement?: {
    readonly id: string;
    readonly zScores: Record<'heightForAge' | 'weightForAge' | 'weightForHeight', number | null>;
    readonly classifications: Record<
      'heightForAge' | 'weightForAge' | 'weightForHeight',
      { readonly code: string; readonly label: string } | null
    >;
  };
  readonly duplicateOf?: string;
  readonly reasons?: string[];
  readonly retryAfterSeconds?: number;
}

export type IntakeAnswer =
  | { readonly kind: 'results'; readonly results: readonly MeasurementItemResult[] }
  /** 401 or 403: the uploader's credential expired or was revoked; the job waits for them. */
  | { readonly kind: 'credential_refused'; readonly message: string }
  /** Intake down, or answering 5xx or 429: try again later, nothing was lost. */
  | { readonly kind: 'unavailable'; readonly message: string };

/** A child's measurements as intake's history answers them (ChildMeasurementsResponse). */
export type ChildHistoryAnswer =
  | {
      readonly kind: 'history';
      readonly items: ReadonlyArray<JudgedMeasurement & { readonly status: 'recorded' | 'voided' }>;
    }
  | { readonly kind: 'not_found'; readonly message: string }
  | { readonly kind: 'credential_refused'; readonly message: string }
  | { readonly kind: 'unavailable'; readonly message: string };

/**
 * Intake's measurement API, called in the caller's name (an import's uploader, a FHIR client): the measurements are
 * theirs, checked by intake's own rules and access.
 */
@Injectable()
export class IntakeMeasurementsClient {
  constructor(private readonly config: IdentityConfig) {}

  async recordBatch(
    credential: UploaderCredential,
    items: readonly MeasurementItem[],
    options: { readonly idempotencyKey?: string; readonly correlationId: string },
  ): Promise<IntakeAnswer> {
    const response = await fetch(new URL('/v1/measurements:batch', this.config.INTAKE_URL), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
        [CORRELATION_HEADERS[0]]: options.correlationId,
        ...authorization(credential),
      },
      body: JSON.stringify({ items }),
      signal: AbortSignal.timeout(120_000),
    }).catch((error: unknown) => ({ error }));
    if ('error' in response)
      return { kind: 'unavailable', message: `intake did not answer: ${(response.error as Error).message}` };
    const body = (await response.json().catch(() => ({}))) as { results?: MeasurementItemResult[]; message?: unknown };
    if (response.status === 200 && Array.isArray(body.results)) return { kind: 'results', results: body.results };
    const message = `intake answered ${response.status}: ${String(body.message ?? response.statusText)}`;
    if (response.status === 401 || response.status === 403) return { kind: 'credential_refused', message };
    if (response.status >= 500 || response.status === 429) return { kind: 'unavailable', message };
    // Any other answer means this service built a request intake does not take: a bug, not the uploader's doing.
    throw new Error(message);
  }

  async childHistory(
    credential: UploaderCredential,
    childId: string,
    correlationId: string,
  ): Promise<ChildHistoryAnswer> {
    const response = await fetch(new URL(`/v1/children/${childId}/measurements`, this.config.INTAKE_URL), {
      headers: { [CORRELATION_HEADERS[0]]: correlationId, ...authorization(credential) },
      signal: AbortSignal.timeout(30_000),
    }).catch((error: unknown) => ({ error }));
    if ('error' in response)
      return { kind: 'unavailable', message: `intake did not answer: ${(response.error as Error).message}` };
    const body = (await response.json().catch(() => ({}))) as { items?: unknown; message?: unknown };
    if (response.status === 200 && Array.isArray(body.items))
      return { kind: 'history', items: body.items as Extract<ChildHistoryAnswer, { kind: 'history' }>['items'] };
    const message = `intake answered ${response.status}: ${String(body.message ?? response.statusText)}`;
    if (response.status === 404) return { kind: 'not_found', message };
    if (response.status === 401 || response.status === 403) return { kind: 'credential_refused', message };
    if (response.status >= 500 || response.status === 429) return { kind: 'unavailable', message };
    throw new Error(message);
  }
}

const authorization = (credential: UploaderCredential): Record<string, string> =>
  credential.kind === 'bearer' ? { authorization: `Bearer ${credential.token}` } : { 'x-api-key': credential.key };
