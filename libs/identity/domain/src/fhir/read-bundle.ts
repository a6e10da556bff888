import type { Position } from '@registry/anthropometry';
import { isObject, objectAt, objectsAt, textAt } from './json-walk';
import { issue, type FhirIssue } from './outcome';
import { readObservation, type ObservationReading, type SubjectReference } from './read-observation';
import { isResource, readMother, readPatient, type MotherReading, type PatientReading } from './read-patient';
import type { MeasuredPart } from './vocabulary';

export type BundleEntryReading =
  | {
      readonly kind: 'patient';
      readonly index: number;
      readonly fullUrl: string | null;
      readonly patient: PatientReading;
      /** The resource's identities, most stable first: SATUSEHAT's IHS number, the NIK, the fullUrl. */
      readonly keys: readonly string[];
    }
  | { readonly kind: 'mother'; readonly index: number; readonly mother: MotherReading }
  | { readonly kind: 'organization'; readonly index: number }
  | { readonly kind: 'observation'; readonly index: number; readonly observation: ObservationReading }
  | { readonly kind: 'refused'; readonly index: number; readonly issues: readonly FhirIssue[] };

/** The Observations of one child, day and facility: one registry measurement (weight and length judged together). */
export interface MeasurementGroup {
  readonly subject: SubjectReference;
  readonly measuredOn: string;
  readonly puskesmasCode: string;
  readonly values: {
    weightKg: number | null;
    heightCm: number | null;
    position: Position | null;
    headCircumferenceCm: number | null;
    muacCm: number | null;
  };
  readonly members: Array<{ readonly index: number; readonly part: MeasuredPart; readonly key: string | null }>;
  /** FHIRPath of each measurement field, for refusals by the measurement rules (`weightKg` → its valueQuantity). */
  readonly paths: Record<string, string>;
}

export interface BundleReading {
  readonly type: 'transaction' | 'batch';
  readonly entries: BundleEntryReading[];
  readonly groups: MeasurementGroup[];
}

const FIELD_OF_PART: Record<MeasuredPart, Exclude<keyof MeasurementGroup['values'], 'position'>> = {
  weight: 'weightKg',
  length: 'heightCm',
  height: 'heightCm',
  headCircumference: 'headCircumferenceCm',
  muac: 'muacCm',
};

/**
 * A Bundle of type transaction or batch → each entry read on its own (Patient, RelatedPerson, Organization,
 * Observation), mothers joined to their children, and Observations grouped into measurements. Problems of the
 * Bundle itself are answered as issues; those of an entry are that entry's.
 */
export function readBundle(input: unknown): { readonly bundle: BundleReading } | { readonly issues: FhirIssue[] } {
  if (!isResource(input, 'Bundle'))
    return { issues: [issue('structure', 'Bundle', 'the body must be a FHIR Bundle (resourceType "Bundle")')] };
  const type = textAt(input, 'type');
  if (type !== 'transaction' && type !== 'batch')
    return {
      issues: [issue('not-supported', 'Bundle.type', `Bundle.type ${type ?? '(none)'}: send a transaction or a batch`)],
    };
  const raw = Array.isArray(input['entry']) ? (input['entry'] as unknown[]) : [];
  if (raw.length === 0) return { issues: [issue('required', 'Bundle.entry', 'the Bundle has no entries')] };

  const organizations = new Map<string, string>();
  raw.forEach((entry) => {
    const resource = isObject(entry) ? objectAt(entry, 'resource') : undefined;
    const fullUrl = isObject(entry) ? textAt(entry, 'fullUrl') : undefined;
    const identifier =
      resource && isResource(resource, 'Organization') ? objectsAt(resource, 'identifier')[0] : undefined;
    const code = identifier ? textAt(identifier, 'value') : undefined;
    if (fullUrl && code) organizations.set(fullUrl, code);
  });

  const entries = raw.map((entry, index) => readEntry(entry, index, organizations));
  refuseRepeatedPatients(entries);
  joinMothers(entries);
  return { bundle: { type, entries, groups: groupMeasurements(entries) } };
}

function readEntry(entry: unknown, index: number, organizations: ReadonlyMap<string, string>): BundleEntryReading {
  const at = `Bundle.entry[${index}].resource`;
  const resource = isObject(entry) ? objectAt(entry, 'resource') : undefined;
  const fullUrl = isObject(entry) ? (textAt(entry, 'fullUrl') ?? null) : null;
  const refused = (issues: FhirIssue[]) => ({ kind: 'refused' as const, index, issues });
  switch (resource ? textAt(resource, 'resourceType') : undefined) {
    case 'Patient': {
      const patient = readPatient(resource!, at);
      if (Array.isArray(patient)) return refused(patient);
      const keys = [
        patient.ihsNumber && `ihs|${patient.ihsNumber}`,
        patient.nik && `nik|${patient.nik}`,
        fullUrl && `url|${fullUrl}`,
      ].filter((key): key is string => Boolean(key));
      return { kind: 'patient', index, fullUrl, patient, keys };
    }
    case 'RelatedPerson': {
      const mother = readMother(resource!, at);
      return Array.isArray(mother) ? refused(mother) : { kind: 'mother', index, mother };
    }
    case 'Organization':
      return { kind: 'organization', index };
    case 'Observation': {
      const observation = readObservation(resource!, at, fullUrl, organizations);
      return Array.isArray(observation) ? refused(observation) : { kind: 'observation', index, observation };
    }
    default:
      return refused([
        issue(
          resource ? 'not-supported' : 'required',
          resource ? `${at}.resourceType` : `Bundle.entry[${index}].resource`,
          'each entry is a Patient, RelatedPerson (the mother), Organization (the puskesmas) or Observation',
        ),
      ]);
  }
}

