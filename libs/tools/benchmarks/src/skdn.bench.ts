import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseUrl, EventStore, inTransaction } from '@registry/event-store';
import { defaultRegionsDir, loadRegions } from '@registry/reference-data';
import { buildSkdnCounts, REPORTING_MIGRATIONS, SkdnQuery, type SkdnRequest } from '@registry/reporting-feature';
import { Pool } from 'pg';
import { latencies, latencyCells, table, timed } from './measure';
import { recreateDatabase } from './scratch-database';

const DATABASE = 'registry_skdn_bench';
/** The kabupaten every run asks for, and the share of the children living there (the rest over every desa). */
const BIG_REGENCY = '36.03';
const BIG_SHARE = 0.2;
const usage = 'usage: npm run -s bench:skdn -- [children=1000000] [months=12] [--keep]';

/**
 * `npm run bench:skdn`: SKDN for every desa of a kabupaten for one month (issue #26: p95 ≤ 50 ms at 1 million
 * children and 12 million measurements). Loads children (a fifth in one big kabupaten, the rest over every desa of the
 * country) and a weighing a month each, with posyandu, judgements, BGM and classes, straight into the SKDN projection's
 * version table of a fresh database; builds the counts with the projection's own set-based finish (what a rebuild
 * runs); checks the kept counts and the exact path give the same rows; then times SkdnQuery.run (no HTTP) on the kept
 * counts against the exact request-time path (asOf) on the same data.
 */
