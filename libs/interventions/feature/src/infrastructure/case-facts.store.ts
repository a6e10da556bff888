import type { ChildFacts, MeasurementFacts, WeightGainFacts } from '@registry/interventions-domain';
import { findKnownChildren, knownChildrenTable, saveKnownChildren } from '@registry/known-child-store';
import type { ClientBase } from 'pg';

// What the case rules know of each child and its measurements, kept by CaseTrackerProjection from other services' events.

/** A row of interventions_children. */
export interface ChildRecord {
  readonly facts: ChildFacts;
  /** The day of the child's latest recorded measurement, as of its last measurement event. */
  readonly lastMeasuredOn: string | null;
}

/** This service's copy of each child, with the day of its latest measurement beside what every copy holds. */
const INTERVENTIONS_CHILDREN = knownChildrenTable<ChildFacts & Pick<ChildRecord, 'lastMeasuredOn'>>(
  'interventions_children',
  [{ name: 'last_measured_on', field: 'lastMeasuredOn', type: 'date' }],
);

/** A row of interventions_measurements: the measurement belongs to the child it was first recorded for. */
export interface MeasurementRecord {
  readonly childId: string;
  readonly facts: MeasurementFacts;
}

export async function findChildFacts(client: Pick<ClientBase, 'query'>, childId: string): Promise<ChildFacts | null> {
  return (await findChildRecords(client, [childId])).get(childId.toLowerCase())?.facts ?? null;
}

/** By child id in lower case, as PostgreSQL answers uuids. */
export async function findChildRecords(
  client: Pick<ClientBase, 'query'>,
  childIds: readonly string[],
): Promise<Map<string, ChildRecord>> {
  const rows = await findKnownChildren(client, INTERVENTIONS_CHILDREN, childIds);
  return new Map([...rows].map(([childId, { lastMeasuredOn, ...facts }]) => [childId, { facts, lastMeasuredOn }]));
}

/** Inserts or replaces the children, in one statement. */
export async function saveChildRecords(client: ClientBase, records: readonly ChildRecord[]): Promise<void> {
  await saveKnownChildren(
    client,
    INTERVENTIONS_CHILDREN,
    records.map(({ facts, lastMeasuredOn }) => ({ ...facts, lastMeasuredOn })),
  );
}

/** The child's measurements in the order they were first recorded. */
export async function findMeasurementFacts(
  client: Pick<ClientBase, 'query'>,
  childId: string,
): Promise<MeasurementFacts[]> {
  return (await findMeasurementRecords(client, [childId], [])).map((record) => record.facts);
}

/** The measurements of these children, and these measurements whoever's they are, in the order first recorded. */
export async function findMeasurementRecords(
  client: Pick<ClientBase, 'query'>,
  childIds: readonly string[],
  measurementIds: readonly string[],
): Promise<MeasurementRecord[]> {
  const { rows } = await client.query<{
    measurement_id: string;
    child_id: string;
    measured_on: string;
    status: MeasurementFacts['status'];
    height_for_age_code: string | null;
    height_for_age_flagged: boolean;
    weight_for_height_code: string | null;
    weight_for_height_flagged: boolean;
    oedema: boolean;
    weight_gain_judgement: WeightGainFacts['judgement'] | null;
    consecutive_t: number | null;
    bgm: boolean | null;
  }>(
    `SELECT measurement_id, child_id, to_char(measured_on, 'YYYY-MM-DD') AS measured_on, status, height_for_age_code,
            height_for_age_flagged, weight_for_height_code, weight_for_height_flagged, oedema, weight_gain_judgement,
            consecutive_t, bgm
       FROM interventions_measurements WHERE child_id = ANY($1::uuid[]) OR measurement_id = ANY($2::uuid[])
      ORDER BY arrival`,
    [childIds, measurementIds],
  );
  return rows.map((row) => ({
    childId: row.child_id,
    facts: {
      measurementId: row.measurement_id,
      measuredOn: row.measured_on,
      status: row.status,
      heightForAge: { code: row.height_for_age_code, flagged: row.height_for_age_flagged },
      weightForHeight: { code: row.weight_for_height_code, flagged: row.weight_for_height_flagged },
      oedema: row.oedema,
      weightGain:
        row.weight_gain_judgement === null
          ? null
          : // Written with the judgement, so present with it.
            { judgement: row.weight_gain_judgement, consecutiveT: row.consecutive_t! },
      bgm: row.bgm,
    },
  }));
}

/**
 * Inserts the new measurements in the order given, which becomes their arrival order, and replaces the facts of
 * those already stored (their child and arrival stay), in one statement. Each measurement once.
 */
export async function saveMeasurementRecords(client: ClientBase, records: readonly MeasurementRecord[]): Promise<void> {
  if (records.length === 0) return;
  await client.query(
    `INSERT INTO interventions_measurements (measurement_id, child_id, measured_on, status, height_for_age_code,
       height_for_age_flagged, weight_for_height_code, weight_for_height_flagged, oedema, weight_gain_judgement,
       consecutive_t, bgm)
     SELECT "measurementId", "childId", "measuredOn", status, "heightForAgeCode", "heightForAgeFlagged",
            "weightForHeightCode", "weightForHeightFlagged", oedema, "weightGainJudgement", "consecutiveT", bgm
       FROM jsonb_to_recordset($1::jsonb) AS r(position int, "measurementId" uuid, "childId" uuid, "measuredOn" date,
            status text, "heightForAgeCode" text, "heightForAgeFlagged" boolean, "weightForHeightCode" text,
            "weightForHeightFlagged" boolean, oedema boolean, "weightGainJudgement" text, "consecutiveT" integer,
            bgm boolean)
      ORDER BY position
     ON CONFLICT (measurement_id) DO UPDATE SET measured_on = EXCLUDED.measured_on, status = EXCLUDED.status,
       height_for_age_code = EXCLUDED.height_for_age_code, height_for_age_flagged = EXCLUDED.height_for_age_flagged,
       weight_for_height_code = EXCLUDED.weight_for_height_code,
       weight_for_height_flagged = EXCLUDED.weight_for_height_flagged, oedema = EXCLUDED.oedema,
       weight_gain_judgement = EXCLUDED.weight_gain_judgement, consecutive_t = EXCLUDED.consecutive_t,
       bgm = EXCLUDED.bgm`,
    [
      JSON.stringify(
        records.map(({ childId, facts }, position) => ({
          position,
          measurementId: facts.measurementId,
          childId,
          measuredOn: facts.measuredOn,
          status: facts.status,
          heightForAgeCode: facts.heightForAge.code,
          heightForAgeFlagged: facts.heightForAge.flagged,
          weightForHeightCode: facts.weightForHeight.code,
          weightForHeightFlagged: facts.weightForHeight.flagged,
          oedema: facts.oedema,
          weightGainJudgement: facts.weightGain?.judgement ?? null,
          consecutiveT: facts.weightGain?.consecutiveT ?? null,
          bgm: facts.bgm,
        })),
      ),
    ],
  );
}
