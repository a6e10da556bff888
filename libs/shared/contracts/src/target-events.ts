import { s, type Infer } from './schema';

/**
 * A wilayah's sasaran for a year as its TPPS sets it: reporting's own event, read by the trend and SKDN reports.
 * Each change is a new event; the earlier ones stay.
 */
export const targetEventSchemas = {
  'target.set': s.object({
    regionCode: s.string(),
    year: s.integer(),
    targetPopulation: s.nullable(s.integer()),
    targetPrevalencePct: s.nullable(s.number()),
  }),
};

export type TargetEventType = keyof typeof targetEventSchemas;
export type TargetEventData<T extends TargetEventType> = Infer<(typeof targetEventSchemas)[T]>;
