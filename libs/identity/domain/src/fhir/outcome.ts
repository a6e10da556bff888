/** FHIR's issue types the registry answers with (http://hl7.org/fhir/issue-type). */
export type IssueType =
  | 'structure'
  | 'required'
  | 'value'
  | 'invariant'
  | 'code-invalid'
  | 'not-supported'
  | 'duplicate'
  | 'not-found'
  | 'conflict'
  | 'login'
  | 'forbidden'
  | 'processing'
  | 'transient'
  | 'too-costly'
  | 'throttled'
  | 'exception'
  | 'informational';

export interface FhirIssue {
  readonly severity: 'fatal' | 'error' | 'warning' | 'information';
  readonly code: IssueType;
  /** FHIRPath of the element at fault, e.g. `Bundle.entry[2].resource.valueQuantity.code`. */
  readonly expression: string;
  /** What is wrong and how to fix it. */
  readonly diagnostics: string;
}

export const issue = (code: IssueType, expression: string, diagnostics: string): FhirIssue => ({
  severity: 'error',
  code,
  expression,
  diagnostics,
});

export interface OperationOutcome {
  readonly resourceType: 'OperationOutcome';
  readonly issue: ReadonlyArray<{
    readonly severity: FhirIssue['severity'];
    readonly code: IssueType;
    readonly diagnostics: string;
    readonly expression?: readonly string[];
  }>;
}

export const operationOutcome = (issues: readonly FhirIssue[]): OperationOutcome => ({
  resourceType: 'OperationOutcome',
  issue: issues.map(({ severity, code, diagnostics, expression }) => ({
    severity,
    code,
    diagnostics,
    ...(expression ? { expression: [expression] } : {}),
  })),
});

/** An outcome without an element: the request as a whole (a 401, a 404 of a read). */
export const outcomeOf = (code: IssueType, diagnostics: string, severity: FhirIssue['severity'] = 'error') =>
  operationOutcome([{ severity, code, expression: '', diagnostics }]);
