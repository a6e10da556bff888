import type { GrowthStandards } from '@registry/anthropometry';
import { CASE_TYPES } from '@registry/interventions-domain';
import type { Regions } from '@registry/regions';
import { comparisonTable, expectedCandidates, expectedOpenCases, setRows, type ComparisonRow } from './care-expected';
import { committedChildren, planInterventions, planSponsorships, type CareOptions } from './care-plan';
import { waitForCaughtUp, type Backbone } from './caught-up';
import { expectOk, jsonClient, type JsonCall } from './http';
import type { Kabupaten } from './kabupaten';

export interface CareEndpoints {
  readonly identity: string;
  readonly intake: string;
  readonly interventions: string;
  readonly sponsorship: string;
}

export interface CareTokens {
  /** The TPPS of the generated kabupaten: records interventions, registers sponsors, pledges. */
  readonly tpps: string;
  /** The TPPS of the kabupaten children move to: follows their cases there. */
  readonly destinationTpps: string;
  /** Sweeps the cases of children who completed 60 months, reads the relays' lag. */
  readonly admin: string;
}

export interface CareReport {
  readonly matched: boolean;
  readonly table: string;
  readonly rows: readonly ComparisonRow[];
  readonly sent: Record<string, number>;
}

type Json = Record<string, unknown>;

/**
 * Care for the generated kabupaten, through the public APIs as the TPPS and its OPDs work: once the interventions
 * service has judged every measurement (and swept the children who completed 60 months), its open cases are
 * compared with those the domain's case rules give for the generated data; interventions are recorded for a seeded
 * share of them, a few Orang Tua Asuh registered and pledged to a seeded share of the candidates, with
 * contributions. Every write has an Idempotency-Key derived from the seed and the item, so a rerun doubles nothing.
 * Then what the services list is compared with what was sent.
 */