export async function benchSkdn(argv: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<string> {
  const numbers = argv.filter((arg) => !arg.startsWith('--')).map(Number);
  const [children = 1_000_000, months = 12] = numbers;
  if (!Number.isInteger(children) || !Number.isInteger(months) || children < 1000 || months < 2 || months > 12)
    return usage;
  const adminUrl = env['DATABASE_URL'];
  if (!adminUrl) throw new Error('DATABASE_URL is required (npm run infra:up writes it to .var/infra.env)');
  await recreateDatabase(adminUrl, DATABASE, true);
  const pool = new Pool({ connectionString: databaseUrl(adminUrl, DATABASE), max: 4 });
  const started = Date.now();
  try {
    for (const Migration of REPORTING_MIGRATIONS) {
      const migration = new Migration(null as never, null as never);
      migration.up();
      for (const sql of migration.getQueries()) await pool.query(String(sql));
    }
    const load = await timed(() => loadWeighings(pool, children, months));
    log(`loaded ${load.result.toLocaleString('en')} weighings in ${load.seconds.toFixed(0)} s`);
    const build = await timed(() => inTransaction(pool, buildSkdnCounts));
    log(`built the counts in ${build.seconds.toFixed(0)} s`);
    await pool.query('VACUUM ANALYZE');

    const query = new SkdnQuery(new EventStore(pool), loadRegions());
    const { rows: typical } = await pool.query<{ regency_code: string }>(
      `SELECT regency_code FROM reporting_skdn_residents WHERE regency_code <> $1
        GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      [BIG_REGENCY],
    );
    const request = (regionCode: string): SkdnRequest => ({
      month: '2025-08',
      groupBy: 'village',
      regionCode,
      posyanduCode: null,
      asOf: null,
    });
    const results: Array<Array<string | number>> = [];
    const sizes: string[] = [];
    for (const regionCode of [BIG_REGENCY, typical[0].regency_code]) {
      const kept = await query.run(request(regionCode));
      const exactRows = await query.runExact(request(regionCode));
      if (JSON.stringify(kept) !== JSON.stringify(exactRows))
        throw new Error(`the kept counts and the exact path disagree for ${regionCode}`);
      const fast = await latencies(() => query.run(request(regionCode)), { warmup: 20, runs: 300, budgetSeconds: 60 });
      const exact = await latencies(() => query.runExact(request(regionCode)), {
        warmup: 1,
        runs: 10,
        budgetSeconds: 120,
      });
      log(`${regionCode}: kept p95 ${fast.p95.toFixed(1)} ms, exact p95 ${exact.p95.toFixed(1)} ms`);
      const weighed = kept.reduce((sum, row) => sum + row.weighed, 0);
      const k = kept.reduce((sum, row) => sum + (row.k ?? 0), 0);
      sizes.push(`${regionCode}: ${kept.length} desa, K ${fmt(k)}, D ${fmt(weighed)}`);
      results.push(
        [`${regionCode}, kept counts (asOf absent)`, ...latencyCells(fast), '≤ 50'],
        [`${regionCode}, peer: the exact request-time path (asOf now)`, ...latencyCells(exact), ''],
      );
    }
    const counts = await pool.query<{ weighings: number; chosen: number; cells: number }>(
      `SELECT (SELECT count(*) FROM reporting_skdn_weighings)::int AS weighings,
              (SELECT count(*) FROM reporting_skdn_chosen)::int AS chosen,
              (SELECT count(*) FROM reporting_skdn_counts)::int AS cells`,
    );
    return [
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ` +
        `${new Date().toISOString().slice(0, 10)}; ${fmt(children)} children × ${months} monthly weighings ` +
        `(${fmt(counts.rows[0].weighings)} loaded in ${load.seconds.toFixed(0)} s); counts built in ` +
        `${build.seconds.toFixed(0)} s (${fmt(counts.rows[0].chosen)} counted weighings, ${fmt(counts.rows[0].cells)} ` +
        `cells); whole run ${((Date.now() - started) / 60000).toFixed(1)} min`,
      `SKDN for 2025-08 per desa: ${sizes.join('; ')}; both paths gave identical rows`,
      '',
      table(
        [
          'SkdnQuery.run, groupBy=village, one kabupaten, one month',
          'runs',
          'p50 ms',
          'p95 ms',
          'max ms',
          'ceiling ms',
        ],
        results,
      ),
    ].join('\n');
  } finally {
    await pool.end();
    if (!argv.includes('--keep')) await recreateDatabase(adminUrl, DATABASE, false);
  }
}

const fmt = (n: number) => n.toLocaleString('en');

/**
 * Children with residences (for K) and one weighing a month in 2025 from January on (the SKDN
 * projection's versions): a posyandu of three per desa, the puskesmas of the kecamatan, B the first month then N, T
 * (a third of them the second in a row) or O, BGM at 2 %, about one in five stunted. Set-based, as a rebuild's COPY
 * would leave them.
 */
async function loadWeighings(pool: Pool, children: number, months: number): Promise<number> {
  const villages = readFileSync(path.join(defaultRegionsDir(), 'villages.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').slice(0, 2));
  await pool.query(
    `CREATE TEMP TABLE bench_villages AS
     SELECT n::int, village_code, district_code, left(district_code, 5) AS regency_code
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS v(village_code, district_code, n)`,
    [villages.map(([code]) => code), villages.map(([, district]) => district)],
  );
  await pool.query('ALTER TABLE bench_villages ADD PRIMARY KEY (n)');
  await pool.query(`CREATE TEMP TABLE bench_big AS
    SELECT row_number() OVER (ORDER BY n)::int AS n, village_code, district_code, regency_code
      FROM bench_villages WHERE regency_code = '${BIG_REGENCY}'`);
  await pool.query('ALTER TABLE bench_big ADD PRIMARY KEY (n)');
  const [{ all, big }] = (
    await pool.query<{ all: number; big: number }>(
      'SELECT (SELECT count(*) FROM bench_villages)::int AS all, (SELECT count(*) FROM bench_big)::int AS big',
    )
  ).rows;
  await pool.query('SELECT setseed(0.26)');
  const bigChildren = Math.round(children * BIG_SHARE);
  await pool.query(
    `CREATE TEMP TABLE bench_children AS
     SELECT gen_random_uuid() AS child_id, i,
            date '2021-01-01' + (i % 1460) AS birth_date, v.village_code, v.district_code, v.regency_code
       FROM generate_series(1, $1::int) i
       JOIN LATERAL (
         SELECT * FROM bench_big WHERE i <= $2 AND n = 1 + (i::bigint * 7919) % $3
         UNION ALL
         SELECT * FROM bench_villages WHERE i > $2 AND n = 1 + (i::bigint * 7919) % $4) v ON true`,
    [children, bigChildren, big, all],
  );
  await pool.query(
    `INSERT INTO reporting_skdn_residents (child_id, birth_date, merged, regency_code, district_code, village_code,
       registered_at)
     SELECT child_id, birth_date, false, regency_code, district_code, village_code, timestamptz '2024-12-01'
       FROM bench_children`,
  );
  const { rowCount } = await pool.query(
    `INSERT INTO reporting_skdn_weighings (measurement_id, version, child_id, recorded_at, voided, weighed, measured_on,
       regency_code, district_code, village_code, puskesmas_code, posyandu_code, judgement, consecutive_t, bgm, age_days,
       haz_class, haz_flag, whz_class, whz_flag, waz_class, waz_flag)
     SELECT gen_random_uuid(), 1, c.child_id, w.on_day + interval '9 hours', false, true, w.on_day,
            c.regency_code, c.district_code, c.village_code, 'PKM-' || c.district_code,
            'PY-' || c.village_code || '-' || (1 + c.i % 3), w.judgement, w.consecutive_t, r.bgm < 0.02,
            w.on_day - c.birth_date, r.haz, false, 'normal', false, CASE WHEN r.bgm < 0.02 THEN 'severely_underweight'
            ELSE 'normal' END, false
       FROM bench_children c
      CROSS JOIN generate_series(1, $1::int) m
      -- Correlated (WHERE on m), so drawn for each weighing rather than once.
      CROSS JOIN LATERAL (SELECT random() AS draw, random() AS bgm,
                                 CASE WHEN random() < 0.05 THEN 'severely_stunted' WHEN random() < 0.16 THEN 'stunted'
                                      ELSE 'normal' END AS haz
                           WHERE m IS NOT NULL) r
      CROSS JOIN LATERAL (
        SELECT (date '2025-01-01' + ((m - 1) * interval '1 month') + (c.i % 27) * interval '1 day')::date AS on_day,
               CASE WHEN m = 1 THEN 'B' WHEN r.draw < 0.55 THEN 'N' WHEN r.draw < 0.9 THEN 'T' ELSE 'O' END AS judgement,
               CASE WHEN m > 1 AND r.draw >= 0.55 AND r.draw < 0.9 THEN 1 + (r.draw < 0.67)::int ELSE 0 END
                 AS consecutive_t) w`,
    [months],
  );
  return rowCount ?? 0;
}