const refusedEntry = (index: number, refusal: FhirIssue): BundleEntryReading => ({
  kind: 'refused',
  index,
  issues: [refusal],
});

/** A child sent twice in one Bundle (same NIK, IHS number or fullUrl) is refused the second time: it is one child. */
function refuseRepeatedPatients(entries: BundleEntryReading[]): void {
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (entry.kind !== 'patient') return;
    const first = entry.keys.map((key) => seen.get(key)).find((index) => index !== undefined);
    if (first !== undefined) {
      entries[i] = refusedEntry(
        entry.index,
        issue(
          'duplicate',
          `Bundle.entry[${entry.index}].resource`,
          `this Patient repeats entry ${first} (the same NIK, IHS number or fullUrl): send each child once and reference it by its fullUrl`,
        ),
      );
      return;
    }
    for (const key of entry.keys) seen.set(key, entry.index);
  });
}

/** Each RelatedPerson gives her name and NIK to the Patient she references; a Patient must end with a mother. */
function joinMothers(entries: BundleEntryReading[]): void {
  const patients = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (entry.kind === 'patient' && entry.fullUrl) patients.set(entry.fullUrl, i);
  });
  entries.forEach((entry, i) => {
    if (entry.kind !== 'mother') return;
    const target = patients.get(entry.mother.patientReference);
    const child = target === undefined ? undefined : entries[target];
    if (!child || child.kind !== 'patient') {
      entries[i] = refusedEntry(
        entry.index,
        issue(
          'not-found',
          `Bundle.entry[${entry.index}].resource.patient`,
          `no Patient with fullUrl ${entry.mother.patientReference} in this Bundle: a mother is recorded with her child's registration`,
        ),
      );
      return;
    }
    const path = `Bundle.entry[${entry.index}].resource`;
    entries[target!] = {
      ...child,
      patient: {
        ...child.patient,
        motherName: entry.mother.name,
        motherNik: child.patient.motherNik ?? entry.mother.nik,
        paths: { ...child.patient.paths, 'mother.name': `${path}.name[0]` },
      },
    };
  });
  entries.forEach((entry, i) => {
    if (entry.kind === 'patient' && entry.patient.motherName === null)
      entries[i] = refusedEntry(
        entry.index,
        issue(
          'required',
          `Bundle.entry[${entry.index}].resource.contact`,
          "the mother's name is required: add a RelatedPerson (relationship MTH, patient = this Patient's fullUrl) or a contact with relationship MTH",
        ),
      );
  });
}

const subjectKey = (subject: SubjectReference): string =>
  subject.kind === 'bundle'
    ? `bundle|${subject.fullUrl}`
    : subject.kind === 'child'
      ? `child|${subject.childId}`
      : `nik|${subject.nik}`;

/** Observations of one subject, day and facility → one measurement; a second value of the same part is refused. */
function groupMeasurements(entries: BundleEntryReading[]): MeasurementGroup[] {
  const groups = new Map<string, MeasurementGroup>();
  entries.forEach((entry, i) => {
    if (entry.kind !== 'observation') return;
    const { subject, measuredOn, puskesmasCode, part, value, key, paths } = entry.observation;
    const groupKey = `${subjectKey(subject)}|${measuredOn}|${puskesmasCode}`;
    const group: MeasurementGroup = groups.get(groupKey) ?? {
      subject,
      measuredOn,
      puskesmasCode,
      values: { weightKg: null, heightCm: null, position: null, headCircumferenceCm: null, muacCm: null },
      members: [],
      paths: { measuredOn: paths.effective },
    };
    const field = FIELD_OF_PART[part];
    if (group.values[field] !== null) {
      entries[i] = refusedEntry(
        entry.index,
        issue(
          'duplicate',
          paths.code,
          `another Observation of this Bundle already gives this child's ${field === 'heightCm' ? 'length or height' : part} on ${measuredOn}: send one value per visit`,
        ),
      );
      return;
    }
    group.values[field] = value;
    if (field === 'heightCm') {
      group.values.position = part === 'length' ? 'lying' : 'standing';
      group.paths['position'] = paths.code;
    }
    group.paths[field] = paths.value;
    group.members.push({ index: entry.index, part, key });
    groups.set(groupKey, group);
  });
  return [...groups.values()];
}
