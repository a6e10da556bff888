import type { ChildFacts, MeasurementFacts } from '@registry/interventions-domain';
import type { ClientBase } from 'pg';

// What the case rules know of each child and its measurements, kept by CaseTrackerProjection from other services' events.

export async function saveChildFacts(client: ClientBase, child: ChildFacts): Promise<void> {
  await client.query(
    `INSERT INTO interventions_children (child_id, birth_date, village_code, district_code, regency_code, status, died_on, merged_into)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (child_id) DO UPDATE SET birth_date = $2, village_code = $3, district_code = $4, regency_code = $5,
       status = $6, died_on = $7, merged_into = $8`,
    [
      child.childId,
      child.birthDate,
      child.villageCode,
      child.districtCode,
      child.regencyCode,
      child.status,
      child.diedOn,
      child.mergedInto,
    ],
  );
}

export async function saveMeasurementFacts(client: ClientBase, childId: string, m: MeasurementFacts): Promise<void> {
  await client.query(
    `INSERT INTO interventions_measurements (measurement_id, child_id, measured_on, status, height_for_age_code,
       height_for_age_flagged, weight_for_height_code, weight_for_height_flagged, oedema)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (measurement_id) DO UPDATE SET measured_on = $3, status = $4, height_for_age_code = $5,
       height_for_age_flagged = $6, weight_for_height_code = $7, weight_for_height_flagged = $8, oedema = $9`,
    [
      m.measurementId,
      childId,
      m.measuredOn,
      m.status,
      m.heightForAge.code,
      m.heightForAge.flagged,
      m.weightForHeight.code,
      m.weightForHeight.flagged,
      m.oedema,
    ],
  );
}

export async function findChildFacts(client: Pick<ClientBase, 'query'>, childId: string): Promise<ChildFacts | null> {
  const { rows } = await client.query<{
    child_id: string;
    birth_date: string;
    village_code: string;
    district_code: string;
    regency_code: string;
    status: ChildFacts['status'];
    died_on: string | null;
    merged_into: string | null;
  }>(
    `SELECT child_id, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, village_code, district_code, regency_code, status,
            to_char(died_on, 'YYYY-MM-DD') AS died_on, merged_into
       FROM interventions_children WHERE child_id = $1`,
    [childId],
  );
  const [row] = rows;
  return row
    ? {
        childId: row.child_id,
        birthDate: row.birth_date,
        villageCode: row.village_code,
        districtCode: row.district_code,
        regencyCode: row.regency_code,
        status: row.status,
        diedOn: row.died_on,
        mergedInto: row.merged_into,
      }
    : null;
}

/** The child's measurements in the order they were first recorded. */
export async function findMeasurementFacts(
  client: Pick<ClientBase, 'query'>,
  childId: string,
): Promise<MeasurementFacts[]> {
  const { rows } = await client.query<{
    measurement_id: string;
    measured_on: string;
    status: MeasurementFacts['status'];
    height_for_age_code: string | null;
    height_for_age_flagged: boolean;
    weight_for_height_code: string | null;
    weight_for_height_flagged: boolean;
    oedema: boolean;
  }>(
    `SELECT measurement_id, to_char(measured_on, 'YYYY-MM-DD') AS measured_on, status, height_for_age_code,
            height_for_age_flagged, weight_for_height_code, weight_for_height_flagged, oedema
       FROM interventions_measurements WHERE child_id = $1 ORDER BY arrival`,
    [childId],
  );
  return rows.map((row) => ({
    measurementId: row.measurement_id,
    measuredOn: row.measured_on,
    status: row.status,
    heightForAge: { code: row.height_for_age_code, flagged: row.height_for_age_flagged },
    weightForHeight: { code: row.weight_for_height_code, flagged: row.weight_for_height_flagged },
    oedema: row.oedema,
  }));
}
