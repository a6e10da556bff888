import { uuidV7 } from '@registry/contracts';
import { EventStore, inTransaction } from '@registry/event-store';
import { loadRegions } from '@registry/reference-data';
import { parsePeriod, type Sex } from '@registry/reporting-domain';
import { scratchDatabase, type ScratchDatabase } from '@registry/testing';
import { buildPrevalenceCounts } from '../infrastructure/prevalence-aggregate';
import { REPORTING_MIGRATIONS } from '../infrastructure/reporting-migrations';
import { PrevalenceQuery, type PrevalenceRequest } from './prevalence.query';

/*
 * The prevalence by sex (issue #28's exports) and by quarter: the exact path, counting each child under its surviving
 * record's sex, as the registry knew the merges at `asOf`.
 */
describe('prevalence by sex and by quarter', () => {
  let scratch: ScratchDatabase;
  let query: PrevalenceQuery;
  const village = { village_code: '36.03.01.2001', district_code: '36.03.01', regency_code: '36.03' };
  const [boy, girl, otherGirl, duplicate] = [uuidV7(), uuidV7(), uuidV7(), uuidV7()];
  const beforeMerge = new Date('2025-09-01T00:00:00Z');

  beforeAll(async () => {
    scratch = await scratchDatabase('reporting', 2);
    for (const Migration of REPORTING_MIGRATIONS) {
      const migration = new Migration(null as never, null as never);
      migration.up();
      for (const sql of migration.getQueries()) await scratch.pool.query(String(sql));
    }
    query = new PrevalenceQuery(new EventStore(scratch.pool), loadRegions());
    const child = (childId: string, sex: Sex) =>
      scratch.pool.query(
        `INSERT INTO reporting_children
           (child_id, sex, birth_date, village_code, district_code, regency_code, status, registered_at)
         VALUES ($1, $2, '2024-01-01', $3, $4, $5, 'active', '2025-01-01')`,
        [childId, sex, village.village_code, village.district_code, village.regency_code],
      );
    // The duplicate was registered as a girl by mistake, and merged into the boy on 2025-10-01.
    for (const [childId, sex] of [
      [boy, 'male'],
      [girl, 'female'],
      [otherGirl, 'female'],
      [duplicate, 'female'],
    ] as const)
      await child(childId, sex);
    await scratch.pool.query(
      `INSERT INTO reporting_merges (child_id, into_child_id, merged_at) VALUES ($1, $2, '2025-10-01T00:00:00Z')`,
      [duplicate, boy],
    );
    const measured = (childId: string, measuredOn: string, hazClass: string) =>
      scratch.pool.query(
        `INSERT INTO reporting_measurement_versions
           (measurement_id, version, child_id, recorded_at, voided, measured_on, age_days, village_code, district_code,
            regency_code, puskesmas_code, oedema, haz, haz_class, haz_flag, whz, whz_class, whz_flag, waz, waz_class, waz_flag)
         VALUES ($1, 1, $2, $3::date + 1, false, $3, 600, $4, $5, $6, 'PKM-A', false, -1, $7, false, 0, 'normal', false,
                 0, 'normal', false)`,
        [uuidV7(), childId, measuredOn, village.village_code, village.district_code, village.regency_code, hazClass],
      );
    await measured(boy, '2025-08-10', 'stunted');
    // The duplicate's later measurement is the boy's latest once merged.
    await measured(duplicate, '2025-08-20', 'normal');
    await measured(girl, '2025-08-11', 'normal');
    await measured(otherGirl, '2025-08-12', 'severely_stunted');
    await measured(otherGirl, '2025-10-05', 'normal');
    await inTransaction(scratch.pool, buildPrevalenceCounts);
  });
  afterAll(async () => {
    await scratch.drop();
  });

  const figures = async (period: string, sex: Sex | null, asOf: Date | null = null) => {
    const request: PrevalenceRequest = {
      indicator: 'stunting',
      groupBy: 'village',
      period: parsePeriod(period)!,
      ageGroup: 'baduta',
      regionCode: null,
      asOf,
      sex,
    };
    return (await query.run(request)).map(({ code, measured, cases }) => ({ code, measured, cases }));
  };
  const row = (measured: number, cases: number) => [{ code: village.village_code, measured, cases }];

  it('counts each child once under its surviving record’s sex, the two sexes adding up to the total', async () => {
    // Q3: the boy with the duplicate's later, normal measurement; the girls with their August ones.
    expect(await figures('2025Q3', 'male')).toEqual(row(1, 0));
    expect(await figures('2025Q3', 'female')).toEqual(row(2, 1));
    expect(await figures('2025Q3', null)).toEqual(row(3, 1));
    // A month now is read from the aggregate for both sexes, and from the exact path for one: they agree.
    expect(await figures('2025-08', null)).toEqual(row(3, 1));
    expect(await figures('2025-08', 'male')).toEqual(row(1, 0));
    // The year counts the other girl with her October measurement.
    expect(await figures('2025', 'female')).toEqual(row(2, 0));
    expect(await figures('2025Q4', 'female')).toEqual(row(1, 0));
    expect(await figures('2025Q4', 'male')).toEqual([]);
  });

  it('counts the duplicate apart, as a girl, as the registry knew it before the merge (asOf)', async () => {
    expect(await figures('2025Q3', 'male', beforeMerge)).toEqual(row(1, 1));
    expect(await figures('2025Q3', 'female', beforeMerge)).toEqual(row(3, 1));
    expect(await figures('2025Q3', null, beforeMerge)).toEqual(row(4, 2));
  });
});
