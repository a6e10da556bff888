import type { Caller, Endpoint } from './fuzz-cases';

/** The records the fuzzed requests point at: created once, in the fuzz regency, by valid requests. */
export interface FuzzFixtures {
  readonly regencyCode: string;
  readonly villageCode: string;
  readonly otherVillageCode: string;
  readonly foreignRegencyCode: string;
  readonly foreignVillageCode: string;
  readonly childId: string;
  readonly otherChildId: string;
  readonly childVersion: number;
  readonly measurementId: string;
  readonly interventionId: string;
  readonly sponsorId: string;
  readonly sponsorshipId: string;
  readonly apiKeyId: string;
  readonly puskesmasCode: string;
  /** Dates relative to today, inside the child's life and the sponsorship. */
  readonly birthDate: string;
  readonly recently: string;
  readonly nextWeek: string;
  readonly sponsorshipStart: string;
}

const ALL_REFUSED: readonly Caller[] = [
  'foreign-tpps',
  'sponsor',
  'none',
  'expired',
  'forged',
  'unsigned',
  'garbage-bearer',
  'garbage-api-key',
];

/**
 * Every POST/PUT of the five services with a valid example body. GET routes change nothing and are covered by
 * the access matrix; the reporting targets are the one write of reporting.
 */
export function writeEndpoints(f: FuzzFixtures): Endpoint[] {
  const registration = {
    name: 'Putri Fuzz',
    sex: 'female',
    birthDate: f.birthDate,
    birthWeightGrams: 2900,
    birthLengthCm: 48.5,
    mother: { name: 'Siti Fuzz' },
    address: { villageCode: f.villageCode, rt: '003', rw: '001', line: 'Jl. Melati No. 4' },
  };
  const measurement = {
    childId: f.childId,
    measuredOn: f.recently,
    weightKg: 9.4,
    heightCm: 76.5,
    position: 'lying',
    muacCm: 14.2,
    oedema: false,
    puskesmasCode: f.puskesmasCode,
    posyanduCode: 'POS-FUZZ-01',
    sourceRecordId: 'FUZZ-0001',
  };
  const measurementRequired = ['childId', 'measuredOn', 'position', 'puskesmasCode'];
  return [
    {
      name: 'register child',
      service: 'identity',
      method: 'POST',
      path: '/v1/children',
      example: registration,
      required: ['name', 'sex', 'birthDate', 'mother', 'mother.name', 'address', 'address.villageCode'],
      enums: ['sex'],
      pastDates: ['birthDate'],
      scoped: { 'address.villageCode': f.foreignVillageCode },
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'register children batch',
      service: 'identity',
      method: 'POST',
      path: '/v1/children:batch',
      example: { items: [registration] },
      required: ['name', 'sex', 'birthDate', 'mother', 'mother.name', 'address', 'address.villageCode'],
      enums: ['sex'],
      pastDates: ['birthDate'],
      scoped: { 'address.villageCode': f.foreignVillageCode },
      batch: { maxItems: 5000 },
      refusedCallers: ALL_REFUSED.filter((caller) => caller !== 'foreign-tpps'),
    },
    {
      name: 'correct child',
      service: 'identity',
      method: 'POST',
      path: '/v1/children/{childId}/corrections',
      example: {
        name: 'Putri Fuzz Lestari',
        birthWeightGrams: 3000,
        mother: { name: 'Siti Fuzz A' },
        reason: 'Nama salah ketik di KIA',
      },
      required: ['reason'],
      pastDates: [],
      pathIds: ['childId'],
      headers: { 'if-match': `"${f.childVersion}"` },
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'relocate child',
      service: 'identity',
      method: 'POST',
      path: '/v1/children/{childId}/relocations',
      example: { villageCode: f.otherVillageCode, movedOn: f.recently },
      required: ['villageCode', 'movedOn'],
      pastDates: ['movedOn'],
      pathIds: ['childId'],
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'record death',
      service: 'identity',
      method: 'POST',
      path: '/v1/children/{childId}/death',
      example: { diedOn: f.recently },
      required: ['diedOn'],
      pastDates: ['diedOn'],
      pathIds: ['childId'],
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'merge child',
      service: 'identity',
      method: 'POST',
      path: '/v1/children/{childId}/merge',
      example: { intoChildId: f.otherChildId, reason: 'Terdaftar dua kali di dua posyandu' },
      required: ['intoChildId', 'reason'],
      pathIds: ['childId'],
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'unmerge child',
      service: 'identity',
      method: 'POST',
      path: '/v1/children/{childId}/unmerge',
      example: { reason: 'Bukan anak yang sama' },
      required: ['reason'],
      pathIds: ['childId'],
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'erase personal data',
      service: 'identity',
      method: 'POST',
      path: '/v1/children/{childId}/erasure',
      example: { reason: 'Permintaan penghapusan data' },
      required: ['reason'],
      pathIds: ['childId'],
      // Only an admin erases: the fuzz calls it as an admin, and the regency's officer is refused like the others.
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'issue api key',
      service: 'identity',
      method: 'POST',
      path: '/v1/api-keys',
      example: { name: 'SIGIZI Fuzz', regencyCode: f.regencyCode },
      required: ['name', 'regencyCode'],
      scoped: { regencyCode: f.foreignRegencyCode },
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'revoke api key',
      service: 'identity',
      method: 'POST',
      path: '/v1/api-keys/{keyId}/revoke',
      pathIds: ['keyId'],
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'record measurement',
      service: 'intake',
      method: 'POST',
      path: '/v1/measurements',
      example: measurement,
      required: measurementRequired,
      enums: ['position'],
      pastDates: ['measuredOn'],
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'record measurements batch',
      service: 'intake',
      method: 'POST',
      path: '/v1/measurements:batch',
      example: { items: [{ ...measurement, sourceRecordId: 'FUZZ-0002' }] },
      required: measurementRequired,
      enums: ['position'],
      pastDates: ['measuredOn'],
      batch: { maxItems: 5000 },
      refusedCallers: ALL_REFUSED.filter((caller) => caller !== 'foreign-tpps'),
    },
    {
      name: 'correct measurement',
      service: 'intake',
      method: 'POST',
      path: '/v1/measurements/{measurementId}/corrections',
      example: { weightKg: 9.6, heightCm: 77, reason: 'Berat tertukar dengan tinggi' },
      required: ['reason'],
      pathIds: ['measurementId'],
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'void measurement',
      service: 'intake',
      method: 'POST',
      path: '/v1/measurements/{measurementId}/void',
      example: { reason: 'Tercatat untuk anak yang salah' },
      required: ['reason'],
      pathIds: ['measurementId'],
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'record intervention',
      service: 'interventions',
      method: 'POST',
      path: '/v1/interventions',
      example: {
        childId: f.childId,
        type: 'pmt_toddler',
        status: 'planned',
        plannedOn: f.nextWeek,
        provider: 'DINKES',
        quantity: 30,
        unit: 'paket',
        fundingSource: 'DANA_DESA',
        notes: 'Telur 1 butir per hari',
      },
      required: ['childId', 'type', 'status', 'plannedOn', 'provider', 'quantity', 'unit', 'fundingSource'],
      enums: ['status', 'fundingSource'],
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'deliver intervention',
      service: 'interventions',
      method: 'POST',
      path: '/v1/interventions/{interventionId}/delivery',
      example: { deliveredOn: f.recently, quantity: 28, notes: 'Diberikan di posyandu' },
      required: ['deliveredOn'],
      pastDates: ['deliveredOn'],
      pathIds: ['interventionId'],
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'cancel intervention',
      service: 'interventions',
      method: 'POST',
      path: '/v1/interventions/{interventionId}/cancel',
      example: { reason: 'Keluarga pindah sebelum jadwal' },
      required: ['reason'],
      pathIds: ['interventionId'],
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'sweep cases',
      service: 'interventions',
      method: 'POST',
      path: '/v1/cases:sweep',
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'register sponsor',
      service: 'sponsorship',
      method: 'POST',
      path: '/v1/sponsors',
      example: { type: 'company', name: 'PT Fuzz Pangan', contact: '+62 812 0000 1111', regencyCode: f.regencyCode },
      required: ['type', 'name', 'contact', 'regencyCode'],
      enums: ['type'],
      scoped: { regencyCode: f.foreignRegencyCode },
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'issue portal token',
      service: 'sponsorship',
      method: 'POST',
      path: '/v1/sponsors/{sponsorId}/portal-tokens',
      pathIds: ['sponsorId'],
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'pledge',
      service: 'sponsorship',
      method: 'POST',
      path: '/v1/sponsorships',
      example: {
        sponsorId: f.sponsorId,
        childId: f.otherChildId,
        commitment: {
          kind: 'pmt',
          description: 'Paket PMT Rp 17.500 per hari',
          amountIdr: 525000,
          startOn: f.sponsorshipStart,
          months: 6,
        },
        agreementRef: 'BA Rembuk Stunting Fuzz No. 1',
      },
      required: [
        'sponsorId',
        'childId',
        'commitment',
        'commitment.kind',
        'commitment.description',
        'commitment.startOn',
        'commitment.months',
        'agreementRef',
      ],
      enums: ['commitment.kind'],
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'record contribution',
      service: 'sponsorship',
      method: 'POST',
      path: '/v1/sponsorships/{sponsorshipId}/contributions',
      example: {
        date: f.recently,
        amountIdr: 525000,
        items: [{ name: 'telur ayam', quantity: 30, unit: 'butir' }],
        evidenceRef: 'kwitansi/fuzz/0001',
      },
      required: ['date', 'items.0.name', 'items.0.quantity', 'items.0.unit'],
      pastDates: ['date'],
      pathIds: ['sponsorshipId'],
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'end sponsorship',
      service: 'sponsorship',
      method: 'POST',
      path: '/v1/sponsorships/{sponsorshipId}/end',
      example: { reason: 'Sponsor mengundurkan diri' },
      required: ['reason'],
      pathIds: ['sponsorshipId'],
      refusedCallers: ALL_REFUSED,
    },
    {
      name: 'set target',
      service: 'reporting',
      method: 'PUT',
      path: '/v1/targets/{regionCode}/{year}',
      example: { targetPopulation: 12000, targetPrevalencePct: 14 },
      pathIds: ['regionCode', 'year'],
      refusedCallers: ALL_REFUSED,
    },
  ];
}
