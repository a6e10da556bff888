import { readBundle, type BundleEntryReading, type BundleReading } from './read-bundle';

const NIK = 'https://fhir.kemkes.go.id/id/nik';
const ADMIN = 'https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode';
const MTH = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'MTH' }] };

const patient = (overrides: Record<string, unknown> = {}) => ({
  resourceType: 'Patient',
  identifier: [{ system: NIK, value: '3603204101250001' }],
  name: [{ given: ['Putri'], family: 'Lestari' }],
  gender: 'female',
  birthDate: '2025-01-01',
  address: [
    {
      line: ['Jl. Melati 4'],
      extension: [
        {
          url: ADMIN,
          extension: [
            { url: 'village', valueCode: '3603202002' },
            { url: 'rt', valueCode: '003' },
          ],
        },
      ],
    },
  ],
  contact: [{ relationship: [MTH], name: { text: 'Siti Aminah' } }],
  ...overrides,
});

const observation = (code: string, value: number, unit: string, overrides: Record<string, unknown> = {}) => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code }] },
  subject: { reference: 'urn:uuid:child' },
  effectiveDateTime: '2025-08-14T09:30:00+07:00',
  performer: [{ reference: 'urn:uuid:pkm' }],
  valueQuantity: { value, system: 'http://unitsofmeasure.org', code: unit },
  ...overrides,
});

const organization = { resourceType: 'Organization', identifier: [{ value: 'PKM-01' }] };

const read = (type: string, ...entries: Array<[string | undefined, Record<string, unknown>]>): BundleReading => {
  const result = readBundle({
    resourceType: 'Bundle',
    type,
    entry: entries.map(([fullUrl, resource]) => ({ ...(fullUrl ? { fullUrl } : {}), resource })),
  });
  if ('issues' in result) throw new Error(JSON.stringify(result.issues));
  return result.bundle;
};

const issuesOf = (entry: BundleEntryReading) => (entry.kind === 'refused' ? entry.issues : []);

