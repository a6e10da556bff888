// The sponsor portal through its API, against the running services. One file because the four tests share the two
// sponsors, their children and pledges set up once (beforeAll), and the list of fields a portal child may carry.
import { randomUUID } from 'node:crypto';
import { clientOf, nikFor, registration, tokenFor, type Client } from '../support/registry';
import { request, serviceUrl, type JsonResponse } from '../support/services';
import { caseTrackerCaughtUp } from '../interventions/interventions-fixtures';
import {
  daysAfter,
  monthsFrom,
  randomPlaces,
  sponsorshipCaughtUp,
  timelineCaughtUp,
  today,
} from './sponsorship-fixtures';

/** Every key path a portal child may have: anything else reaching a sponsor is a leak. */
const PORTAL_CHILD_FIELDS = [
  'id',
  'pseudonym',
  'asOf',
  'sex',
  'ageMonths',
  'kecamatan',
  'growth[].measuredOn',
  'growth[].ageMonths',
  ...['heightForAge', 'weightForAge', 'weightForHeight', 'bmiForAge', 'headCircumferenceForAge'].map(
    (z) => `growth[].zScores.${z}`,
  ),
  // A classification is null where no z-score could be computed.
  ...['heightForAge', 'weightForAge', 'weightForHeight'].flatMap((c) => [
    `growth[].classifications.${c}`,
    ...['code', 'label'].map((part) => `growth[].classifications.${c}.${part}`),
  ]),
  'growth[].implausible',
  // The KMS judgement without the grams (null before intake judged weighings), and BGM.
  'growth[].weightGain',
  'growth[].weightGain.judgement',
  'growth[].weightGain.consecutiveT',
  'growth[].bgm',
  ...['type', 'severity', 'status', 'openedOn', 'closedOn', 'closeReason'].map((field) => `cases[].${field}`),
  ...['type', 'category', 'deliveredOn'].map((field) => `interventions[].${field}`),
  ...['id', 'status', 'agreementRef', 'endedOn'].map((field) => `sponsorships[].${field}`),
  ...['kind', 'description', 'amountIdr', 'startOn', 'months'].map((field) => `sponsorships[].commitment.${field}`),
  ...[
    'asOf',
    'monthsDue',
    'pledgedToDateIdr',
    'contributedIdr',
    'contributions',
    'monthsWithoutContribution',
    'lastContributionOn',
  ].map((field) => `sponsorships[].fulfilment.${field}`),
  // items is null for a contribution in cash only.
  ...['date', 'amountIdr', 'evidenceRef', 'items', 'items[].name', 'items[].quantity', 'items[].unit'].map(
    (field) => `sponsorships[].contributions[].${field}`,
  ),
  ...['kind', 'on', 'text'].map((field) => `sponsorships[].notices[].${field}`),
];

