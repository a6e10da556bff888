import type { GrowthStandards } from '@registry/anthropometry';
import type { Pool } from 'pg';
import { expectedOpenStuntingCases, expectedStunting } from '../expected';
import type { Kabupaten } from '../kabupaten';
import type { PushReport } from '../push';
import type { IsolatedStack, Service } from './isolated-stack';

export interface Check {
  readonly name: string;
  readonly expected: number | string;
  readonly actual: number | string;
  readonly ok: boolean;
}

export interface CheckInputs {
  readonly kabupaten: Kabupaten;
  readonly pushed: PushReport;
  readonly standards: GrowthStandards;
  readonly databases: Record<Service, Pool>;
  readonly stack: IsolatedStack;
  readonly tokens: { readonly statistician: string; readonly admin: string };
  /** The day the interventions service applies its case rules on (UTC+9). */
  readonly today: string;
}

const check = (name: string, expected: number | string, actual: number | string): Check => ({
  name,
  expected,
  actual,
  ok: expected === actual,
});

/**
 * Compares what the registry holds after the faults with what the generator sent: no acknowledged record lost,
 * none counted twice, reports as the generator computes them, each child's timeline complete with sound chains.
 */
export async function checkRound(inputs: CheckInputs): Promise<Check[]> {
  return [
    ...(await identityChecks(inputs)),
    ...(await intakeChecks(inputs)),
    ...(await reportChecks(inputs)),
    ...(await caseChecks(inputs)),
    ...(await timelineChecks(inputs)),
  ];
}

async function eventCounts(db: Pool): Promise<Map<string, number>> {
  const { rows } = await db.query<{ type: string; n: number }>(
    'SELECT type, count(*)::int AS n FROM es_events GROUP BY type',
  );
  return new Map(rows.map((row) => [row.type, row.n]));
}

async function identityChecks({ kabupaten, pushed, databases }: CheckInputs): Promise<Check[]> {
  const children = kabupaten.children;
  const events = await eventCounts(databases.identity);
  const registrations = children.length + children.filter((child) => child.duplicate).length;
  return [
    check('identity: children registered', registrations, events.get('child.registered') ?? 0),
    check('identity: distinct child ids acknowledged', registrations, new Set(pushed.childIds.values()).size),
    check('identity: moves', children.filter((c) => c.move).length, events.get('child.relocated') ?? 0),
    check('identity: deaths', children.filter((c) => c.diedOn).length, events.get('child.died') ?? 0),
    check('identity: merges', children.filter((c) => c.duplicate).length, events.get('child.merged') ?? 0),
  ];
}

async function intakeChecks({ kabupaten, pushed, databases }: CheckInputs): Promise<Check[]> {
  const visits = kabupaten.children.flatMap((child) => [
    ...child.visits,
    ...(child.duplicate ? [child.duplicate.visit] : []),
  ]);
  const typos = visits.filter((visit) => visit.typo).length;
  const { rows } = await databases.intake.query<{ source_record_id: string; measurement_id: string }>(
    'SELECT source_record_id, measurement_id FROM intake_source_records',
  );
  const stored = new Map(rows.map((row) => [row.source_record_id, row.measurement_id]));
  const lost = visits.filter((visit) => !stored.has(visit.sourceRecordId)).length;
  const notAsAcknowledged = [...pushed.measurementIds].filter(([source, id]) => stored.get(source) !== id).length;
  const events = await eventCounts(databases.intake);
  const { rows: versions } = await databases.reporting.query<{ n: number; measurements: number }>(
    'SELECT count(*)::int AS n, count(DISTINCT measurement_id)::int AS measurements FROM reporting_measurement_versions',
  );
  return [
    check('intake: measurements acknowledged', visits.length, pushed.measurementIds.size),
    check('intake: source records stored', visits.length, rows.length),
    check('intake: acknowledged records lost', 0, lost),
    check('intake: records whose measurement is not the acknowledged one', 0, notAsAcknowledged),
    check('intake: measurement.recorded events', visits.length, events.get('measurement.recorded') ?? 0),
    check('intake: measurement.corrected events', typos, events.get('measurement.corrected') ?? 0),
    check('reporting: measurements', visits.length, versions[0].measurements),
    check('reporting: measurement versions', visits.length + typos, versions[0].n),
  ];
}

type ReportRow = {
  code: string;
  measured: number;
  severelyStunted: number;
  stunted: number;
  normal: number;
  tall: number;
  flaggedExcluded: number;
};
const FIGURES = ['measured', 'severelyStunted', 'stunted', 'normal', 'tall', 'flaggedExcluded'] as const;

