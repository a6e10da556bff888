import { calendarDateOf, objectAt, objectsAt, textAt, type Json } from './json-walk';
import { issue, type FhirIssue } from './outcome';
import {
  ANTHROPOMETRY_CODES,
  IDENTIFIER_SYSTEMS,
  kindOfPart,
  LOINC,
  UCUM,
  shiftDecimal,
  UNIT_EXPONENTS,
  type MeasuredPart,
} from './vocabulary';

/** Whom an Observation is about: a Patient of the same Bundle, a registered child, or a child found by NIK. */
export type SubjectReference =
  | { readonly kind: 'bundle'; readonly fullUrl: string }
  | { readonly kind: 'child'; readonly childId: string }
  | { readonly kind: 'nik'; readonly nik: string };

export interface ObservationReading {
  readonly subject: SubjectReference;
  readonly part: MeasuredPart;
  /** In the registry's unit (kg or cm), converted from the UCUM unit sent. */
  readonly value: number;
  readonly measuredOn: string;
  /** The facility (puskesmas) that measured, as its code. */
  readonly puskesmasCode: string;
  /** The resource's identity for idempotency: its first identifier, else its fullUrl. */
  readonly key: string | null;
  readonly paths: { readonly value: string; readonly effective: string; readonly code: string };
}

const ACCEPTED_STATUSES = ['final', 'amended', 'corrected'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FACILITY_CODE = /^[A-Za-z0-9._-]{1,40}$/;

/**
 * `Observation` of anthropometry → one measured value of a child's visit. `organizations` are the Bundle's
 * Organizations by fullUrl, each with its facility code.
 */
export function readObservation(
  resource: Json,
  at: string,
  fullUrl: string | null,
  organizations: ReadonlyMap<string, string>,
): ObservationReading | FhirIssue[] {
  const issues: FhirIssue[] = [];
  const status = textAt(resource, 'status');
  if (!status || !ACCEPTED_STATUSES.includes(status))
    issues.push(
      issue(
        status ? 'not-supported' : 'required',
        `${at}.status`,
        `status ${status ?? '(none)'}: send measurements as final (or amended/corrected); a wrong one is corrected through the registry's API`,
      ),
    );

  const codings = objectsAt(objectAt(resource, 'code') ?? {}, 'coding');
  const loinc = codings.find((c) => textAt(c, 'system') === LOINC && ANTHROPOMETRY_CODES[textAt(c, 'code') ?? '']);
  if (!loinc)
    issues.push(
      issue(
        codings.length === 0 ? 'required' : 'not-supported',
        `${at}.code`,
        `code must be a LOINC anthropometry code: ${Object.entries(ANTHROPOMETRY_CODES)
          .map(([code, { display }]) => `${code} (${display})`)
          .join(', ')}`,
      ),
    );
  const part = loinc ? ANTHROPOMETRY_CODES[textAt(loinc, 'code')!].part : undefined;

  const subject = readSubject(objectAt(resource, 'subject'), `${at}.subject`, issues);

  const effective = textAt(resource, 'effectiveDateTime');
  const measuredOn = calendarDateOf(effective);
  if (!measuredOn)
    issues.push(
      issue(
        effective ? 'value' : 'required',
        `${at}.effectiveDateTime`,
        `effectiveDateTime ${effective ?? '(none)'}: the day of measuring is required, e.g. 2026-08-14 or 2026-08-14T09:30:00+07:00`,
      ),
    );

  const value = part
    ? readQuantity(objectAt(resource, 'valueQuantity'), `${at}.valueQuantity`, part, issues)
    : undefined;
  const puskesmasCode = readPerformer(resource, at, organizations, issues);

  if (issues.length > 0 || !part || !subject || !measuredOn || value === undefined || !puskesmasCode) return issues;
  const identifier = objectsAt(resource, 'identifier')[0];
  const key = identifier
    ? `${textAt(identifier, 'system') ?? ''}|${textAt(identifier, 'value') ?? ''}`
    : (fullUrl ?? null);
  return {
    subject,
    part,
    value,
    measuredOn,
    puskesmasCode,
    key,
    paths: { value: `${at}.valueQuantity.value`, effective: `${at}.effectiveDateTime`, code: `${at}.code` },
  };
}

function readSubject(subject: Json | undefined, at: string, issues: FhirIssue[]): SubjectReference | undefined {
  const reference = subject ? textAt(subject, 'reference') : undefined;
  const identifier = subject ? objectAt(subject, 'identifier') : undefined;
  if (reference?.startsWith('Patient/') && UUID.test(reference.slice('Patient/'.length)))
    return { kind: 'child', childId: reference.slice('Patient/'.length).toLowerCase() };
  if (reference && !reference.startsWith('Patient/')) return { kind: 'bundle', fullUrl: reference };
  if (!reference && identifier && textAt(identifier, 'system') === IDENTIFIER_SYSTEMS.nik) {
    const nik = textAt(identifier, 'value');
    if (nik && /^\d{16}$/.test(nik)) return { kind: 'nik', nik };
  }
  issues.push(
    issue(
      subject ? 'value' : 'required',
      at,
      `subject ${reference ?? '(none)'}: name the child as the fullUrl of a Patient in this Bundle, as Patient/<registry child id>, or by identifier {system: ${IDENTIFIER_SYSTEMS.nik}, value: <NIK>}`,
    ),
  );
  return undefined;
}

function readQuantity(quantity: Json | undefined, at: string, part: MeasuredPart, issues: FhirIssue[]) {
  const exponents = UNIT_EXPONENTS[kindOfPart(part)];
  const units = Object.keys(exponents).join(', ');
  if (!quantity) {
    issues.push(issue('required', at, `valueQuantity is required: the value in UCUM (${units})`));
    return undefined;
  }
  const value = quantity['value'];
  const system = textAt(quantity, 'system');
  const code = textAt(quantity, 'code');
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    issues.push(issue('value', `${at}.value`, `value ${String(value)} must be a positive number`));
    return undefined;
  }
  if (system !== UCUM) {
    issues.push(issue('code-invalid', `${at}.system`, `system ${system ?? '(none)'} must be ${UCUM} (UCUM)`));
    return undefined;
  }
  const exponent = code === undefined ? undefined : exponents[code];
  if (exponent === undefined) {
    issues.push(
      issue(
        'code-invalid',
        `${at}.code`,
        `unit ${code ?? '(none)'} is not a UCUM unit of ${kindOfPart(part)}: use ${units}`,
      ),
    );
    return undefined;
  }
  return shiftDecimal(value, exponent);
}

/** The measuring facility: a performer's identifier, or a performer Organization of the Bundle, as its code. */
function readPerformer(
  resource: Json,
  at: string,
  organizations: ReadonlyMap<string, string>,
  issues: FhirIssue[],
): string | undefined {
  for (const performer of objectsAt(resource, 'performer')) {
    const reference = textAt(performer, 'reference');
    const identified = textAt(objectAt(performer, 'identifier') ?? {}, 'value');
    const code =
      identified ??
      (reference ? organizations.get(reference) : undefined) ??
      (reference?.startsWith('Organization/') ? reference.slice('Organization/'.length) : undefined);
    if (code && FACILITY_CODE.test(code)) return code;
  }
  issues.push(
    issue(
      'required',
      `${at}.performer`,
      'performer must name the measuring puskesmas: an Organization of this Bundle with an identifier, or {identifier: {value: <facility code>}}',
    ),
  );
  return undefined;
}
