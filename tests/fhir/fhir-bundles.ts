import { randomUUID } from 'node:crypto';

/** FHIR R4 resources as a SATUSEHAT-speaking puskesmas system sends them (../shared/domain/INTEROP.md). */
export const SYSTEMS = {
  nik: 'https://fhir.kemkes.go.id/id/nik',
  motherNik: 'https://fhir.kemkes.go.id/id/nik-ibu',
  administrativeCode: 'https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
} as const;

export interface ChildFixture {
  readonly fullUrl: string;
  readonly name: string;
  readonly sex: 'male' | 'female';
  readonly birthDate: string;
  readonly villageCode: string;
  readonly nik?: string;
  readonly motherNik?: string;
}

export const newChild = (fields: Omit<ChildFixture, 'fullUrl' | 'name'> & { name?: string }): ChildFixture => ({
  fullUrl: `urn:uuid:${randomUUID()}`,
  name: fields.name ?? `Anak FHIR ${randomUUID().slice(0, 8)}`,
  ...fields,
});

export function patient(child: ChildFixture): Record<string, unknown> {
  const [province, city, district, village] = child.villageCode.split('.');
  return {
    resourceType: 'Patient',
    identifier: [
      ...(child.nik ? [{ use: 'official', system: SYSTEMS.nik, value: child.nik }] : []),
      ...(child.motherNik ? [{ use: 'official', system: SYSTEMS.motherNik, value: child.motherNik }] : []),
    ],
    name: [{ use: 'official', text: child.name }],
    gender: child.sex,
    birthDate: child.birthDate,
    address: [
      {
        use: 'home',
        line: ['Jl. Melati No. 4'],
        extension: [
          {
            url: SYSTEMS.administrativeCode,
            extension: [
              { url: 'province', valueCode: province },
              { url: 'city', valueCode: `${province}${city}` },
              { url: 'district', valueCode: `${province}${city}${district}` },
              { url: 'village', valueCode: `${province}${city}${district}${village}` },
              { url: 'rt', valueCode: '003' },
              { url: 'rw', valueCode: '001' },
            ],
          },
        ],
        country: 'ID',
      },
    ],
  };
}

export const mother = (child: ChildFixture, nik?: string) => ({
  resourceType: 'RelatedPerson',
  ...(nik ? { identifier: [{ system: SYSTEMS.nik, value: nik }] } : {}),
  patient: { reference: child.fullUrl },
  relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'MTH' }] }],
  name: [{ text: `Ibu ${child.name}` }],
});

export const puskesmas = (code: string) => ({
  resourceType: 'Organization',
  identifier: [{ system: 'https://fhir.kemkes.go.id/id/organization', value: code }],
  name: `Puskesmas ${code}`,
});

export type Part = 'weight' | 'length' | 'height' | 'head' | 'muac';
const LOINC: Record<Part, [string, string]> = {
  weight: ['29463-7', 'Body weight'],
  length: ['8306-3', 'Body height --lying'],
  height: ['8302-2', 'Body height'],
  head: ['9843-4', 'Head Occipital-frontal circumference'],
  muac: ['56072-2', 'Circumference Mid upper arm - right'],
};

/** One anthropometry Observation; `subject` is a Bundle fullUrl or `Patient/{id}`, `performer` an Organization's. */
export function observation(
  part: Part,
  quantity: { value: number; code: string },
  options: { subject: Record<string, unknown>; effective: string; performer: string; id?: string },
): Record<string, unknown> {
  return {
    resourceType: 'Observation',
    ...(options.id ? { identifier: [{ system: 'urn:puskesmas:observation', value: options.id }] } : {}),
    status: 'final',
    category: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }],
      },
    ],
    code: { coding: [{ system: SYSTEMS.loinc, code: LOINC[part][0], display: LOINC[part][1] }] },
    subject: options.subject,
    effectiveDateTime: options.effective,
    performer: [{ reference: options.performer }],
    valueQuantity: { value: quantity.value, unit: quantity.code, system: SYSTEMS.ucum, code: quantity.code },
  };
}

/** A Bundle whose entries POST each resource, fullUrls given or made. */
export function bundle(
  type: 'transaction' | 'batch',
  entries: ReadonlyArray<{ resource: Record<string, unknown>; fullUrl?: string }>,
): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    type,
    entry: entries.map(({ resource, fullUrl }) => ({
      fullUrl: fullUrl ?? `urn:uuid:${randomUUID()}`,
      resource,
      request: { method: 'POST', url: String(resource['resourceType']) },
    })),
  };
}
