// Over 300 lines: one run whose steps (load, rebuilds, queries, consumer path) share one scratch database and report.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TopicByService, type EventEnvelope } from '@registry/contracts';
import {
  beginningOfAll,
  consumerSchemaSql,
  databaseUrl,
  EventStore,
  eventStoreSchemaSql,
  inTransaction,
  rebuildProjection,
  type Projection,
  type ProjectionSource,
} from '@registry/event-store';
import { defaultRegionsDir, loadRegions } from '@registry/reference-data';
import { parsePeriod } from '@registry/reporting-domain';
import {
  buildPrevalenceCounts,
  ExportAggregateQuery,
  PrevalenceQuery,
  ReportingChildrenProjection,
  REPORTING_MIGRATIONS,
  ReportingMeasurementsProjection,
  TimelineProjection,
  type PrevalenceRequest,
} from '@registry/reporting-feature';
import { Pool, type PoolClient } from 'pg';
import { latencies, latencyCells, table, timed } from './measure';
import { recreateDatabase } from './scratch-database';

const DATABASE = 'registry_reporting_bench';
/** Identity's and intake's event stores live in schemas of the bench database: one database to create and drop. */
const SOURCES = { identity: 'identity_src', intake: 'intake_src' } as const;
/** Children per load statement: each is its own transaction, so progress shows and the WAL stays bounded. */
const CHUNK = 100_000;

const usage = `usage: npm run -s bench:reporting -- [children=1000000] [measurements per child=12] [--no-timeline] [--keep]`;

/**
 * `npm run bench:reporting`: loads a synthetic registry (children spread over every desa of the country, their
 * posyandu visits over 2024–2025, a few corrections, voids and merges) as events into a fresh database, rebuilds
 * reporting's projections from them (which builds the prevalence aggregate by the projections' own rebuild path),
 * and times: the rebuild against reading the events alone; the regency/year prevalence query on the aggregate
 * against the exact request-time query on the same data; the consumer's per-event apply, and its chunked paths
 * (apply() on each event, applyBatch), against bare inserts of the same shape.
 */
