import type { Kabupaten, SimChild, SimVisit } from './kabupaten';

export interface RegistryEndpoints {
  readonly identity: string;
  readonly intake: string;
}

export interface PushTokens {
  /** A TPPS of the generated kabupaten: registers, measures, corrects, merges. */
  readonly tpps: string;
  /** A TPPS of the kabupaten children move to: measures them after the move. */
  readonly destinationTpps: string;
}

export interface PushReport {
  readonly childIds: Map<string, string>;
  readonly measurementIds: Map<string, string>;
  readonly counts: Record<string, number>;
  readonly seconds: number;
}

const REGISTRATION_BATCH = 2000;
const MEASUREMENT_BATCH = 5000;
/** A request that has not answered by then is treated as lost (and retried). */
const REQUEST_TIMEOUT_MS = 60_000;

type Json = Record<string, unknown>;

/**
 * Drives the public HTTP APIs as a kabupaten integration would: batch registrations, batch measurements with the
 * integration's own record ids, then moves, deaths, corrections and merges. Every step is idempotent (Idempotency-Key,
 * sourceRecordId), so a rerun with the same seed after a failure completes the data without doubling any of it.
 */
export async function pushKabupaten(
  kabupaten: Kabupaten,
  endpoints: RegistryEndpoints,
  tokens: PushTokens,
  log: (line: string) => void,
  options: {
    readonly mergeDuplicates?: boolean;
    /** How long a call is retried, and measurements of children intake does not know yet are resent (default 5 min). */
    readonly retryForMs?: number;
  } = {},
): Promise<PushReport> {
  const started = Date.now();
  const retryForMs = options.retryForMs ?? 300_000;
  const counts: Record<string, number> = {};
  const count = (what: string, n = 1) => (counts[what] = (counts[what] ?? 0) + n);
  /**
   * One call as an integration makes it: connection errors, timeouts and 5xx are retried with the same body (and
   * Idempotency-Key) until `retryForMs` has passed, since restarts and failovers are normal. A 409 answers a batch
   * whose first attempt is still being written (same Idempotency-Key): retried too. Before resending a call that
   * is not idempotent, `applied` asks the registry whether the lost attempt went through after all.
   */
  const call = async (
    base: string,
    method: string,
    route: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
    retry: { readonly on409?: boolean; readonly applied?: () => Promise<boolean> } = {},
  ): Promise<Json> => {
    const deadline = Date.now() + retryForMs;
    for (let attempt = 1; ; attempt += 1) {
      if (attempt > 1 && retry.applied && (await retry.applied().catch(() => false))) return {};
      const response = await fetch(`${base}${route}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      }).catch((error: Error) => ({ ok: false, status: 0, text: async () => error.message }) as const);
      if (response.status >= 500 || response.status === 0 || (retry.on409 && response.status === 409)) {
        if (Date.now() > deadline) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
        count('retries');
        await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 3000)));
        continue;
      }
      const text = await response.text();
      if (!response.ok && response.status !== 409) throw new Error(`${method} ${route}: ${response.status} ${text}`);
      return text ? (JSON.parse(text) as Json) : {};
    }
  };

  const seed = kabupaten.options.seed;
  const childIds = new Map<string, string>();
  const registrations: Array<{ key: string; body: Json }> = kabupaten.children.flatMap((child) => [
    { key: child.key, body: registrationOf(child, true) },
    ...(child.duplicate ? [{ key: child.duplicate.key, body: registrationOf(child, false) }] : []),
  ]);
  for (let i = 0; i < registrations.length; i += REGISTRATION_BATCH) {
    const chunk = registrations.slice(i, i + REGISTRATION_BATCH);
    const { results } = (await call(
      endpoints.identity,
      'POST',
      '/v1/children:batch',
      tokens.tpps,
      { items: chunk.map((c) => c.body) },
      {
        'idempotency-key': `sim-${seed}-children-${i}`,
      },
      { on409: true },
    )) as { results: Array<{ status: string; id?: string; existingChildId?: string; reasons?: string[] }> };
    results.forEach((result, j) => {
      const id = result.id ?? result.existingChildId;
      if (!id) throw new Error(`registration ${chunk[j].key} refused: ${result.reasons?.join('; ')}`);
      childIds.set(chunk[j].key, id);
      count(`children ${result.status}`);
    });
    log(`registered ${Math.min(i + REGISTRATION_BATCH, registrations.length)}/${registrations.length} children`);
  }

  const measurementIds = new Map<string, string>();
  const alreadyCorrected = new Set<string>();
  type Pending = {
    child: SimChild;
    key: string;
    visit: SimVisit;
    afterMove: boolean;
    /** Intake's answer when it did not record the visit: `retry` (with its wait) or `rejected`. */
    refusal?: { status: string; reasons: string[]; retryAfterSeconds?: number };
  };
  const visits: Pending[] = kabupaten.children.flatMap((child) => [
    ...child.visits.map((visit) => ({
      child,
      key: child.key,
      visit,
      afterMove: child.move !== null && visit.measuredOn >= child.move.movedOn,
    })),
    ...(child.duplicate ? [{ child, key: child.duplicate.key, visit: child.duplicate.visit, afterMove: false }] : []),
  ]);
  const measure = async (batch: typeof visits, token: string) => {
    const rejected: Pending[] = [];
    for (let i = 0; i < batch.length; i += MEASUREMENT_BATCH) {
      const chunk = batch.slice(i, i + MEASUREMENT_BATCH);
      const { results } = (await call(
        endpoints.intake,
        'POST',
        '/v1/measurements:batch',
        token,
        { items: chunk.map(({ key, visit }) => measurementOf(childIds.get(key)!, visit)) },
        {},
        { on409: true },
      )) as {
        results: Array<{
          status: string;
          measurement?: { id: string; version: number };
          reasons?: string[];
          retryAfterSeconds?: number;
        }>;
      };
      results.forEach((result, j) => {
        if (!result.measurement)
          rejected.push({
            ...chunk[j],
            refusal: {
              status: result.status,
              reasons: result.reasons ?? [],
              retryAfterSeconds: result.retryAfterSeconds,
            },
          });
        else {
          measurementIds.set(chunk[j].visit.sourceRecordId, result.measurement.id);
          if (result.measurement.version > 1) alreadyCorrected.add(chunk[j].visit.sourceRecordId);
        }
        count(`measurements ${result.status}`);
      });
      log(`measured ${Math.min(i + MEASUREMENT_BATCH, batch.length)}/${batch.length}`);
    }
    return rejected;
  };
  // Intake learns of new children from identity's events: what it does not know yet it answers `retry`, and the
  // item is sent again after the wait it names, as an integration does; a `rejected` visit is a bug in the generator
  // (or in intake) and stops it.
  const measureUntilKnown = async (batch: Pending[], token: string) => {
    let pending = batch;
    const deadline = Date.now() + retryForMs;
    while (pending.length > 0) {
      pending = await measure(pending, token);
      const refused = pending.find((p) => p.refusal?.status !== 'retry');
      if (refused || (pending.length > 0 && Date.now() > deadline)) {
        const example = refused ?? pending[0];
        throw new Error(
          `${pending.length} measurements not recorded, e.g. ${example.visit.sourceRecordId}: ` +
            `${example.refusal?.status} ${example.refusal?.reasons.join('; ')}`,
        );
      }
      const waitSeconds = Math.max(0, ...pending.map((p) => p.refusal?.retryAfterSeconds ?? 1));
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000));
    }
  };
  await measureUntilKnown(
    visits.filter((v) => !v.afterMove),
    tokens.tpps,
  );

  for (const child of kabupaten.children.filter((c) => c.move)) {
    await call(
      endpoints.identity,
      'POST',
      `/v1/children/${childIds.get(child.key)}/relocations`,
      tokens.tpps,
      child.move,
    );
    count('moves');
  }
  // The moves reach intake the same way: the destination's measurements wait until it sees the moved children.
  await measureUntilKnown(
    visits.filter((v) => v.afterMove),
    tokens.destinationTpps,
  );

  for (const child of kabupaten.children) {
    for (const visit of child.visits.filter((v) => v.typo && !alreadyCorrected.has(v.sourceRecordId))) {
      const token = child.move && visit.measuredOn >= child.move.movedOn ? tokens.destinationTpps : tokens.tpps;
      const measurementId = measurementIds.get(visit.sourceRecordId)!;
      // A correction is not idempotent: resent only if the lost attempt did not reach the registry.
      const corrected = async () => {
        const response = await fetch(`${endpoints.intake}/v1/children/${childIds.get(child.key)}/measurements`, {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        if (!response.ok) return false;
        const { items } = (await response.json()) as { items: Array<{ id: string; version: number }> };
        return items.some((item) => item.id === measurementId && item.version > 1);
      };
      await call(
        endpoints.intake,
        'POST',
        `/v1/measurements/${measurementId}/corrections`,
        token,
        {
          heightCm: visit.heightCm,
          reason: 'height typed wrongly at the posyandu',
        },
        {},
        { applied: corrected },
      );
      count('corrections');
    }
    if (child.duplicate && options.mergeDuplicates !== false) {
      await call(endpoints.identity, 'POST', `/v1/children/${childIds.get(child.duplicate.key)}/merge`, tokens.tpps, {
        intoChildId: childIds.get(child.key),
        reason: 'registered twice by two posyandu',
      });
      count('merges');
    }
    // After the merge: identity refuses (409) to merge a duplicate into a child whose death is recorded.
    if (child.diedOn) {
      await call(endpoints.identity, 'POST', `/v1/children/${childIds.get(child.key)}/death`, tokens.tpps, {
        diedOn: child.diedOn,
      });
      count('deaths');
    }
  }
  return { childIds, measurementIds, counts, seconds: (Date.now() - started) / 1000 };
}

function registrationOf(child: SimChild, primary: boolean): Json {
  return {
    ...(primary && child.nik ? { nik: child.nik } : {}),
    ...(primary ? { familyCardNumber: child.familyCardNumber } : {}),
    name: child.name,
    sex: child.sex,
    birthDate: child.birthDate,
    mother: { name: child.motherName },
    address: { villageCode: child.villageCode },
  };
}

function measurementOf(childId: string, visit: SimVisit): Json {
  return {
    childId,
    measuredOn: visit.measuredOn,
    heightCm: visit.typo?.heightCm ?? visit.heightCm,
    weightKg: visit.weightKg,
    position: visit.position,
    puskesmasCode: visit.puskesmasCode,
    posyanduCode: visit.posyanduCode,
    sourceRecordId: visit.sourceRecordId,
  };
}