export async function pushCare(
  kabupaten: Kabupaten,
  standards: GrowthStandards,
  regions: Regions,
  childIds: ReadonlyMap<string, string>,
  endpoints: CareEndpoints,
  tokens: CareTokens,
  backbone: Omit<Backbone, 'adminToken'>,
  log: (line: string) => void,
  options: CareOptions & { readonly mergeDuplicates: boolean },
): Promise<CareReport> {
  const { regencyCode, moveToRegencyCode } = kabupaten.options;
  const keyOf = new Map([...childIds].map(([key, id]) => [id, key]));
  const idOf = (key: string) => childIds.get(key)!;
  const sent: Record<string, number> = {};
  const count = (what: string, n = 1) => (sent[what] = (sent[what] ?? 0) + n);
  const refusals: string[] = [];
  /** A write: 2xx is its answer; a refusal is counted (and compared with none) rather than ending the run. */
  const write = async (call: JsonCall, ...args: Parameters<JsonCall>): Promise<Json | null> => {
    const { status, body } = await call(...args);
    if (status >= 200 && status < 300) return body;
    refusals.push(`${args[0]} ${args[1]}: ${status} ${JSON.stringify(body)}`);
    if (refusals.length <= 5) log(`refused: ${refusals[refusals.length - 1]}`);
    return null;
  };
  const interventions = jsonClient(endpoints.interventions, tokens.tpps);
  const sponsorship = jsonClient(endpoints.sponsorship, tokens.tpps);
  const auth = { ...backbone, adminToken: tokens.admin };

  await waitForCaughtUp(auth, endpoints.interventions, [endpoints.identity, endpoints.intake]);
  await expectOk(jsonClient(endpoints.interventions, tokens.admin), 'POST', '/v1/cases:sweep');
  const open = expectedOpenCases(kabupaten, standards, options.today, options);
  const rows: ComparisonRow[] = [];
  for (const [regency, token] of [
    [regencyCode, tokens.tpps],
    [moveToRegencyCode, tokens.destinationTpps],
  ] as const) {
    const reported = await openCasesOf(jsonClient(endpoints.interventions, token), regency, keyOf);
    for (const type of CASE_TYPES) {
      const expected = new Set(
        [...open].flatMap(([key, cases]) =>
          cases.some((c) => c.type === type && c.regencyCode === regency) ? [key] : [],
        ),
      );
      const listed = new Set(reported.filter((c) => c.type === type).map((c) => c.key));
      if (regency === regencyCode || expected.size + listed.size > 0)
        rows.push(...setRows(`open ${type} cases in ${regency}`, expected, listed));
    }
  }

  const plans = planInterventions(kabupaten, open, options);
  const byChild = new Map<string, typeof plans>();
  for (const plan of plans) byChild.set(plan.childKey, [...(byChild.get(plan.childKey) ?? []), plan]);
  await inPool([...byChild.values()], 8, async (childPlans) => {
    for (const plan of childPlans) {
      const body = await write(
        interventions,
        'POST',
        '/v1/interventions',
        { childId: idOf(plan.childKey), ...plan.body },
        plan.key,
      );
      if (!body) continue;
      count('interventions');
      if (plan.delivery) {
        const delivered = await write(
          interventions,
          'POST',
          `/v1/interventions/${String(body['id'])}/delivery`,
          plan.delivery.body,
          plan.delivery.key,
        );
        if (delivered) count('deliveries');
      }
    }
  });
  log(
    `recorded ${sent['interventions'] ?? 0} interventions for ${byChild.size} children, ${sent['deliveries'] ?? 0} delivered later`,
  );
  const listedInterventions = (
    await inPool([...byChild.keys()], 8, async (key) => {
      const { items } = (await expectOk(interventions, 'GET', `/v1/children/${idOf(key)}/interventions`)) as {
        items: Array<{ id: string; status: string; caseId: string | null }>;
      };
      return items;
    })
  ).flat();
  // Every intervention the service holds for these children, not only the ids answered: a write done twice shows.
  const mine = listedInterventions;
  const deliveredPlans = plans.filter((plan) => plan.body.status === 'delivered' || plan.delivery !== null);
  rows.push(
    { what: 'interventions recorded', expected: plans.length, reported: mine.length },
    {
      what: 'interventions delivered',
      expected: deliveredPlans.length,
      reported: mine.filter((i) => i.status === 'delivered').length,
    },
    {
      what: 'interventions planned',
      expected: plans.length - deliveredPlans.length,
      reported: mine.filter((i) => i.status === 'planned').length,
    },
    {
      what: "interventions serving the child's open case",
      expected: plans.filter((p) => p.servesCase).length,
      reported: mine.filter((i) => i.caseId !== null).length,
    },
  );

  await waitForCaughtUp(auth, endpoints.sponsorship, [endpoints.identity, endpoints.interventions]);
  const { sponsors, pledges } = planSponsorships(kabupaten, expectedCandidates(open, regencyCode), options);
  const sponsorIds: string[] = [];
  for (const sponsor of sponsors) {
    const body = await write(sponsorship, 'POST', '/v1/sponsors', sponsor.body, sponsor.key);
    if (body) sponsorIds.push(String(body['sponsorId']));
  }
  count('sponsors', sponsorIds.length);
  if (sponsorIds.length === sponsors.length)
    await inPool(pledges, 8, async (pledge) => {
      const { amountIdr, ...commitment } = pledge.commitment;
      const body = await write(
        sponsorship,
        'POST',
        '/v1/sponsorships',
        {
          sponsorId: sponsorIds[pledge.sponsor],
          childId: idOf(pledge.childKey),
          commitment: amountIdr === null ? commitment : { ...commitment, amountIdr },
          agreementRef: pledge.agreementRef,
        },
        pledge.key,
      );
      if (!body) return;
      count('pledges');
      if (
        pledge.contribution &&
        (await write(
          sponsorship,
          'POST',
          `/v1/sponsorships/${String(body['id'])}/contributions`,
          pledge.contribution.body,
          pledge.contribution.key,
        ))
      )
        count('contributions');
    });
  log(
    `registered ${sponsorIds.length} sponsors, ${sent['pledges'] ?? 0} pledges, ${sent['contributions'] ?? 0} contributions`,
  );
  const listedCandidates = new Set(
    (
      await Promise.all(
        regions
          .childrenOf(regencyCode)
          .filter((district) => district.level === 'district')
          .map(async (district) => {
            const { items } = (await expectOk(
              sponsorship,
              'GET',
              `/v1/sponsorships/candidates?districtCode=${district.code}`,
            )) as {
              items: Array<{ childId: string }>;
            };
            return items.flatMap((item) => (keyOf.has(item.childId) ? [keyOf.get(item.childId)!] : []));
          }),
      )
    ).flat(),
  );
  rows.push(
    ...setRows(
      `sponsorship candidates in ${regencyCode}`,
      new Set(expectedCandidates(open, regencyCode, committedChildren(pledges))),
      listedCandidates,
    ),
  );
  const { items } = (await expectOk(sponsorship, 'GET', '/v1/sponsorships')) as {
    items: Array<{
      sponsorId: string;
      childId: string;
      status: string;
      fulfilment: { contributions: number; contributedIdr: number };
    }>;
  };
  // Every sponsorship of the generated children, whoever pledged it: a sponsor or pledge written twice shows.
  const listed = items.filter((item) => keyOf.has(item.childId));
  const contributions = pledges.flatMap((pledge) => (pledge.contribution ? [pledge.contribution.body] : []));
  rows.push(
    {
      what: 'sponsors of those sponsorships',
      expected: new Set(pledges.map((pledge) => pledge.sponsor)).size,
      reported: new Set(listed.map((item) => item.sponsorId)).size,
    },
    { what: 'sponsorships listed', expected: pledges.length, reported: listed.length },
    ...(['upcoming', 'active', 'completed'] as const).map((status) => ({
      what: `sponsorships ${status}`,
      expected: pledges.filter((pledge) => pledge.status === status).length,
      reported: listed.filter((item) => item.status === status).length,
    })),
    {
      what: 'contributions',
      expected: contributions.length,
      reported: listed.reduce((sum, item) => sum + item.fulfilment.contributions, 0),
    },
    {
      what: 'contributed (Rp)',
      expected: contributions.reduce((sum, c) => sum + (c.amountIdr ?? 0), 0),
      reported: listed.reduce((sum, item) => sum + item.fulfilment.contributedIdr, 0),
    },
    { what: 'writes refused', expected: 0, reported: refusals.length },
  );
  const { matched, text } = comparisonTable(`care for ${regencyCode} (seed ${kabupaten.options.seed})`, rows);
  log(text);
  return { matched, table: text, rows, sent };
}

/** The open cases a TPPS lists (GET /v1/cases, page by page), of the generated children only. */
async function openCasesOf(
  call: JsonCall,
  regencyCode: string,
  keyOf: ReadonlyMap<string, string>,
): Promise<Array<{ key: string; type: string }>> {
  const found = new Map<string, { key: string; type: string }>();
  for (let offset = 0; ; offset += 1000) {
    const { items } = (await expectOk(
      call,
      'GET',
      `/v1/cases?regencyCode=${regencyCode}&status=open&limit=1000&offset=${offset}`,
    )) as {
      items: Array<{ id: string; childId: string; type: string }>;
    };
    for (const item of items)
      if (keyOf.has(item.childId)) found.set(item.id, { key: keyOf.get(item.childId)!, type: item.type });
    if (items.length < 1000) return [...found.values()];
  }
}

/** Runs `work` on every item, at most `width` at a time; answers in the items' order. */
async function inPool<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]);
      }
    }),
  );
  return results;
}