export async function benchReporting(
  argv: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<string> {
  const numbers = argv.filter((arg) => !arg.startsWith('--')).map(Number);
  const [children = 1_000_000, perChild = 12] = numbers;
  if (!Number.isInteger(children) || !Number.isInteger(perChild) || children < 1000 || perChild < 1) return usage;
  const adminUrl = env['DATABASE_URL'];
  if (!adminUrl) throw new Error('DATABASE_URL is required (npm run infra:up writes it to .var/infra.env)');
  const url = databaseUrl(adminUrl, DATABASE);
  await recreateDatabase(adminUrl, DATABASE, true);
  const pool = new Pool({ connectionString: url, max: 4 });
  const sourcePool = (schema: string) =>
    new Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` });
  const identityPool = sourcePool(SOURCES.identity);
  const intakePool = sourcePool(SOURCES.intake);
  const started = Date.now();
  try {
    await installSchemas(pool);
    const load = await timed(() => loadEvents(pool, children, perChild, log));
    log(`loaded ${load.result.toLocaleString('en')} events in ${load.seconds.toFixed(0)} s`);
    await pool.query('VACUUM ANALYZE');

    const identity = { topic: TopicByService.identity, store: new EventStore(identityPool) };
    const intake = { topic: TopicByService.intake, store: new EventStore(intakePool) };
    const ceiling = await timed(() => readEverything([identity.store, intake.store]));
    log(`read all events: ${rate(ceiling.result, ceiling.seconds)} events/s`);
    const rebuilds: Array<[string, number, number]> = [];
    // The measurements twice: first into a database that never had them, then as `npm run rebuild` rebuilds a
    // projection in service, over the events it has already processed.
    const measurements = new ReportingMeasurementsProjection();
    const plan: Array<[Projection, ProjectionSource[], string]> = [
      [new ReportingChildrenProjection(), [identity], 'reporting-children'],
      [measurements, [intake], 'reporting-measurements'],
      [measurements, [intake], 'reporting-measurements again, over its own tables'],
    ];
    if (!argv.includes('--no-timeline'))
      plan.push([new TimelineProjection(), [identity, intake], 'reporting-timeline']);
    for (const [projection, sources, label] of plan) {
      const { result, seconds } = await timed(() => rebuildProjection({ pool, projection, sources, batchSize: 2000 }));
      log(`rebuilt ${label}: ${rate(result.applied, seconds)} events/s`);
      rebuilds.push([label, result.applied, seconds]);
    }
    await pool.query('VACUUM ANALYZE');
    const query = new PrevalenceQuery(new EventStore(pool), loadRegions());
    const request: PrevalenceRequest = {
      indicator: 'stunting',
      groupBy: 'regency',
      period: parsePeriod('2025')!,
      ageGroup: 'balita',
      regionCode: null,
      asOf: null,
    };
    const fromVersions = await query.runExact(request);
    const agrees = async () => JSON.stringify(await query.run(request)) === JSON.stringify(fromVersions);
    if (!(await agrees())) throw new Error('the rebuilt aggregate and the exact query disagree on the benchmark data');
    // The peer: the same aggregate built in SQL from the stored versions, as the rebuild did before it built it in
    // memory (still the path of a migration and of the children's rebuild). It must leave the same rows.
    const rebuilt = await fingerprintOfCounts(pool);
    const aggregate = await timed(() => inTransaction(pool, buildPrevalenceCounts));
    if ((await fingerprintOfCounts(pool)) !== rebuilt || !(await agrees()))
      throw new Error('the aggregate built in SQL differs from the one the rebuild built');
    await pool.query('VACUUM ANALYZE');
    const sizes = await pool.query<{ versions: number; cells: number; regencyCells: number }>(
      `SELECT (SELECT count(*) FROM reporting_measurement_versions)::int AS versions,
              (SELECT count(*) FROM reporting_prevalence_counts)::int AS cells,
              (SELECT count(*) FROM reporting_prevalence_regency_counts)::int AS "regencyCells"`,
    );

    const fast = await latencies(() => query.run(request), { warmup: 20, runs: 300, budgetSeconds: 60 });
    log(`aggregate path: p95 ${fast.p95.toFixed(1)} ms`);
    const exact = await latencies(() => query.runExact(request), { warmup: 1, runs: 10, budgetSeconds: 120 });
    log(`exact path: p95 ${exact.p95.toFixed(1)} ms`);
    const fromAggregate = await query.run(request);
    // One kabupaten's report by posyandu from the count rows, beside the same by desa: rows keyed by posyandu too.
    const regencyCode = fromAggregate.reduce((a, b) => (b.measured > a.measured ? b : a)).code;
    const inRegency = (groupBy: 'village' | 'posyandu'): PrevalenceRequest => ({
      ...request,
      groupBy,
      regionCode: regencyCode,
    });
    const byPosyandu = await latencies(() => query.run(inRegency('posyandu')), {
      warmup: 20,
      runs: 300,
      budgetSeconds: 60,
    });
    const byVillage = await latencies(() => query.run(inRegency('village')), {
      warmup: 20,
      runs: 300,
      budgetSeconds: 60,
    });
    const posyanduRows = (await query.run(inRegency('posyandu'))).length;
    if (
      JSON.stringify(await query.run(inRegency('posyandu'))) !==
      JSON.stringify(await query.runExact(inRegency('posyandu')))
    )
      throw new Error('prevalence by posyandu differs between the aggregate and the exact query');
    log(`by posyandu in ${regencyCode}: p95 ${byPosyandu.p95.toFixed(1)} ms (${posyanduRows} rows)`);
    // The ADX / DHIS2 export (issue #28): 18 prevalence reads, each sex on the exact path. Its peer is one exact read.
    const exporter = new ExportAggregateQuery(query);
    const exportOf = (level: 'regency' | 'village', regionCode: string | null) => () =>
      exporter.run({ period: request.period, level, regionCode, asOf: null, minimum: 10 });
    const nationalExport = await latencies(exportOf('regency', null), { warmup: 0, runs: 3, budgetSeconds: 240 });
    const regencyExport = await latencies(exportOf('village', regencyCode), {
      warmup: 1,
      runs: 10,
      budgetSeconds: 120,
    });
    log(
      `aggregate export: national p50 ${nationalExport.p50.toFixed(0)} ms, ${regencyCode} p50 ${regencyExport.p50.toFixed(0)} ms`,
    );

    const live = await consumerPath(pool, children);
    log(
      `consumer path: ${rate(live.events, live.applySeconds)} events/s one by one, ` +
        live.chunks.map((chunk) => `${rate(live.events, chunk.batchSeconds)}/s applyBatch × ${chunk.size}`).join(', '),
    );

    const readRate = ceiling.result / ceiling.seconds;
    // Every projection once (the second measurements rebuild is the in-service case, not another projection).
    const sequential = { applied: 0, seconds: 0 };
    for (const [name, applied, seconds] of rebuilds) {
      if (name.includes('again')) continue;
      sequential.applied += applied;
      sequential.seconds += seconds;
    }
    const measuredChildren = fromAggregate.reduce((sum, row) => sum + row.measured + row.flaggedExcluded, 0);
    return [
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ` +
        `${new Date().toISOString().slice(0, 10)}; ${children.toLocaleString('en')} children × ${perChild} visits, ` +
        `${load.result.toLocaleString('en')} events loaded in ${load.seconds.toFixed(0)} s; whole run ${((Date.now() - started) / 60000).toFixed(1)} min`,
      '',
      table(
        ['rebuild from the event stores', 'events', 'seconds', 'events/s', 'vs reading alone'],
        [
          [
            'ceiling: read every event (readAll, 2,000 a batch)',
            fmt(ceiling.result),
            ceiling.seconds.toFixed(1),
            rate(ceiling.result, ceiling.seconds),
            '1.00',
          ],
          ...rebuilds.map(([name, applied, seconds]) => [
            name,
            fmt(applied),
            seconds.toFixed(1),
            rate(applied, seconds),
            (applied / seconds / readRate).toFixed(2),
          ]),
          [
            `all of them but the second measurements, one after the other`,
            fmt(sequential.applied),
            sequential.seconds.toFixed(1),
            rate(sequential.applied, sequential.seconds),
            (sequential.applied / sequential.seconds / readRate).toFixed(2),
          ],
          [
            'peer: the same aggregate built in SQL from the stored versions (the rebuild before)',
            '',
            aggregate.seconds.toFixed(1),
            '',
            '',
          ],
        ],
      ),
      '',
      `measurement versions ${fmt(sizes.rows[0].versions)}, count cells ${fmt(sizes.rows[0].cells)}, per-regency cells ` +
        `${fmt(sizes.rows[0].regencyCells)}; the 2025 balita report has ${fromAggregate.length} regencies and ` +
        `${fmt(measuredChildren)} children, identical on both paths; the SQL build left the same count rows`,
      '',
      table(
        [
          'stunting prevalence, groupBy=regency, period=2025 (PrevalenceQuery.run, no HTTP)',
          'runs',
          'p50 ms',
          'p95 ms',
          'max ms',
        ],
        [
          ['aggregate (asOf absent)', ...latencyCells(fast)],
          ['exact request-time query (the asOf path)', ...latencyCells(exact)],
        ],
      ),
      '',
      table(
        [
          `stunting prevalence in ${regencyCode}, period=2025 (aggregate path, no HTTP)`,
          'runs',
          'p50 ms',
          'p95 ms',
          'max ms',
        ],
        [
          [`groupBy=posyandu (${posyanduRows} rows, equal to the exact query)`, ...latencyCells(byPosyandu)],
          ['groupBy=village (the peer)', ...latencyCells(byVillage)],
        ],
      ),
      '',
      table(
        [
          'ADX / DHIS2 export, period=2025, public (ExportAggregateQuery.run, no HTTP)',
          'runs',
          'p50 ms',
          'p95 ms',
          'max ms',
        ],
        [
          ['every regency (level=regency)', ...latencyCells(nationalExport, 0)],
          [`every desa of ${regencyCode} (level=village)`, ...latencyCells(regencyExport, 0)],
          ['peer: one exact read, groupBy=regency (12 of the 18 reads are exact)', ...latencyCells(exact, 0)],
        ],
      ),
      '',
      table(
        ['consumer path', 'events', 'events/s'],
        [
          ['ceiling: BEGIN; one-row INSERT; COMMIT', fmt(live.events), rate(live.events, live.ceilingSeconds)],
          [
            'ReportingMeasurementsProjection.apply, one transaction per event',
            fmt(live.events),
            rate(live.events, live.applySeconds),
          ],
          ...live.chunks.flatMap((chunk) => [
            [
              `ceiling: BEGIN; one ${chunk.size}-row INSERT; COMMIT`,
              fmt(live.events),
              rate(live.events, chunk.ceilingSeconds),
            ],
            [
              `apply() on each event, ${chunk.size} per transaction (a projection without applyBatch)`,
              fmt(live.events),
              rate(live.events, chunk.perEventSeconds),
            ],
            [
              `ReportingMeasurementsProjection.applyBatch, ${chunk.size} per transaction`,
              fmt(live.events),
              rate(live.events, chunk.batchSeconds),
            ],
          ]),
        ],
      ),
    ].join('\n');
  } finally {
    await Promise.all([pool.end(), identityPool.end(), intakePool.end()]);
    if (!argv.includes('--keep')) await recreateDatabase(adminUrl, DATABASE, false);
  }
}

