import { s, type Infer } from './schema';

/** A posyandu as the TPPS lists it: which desa it serves and which puskesmas oversees it. */
const posyandu = {
  code: s.string(),
  name: s.string(),
  villageCode: s.regionCode(4),
  districtCode: s.regionCode(3),
  regencyCode: s.regionCode(2),
  puskesmasCode: s.nullable(s.string()),
};

/**
 * The posyandu reference list a TPPS keeps (issue #26): reporting's own events, which group measurements by the
 * posyandu code they carry. Listed once, then updated: each change is a new event, the earlier ones stay.
 */
export const posyanduEventSchemas = {
  'posyandu.listed': s.object(posyandu),
  'posyandu.updated': s.object(posyandu),
};

export type PosyanduEventType = keyof typeof posyanduEventSchemas;
export type PosyanduEventData<T extends PosyanduEventType> = Infer<(typeof posyanduEventSchemas)[T]>;