describe('readBundle: a FHIR Bundle as registrations and measurements', () => {
  it('refuses what is not a transaction or batch Bundle, naming Bundle.type', () => {
    expect(readBundle({ resourceType: 'Patient' })).toEqual({
      issues: [expect.objectContaining({ expression: 'Bundle' })],
    });
    expect(readBundle({ resourceType: 'Bundle', type: 'collection', entry: [{}] })).toEqual({
      issues: [expect.objectContaining({ code: 'not-supported', expression: 'Bundle.type' })],
    });
    expect(readBundle({ resourceType: 'Bundle', type: 'batch' })).toEqual({
      issues: [expect.objectContaining({ code: 'required', expression: 'Bundle.entry' })],
    });
  });

  it('reads a Patient: NIK, name, sex, birth date, dotted desa code, RT and the mother from contact', () => {
    const { entries } = read('batch', ['urn:uuid:child', patient()]);
    expect(entries[0]).toMatchObject({
      kind: 'patient',
      keys: ['nik|3603204101250001', 'url|urn:uuid:child'],
      patient: {
        nik: '3603204101250001',
        name: 'Putri Lestari',
        sex: 'female',
        birthDate: '2025-01-01',
        motherName: 'Siti Aminah',
        address: { villageCode: '36.03.20.2002', rt: '003', line: 'Jl. Melati 4' },
        paths: { nik: 'Bundle.entry[0].resource.identifier[0].value' },
      },
    });
  });

  it("takes the mother's name and NIK from a RelatedPerson that references the child", () => {
    const { entries } = read(
      'transaction',
      [
        'urn:uuid:child',
        patient({
          contact: undefined,
          identifier: [{ system: 'https://fhir.kemkes.go.id/id/nik-ibu', value: '3603205203950002' }],
        }),
      ],
      [
        undefined,
        {
          resourceType: 'RelatedPerson',
          patient: { reference: 'urn:uuid:child' },
          relationship: [MTH],
          name: [{ text: 'Rina' }],
        },
      ],
    );
    expect(entries[0]).toMatchObject({
      kind: 'patient',
      patient: { nik: null, motherNik: '3603205203950002', motherName: 'Rina' },
    });
    expect(entries[1]).toMatchObject({ kind: 'mother' });
  });

  it('refuses a child sent twice in one Bundle, naming the first', () => {
    const { entries } = read('batch', ['urn:uuid:a', patient()], ['urn:uuid:b', patient()]);
    expect(entries[0].kind).toBe('patient');
    expect(issuesOf(entries[1])).toEqual([
      expect.objectContaining({ code: 'duplicate', diagnostics: expect.stringContaining('repeats entry 0') }),
    ]);
  });

  it('refuses a Patient without a mother, with an unknown identifier system, or without its desa', () => {
    const { entries } = read(
      'batch',
      ['urn:uuid:a', patient({ contact: [] })],
      ['urn:uuid:b', patient({ identifier: [{ system: 'https://example.org/bpjs', value: '1' }] })],
      ['urn:uuid:c', patient({ address: [{ text: 'Tangerang' }] })],
      ['urn:uuid:d', patient({ gender: 'unknown', birthDate: '2025-01' })],
    );
    expect(issuesOf(entries[0]).map((i) => i.expression)).toEqual(['Bundle.entry[0].resource.contact']);
    expect(issuesOf(entries[1]).map((i) => i.expression)).toEqual(['Bundle.entry[1].resource.identifier[0].system']);
    expect(issuesOf(entries[2]).map((i) => i.expression)).toEqual(['Bundle.entry[2].resource.address']);
    expect(issuesOf(entries[3]).map((i) => i.expression)).toEqual([
      'Bundle.entry[3].resource.gender',
      'Bundle.entry[3].resource.birthDate',
    ]);
  });

  it("groups one visit's weight and length into one measurement, converting g to kg and mm to cm", () => {
    const { groups } = read(
      'batch',
      ['urn:uuid:pkm', organization],
      [undefined, observation('29463-7', 7600, 'g')],
      [undefined, observation('8306-3', 655, 'mm')],
      [undefined, observation('8302-2', 0.801, 'm', { effectiveDateTime: '2025-09-14' })],
    );
    expect(groups).toEqual([
      expect.objectContaining({
        subject: { kind: 'bundle', fullUrl: 'urn:uuid:child' },
        measuredOn: '2025-08-14',
        puskesmasCode: 'PKM-01',
        values: { weightKg: 7.6, heightCm: 65.5, position: 'lying', headCircumferenceCm: null, muacCm: null },
        members: [
          expect.objectContaining({ index: 1, part: 'weight' }),
          expect.objectContaining({ index: 2, part: 'length' }),
        ],
      }),
      expect.objectContaining({
        measuredOn: '2025-09-14',
        values: expect.objectContaining({ heightCm: 80.1, position: 'standing' }),
      }),
    ]);
  });

  it('refuses a second weight of the same visit, and an Observation the registry cannot record, element by element', () => {
    const { entries } = read(
      'batch',
      ['urn:uuid:pkm', organization],
      [undefined, observation('29463-7', 8.1, 'kg')],
      [undefined, observation('29463-7', 8.2, 'kg')],
      [undefined, observation('8306-3', 70, 'kg')],
      [undefined, observation('8867-4', 120, '/min')],
      [
        undefined,
        observation('29463-7', 8.1, 'kg', {
          status: undefined,
          subject: undefined,
          effectiveDateTime: undefined,
          performer: undefined,
        }),
      ],
      [
        undefined,
        observation('29463-7', 8.1, 'kg', {
          valueQuantity: { value: 8.1, system: 'http://example.org/units', code: 'kg' },
        }),
      ],
    );
    expect(issuesOf(entries[2])).toEqual([
      expect.objectContaining({ code: 'duplicate', expression: 'Bundle.entry[2].resource.code' }),
    ]);
    expect(issuesOf(entries[3]).map((i) => i.expression)).toEqual(['Bundle.entry[3].resource.valueQuantity.code']);
    expect(issuesOf(entries[4]).map((i) => i.expression)).toEqual(['Bundle.entry[4].resource.code']);
    expect(issuesOf(entries[5]).map((i) => i.expression)).toEqual([
      'Bundle.entry[5].resource.status',
      'Bundle.entry[5].resource.subject',
      'Bundle.entry[5].resource.effectiveDateTime',
      'Bundle.entry[5].resource.performer',
    ]);
    expect(issuesOf(entries[6]).map((i) => i.expression)).toEqual(['Bundle.entry[6].resource.valueQuantity.system']);
  });

  it('names the child of an Observation by registry id or by NIK identifier', () => {
    const childId = '0190f3a2-0000-7000-8000-000000000001';
    const { groups } = read(
      'batch',
      [
        undefined,
        observation('29463-7', 8.1, 'kg', {
          subject: { reference: `Patient/${childId}` },
          performer: [{ identifier: { value: 'PKM-02' } }],
        }),
      ],
      [
        undefined,
        observation('29463-7', 8.1, 'kg', {
          subject: { identifier: { system: NIK, value: '3603204101250001' } },
          performer: [{ reference: 'Organization/PKM-03' }],
        }),
      ],
    );
    expect(groups.map((g) => [g.subject, g.puskesmasCode])).toEqual([
      [{ kind: 'child', childId }, 'PKM-02'],
      [{ kind: 'nik', nik: '3603204101250001' }, 'PKM-03'],
    ]);
  });
});