const fmt = (n: number) => n.toLocaleString('en');
const rate = (events: number, seconds: number) => fmt(Math.round(events / seconds));

async function installSchemas(pool: Pool): Promise<void> {
  for (const schema of Object.values(SOURCES)) {
    await pool.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}; ${eventStoreSchemaSql}; RESET search_path`);
  }
  await pool.query(consumerSchemaSql);
  for (const Migration of REPORTING_MIGRATIONS) {
    const migration = new Migration(null as never, null as never);
    migration.up();
    for (const sql of migration.getQueries()) await pool.query(String(sql));
  }
}

/** Both count tables' rows, summed as hashes: equal for equal tables, whatever their physical order. */
async function fingerprintOfCounts(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ fingerprint: string }>(
    `SELECT concat_ws(' ', (SELECT count(*) || ':' || sum(hashtext(c::text)::bigint) FROM reporting_prevalence_counts c),
                           (SELECT count(*) || ':' || sum(hashtext(r::text)::bigint) FROM reporting_prevalence_regency_counts r))
       AS fingerprint`,
  );
  return rows[0].fingerprint;
}

/** A z-score's class per STANDARDS.md, in SQL, for the generated values. */
const classSql = (z: string, bounds: Array<[string, string]>, last: string) =>
  `CASE ${bounds.map(([when, code]) => `WHEN ${z} ${when} THEN '${code}'`).join(' ')} ELSE '${last}' END`;
const HAZ_CLASS = classSql(
  'haz',
  [
    ['< -3', 'severely_stunted'],
    ['< -2', 'stunted'],
    ['<= 3', 'normal'],
  ],
  'tall',
);
const WHZ_CLASS = classSql(
  'whz',
  [
    ['< -3', 'severely_wasted'],
    ['< -2', 'wasted'],
    ['<= 1', 'normal'],
    ['<= 2', 'possible_risk_of_overweight'],
    ['<= 3', 'overweight'],
  ],
  'obese',
);
const WAZ_CLASS = classSql(
  'waz',
  [
    ['< -3', 'severely_underweight'],
    ['< -2', 'underweight'],
    ['<= 1', 'normal'],
  ],
  'risk_of_overweight',
);

/**
 * The judged measurement of a generated visit, shaped like intake's measurement.recorded data. Each child is weighed
 * at one of four posyandu of its desa: a desa usually has several, so prevalence by posyandu has rows to count.
 */
const MEASUREMENT_DATA = `jsonb_build_object(
  'measurementId', m.measurement_id, 'childId', m.child_id, 'measuredOn', m.measured_on, 'weightKg', 9.5, 'heightCm', 80.1,
  'position', 'lying', 'headCircumferenceCm', null, 'muacCm', null, 'oedema', false, 'ageDays', m.age_days,
  'ageMonths', round(m.age_days / 30.4375::numeric, 2), 'correctedHeightCm', 80.1,
  'zScores', jsonb_build_object('heightForAge', m.haz, 'weightForAge', m.waz, 'weightForHeight', m.whz, 'bmiForAge', m.whz,
                                'headCircumferenceForAge', null),
  'classifications', jsonb_build_object(
     'heightForAge', jsonb_build_object('code', ${HAZ_CLASS.replace(/haz/g, 'm.haz')}, 'label', 'x'),
     'weightForAge', jsonb_build_object('code', ${WAZ_CLASS.replace(/waz/g, 'm.waz')}, 'label', 'x'),
     'weightForHeight', CASE WHEN m.whz IS NULL THEN NULL ELSE jsonb_build_object('code', ${WHZ_CLASS.replace(/whz/g, 'm.whz')}, 'label', 'x') END,
     'bmiForAge', NULL),
  'flags', jsonb_build_object('heightForAge', m.haz < -6 OR m.haz > 6, 'weightForAge', m.waz < -6 OR m.waz > 5,
                              'weightForHeight', coalesce(m.whz < -5 OR m.whz > 5, false), 'bmiForAge', false,
                              'headCircumferenceForAge', false, 'positionUnder9MonthsStanding', false),
  'puskesmasCode', 'PKM-' || replace(v.district_code, '.', ''),
  'posyanduCode', 'POS-' || replace(v.village_code, '.', '') || '-' || (abs(hashtext(m.child_id::text)) % 4 + 1),
  'villageCode', v.village_code, 'districtCode', v.district_code, 'regencyCode', v.regency_code, 'standard', 'WHO-2006',
  'sourceRecordId', null)`;

/**
 * A UUIDv7 as the registry's uuidV7 makes them, in SQL: the millisecond of `at` (a timestamptz expression), the
 * version and variant, then bits of md5(`seed`), so the same seed gives the same id.
 */
const uuidV7At = (at: string, seed: string): string =>
  `(lpad(to_hex((extract(epoch FROM ${at}) * 1000)::bigint), 12, '0') || '7' || substr(md5(${seed}), 1, 3) || '8' ||
    substr(md5(${seed}), 4, 15))::uuid`;

const EVENT_COLUMNS = `(event_id, stream_id, stream_version, type, schema_version, subject_id, regency_code, occurred_at, recorded_at,
  actor, correlation_id, causation_id, data, previous_hash, hash)`;

/**
 * Set-based load, straight into the event tables (the append path is benchmarked elsewhere): children in every desa,
 * born 2019–2023; visits spread over 2024–2025 with z-scores around the Indonesian picture (about one in five
 * stunted), 1 % implausible heights, 3 % without weight-for-height; 2 % corrected, 0.5 % voided; 0.2 % of the
 * children merged into another record.
 */
async function loadEvents(
  pool: Pool,
  children: number,
  perChild: number,
  log: (line: string) => void,
): Promise<number> {
  const villages = readFileSync(path.join(defaultRegionsDir(), 'villages.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').slice(0, 2));
  await pool.query(
    `CREATE TABLE bench_villages AS
     SELECT n::int, village_code, district_code, left(district_code, 5) AS regency_code
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS v(village_code, district_code, n)`,
    [villages.map(([code]) => code), villages.map(([, district]) => district)],
  );
  await pool.query('ALTER TABLE bench_villages ADD PRIMARY KEY (n)');
  for (const schema of Object.values(SOURCES)) {
    await pool.query(`ALTER TABLE ${schema}.es_events DROP CONSTRAINT es_events_event_id_key,
                        DROP CONSTRAINT es_events_stream_version_key;
                      DROP INDEX ${schema}.es_events_commit_order_idx`);
  }
  // Ids shaped like the registry's (uuidV7, time-ordered), so the projections' keys grow as they do in production.
  const child = uuidV7At(`timestamptz '2024-01-01' + i * interval '1 second'`, `'c' || i`);
  const childVillage = `(SELECT * FROM bench_villages WHERE n = 1 + (i::bigint * 7919) % ${villages.length})`;
  await pool.query(
    `CREATE UNLOGGED TABLE bench_visits (i int, j int, measurement_id uuid, child_id uuid, measured_on date,
       recorded_at timestamptz, n int, age_days int, haz numeric, whz numeric, waz numeric)`,
  );
  await pool.query('SELECT setseed(0.42)');
  for (let from = 1; from <= children; from += CHUNK) {
    const to = Math.min(children, from + CHUNK - 1);
    await pool.query(
      `INSERT INTO ${SOURCES.identity}.es_events ${EVENT_COLUMNS}
       SELECT ${uuidV7At(`timestamptz '2024-01-01' + i * interval '1 second'`, `'e' || i`)}, 'child-' || ${child}, 1,
              'child.registered', 1, ${child}::text, v.regency_code,
              timestamptz '2024-01-01' + i * interval '1 second', timestamptz '2024-01-01' + i * interval '1 second',
              '{"role":"integration","subject":"bench"}', gen_random_uuid()::text, NULL,
              jsonb_build_object('childId', ${child}, 'sex', CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END,
                'birthDate', date '2019-01-01' + (i * 37) % 1800, 'birthWeightGrams', null, 'birthLengthCm', null,
                'villageCode', v.village_code, 'districtCode', v.district_code, 'regencyCode', v.regency_code,
                'hasNik', false, 'personalDataVersion', 1, 'personalDataHash', md5(i::text)),
              NULL, 'bench'
         FROM generate_series(${from}, ${to}) i CROSS JOIN LATERAL ${childVillage} v`,
    );
    await pool.query(
      `INSERT INTO bench_visits
       SELECT i, j, ${uuidV7At('recorded_at', `'m' || i || '-' || j`)}, ${child}, d, recorded_at, v.n,
              d - (date '2019-01-01' + (i * 37) % 1800),
              CASE WHEN random() < 0.01 THEN -6.5 ELSE round(((random() + random() + random() - 1.5) * 2.3 - 1.1)::numeric, 2) END,
              CASE WHEN random() < 0.03 THEN NULL ELSE round(((random() + random() + random() - 1.5) * 2 - 0.3)::numeric, 2) END,
              round(((random() + random() + random() - 1.5) * 2 - 0.8)::numeric, 2)
         FROM generate_series(${from}, ${to}) i
        CROSS JOIN LATERAL ${childVillage} v
        CROSS JOIN generate_series(1, ${perChild}) j
        CROSS JOIN LATERAL (SELECT date '2024-01-01' + ((j - 1) * 730) / ${perChild} + i % 28 AS d) dates
        -- A weighing day's records come in over the day.
        CROSS JOIN LATERAL (SELECT d + interval '8 hours' + (i % 36000) * interval '1 second' AS recorded_at) recorded`,
    );
    log(`  loaded children ${fmt(to)} of ${fmt(children)}`);
  }
  // The visits in the order intake would have recorded them: by when they came in.
  log('  ordering the visits by time');
  await pool.query(
    `BEGIN;
     SET LOCAL work_mem = '1GB';
     INSERT INTO ${SOURCES.intake}.es_events ${EVENT_COLUMNS}
     SELECT ${uuidV7At('m.recorded_at', `'v' || m.i || '-' || m.j`)}, 'measurement-' || m.measurement_id, 1,
            'measurement.recorded', 1, m.child_id::text, v.regency_code, m.recorded_at, m.recorded_at,
            '{"role":"integration","subject":"bench"}', gen_random_uuid()::text, NULL, ${MEASUREMENT_DATA}, NULL, 'bench'
       FROM bench_visits m JOIN bench_villages v USING (n)
      ORDER BY m.recorded_at, m.measurement_id;
     DROP TABLE bench_visits;
     COMMIT`,
  );
  // Corrections (2 %, a new z-score) and voids (0.5 %) of the visits, then merges of 0.2 % of the children.
  await pool.query(
    `INSERT INTO ${SOURCES.intake}.es_events ${EVENT_COLUMNS}
     SELECT ${uuidV7At(`e.recorded_at + interval '1 day'`, 'e.event_id::text')}, e.stream_id, 2, t.type, 1, e.subject_id,
            e.regency_code, e.occurred_at + interval '1 day',
            e.recorded_at + interval '1 day', e.actor, gen_random_uuid()::text, NULL,
            CASE WHEN t.type = 'measurement.voided'
                 THEN jsonb_build_object('measurementId', e.data->'measurementId', 'childId', e.data->'childId',
                                         'regencyCode', e.regency_code, 'reason', 'wrong child')
                 ELSE jsonb_set(jsonb_set(e.data::jsonb, '{zScores,heightForAge}', to_jsonb(-2.5)),
                                '{classifications,heightForAge}', '{"code":"stunted","label":"pendek"}') || '{"reason":"misread"}'
            END,
            NULL, 'bench'
       FROM ${SOURCES.intake}.es_events e
       CROSS JOIN LATERAL (SELECT CASE WHEN e.global_position % 50 = 0 THEN 'measurement.corrected'
                                       WHEN e.global_position % 200 = 7 THEN 'measurement.voided' END AS type) t
      WHERE t.type IS NOT NULL
      ORDER BY e.global_position`,
  );
  await pool.query(
    `INSERT INTO ${SOURCES.identity}.es_events ${EVENT_COLUMNS}
     SELECT ${uuidV7At(`e.recorded_at + interval '30 days'`, 'e.event_id::text')}, e.stream_id, 2, 'child.merged', 1,
            e.subject_id, e.regency_code, e.occurred_at + interval '30 days',
            e.recorded_at + interval '30 days', e.actor, gen_random_uuid()::text, NULL,
            jsonb_build_object('childId', e.data->'childId', 'intoChildId', n.data->'childId', 'reason', 'registered twice'),
            NULL, 'bench'
       FROM ${SOURCES.identity}.es_events e
       JOIN ${SOURCES.identity}.es_events n ON n.global_position = e.global_position + 1
      WHERE e.global_position % 500 = 3
      ORDER BY e.global_position`,
  );
  log('  indexing the event stores');
  let events = 0;
  for (const schema of Object.values(SOURCES)) {
    await pool.query(`ALTER TABLE ${schema}.es_events ADD CONSTRAINT es_events_event_id_key UNIQUE (event_id),
                        ADD CONSTRAINT es_events_stream_version_key UNIQUE (stream_id, stream_version);
                      CREATE INDEX es_events_commit_order_idx ON ${schema}.es_events (transaction_id, global_position)`);
    const { rows } = await pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${schema}.es_events`);
    events += rows[0].count;
  }
  return events;
}

