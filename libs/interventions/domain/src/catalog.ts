import type { InterventionEventData } from '@registry/contracts';

export type CaseType = InterventionEventData<'case.opened'>['type'];
export type CaseSeverity = InterventionEventData<'case.opened'>['severity'];
export type InterventionCategory = InterventionEventData<'intervention.planned'>['category'];
export type FundingSource = InterventionEventData<'intervention.planned'>['fundingSource'];

export const CASE_TYPES: readonly CaseType[] = ['stunting', 'wasting', 'growth_faltering'];

export const FUNDING_SOURCES: readonly FundingSource[] = [
  'APBD',
  'DAK',
  'DANA_DESA',
  'BAZNAS',
  'CSR',
  'SPONSORSHIP',
  'APBN',
  'OTHER',
];

/** The district offices (OPD) that deliver interventions (STANDARDS.md); an intervention's `provider` is a code here. */
export const OPDS = {
  DINKES: 'Dinas Kesehatan',
  DP2KBP3A: 'BKKBN / Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak',
  DINSOS: 'Dinas Sosial',
  DPU: 'Dinas Pekerjaan Umum dan Perumahan Rakyat',
  DLH: 'Dinas Lingkungan Hidup',
  DPMD: 'Dinas Pemberdayaan Masyarakat dan Desa',
  DISDUKCAPIL: 'Dinas Kependudukan dan Pencatatan Sipil',
  DISDIK: 'Dinas Pendidikan',
  DKP: 'Dinas Ketahanan Pangan dan Perikanan',
  KEMENAG: 'Kantor Kementerian Agama / KUA',
} as const;

export type OpdCode = keyof typeof OPDS;

export const isOpd = (code: string): code is OpdCode => Object.hasOwn(OPDS, code);

/** One intervention of Perpres 72/2021 (Stranas Stunting) as the registry records it. */
export interface InterventionType {
  readonly code: string;
  readonly category: InterventionCategory;
  /** As the OPDs and the TPPS call it. */
  readonly name: string;
  /** The OPD responsible for it; another OPD may still deliver it (e.g. PMT bought with Dana Desa). */
  readonly responsibleOpd: OpdCode;
  /** Every quantity of this type is in this unit, so deliveries add up. */
  readonly unit: string;
  /** Whom it reaches. Pregnant mothers and adolescent girls are not children of the registry: listed, not recorded. */
  readonly target: 'child' | 'household' | 'pregnant_mother' | 'adolescent_girl';
  /** The child's age in completed months when it applies: from inclusive, to exclusive; null for other targets. */
  readonly ageMonths: { readonly from: number; readonly to: number } | null;
  /** The cases whose package requires it; empty: recorded when given, never required. */
  readonly caseTypes: readonly CaseType[];
  /** Required only when the case is severe (gizi buruk). */
  readonly severeOnly: boolean;
  /** How many days one delivery covers the child; null: once is enough (a certificate, an enrolment, a latrine). */
  readonly coversDays: number | null;
  /** For an urgent case: must be delivered within this many days of the case opening (referral of gizi buruk). */
  readonly urgentWithinDays: number | null;
  /** A measurement of the child at the posyandu counts as a delivery (growth monitoring is the measurement). */
  readonly metByMeasurement: boolean;
}

const BALITA = { from: 0, to: 60 };
const BOTH: readonly CaseType[] = ['stunting', 'wasting'];
/**
 * What the puskesmas does for a child referred for 2T or BGM until it gains again: weigh it monthly (the next N
 * closes the case), feed it (ASI counselling under 6 months, PMT from 6), and have the TPK visit the family of a
 * baduta. The rest of the stunting and wasting package (immunisation, vitamin A, JKN…) is no answer to a month
 * without gain, and a child whose confirmation shows stunting or wasting gets that case's package as well.
 */
const WITH_FOLLOW_UP: readonly CaseType[] = [...BOTH, 'growth_faltering'];

const catalogEntry = (
  code: string,
  category: InterventionCategory,
  name: string,
  responsibleOpd: OpdCode,
  unit: string,
  rest: Partial<Omit<InterventionType, 'code' | 'category' | 'name' | 'responsibleOpd' | 'unit'>>,
): InterventionType => ({
  code,
  category,
  name,
  responsibleOpd,
  unit,
  target: 'child',
  ageMonths: BALITA,
  caseTypes: BOTH,
  severeOnly: false,
  coversDays: null,
  urgentWithinDays: null,
  metByMeasurement: false,
  ...rest,
});

const notForChildren = { ageMonths: null, caseTypes: [] } as const;

