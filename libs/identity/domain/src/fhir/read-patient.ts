import type { Sex } from '../child';
import { calendarDateOf, isObject, objectAt, objectsAt, textAt, type Json } from './json-walk';
import { issue, type FhirIssue } from './outcome';
import { ADMINISTRATIVE_CODE_EXTENSION, IDENTIFIER_SYSTEMS, REGISTRY_SYSTEMS, V3_ROLE_CODE } from './vocabulary';

/** A Patient as a registration (RegisterChildRequest's fields), with where each came from for the answers. */
export interface PatientReading {
  readonly nik: string | null;
  readonly motherNik: string | null;
  readonly ihsNumber: string | null;
  /** The registry's own id (an identifier the registry answered with): the child is that one, not a new one. */
  readonly registryChildId: string | null;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly motherName: string | null;
  readonly address: {
    readonly villageCode: string;
    readonly rt?: string;
    readonly rw?: string;
    readonly line?: string;
  };
  /** FHIRPath of each registration field, relative to the resource: a refusal of `nik` points at its identifier. */
  readonly paths: Readonly<Record<string, string>>;
}

export interface MotherReading {
  /** The Patient it is the mother of, as referenced. */
  readonly patientReference: string;
  readonly name: string;
  readonly nik: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KNOWN_SYSTEMS: readonly string[] = [...Object.values(IDENTIFIER_SYSTEMS), REGISTRY_SYSTEMS.childId];

/** `Patient` → its registration, or the issues naming each element at fault (`at` is the resource's path). */
export function readPatient(resource: Json, at: string): PatientReading | FhirIssue[] {
  const issues: FhirIssue[] = [];
  const identifiers: Partial<Record<'nik' | 'motherNik' | 'ihsNumber', string>> = {};
  const paths: Record<string, string> = {};
  let registryChildId: string | null = null;
  objectsAt(resource, 'identifier').forEach((identifier, i) => {
    const system = textAt(identifier, 'system');
    const value = textAt(identifier, 'value');
    const path = `${at}.identifier[${i}]`;
    if (!system || !KNOWN_SYSTEMS.includes(system)) {
      issues.push(
        issue(
          'code-invalid',
          `${path}.system`,
          `identifier system ${system ?? '(none)'} is not known here: use ${IDENTIFIER_SYSTEMS.nik} (NIK), ${IDENTIFIER_SYSTEMS.motherNik} (the mother's NIK) or ${IDENTIFIER_SYSTEMS.ihsNumber}`,
        ),
      );
      return;
    }
    const key = (Object.keys(IDENTIFIER_SYSTEMS) as Array<keyof typeof IDENTIFIER_SYSTEMS>).find(
      (k) => IDENTIFIER_SYSTEMS[k] === system,
    );
    if (!key) {
      // The registry's own child id: the child is matched by it, not registered with it.
      if (value && UUID.test(value)) registryChildId = value.toLowerCase();
      else
        issues.push(issue('value', `${path}.value`, `the registry's child id is a UUID; ${value ?? '(none)'} is not`));
      paths['childId'] = `${path}.value`;
      return;
    }
    if (!value) return void issues.push(issue('required', `${path}.value`, `identifier ${system} has no value`));
    if (key !== 'ihsNumber' && !/^\d{16}$/.test(value))
      return void issues.push(issue('value', `${path}.value`, `a NIK is exactly 16 digits; ${value} is not`));
    identifiers[key] = value;
    paths[key === 'motherNik' ? 'mother.nik' : key] = `${path}.value`;
  });

  const name = nameOf(objectsAt(resource, 'name')[0]);
  if (!name)
    issues.push(issue('required', `${at}.name`, 'the child has no name: give name[0].text, or given and family'));
  paths['name'] = `${at}.name[0]`;

  const gender = textAt(resource, 'gender');
  if (gender !== 'male' && gender !== 'female')
    issues.push(
      issue(
        gender ? 'value' : 'required',
        `${at}.gender`,
        `gender ${gender ?? '(none)'}: the registry records male or female, as on the birth certificate`,
      ),
    );
  paths['sex'] = `${at}.gender`;

  const birthDate = calendarDateOf(textAt(resource, 'birthDate'));
  if (!birthDate || textAt(resource, 'birthDate')!.length !== 10)
    issues.push(issue('required', `${at}.birthDate`, 'birthDate must be the full date of birth, YYYY-MM-DD'));
  paths['birthDate'] = `${at}.birthDate`;

  const address = readAddress(resource, at, issues, paths);
  const mother = objectsAt(resource, 'contact').find(isMotherContact);
  const motherName = mother ? (nameOf(objectAt(mother, 'name')) ?? null) : null;
  if (mother) paths['mother.name'] = `${at}.contact[${objectsAt(resource, 'contact').indexOf(mother)}].name`;

  if (issues.length > 0 || !name || !birthDate || !address) return issues;
  return {
    nik: identifiers.nik ?? null,
    motherNik: identifiers.motherNik ?? null,
    ihsNumber: identifiers.ihsNumber ?? null,
    registryChildId,
    name,
    sex: gender as Sex,
    birthDate,
    motherName,
    address,
    paths,
  };
}

/** The registration a Patient asks for, as the registration API takes it (RegisterChildRequest). */
export function registrationOf(patient: PatientReading): Record<string, unknown> {
  return {
    ...(patient.nik ? { nik: patient.nik } : {}),
    name: patient.name,
    sex: patient.sex,
    birthDate: patient.birthDate,
    mother: { name: patient.motherName, ...(patient.motherNik ? { nik: patient.motherNik } : {}) },
    address: patient.address,
  };
}

/** `RelatedPerson` with relationship mother (MTH) → the mother of the Patient it references. */
export function readMother(resource: Json, at: string): MotherReading | FhirIssue[] {
  const issues: FhirIssue[] = [];
  const patientReference = textAt(objectAt(resource, 'patient') ?? {}, 'reference');
  if (!patientReference)
    issues.push(issue('required', `${at}.patient`, 'patient.reference must name the child (its fullUrl)'));
  if (!objectsAt(resource, 'relationship').some(hasMotherCode))
    issues.push(
      issue(
        'not-supported',
        `${at}.relationship`,
        `only the mother is recorded: relationship must have code MTH of ${V3_ROLE_CODE}`,
      ),
    );
  const name = nameOf(objectsAt(resource, 'name')[0]);
  if (!name) issues.push(issue('required', `${at}.name`, "the mother's name is required (name[0].text)"));
  const nikIdentifier = objectsAt(resource, 'identifier').find((i) => textAt(i, 'system') === IDENTIFIER_SYSTEMS.nik);
  const nik = nikIdentifier ? (textAt(nikIdentifier, 'value') ?? null) : null;
  if (nik !== null && !/^\d{16}$/.test(nik))
    issues.push(
      issue(
        'value',
        `${at}.identifier[${objectsAt(resource, 'identifier').indexOf(nikIdentifier!)}].value`,
        `a NIK is exactly 16 digits; ${nik} is not`,
      ),
    );
  if (issues.length > 0 || !patientReference || !name) return issues;
  return { patientReference, name, nik };
}

function nameOf(name: Json | undefined): string | undefined {
  if (!name) return undefined;
  const text = textAt(name, 'text');
  if (text) return text;
  const given = Array.isArray(name['given']) ? name['given'].filter((g): g is string => typeof g === 'string') : [];
  const joined = [...given, textAt(name, 'family') ?? ''].join(' ').replace(/\s+/g, ' ').trim();
  return joined === '' ? undefined : joined;
}

const hasMotherCode = (concept: Json): boolean =>
  objectsAt(concept, 'coding').some((c) => textAt(c, 'code') === 'MTH' && textAt(c, 'system') === V3_ROLE_CODE);

const isMotherContact = (contact: Json): boolean => objectsAt(contact, 'relationship').some(hasMotherCode);

/**
 * The desa from SATUSEHAT's administrativeCode extension: `village` as Kemendagri's code, with or without dots
 * (3603202002 or 36.03.20.2002); `rt` and `rw` beside it; the street from `line`.
 */
function readAddress(
  resource: Json,
  at: string,
  issues: FhirIssue[],
  paths: Record<string, string>,
): PatientReading['address'] | undefined {
  const addresses = objectsAt(resource, 'address');
  const index = Math.max(
    0,
    addresses.findIndex((a) =>
      objectsAt(a, 'extension').some((e) => textAt(e, 'url') === ADMINISTRATIVE_CODE_EXTENSION),
    ),
  );
  const address = addresses[index];
  const extensions = address ? objectsAt(address, 'extension') : [];
  const adminIndex = extensions.findIndex((e) => textAt(e, 'url') === ADMINISTRATIVE_CODE_EXTENSION);
  const path = `${at}.address[${index}].extension[${Math.max(adminIndex, 0)}]`;
  paths['address.villageCode'] = path;
  if (adminIndex < 0) {
    issues.push(
      issue(
        'required',
        `${at}.address`,
        `the child's desa is required: an address with extension ${ADMINISTRATIVE_CODE_EXTENSION} and its village code`,
      ),
    );
    return undefined;
  }
  const parts = objectsAt(extensions[adminIndex], 'extension');
  const part = (url: string) => parts.find((p) => textAt(p, 'url') === url);
  const codeOf = (url: string) => {
    const found = part(url);
    return found ? (textAt(found, 'valueCode') ?? textAt(found, 'valueString')) : undefined;
  };
  const village = codeOf('village');
  const villageCode = village && /^\d{10}$/.test(village) ? dotted(village) : village;
  if (!villageCode || !/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(villageCode)) {
    issues.push(
      issue(
        village ? 'value' : 'required',
        `${path}.extension('village')`,
        `village ${village ?? '(none)'} must be a Kemendagri desa code, e.g. 3603202002 or 36.03.20.2002`,
      ),
    );
    return undefined;
  }
  const rt = codeOf('rt');
  const rw = codeOf('rw');
  const lines = Array.isArray(address!['line']) ? address!['line'].filter((l) => typeof l === 'string') : [];
  const line = lines.join(', ').trim();
  return { villageCode, ...(rt ? { rt } : {}), ...(rw ? { rw } : {}), ...(line ? { line } : {}) };
}

const dotted = (code: string) => `${code.slice(0, 2)}.${code.slice(2, 4)}.${code.slice(4, 6)}.${code.slice(6)}`;

export const isResource = (value: unknown, type: string): value is Json =>
  isObject(value) && value['resourceType'] === type;