async function readEverything(stores: readonly EventStore[]): Promise<number> {
  let events = 0;
  for (const store of stores) {
    for (let after = beginningOfAll; ;) {
      const batch = await store.readAll({ after, limit: 2000 });
      if (batch.events.length === 0) break;
      events += batch.events.length;
      after = batch.next;
    }
  }
  return events;
}

/** Events per transaction on the live consumer's chunked paths: its default chunk, and a small one (light load). */
const CHUNK_SIZES = [500, 50] as const;

interface ConsumerPathResult {
  readonly events: number;
  readonly ceilingSeconds: number;
  readonly applySeconds: number;
  readonly chunks: ReadonlyArray<{
    readonly size: number;
    readonly ceilingSeconds: number;
    readonly perEventSeconds: number;
    readonly batchSeconds: number;
  }>;
}

/**
 * The live consumer's shapes on top of the loaded data, each with fresh new visits of the same existing children:
 * one transaction per event (apply) against one-row inserts into a bare table; then chunks in one transaction each,
 * as ProjectionConsumer runs them, through apply() on each event (a projection without applyBatch) and through
 * applyBatch, against one multi-row insert per chunk into the bare table.
 */
async function consumerPath(pool: Pool, children: number): Promise<ConsumerPathResult> {
  const { rows } = await pool.query<{ data: EventEnvelope['data'] }>(
    `SELECT data FROM ${SOURCES.intake}.es_events WHERE type = 'measurement.recorded' AND global_position % $1 = 1 LIMIT 2000`,
    [Math.max(1, Math.floor(children / 1000))],
  );
  const projection = new ReportingMeasurementsProjection();
  const freshEvents = (): EventEnvelope[] =>
    rows.map(({ data }, i) => {
      const measurementId = randomUUID();
      return {
        eventId: randomUUID(),
        type: 'measurement.recorded',
        schemaVersion: 1,
        streamId: `measurement-${measurementId}`,
        streamVersion: 1,
        globalPosition: String(i),
        subjectId: String((data as { childId: string }).childId),
        occurredAt: '2025-12-30T03:00:00.000Z',
        recordedAt: '2025-12-30T03:00:00.000Z',
        regencyCode: null,
        actor: { subject: 'bench', role: 'integration' },
        correlationId: randomUUID(),
        causationId: null,
        data: { ...(data as object), measurementId, measuredOn: '2025-12-30' },
        previousHash: null,
        hash: 'bench',
      } as unknown as EventEnvelope;
    });
  const chunked = async (
    events: EventEnvelope[],
    size: number,
    work: (chunk: EventEnvelope[], client: PoolClient) => Promise<unknown>,
  ) =>
    timed(async () => {
      for (let start = 0; start < events.length; start += size)
        await inTransaction(pool, (client) => work(events.slice(start, start + size), client));
    });
  await pool.query('CREATE TABLE bench_ceiling (id uuid PRIMARY KEY, data jsonb NOT NULL)');
  const insertBare = (chunk: EventEnvelope[], client: PoolClient) =>
    client.query('INSERT INTO bench_ceiling SELECT * FROM unnest($1::uuid[], $2::jsonb[])', [
      chunk.map((event) => event.eventId),
      chunk.map((event) => JSON.stringify(event.data)),
    ]);
  const events = freshEvents();
  const ceiling = await chunked(events, 1, insertBare);
  const apply = await chunked(freshEvents(), 1, (chunk, client) => projection.apply(chunk[0], client));
  const chunks = [];
  for (const size of CHUNK_SIZES) {
    const chunkCeiling = await chunked(freshEvents(), size, insertBare);
    const perEvent = await chunked(freshEvents(), size, async (chunk, client) => {
      for (const event of chunk) await projection.apply(event, client);
    });
    const batch = await chunked(freshEvents(), size, (chunk, client) => projection.applyBatch(chunk, client));
    chunks.push({
      size,
      ceilingSeconds: chunkCeiling.seconds,
      perEventSeconds: perEvent.seconds,
      batchSeconds: batch.seconds,
    });
  }
  return { events: events.length, applySeconds: apply.seconds, ceilingSeconds: ceiling.seconds, chunks };
}
