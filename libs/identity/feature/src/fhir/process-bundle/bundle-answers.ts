import {
  issue,
  operationOutcome,
  type BundleEntryReading,
  type FhirIssue,
  type OperationOutcome,
} from '@registry/identity-domain';

/** What became of one entry: FHIR's `entry.response`. */
export interface EntryAnswer {
  readonly status: string;
  readonly location?: string;
  readonly outcome?: OperationOutcome;
}

export const created = (location: string): EntryAnswer => ({ status: '201 Created', location });
export const matched = (location: string, diagnostics: string): EntryAnswer => ({
  status: '200 OK',
  location,
  outcome: operationOutcome([{ severity: 'information', code: 'informational', expression: '', diagnostics }]),
});
/** Read and used, but kept as no resource of its own (an Organization, a mother). */
export const noted = (diagnostics: string): EntryAnswer => ({
  status: '200 OK',
  outcome: operationOutcome([{ severity: 'information', code: 'informational', expression: '', diagnostics }]),
});
export const refused = (status: string, issues: readonly FhirIssue[]): EntryAnswer => ({
  status,
  outcome: operationOutcome(issues),
});

/** The HTTP status line an entry refused for these issues answers with. */
export function statusOf(issues: readonly FhirIssue[]): string {
  const codes = new Set(issues.map((i) => i.code));
  if (codes.has('forbidden')) return '403 Forbidden';
  if (codes.has('not-found')) return '404 Not Found';
  if (codes.has('conflict') || codes.has('duplicate')) return '409 Conflict';
  if (codes.has('transient')) return '503 Service Unavailable';
  if (codes.has('structure') || codes.has('required')) return '400 Bad Request';
  return '422 Unprocessable Entity';
}

/** The `transaction-response` or `batch-response` Bundle: one entry per entry sent, in order. */
export const responseBundle = (type: 'transaction' | 'batch', answers: readonly EntryAnswer[]) => ({
  resourceType: 'Bundle',
  type: `${type}-response`,
  entry: answers.map((response) => ({ response })),
});

/**
 * The element a refusal's reason (`field: message`, as the registration and measurement rules say it) is about,
 * by the longest field path the resource mapped; else the resource itself.
 */
export function pathOfReason(reason: string, paths: Readonly<Record<string, string>>, fallback: string): string {
  const field = /^([\w.[\]]+):/.exec(reason)?.[1];
  if (!field) return fallback;
  const known = Object.keys(paths)
    .filter((key) => field === key || field.startsWith(`${key}.`))
    .sort((a, b) => b.length - a.length)[0];
  return known ? paths[known] : fallback;
}

/** A mother is answered as her child's registration was; an Organization is only read, for its code. */
export function answerMothersAndOrganizations(
  entries: BundleEntryReading[],
  answers: Array<EntryAnswer | undefined>,
): void {
  const patientAnswers = new Map(
    entries.flatMap((entry) =>
      entry.kind === 'patient' && entry.fullUrl ? [[entry.fullUrl, answers[entry.index]]] : [],
    ),
  );
  for (const entry of entries) {
    if (entry.kind === 'organization')
      answers[entry.index] = noted('the puskesmas is read as the performer of its Observations; it is not kept');
    if (entry.kind !== 'mother') continue;
    const child = patientAnswers.get(entry.mother.patientReference);
    answers[entry.index] =
      child?.location !== undefined
        ? noted(`recorded as the mother of ${child.location.replace(/\/_history\/\d+$/, '')}`)
        : refused('424 Failed Dependency', [
            issue(
              'processing',
              `Bundle.entry[${entry.index}].resource.patient`,
              'her child was not registered: see its entry',
            ),
          ]);
  }
}

/** An OperationOutcome's issue read back as the domain's, to gather a transaction's refusals into one. */
export const asIssue = (outcomeIssue: {
  severity: FhirIssue['severity'];
  code: FhirIssue['code'];
  diagnostics: string;
  expression?: readonly string[];
}): FhirIssue => ({ ...outcomeIssue, expression: outcomeIssue.expression?.[0] ?? '' });