/** The key paths of the leaves of a JSON value; array elements share their array's path. */
function leafPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => leafPaths(item, `${path}[]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, path ? `${path}.${key}` : key));
  }
  return [path];
}

interface Sponsor {
  readonly id: string;
  readonly name: string;
  readonly portal: Client;
  /** Everything of this sponsor that another sponsor must never see. */
  readonly secrets: string[];
}

describe('sponsor portal: progress of one’s own children, never who they are, never another sponsor’s', () => {
  const [place, elsewhere] = randomPlaces(2);
  const identityFields: string[] = [];
  const children: Record<'shared' | 'onlyB' | 'dies' | 'duplicate' | 'survivor' | 'moves', string> = {} as never;
  const sponsorships: Record<string, string> = {};
  let tpps: Client;
  let identity: Client;
  let intake: Client;
  let interventions: Client;
  let a: Sponsor;
  let b: Sponsor;
  let measured: JsonResponse;

  const registerChild = async (): Promise<string> => {
    const birthDate = monthsFrom(today(), -18, 1);
    const personal = {
      nik: nikFor(place.districtCode, birthDate, 'female'),
      familyCardNumber: String(Math.floor(Math.random() * 9e15) + 1e15),
      name: `Siti Rahayu ${randomUUID().slice(0, 6)}`,
      mother: {
        name: `Ibu Kartini ${randomUUID().slice(0, 6)}`,
        nik: nikFor(place.districtCode, '1995-02-11', 'female'),
      },
      address: {
        villageCode: place.villageCode,
        rt: '007',
        rw: '003',
        line: `Jl. Kenanga No. ${randomUUID().slice(0, 4)}`,
      },
    };
    const { status, body } = await identity.post('/v1/children', registration({ birthDate, ...personal }));
    expect(status).toBe(201);
    identityFields.push(
      body.id,
      personal.nik,
      personal.familyCardNumber,
      personal.name,
      personal.mother.name,
      personal.mother.nik,
      personal.address.line,
      place.villageCode,
    );
    return body.id;
  };
  const registerSponsor = async (name: string): Promise<Sponsor> => {
    const contact = `${name.toLowerCase().replace(/\W+/g, '.')}@contoh.id`;
    const { body } = await tpps.post('/v1/sponsors', {
      type: 'company',
      name,
      contact,
      regencyCode: place.regencyCode,
    });
    return {
      id: body.sponsorId,
      name,
      portal: clientOf('sponsorship', { token: body.portal.token }),
      secrets: [body.sponsorId, name, contact],
    };
  };
  const pledge = async (sponsor: Sponsor, childId: string, key: string) => {
    const agreementRef = `BA ${sponsor.name} ${key} ${randomUUID().slice(0, 6)}`;
    const description = `Telur dan PMT dari ${sponsor.name}`;
    const { status, body } = await tpps.post('/v1/sponsorships', {
      sponsorId: sponsor.id,
      childId,
      commitment: { kind: 'pmt', description, amountIdr: 525_000, startOn: monthsFrom(today(), -1, 1), months: 6 },
      agreementRef,
    });
    expect(status).toBe(201);
    sponsorships[`${sponsor.name}:${key}`] = body.id;
    sponsor.secrets.push(body.id, agreementRef, description);
    return body.id as string;
  };
  const contribute = async (sponsor: Sponsor, sponsorshipId: string, amountIdr: number) => {
    const evidenceRef = `kwitansi ${sponsor.name} ${randomUUID().slice(0, 8)}`;
    const { status } = await tpps.post(`/v1/sponsorships/${sponsorshipId}/contributions`, {
      date: monthsFrom(today(), -1, 2),
      amountIdr,
      evidenceRef,
    });
    expect(status).toBe(201);
    sponsor.secrets.push(evidenceRef);
    return evidenceRef;
  };
  /** Every portal answer a sponsor can get: its list and each of its children. */
  const everythingSeenBy = async (sponsor: Sponsor): Promise<JsonResponse[]> => {
    const list = await sponsor.portal.get('/v1/portal/children');
    expect(list.status).toBe(200);
    const details = await Promise.all(
      list.body.items.map((item: { id: string }) => sponsor.portal.get(`/v1/portal/children/${item.id}`)),
    );
    return [list, ...details];
  };
  const childSeenBy = async (sponsor: Sponsor, pseudonym: string) => {
    const { body } = await sponsor.portal.get('/v1/portal/children');
    return body.items.find((item: { pseudonym: string }) => item.pseudonym === pseudonym);
  };

  beforeAll(async () => {
    const token = await tokenFor('tpps', place.regencyCode);
    tpps = clientOf('sponsorship', { token });
    identity = clientOf('identity', { token });
    intake = clientOf('intake', { token });
    interventions = clientOf('interventions', { token });
    for (const key of Object.keys({ shared: 0, onlyB: 0, dies: 0, duplicate: 0, survivor: 0, moves: 0 }))
      children[key as keyof typeof children] = await registerChild();
    [a, b] = [
      await registerSponsor(`Sponsor A ${randomUUID().slice(0, 4)}`),
      await registerSponsor(`Sponsor B ${randomUUID().slice(0, 4)}`),
    ];

    measured = await intake.post('/v1/measurements', {
      childId: children.shared,
      measuredOn: daysAfter(today(), -20),
      weightKg: 8.4,
      heightCm: 72.5,
      position: 'lying',
      puskesmasCode: 'PKM-E2E',
    });
    expect(measured.status).toBe(201);
    const { body: wrong } = await intake.post('/v1/measurements', {
      childId: children.shared,
      measuredOn: daysAfter(today(), -10),
      weightKg: 12,
      heightCm: 90,
      position: 'lying',
      puskesmasCode: 'PKM-E2E',
    });
    expect(
      (await intake.post(`/v1/measurements/${wrong.id}/void`, { reason: 'measured the wrong child' })).status,
    ).toBe(200);
    await sponsorshipCaughtUp(['identity']);

    await pledge(a, children.shared, 'shared');
    await pledge(a, children.dies, 'dies');
    await pledge(a, children.duplicate, 'duplicate');
    await pledge(a, children.moves, 'moves');
    const bShared = await pledge(b, children.shared, 'shared');
    await pledge(b, children.onlyB, 'onlyB');
    await pledge(b, children.moves, 'moves');
    await contribute(a, sponsorships[`${a.name}:shared`], 525_000);
    await contribute(b, bShared, 300_000);

    // The interventions service opened a case from the stunted measurement; a PMT paid by B's pledge is delivered.
    expect(measured.body.classifications.heightForAge.code).toBe('stunted');
    await caseTrackerCaughtUp();
    const notes = `Diantar ke rumah, dibiayai ${b.name}`;
    const delivered = await interventions.post('/v1/interventions', {
      childId: children.shared,
      type: 'pmt_toddler',
      status: 'delivered',
      deliveredOn: daysAfter(today(), -5),
      provider: 'DINKES',
      quantity: 30,
      unit: 'paket',
      fundingSource: 'SPONSORSHIP',
      sponsorshipId: bShared,
      notes,
    });
    expect(delivered.status).toBe(201);
    b.secrets.push(notes);
    await sponsorshipCaughtUp(['identity', 'intake', 'interventions']);
  });

  it('shows each sponsor its children under pseudonyms, with growth, case, interventions and its own contributions', async () => {
    const { body: list } = await a.portal.get('/v1/portal/children');
    expect(list.items.map((item: { pseudonym: string }) => item.pseudonym)).toEqual([
      'Anak #1',
      'Anak #2',
      'Anak #3',
      'Anak #4',
    ]);
    const shared = list.items[0];
    const detail = await a.portal.get(`/v1/portal/children/${shared.id}`);
    expect(detail.body).toEqual(shared);
    expect(shared).toMatchObject({
      sex: 'female',
      ageMonths: 18,
      kecamatan: expect.any(String),
      growth: [
        {
          measuredOn: measured.body.measuredOn,
          ageMonths: Math.floor(measured.body.ageDays / (365.25 / 12)),
          zScores: {
            heightForAge: measured.body.zScores.heightForAge,
            weightForAge: measured.body.zScores.weightForAge,
            weightForHeight: measured.body.zScores.weightForHeight,
            bmiForAge: measured.body.zScores.bmiForAge,
            headCircumferenceForAge: measured.body.zScores.headCircumferenceForAge,
          },
          classifications: {
            heightForAge: measured.body.classifications.heightForAge,
            weightForAge: measured.body.classifications.weightForAge,
            weightForHeight: measured.body.classifications.weightForHeight,
          },
          implausible: false,
        },
      ],
      sponsorships: [
        {
          id: sponsorships[`${a.name}:shared`],
          status: 'active',
          fulfilment: { monthsDue: 2, pledgedToDateIdr: 1_050_000, contributedIdr: 525_000 },
          contributions: [{ date: monthsFrom(today(), -1, 2), amountIdr: 525_000 }],
          notices: [],
        },
      ],
    });
    // Opened by the stunted measurement; the voided one (recovered, then withdrawn) may have left a closed case too.
    expect(shared.cases).toContainEqual({
      type: 'stunting',
      severity: 'moderate',
      status: 'open',
      openedOn: measured.body.measuredOn,
      closedOn: null,
      closeReason: null,
    });
    expect(shared.interventions).toContainEqual({
      type: 'pmt_toddler',
      category: 'specific',
      deliveredOn: daysAfter(today(), -5),
    });
    const { body: seenByB } = await b.portal.get('/v1/portal/children');
    expect(seenByB.items.map((item: { pseudonym: string }) => item.pseudonym)).toEqual([
      'Anak #1',
      'Anak #2',
      'Anak #3',
    ]);
    expect(seenByB.items[0].id).not.toBe(shared.id);
    expect(seenByB.items[0].sponsorships[0].fulfilment.contributedIdr).toBe(300_000);
  });

  it('answers 404 for a child the sponsor does not sponsor, and refuses every other role', async () => {
    const { body: ofB } = await b.portal.get('/v1/portal/children');
    const onlyB = ofB.items[1];
    expect((await a.portal.get(`/v1/portal/children/${onlyB.id}`)).status).toBe(404);
    expect((await a.portal.get(`/v1/portal/children/${children.onlyB}`)).status).toBe(404);
    expect((await a.portal.get('/v1/portal/children/0000000000000000')).status).toBe(404);
    expect((await tpps.get('/v1/portal/children')).status).toBe(403);
    expect((await request('GET', serviceUrl('sponsorship', '/v1/portal/children'))).status).toBe(401);
    expect((await a.portal.get(`/v1/sponsorships?regencyCode=${place.regencyCode}`)).status).toBe(403);
  });

  it('follows the child: a death ends, a move transfers, a merge carries on, each with a notice to the sponsor', async () => {
    const answers = [
      await identity.post(`/v1/children/${children.dies}/death`, { diedOn: today() }),
      await identity.post(`/v1/children/${children.moves}/relocations`, {
        villageCode: elsewhere.villageCode,
        movedOn: today(),
      }),
      await identity.post(`/v1/children/${children.duplicate}/merge`, {
        intoChildId: children.survivor,
        reason: 'registered twice',
      }),
    ];
    expect(answers.map(({ status }) => status)).toEqual([201, 201, 200]);
    await sponsorshipCaughtUp(['identity']);

    const died = await childSeenBy(a, 'Anak #2');
    expect(died.sponsorships[0]).toMatchObject({ status: 'ended', endedOn: today() });
    expect(died.sponsorships[0].notices).toEqual([
      { kind: 'ended', on: today(), text: expect.stringMatching(/passed away/) },
    ]);

    for (const sponsor of [a, b]) {
      const { body } = await sponsor.portal.get('/v1/portal/children');
      const moved = body.items.find((item: { sponsorships: { id: string }[] }) =>
        item.sponsorships.some((s) => s.id === sponsorships[`${sponsor.name}:moves`]),
      );
      expect(moved.sponsorships[0]).toMatchObject({
        status: 'active',
        notices: [{ kind: 'transferred', on: today() }],
      });
    }
    const movedId = sponsorships[`${a.name}:moves`];
    const listOf = async (regencyCode: string) =>
      (
        await clientOf('sponsorship', { token: await tokenFor('tpps', regencyCode) }).get('/v1/sponsorships')
      ).body.items.map((item: { id: string }) => item.id);
    expect(await listOf(place.regencyCode)).not.toContain(movedId);
    expect(await listOf(elsewhere.regencyCode)).toContain(movedId);

    // The months not yet begun continue on the surviving record, from the next month start on or after today.
    const firstRemaining = today().endsWith('-01') ? 1 : 2;
    const merged = await childSeenBy(a, 'Anak #3');
    expect(merged.sponsorships[0]).toMatchObject({ status: 'ended', endedOn: today() });
    const continued = await childSeenBy(a, 'Anak #5');
    expect(continued.sponsorships).toEqual([
      expect.objectContaining({
        status: firstRemaining === 1 ? 'active' : 'upcoming',
        commitment: expect.objectContaining({
          startOn: monthsFrom(today(), firstRemaining - 1, 1),
          months: 6 - firstRemaining,
        }),
      }),
    ]);
    expect(merged.sponsorships[0].notices[0].text).toContain(continued.sponsorships[0].id);
    a.secrets.push(continued.sponsorships[0].id);

    await timelineCaughtUp();
    const reporting = clientOf('reporting', { token: await tokenFor('tpps', place.regencyCode) });
    const { body: timeline } = await reporting.get(`/v1/children/${children.dies}/timeline`);
    const ended = timeline.events.find((e: { type: string }) => e.type === 'sponsorship.ended');
    expect(ended).toMatchObject({ source: 'sponsorship', data: { cause: 'child_died', endedOn: today() } });
  });

  it('never shows a sponsor any identity field of a child, nor anything of another sponsor', async () => {
    for (const [sponsor, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const answers = await everythingSeenBy(sponsor);
      expect(answers.length).toBeGreaterThan(3);
      for (const answer of answers) {
        const text = JSON.stringify(answer.body);
        for (const secret of [...identityFields, ...other.secrets])
          expect({ leaked: secret, in: text.includes(secret) }).toEqual({ leaked: secret, in: false });
        const children = 'items' in answer.body ? answer.body.items : [answer.body];
        for (const child of children) {
          expect(leafPaths(child).filter((path) => !PORTAL_CHILD_FIELDS.includes(path))).toEqual([]);
        }
      }
    }
  });
});
