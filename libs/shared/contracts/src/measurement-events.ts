import { s, type Infer } from './schema';

const zScores = s.object({
  heightForAge: s.nullable(s.number()),
  weightForAge: s.nullable(s.number()),
  weightForHeight: s.nullable(s.number()),
  bmiForAge: s.nullable(s.number()),
  headCircumferenceForAge: s.nullable(s.number()),
});

const classification = s.nullable(s.object({ code: s.string(), label: s.string() }));

/**
 * The posyandu's judgement of a weighing against last month's (issue #26; rules in the growth-monitoring library):
 * N, T, O or B, the gain and the KBM applied (null for O and B), and the months of T in a row (2T at 2).
 */
const weightGain = s.object({
  judgement: s.literal('N', 'T', 'O', 'B'),
  gainGrams: s.nullable(s.integer()),
  kbmGrams: s.nullable(s.integer()),
  consecutiveT: s.integer(),
});

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
  // Absent from events recorded before the posyandu's judgements: readers take absent as "not judged".
  /** null when the measurement has no weight. */
  weightGain: s.optional(s.nullable(weightGain)),
  /** Below the red line of the KMS: weight-for-age z < −3. */
  bgm: s.optional(s.boolean()),
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
  /**
   * A correction, void or late recording of another weighing of the child changed this one's judgement; the events
   * before stay as they were.
   */
  'measurement.weight-gain-rejudged': s.object({
    measurementId: s.uuid(),
    childId: s.uuid(),
    regencyCode: s.regionCode(2),
    weightGain,
  }),
};

export type MeasurementEventType = keyof typeof measurementEventSchemas;
export type MeasurementEventData<T extends MeasurementEventType> = Infer<(typeof measurementEventSchemas)[T]>;
export const judgedMeasurementSchema = s.object(judgedMeasurement);
export type JudgedMeasurement = Infer<typeof judgedMeasurementSchema>;
export type WeightGainJudgement = Infer<typeof weightGain>;
