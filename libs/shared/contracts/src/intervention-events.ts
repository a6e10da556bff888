import { s, type Infer } from './schema';

const place = { regencyCode: s.regionCode(2), districtCode: s.regionCode(3), villageCode: s.regionCode(4) };
/**
 * stunting (TB/U < −2 SD), wasting (BB/TB < −2 SD or oedema), and growth_faltering: the posyandu's referral of a
 * weighing that is 2T or BGM (issue #26), followed until the next N.
 */
const caseType = s.literal('stunting', 'wasting', 'growth_faltering');

const intervention = {
  interventionId: s.uuid(),
  childId: s.uuid(),
  caseId: s.nullable(s.uuid()),
  type: s.string(),
  category: s.literal('specific', 'sensitive'),
  provider: s.string(),
  quantity: s.number(),
  unit: s.string(),
  fundingSource: s.literal('APBD', 'DAK', 'DANA_DESA', 'BAZNAS', 'CSR', 'SPONSORSHIP', 'APBN', 'OTHER'),
  sponsorshipId: s.nullable(s.uuid()),
  /** The officer's note; it must not repeat personal data. */
  notes: s.nullable(s.string()),
  regencyCode: s.regionCode(2),
};

/** Cases and the intervention package, as the intervention tracking service records and publishes them. */
export const interventionEventSchemas = {
  'case.opened': s.object({
    caseId: s.uuid(),
    childId: s.uuid(),
    type: caseType,
    severity: s.literal('moderate', 'severe'),
    /** Severe wasting (WHZ < −3 or oedema): refer for management of gizi buruk. */
    urgent: s.boolean(),
    triggeringMeasurementId: s.uuid(),
    openedOn: s.isoDate(),
    ...place,
  }),
  'case.closed': s.object({
    caseId: s.uuid(),
    childId: s.uuid(),
    type: caseType,
    reason: s.literal('recovered', 'aged_out', 'died', 'merged', 'measurement_withdrawn'),
    closedOn: s.isoDate(),
    measurementId: s.nullable(s.uuid()),
    regencyCode: s.regionCode(2),
  }),
  'case.transferred': s.object({
    caseId: s.uuid(),
    childId: s.uuid(),
    fromRegencyCode: s.regionCode(2),
    toRegencyCode: s.regionCode(2),
    toDistrictCode: s.regionCode(3),
    toVillageCode: s.regionCode(4),
    transferredOn: s.isoDate(),
  }),
  'intervention.planned': s.object({ ...intervention, plannedOn: s.isoDate() }),
  'intervention.delivered': s.object({ ...intervention, plannedOn: s.nullable(s.isoDate()), deliveredOn: s.isoDate() }),
  'intervention.cancelled': s.object({
    interventionId: s.uuid(),
    childId: s.uuid(),
    reason: s.string(),
    regencyCode: s.regionCode(2),
  }),
};

export type InterventionEventType = keyof typeof interventionEventSchemas;
export type InterventionEventData<T extends InterventionEventType> = Infer<(typeof interventionEventSchemas)[T]>;
