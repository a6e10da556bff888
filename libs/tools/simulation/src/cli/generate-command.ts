import { todayInIndonesia } from '@registry/contracts';
import { parseArgs } from 'node:util';
import { DEV_SECRET_DEFAULT, signDevToken } from '@registry/access';
import { loadGrowthStandards, loadRegions } from '@registry/reference-data';
import { percent } from '@registry/reporting-domain';
import { pushCare } from '../care';
import { comparisonTable } from '../care-expected';
import { waitForCaughtUp } from '../caught-up';
import { expectOk, jsonClient } from '../http';
import { expectedSkdn, skdnRows } from '../skdn-expected';
import { expectedStunting } from '../expected';
import { generateKabupaten } from '../kabupaten';
import { pushKabupaten } from '../push';

const USAGE = `npm run generate -- --regency 36.03 --children 50000 --months 24 --seed 7
  --regency CODE        kabupaten/kota to populate (default 36.03, Kabupaten Tangerang)
  --children N          children to register (default 2000)
  --months N            months of posyandu visits, ending last month (default 24)
  --seed N              the same seed gives the same kabupaten (default 7)
  --prevalence PCT      stunting prevalence the children are drawn around (default 20)
  --until YYYY-MM       last month with visits (default: last month)
  --move-to CODE        kabupaten that moving children go to (default 36.04)
  --identity-url URL    default http://127.0.0.1:3001 (IDENTITY_PORT)
  --intake-url URL      default http://127.0.0.1:3002 (INTAKE_PORT)
  --keep-duplicates     do not merge the children registered twice; measure identity's duplicate finder instead
  --interventions-url URL  default http://127.0.0.1:3003 (INTERVENTIONS_PORT)
  --sponsorship-url URL default http://127.0.0.1:3004 (SPONSORSHIP_PORT)
  --reporting-url URL   default http://127.0.0.1:3005 (REPORTING_PORT)
  --intervention-share PCT  of the children with an open case, those given interventions (default 30)
  --sponsor-share PCT   of the sponsorship candidates, those an Orang Tua Asuh pledges to (default 25)
  --skip-care           push registrations and measurements only: no interventions, sponsors or case comparison
  --dry-run             generate and print what reports must say, send nothing`;

const pairKey = (a: string, b: string): string => [a, b].sort().join('+');