/** The catalog: specific (health sector, direct) and sensitive (other sectors, indirect) interventions. */
export const INTERVENTION_TYPES: readonly InterventionType[] = [
  catalogEntry('ttd_adolescent', 'specific', 'Tablet tambah darah remaja putri', 'DINKES', 'tablet', {
    target: 'adolescent_girl',
    ...notForChildren,
  }),
  catalogEntry('ttd_pregnancy', 'specific', 'Tablet tambah darah ibu hamil', 'DINKES', 'tablet', {
    target: 'pregnant_mother',
    ...notForChildren,
  }),
  catalogEntry('anc', 'specific', 'Pemeriksaan kehamilan (ANC)', 'DINKES', 'kunjungan', {
    target: 'pregnant_mother',
    ...notForChildren,
  }),
  catalogEntry('pmt_pregnant_kek', 'specific', 'PMT ibu hamil KEK', 'DINKES', 'paket', {
    target: 'pregnant_mother',
    ...notForChildren,
  }),
  catalogEntry('exclusive_breastfeeding', 'specific', 'Konseling ASI eksklusif', 'DINKES', 'sesi', {
    caseTypes: WITH_FOLLOW_UP,
    ageMonths: { from: 0, to: 6 },
    coversDays: 31,
  }),
  catalogEntry('mp_asi', 'specific', 'Pemberian makanan pendamping ASI (MP-ASI)', 'DINKES', 'paket', {
    ageMonths: { from: 6, to: 24 },
    coversDays: 31,
  }),
  catalogEntry('growth_monitoring', 'specific', 'Pemantauan pertumbuhan di posyandu', 'DINKES', 'kunjungan', {
    caseTypes: WITH_FOLLOW_UP,
    coversDays: 31,
    metByMeasurement: true,
  }),
  catalogEntry('basic_immunization', 'specific', 'Imunisasi dasar lengkap', 'DINKES', 'dosis', {}),
  catalogEntry('vitamin_a', 'specific', 'Suplementasi vitamin A', 'DINKES', 'kapsul', {
    ageMonths: { from: 6, to: 60 },
    coversDays: 183,
  }),
  catalogEntry('deworming', 'specific', 'Pemberian obat cacing', 'DINKES', 'tablet', {
    ageMonths: { from: 12, to: 60 },
    coversDays: 183,
  }),
  catalogEntry('pmt_toddler', 'specific', 'PMT balita gizi kurang', 'DINKES', 'paket', {
    caseTypes: WITH_FOLLOW_UP,
    ageMonths: { from: 6, to: 60 },
    coversDays: 31,
  }),
  catalogEntry('severe_malnutrition_care', 'specific', 'Tata laksana gizi buruk', 'DINKES', 'kunjungan', {
    caseTypes: ['wasting'],
    severeOnly: true,
    coversDays: 90,
    urgentWithinDays: 7,
  }),
  catalogEntry('clean_water', 'sensitive', 'Akses air minum layak', 'DPU', 'sambungan', { target: 'household' }),
  catalogEntry('sanitation', 'sensitive', 'Jamban sehat (STBM)', 'DPU', 'unit', { target: 'household' }),
  catalogEntry('jkn', 'sensitive', 'Kepesertaan JKN', 'DINSOS', 'kepesertaan', {}),
  catalogEntry('pkh', 'sensitive', 'Program Keluarga Harapan (PKH)', 'DINSOS', 'penyaluran', {
    target: 'household',
    coversDays: 92,
  }),
  catalogEntry('bpnt', 'sensitive', 'Bantuan Pangan Non Tunai (BPNT)', 'DINSOS', 'penyaluran', {
    target: 'household',
    coversDays: 31,
  }),
  catalogEntry('family_planning', 'sensitive', 'Pelayanan keluarga berencana (KB)', 'DP2KBP3A', 'layanan', {
    target: 'household',
    caseTypes: [],
    coversDays: 92,
  }),
  catalogEntry('paud', 'sensitive', 'Pendidikan anak usia dini (PAUD)', 'DISDIK', 'pendaftaran', {
    ageMonths: { from: 36, to: 60 },
    caseTypes: ['stunting'],
    coversDays: 365,
  }),
  catalogEntry('bkb', 'sensitive', 'Kelas Bina Keluarga Balita (BKB)', 'DP2KBP3A', 'sesi', {
    target: 'household',
    coversDays: 92,
  }),
  catalogEntry('family_assistance', 'sensitive', 'Pendampingan keluarga oleh TPK', 'DP2KBP3A', 'kunjungan', {
    caseTypes: WITH_FOLLOW_UP,
    target: 'household',
    ageMonths: { from: 0, to: 24 },
    coversDays: 31,
  }),
  catalogEntry('dashat', 'sensitive', 'Dapur Sehat Atasi Stunting (Dashat)', 'DP2KBP3A', 'paket', {
    target: 'household',
    caseTypes: [],
    coversDays: 31,
  }),
  catalogEntry('birth_certificate', 'sensitive', 'Akta kelahiran', 'DISDUKCAPIL', 'dokumen', {}),
  catalogEntry('house_renovation', 'sensitive', 'Rehabilitasi rumah tidak layak huni (RTLH)', 'DPU', 'unit', {
    target: 'household',
    caseTypes: [],
  }),
  catalogEntry('food_security_aid', 'sensitive', 'Bantuan ketahanan pangan keluarga', 'DKP', 'paket', {
    target: 'household',
    caseTypes: [],
    coversDays: 31,
  }),
];

const BY_CODE = new Map(INTERVENTION_TYPES.map((entry) => [entry.code, entry]));

export const interventionType = (code: string): InterventionType | undefined => BY_CODE.get(code);

export const appliesAtAge = (entry: InterventionType, ageMonths: number): boolean =>
  entry.ageMonths !== null && ageMonths >= entry.ageMonths.from && ageMonths < entry.ageMonths.to;

/** What a case of this type and severity needs for a child of this age: the convergence package. */
export const requiredTypes = (caseType: CaseType, severity: CaseSeverity, ageMonths: number): InterventionType[] =>
  INTERVENTION_TYPES.filter(
    (entry) =>
      entry.caseTypes.includes(caseType) &&
      (!entry.severeOnly || severity === 'severe') &&
      appliesAtAge(entry, ageMonths),
  );
