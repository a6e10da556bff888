import { s, type Infer } from './schema';

const zScores = s.object({
  heightForAge: s.nullable(s.number()),
  weightForAge: s.nullable(s.number()),
  weightForHeight: s.nullable(s.number()),
  bmiForAge: s.nullable(s.number()),
  headCircumferenceForAge: s.nullable(s.number()),
});

const classification = s.nullable(s.object({ code: s.string(), label: s.string() }));

/** A measurement as judged by the WHO standards: the values, the age, the z-scores, classes and flags. */
const judgedMeasurement = {
  measurementId: s.uuid(),
  childId: s.uuid(),
  measuredOn: s.isoDate(),
  weightKg: s.nullable(s.number()),
  heightCm: s.nullable(s.number()),
  position: s.nullable(s.literal('lying', 'standing')),
  headCircumferenceCm: s.nullable(s.number()),
  muacCm: s.nullable(s.number()),
  oedema: s.boolean(),
  ageDays: s.integer(),
  ageMonths: s.number(),
  correctedHeightCm: s.nullable(s.number()),
  zScores,
  classifications: s.object({
    heightForAge: classification,
    weightForAge: classification,
    weightForHeight: classification,
    bmiForAge: classification,
  }),
  flags: s.object({
    heightForAge: s.boolean(),
    weightForAge: s.boolean(),
    weightForHeight: s.boolean(),
    bmiForAge: s.boolean(),
    headCircumferenceForAge: s.boolean(),
    positionUnder9MonthsStanding: s.boolean(),
  }),
  puskesmasCode: s.string(),
  posyanduCode: s.nullable(s.string()),
  villageCode: s.regionCode(4),
  districtCode: s.regionCode(3),
  regencyCode: s.regionCode(2),
  standard: s.literal('WHO-2006'),
};

export const measurementEventSchemas = {
  'measurement.recorded': s.object({ ...judgedMeasurement, sourceRecordId: s.nullable(s.string()) }),
  'measurement.corrected': s.object({ ...judgedMeasurement, reason: s.string() }),
  'measurement.voided': s.object({
    measurementId: s.uuid(),
    childId: s.uuid(),
    regencyCode: s.regionCode(2),
    reason: s.string(),
  }),
};

export type MeasurementEventType = keyof typeof measurementEventSchemas;
export type MeasurementEventData<T extends MeasurementEventType> = Infer<(typeof measurementEventSchemas)[T]>;
export const judgedMeasurementSchema = s.object(judgedMeasurement);
export type JudgedMeasurement = Infer<typeof judgedMeasurementSchema>;