/** Generates a kabupaten, pushes it through the public APIs and prints what the reports must then say (JSON, last line). */
export async function runGenerateCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      regency: { type: 'string', default: '36.03' },
      children: { type: 'string', default: '2000' },
      months: { type: 'string', default: '24' },
      seed: { type: 'string', default: '7' },
      prevalence: { type: 'string', default: '20' },
      until: { type: 'string' },
      'move-to': { type: 'string', default: '36.04' },
      'identity-url': { type: 'string', default: `http://127.0.0.1:${env['IDENTITY_PORT'] ?? 3001}` },
      'intake-url': { type: 'string', default: `http://127.0.0.1:${env['INTAKE_PORT'] ?? 3002}` },
      'interventions-url': { type: 'string', default: `http://127.0.0.1:${env['INTERVENTIONS_PORT'] ?? 3003}` },
      'sponsorship-url': { type: 'string', default: `http://127.0.0.1:${env['SPONSORSHIP_PORT'] ?? 3004}` },
      'reporting-url': { type: 'string', default: `http://127.0.0.1:${env['REPORTING_PORT'] ?? 3005}` },
      'intervention-share': { type: 'string', default: '30' },
      'sponsor-share': { type: 'string', default: '25' },
      'skip-care': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'keep-duplicates': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return USAGE;
  const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 7);
  const options = {
    regencyCode: values.regency!,
    children: Number(values.children),
    months: Number(values.months),
    seed: Number(values.seed),
    prevalencePct: Number(values.prevalence),
    untilMonth: values.until ?? lastMonth,
    moveToRegencyCode: values['move-to']!,
  };
  if (!/^\d{2}\.\d{2}$/.test(options.regencyCode))
    throw new Error(`--regency must be a kabupaten code like 36.03\n${USAGE}`);
  if (!(options.children > 0) || !(options.months > 0) || !(options.prevalencePct > 0 && options.prevalencePct < 100))
    throw new Error(USAGE);
  const regions = loadRegions();
  const standards = loadGrowthStandards();
  const kabupaten = generateKabupaten(regions, standards, options);
  const visits = kabupaten.children.reduce((sum, child) => sum + child.visits.length, 0);
  log(
    `generated ${kabupaten.children.length} children with ${visits} visits in ${regions.find(options.regencyCode)?.name ?? options.regencyCode} (seed ${options.seed})`,
  );
  let pushed: Record<string, unknown> = {};
  let care: Record<string, unknown> | undefined;
  let skdn: Record<string, unknown> | undefined;
  if (!values['dry-run']) {
    const secret = env['AUTH_DEV_SECRET'] ?? DEV_SECRET_DEFAULT;
    const token = async (regencyCode: string, role: 'tpps' | 'admin' = 'tpps') => {
      const signed = await signDevToken({ role, regencyCode, subject: `simulation-${regencyCode}` }, secret);
      if (signed.kind !== 'signed') throw new Error(signed.reason);
      return signed.token;
    };
    const tpps = await token(options.regencyCode);
    const report = await pushKabupaten(
      kabupaten,
      { identity: values['identity-url']!, intake: values['intake-url']! },
      { tpps, destinationTpps: await token(options.moveToRegencyCode) },
      log,
      { mergeDuplicates: !values['keep-duplicates'] },
    );
    pushed = { seconds: report.seconds, ...report.counts };
    if (values['keep-duplicates']) {
      const planted = new Set(
        kabupaten.children.flatMap((child) =>
          child.duplicate ? [pairKey(report.childIds.get(child.key)!, report.childIds.get(child.duplicate.key)!)] : [],
        ),
      );
      const response = await fetch(`${values['identity-url']}/v1/children/duplicates`, {
        headers: { authorization: `Bearer ${tpps}` },
      });
      const { pairs } = (await response.json()) as { pairs: Array<{ childId: string; otherChildId: string }> };
      const ours = new Set(report.childIds.values());
      const found = pairs
        .filter((pair) => ours.has(pair.childId) && ours.has(pair.otherChildId))
        .map((pair) => pairKey(pair.childId, pair.otherChildId));
      const truePositives = found.filter((pair) => planted.has(pair)).length;
      pushed = {
        ...pushed,
        duplicates: {
          planted: planted.size,
          listed: found.length,
          truePositives,
          precision: percent(truePositives, found.length),
          recall: percent(truePositives, planted.size),
        },
      };
    }
    log(`pushed in ${report.seconds.toFixed(1)} s: ${JSON.stringify(report.counts)}`);
    if (!values['skip-care']) {
      const result = await pushCare(
        kabupaten,
        standards,
        regions,
        report.childIds,
        {
          identity: values['identity-url']!,
          intake: values['intake-url']!,
          interventions: values['interventions-url']!,
          sponsorship: values['sponsorship-url']!,
        },
        {
          tpps,
          destinationTpps: await token(options.moveToRegencyCode),
          admin: await token(options.regencyCode, 'admin'),
        },
        { databaseUrl: env['DATABASE_URL'] ?? '', brokers: (env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',') },
        log,
        {
          today: todayInIndonesia(new Date()),
          interventionSharePct: Number(values['intervention-share']),
          sponsorSharePct: Number(values['sponsor-share']),
          mergeDuplicates: !values['keep-duplicates'],
        },
      );
      care = { matched: result.matched, sent: result.sent, rows: result.rows };
    }
    // SKDN of the last month with visits, as the report gives it once reporting has every event (merged duplicates
    // only: a duplicate kept apart is a child of its own to the registry, not to the generator).
    if (!values['keep-duplicates']) {
      const month = options.untilMonth;
      await waitForCaughtUp(
        {
          databaseUrl: env['DATABASE_URL'] ?? '',
          brokers: (env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
          adminToken: await token(options.regencyCode, 'admin'),
        },
        values['reporting-url']!,
        [values['identity-url']!, values['intake-url']!],
      );
      const { rows: reported } = (await expectOk(
        jsonClient(values['reporting-url']!, tpps),
        'GET',
        `/v1/reports/skdn?period=${month}&groupBy=district`,
      )) as { rows: Parameters<typeof skdnRows>[2] };
      const expected = expectedSkdn(kabupaten, standards, month);
      const { matched, text } = comparisonTable(
        `SKDN of ${options.regencyCode} (seed ${options.seed})`,
        skdnRows(month, expected, reported),
      );
      log(text);
      skdn = { month, matched, rows: expected };
    }
  }
  const year = options.untilMonth.slice(0, 4);
  const rows = expectedStunting(kabupaten, standards, `${year}-01-01`, `${year}-12-31`).filter((row) =>
    row.code.startsWith(options.regencyCode),
  );
  const total = rows.reduce(
    (sum, row) => ({ measured: sum.measured + row.measured, stunted: sum.stunted + row.stunted + row.severelyStunted }),
    { measured: 0, stunted: 0 },
  );
  return JSON.stringify({
    regencyCode: options.regencyCode,
    seed: options.seed,
    pushed,
    ...(care ? { care } : {}),
    ...(skdn ? { skdn } : {}),
    expected: {
      report: 'stunting-prevalence',
      period: year,
      ageGroup: 'balita',
      groupBy: 'district',
      prevalencePct: percent(total.stunted, total.measured),
      rows: rows.map((row) => ({ ...row, prevalencePct: percent(row.stunted + row.severelyStunted, row.measured) })),
    },
  });
}
