import { FHIR_JSON, IDENTIFIER_SYSTEMS, LOINC_OF_PART } from './vocabulary';

/** What the registry's FHIR endpoint supports, exactly: GET /fhir/R4/metadata answers it. */
export function capabilityStatement(options: {
  readonly baseUrl: string;
  readonly date: string;
  readonly version: string;
}) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: options.date,
    publisher: 'Registri stunting (TPPS)',
    kind: 'instance',
    software: { name: 'stunting-registry identity', version: options.version },
    implementation: { description: 'Registri anak stunting: identitas dan pengukuran', url: options.baseUrl },
    fhirVersion: '4.0.1',
    format: [FHIR_JSON, 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          `Bundles of type transaction or batch POSTed to the base. Patients are registered (identifier ${IDENTIFIER_SYSTEMS.nik}, ` +
          `or ${IDENTIFIER_SYSTEMS.motherNik} for a newborn), Observations of LOINC ${Object.values(LOINC_OF_PART).join(', ')} ` +
          "become measurements; tenancy is the caller's regency.",
        security: {
          description: "OAuth2 bearer tokens of the registry's OpenID provider, or an API key in X-Api-Key",
        },
        resource: [
          {
            type: 'Patient',
            interaction: [{ code: 'read' }, { code: 'create' }],
            operation: [
              { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' },
            ],
          },
          {
            type: 'Observation',
            interaction: [{ code: 'create' }, { code: 'search-type' }],
            searchParam: [
              { name: 'subject', type: 'reference', documentation: "Patient/{id}: the child's measurements" },
              { name: 'patient', type: 'reference', documentation: 'the same as subject' },
              { name: 'code', type: 'token', documentation: 'LOINC code, or http://loinc.org|code; a comma list' },
              { name: 'date', type: 'date', documentation: 'the day of measuring, with eq, ne, ge, le, gt or lt' },
            ],
          },
          {
            type: 'CodeSystem',
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            documentation: "The registry's own code systems: the indicators of its z-scores and the Permenkes classes",
          },
          {
            type: 'RelatedPerson',
            documentation: "The mother, in her child's Bundle: recorded with the registration, not kept alone",
          },
          {
            type: 'Organization',
            documentation:
              'The measuring puskesmas, referenced by Observation.performer: its identifier is read, not kept',
          },
        ],
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
      },
    ],
  };
}