async function reportChecks({ kabupaten, standards, stack, tokens }: CheckInputs): Promise<Check[]> {
  const year = kabupaten.options.untilMonth.slice(0, 4);
  const expected = expectedStunting(kabupaten, standards, `${year}-01-01`, `${year}-12-31`);
  const regencies = [kabupaten.options.regencyCode, kabupaten.options.moveToRegencyCode];
  const reported: ReportRow[] = [];
  for (const regencyCode of regencies) {
    const response = await fetch(
      `${stack.urls.reporting}/v1/reports/stunting-prevalence?groupBy=district&period=${year}&regencyCode=${regencyCode}`,
      { headers: { authorization: `Bearer ${tokens.statistician}` } },
    );
    if (!response.ok)
      throw new Error(`stunting-prevalence ${regencyCode}: ${response.status} ${await response.text()}`);
    reported.push(...((await response.json()) as { rows: ReportRow[] }).rows);
  }
  const figures = (row: ReportRow | undefined) => FIGURES.map((figure) => row?.[figure] ?? 0).join('/');
  const differing = expected.filter((row) => figures(row) !== figures(reported.find((r) => r.code === row.code)));
  const unexpected = reported.filter(
    (row) => (row.measured > 0 || row.flaggedExcluded > 0) && !expected.some((e) => e.code === row.code),
  );
  const sum = (rows: readonly ReportRow[], figure: (typeof FIGURES)[number]) =>
    rows.reduce((total, row) => total + row[figure], 0);
  return [
    check(`reporting: children measured in ${year}`, sum(expected, 'measured'), sum(reported, 'measured')),
    check(
      `reporting: stunted + severely stunted in ${year}`,
      sum(expected, 'stunted') + sum(expected, 'severelyStunted'),
      sum(reported, 'stunted') + sum(reported, 'severelyStunted'),
    ),
    check(
      `reporting: kecamatan whose stunting figures differ from the generator's (of ${expected.length})`,
      0,
      differing.length + unexpected.length,
    ),
  ];
}

async function caseChecks({ kabupaten, standards, databases, today }: CheckInputs): Promise<Check[]> {
  const { rows } = await databases.interventions.query<{ open: number; doubled: number }>(
    `SELECT count(*) FILTER (WHERE status = 'open')::int AS open,
            (SELECT count(*)::int FROM (SELECT 1 FROM interventions_cases WHERE status = 'open'
               GROUP BY child_id, type HAVING count(*) > 1) d) AS doubled
       FROM interventions_cases WHERE type = 'stunting'`,
  );
  return [
    check('interventions: open stunting cases', expectedOpenStuntingCases(kabupaten, standards, today), rows[0].open),
    check('interventions: children with two open cases of one type', 0, rows[0].doubled),
  ];
}

async function timelineChecks({ kabupaten, pushed, databases, stack, tokens }: CheckInputs): Promise<Check[]> {
  const reporting = databases.reporting;
  const { rows: doubled } = await reporting.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM reporting_timeline GROUP BY stream_id, stream_version
       HAVING count(*) > 1) d`,
  );
  const checks: Check[] = [check('timelines: stream versions held twice', 0, doubled[0].n)];
  // Every event of the kinds a timeline shows is in it once: compared by event id with each service's store.
  for (const source of ['identity', 'intake', 'interventions'] as const) {
    const { rows: held } = await reporting.query<{ event_id: string; type: string }>(
      `SELECT event_id, envelope::json->>'type' AS type FROM reporting_timeline WHERE topic = $1`,
      [source],
    );
    const types = [...new Set(held.map((row) => row.type))];
    const { rows: written } = await databases[source].query<{ event_id: string }>(
      'SELECT event_id FROM es_events WHERE type = ANY($1)',
      [types],
    );
    const heldIds = new Set(held.map((row) => row.event_id));
    const writtenIds = new Set(written.map((row) => row.event_id));
    checks.push(
      check(`timelines: ${source} events missing`, 0, written.filter((row) => !heldIds.has(row.event_id)).length),
      check(
        `timelines: ${source} events not in its store`,
        0,
        held.filter((row) => !writtenIds.has(row.event_id)).length,
      ),
    );
  }
  // The public timeline of the children with the longest histories, and a few others: chains verified.
  const sample = kabupaten.children.filter(
    (child, i) => i < 20 || child.move || child.diedOn || child.duplicate || child.visits.some((visit) => visit.typo),
  );
  let broken = 0;
  let repeated = 0;
  for (const child of sample) {
    const response = await fetch(`${stack.urls.reporting}/v1/children/${pushed.childIds.get(child.key)}/timeline`, {
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    if (!response.ok) {
      broken += 1;
      continue;
    }
    const timeline = (await response.json()) as {
      events: Array<{ streamId: string; streamVersion: number }>;
      verification: Array<{ ok: boolean }>;
    };
    broken += timeline.verification.filter((stream) => !stream.ok).length;
    repeated += timeline.events.length - new Set(timeline.events.map((e) => `${e.streamId}#${e.streamVersion}`)).size;
  }
  checks.push(
    check(`timelines: broken hash chains (${sample.length} children read)`, 0, broken),
    check(`timelines: events shown twice (${sample.length} children read)`, 0, repeated),
  );
  return checks;
}
