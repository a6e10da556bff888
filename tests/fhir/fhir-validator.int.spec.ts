import { errorsOf, startFhirValidator, type FhirValidator } from '../support/fhir-validator';

// The offline validator itself (tools/fhir-validator): what it accepts and how it reports, so the specs that check
// the registry's FHIR output can rely on it.
const patientId = '0190f3a2-0000-7000-8000-000000000001';

const patient = {
  resourceType: 'Patient',
  identifier: [{ system: 'https://fhir.kemkes.go.id/id/nik', value: '3171010101200001' }],
  birthDate: '2024-03-01',
  // SATUSEHAT's extension: no StructureDefinition offline, allowed by its domain.
  extension: [{ url: 'https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode', valueCode: '3171' }],
};

const bodyWeight = (
  valueQuantity: object = { value: 9.4, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
) => ({
  resourceType: 'Observation',
  status: 'final',
  category: [
    { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] },
  ],
  code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }] },
  subject: { reference: `Patient/${patientId}` },
  effectiveDateTime: '2025-01-15T08:00:00+07:00',
  valueQuantity,
});

describe('the offline FHIR R4 validator', () => {
  let validator: FhirValidator;

  beforeAll(async () => {
    validator = await startFhirValidator();
  }, 240_000);

  afterAll(() => validator?.close());

  it('accepts a Patient with a NIK identifier and a birth date', async () => {
    expect(errorsOf(await validator.validate(patient))).toEqual([]);
  });

  it('accepts a body-weight Observation, its LOINC code unchecked offline (a warning)', async () => {
    const issues = await validator.validate(bodyWeight());
    expect(errorsOf(issues)).toEqual([]);
    expect(issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        location: 'Observation.code',
        message: expect.stringContaining('http://loinc.org'),
      }),
    );
  });

  it('reports a missing status on the resource, naming the element in the message', async () => {
    const { status: _status, ...withoutStatus } = bodyWeight();
    expect(errorsOf(await validator.validate(withoutStatus))).toEqual([
      expect.objectContaining({
        location: 'Observation',
        message: expect.stringContaining('Observation.status: minimum required = 1, but only found 0'),
      }),
    ]);
  });

  it('checks UCUM units: kgg is reported at the value', async () => {
    const issues = await validator.validate(
      bodyWeight({ value: 9.4, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kgg' }),
    );
    expect(errorsOf(issues)).toEqual([
      expect.objectContaining({
        location: 'Observation.value.ofType(Quantity)',
        message: expect.stringContaining("The unit 'kgg' is unknown"),
      }),
    ]);
  });

  it('accepts a transaction Bundle that creates a Patient', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ fullUrl: `urn:uuid:${patientId}`, resource: patient, request: { method: 'POST', url: 'Patient' } }],
    };
    expect(errorsOf(await validator.validate(bundle))).toEqual([]);
  });

  it('reports malformed JSON as fatal and goes on validating', async () => {
    const issues = await validator.validate('{"resourceType":"Observation",');
    expect(issues).toEqual([expect.objectContaining({ severity: 'fatal' })]);
    expect(errorsOf(await validator.validate(patient))).toEqual([]);
  });
});
