import { uuidV7 } from '@registry/contracts';
import { caseTrackerCaughtUp, registryOf, type Child } from '../interventions/interventions-fixtures';
import { clientOf, registration, tokenFor, type Client } from '../support/registry';
import { daysAfter, monthsFrom, randomPlaces, sponsorshipCaughtUp, today } from './sponsorship-fixtures';

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const between = (min: number, max: number): number => min + Math.floor(Math.random() * (max - min + 1));

/**
 * Generated scenarios, checked against figures the test derives from how it built them: which children of a
 * kecamatan still need a sponsor, and how much each sponsor gave against what it pledged.
 */
describe('sponsorship service: candidates and fulfilment on generated scenarios', () => {
  const [place, elsewhere] = randomPlaces(2);
  let identity: Client;
  let intake: Client;
  let interventions: Client;
  let sponsorship: Client;

  const registerChildren = async (count: number): Promise<string[]> => {
    const { status, body } = await identity.post('/v1/children:batch', {
      items: Array.from({ length: count }, () =>
        registration({ birthDate: monthsFrom(today(), -18, 1), address: { villageCode: place.villageCode } }),
      ),
    });
    expect(status).toBe(200);
    return body.results.map((result: { id: string }) => result.id);
  };
  const registerSponsor = async (): Promise<string> =>
    (
      await sponsorship.post('/v1/sponsors', {
        type: pick(['individual', 'company', 'tni', 'polri', 'asn', 'baznas', 'ngo', 'other']),
        name: `Donatur ${uuidV7().slice(-6)}`,
        contact: '+62 811 000 000',
        regencyCode: place.regencyCode,
      })
    ).body.sponsorId;
  const pledge = async (childId: string, commitment: Record<string, unknown>): Promise<string> => {
    const { status, body } = await sponsorship.post('/v1/sponsorships', {
      sponsorId: await registerSponsor(),
      childId,
      commitment: { kind: 'pmt', description: 'PMT lokal', ...commitment },
      agreementRef: `BA Rembuk Stunting ${place.regencyCode}`,
    });
    expect(status).toBe(201);
    return body.id;
  };

  beforeAll(async () => {
    const token = await tokenFor('tpps', place.regencyCode);
    identity = clientOf('identity', { token });
    intake = clientOf('intake', { token });
    interventions = clientOf('interventions', { token });
    sponsorship = clientOf('sponsorship', { token });
  });

  it('lists the children with an open stunting case and no upcoming or active sponsor, oldest case first', async () => {
    const fates = [
      'unsponsored',
      'active pledge',
      'ended pledge',
      'upcoming pledge',
      'completed pledge',
      'wasting case',
      'closed case',
      'no case',
      'died',
      'moved away',
    ] as const;
    const generated = [...fates, ...Array.from({ length: 6 }, () => pick(fates))];
    const registry = registryOf(identity, intake);
    const children: Child[] = [];
    for (const _ of generated)
      children.push(
        await registry.register(monthsFrom(today(), -18, 1), {
          sex: 'female',
          address: { villageCode: place.villageCode },
        }),
      );
    // Each case is opened by the interventions service from a stunted (or wasted) measurement on a distinct day
    // within the last year, shuffled over the children; a normal measurement today closes one as recovered.
    const openedOn = children.map((_, i) => daysAfter(today(), -(10 + i * 17))).sort(() => Math.random() - 0.5);
    for (const [i, fate] of generated.entries()) {
      const child = children[i];
      if (fate !== 'no case')
        await registry.measure(
          child,
          openedOn[i],
          fate === 'wasting case' ? { weightForHeight: 'wasted' } : { heightForAge: 'stunted' },
        );
      if (fate === 'closed case') await registry.measure(child, today(), {});
    }
    await caseTrackerCaughtUp();
    for (const [i, fate] of generated.entries()) {
      const childId = children[i].id;
      if (fate === 'died') await identity.post(`/v1/children/${childId}/death`, { diedOn: today() });
      if (fate === 'moved away') {
        await identity.post(`/v1/children/${childId}/relocations`, {
          villageCode: elsewhere.villageCode,
          movedOn: today(),
        });
      }
    }
    await caseTrackerCaughtUp();
    await sponsorshipCaughtUp(['identity', 'intake', 'interventions']);
    for (const [i, fate] of generated.entries()) {
      const childId = children[i].id;
      if (fate === 'active pledge') await pledge(childId, { startOn: monthsFrom(today(), -1, 1), months: 6 });
      if (fate === 'upcoming pledge') await pledge(childId, { startOn: monthsFrom(today(), 1, 1), months: 6 });
      if (fate === 'completed pledge') await pledge(childId, { startOn: monthsFrom(today(), -4, 1), months: 2 });
      if (fate === 'ended pledge') {
        const id = await pledge(childId, { startOn: monthsFrom(today(), -1, 1), months: 6 });
        expect((await sponsorship.post(`/v1/sponsorships/${id}/end`, { reason: 'sponsor withdrew' })).status).toBe(200);
      }
    }

    const { status, body } = await sponsorship.get(`/v1/sponsorships/candidates?districtCode=${place.districtCode}`);
    expect(status).toBe(200);
    const needing = new Set(['unsponsored', 'ended pledge', 'completed pledge']);
    const expected = [];
    for (const [i, fate] of generated.entries()) {
      if (!needing.has(fate)) continue;
      const cases = await interventions.get(`/v1/cases?childId=${children[i].id}&status=open`);
      expect(cases.body.items).toHaveLength(1);
      expect(cases.body.items[0]).toMatchObject({ type: 'stunting', openedOn: openedOn[i] });
      expected.push({ childId: children[i].id, caseId: cases.body.items[0].id, caseOpenedOn: openedOn[i] });
    }
    expected.sort((x, y) => x.caseOpenedOn.localeCompare(y.caseOpenedOn));
    expect(body).toMatchObject({ asOf: today(), districtCode: place.districtCode, districtName: expect.any(String) });
    // Only this run's children: a database kept from earlier runs may hold other candidates in the same kecamatan.
    const ours = new Set(children.map((child) => child.id));
    expect(
      body.items
        .filter((item: { childId: string }) => ours.has(item.childId))
        .map(({ childId, caseId, caseOpenedOn }: Record<string, string>) => ({ childId, caseId, caseOpenedOn })),
    ).toEqual(expected);
    expect(
      body.items
        .filter((item: { childId: string }) => ours.has(item.childId))
        .every((item: { sex: string; ageMonths: number }) => item.sex === 'female' && item.ageMonths >= 17),
    ).toBe(true);
  });

  it('refuses an unknown kecamatan (422), a malformed one (400) and one of another kabupaten (404)', async () => {
    expect((await sponsorship.get('/v1/sponsorships/candidates?districtCode=99.99.99')).body).toMatchObject({
      field: 'districtCode',
    });
    expect((await sponsorship.get('/v1/sponsorships/candidates?districtCode=3603')).status).toBe(400);
    expect((await sponsorship.get('/v1/sponsorships/candidates')).status).toBe(400);
    expect((await sponsorship.get(`/v1/sponsorships/candidates?districtCode=${elsewhere.districtCode}`)).status).toBe(
      404,
    );
  });

  it('reports contributed against pledged to date and the months without a contribution, in whole rupiah', async () => {
    const children = await registerChildren(8);
    await sponsorshipCaughtUp(['identity']);
    // Each commitment starts k-1 months before this month on a day every month has: exactly k months have begun,
    // the first k-1 are over, the k-th runs now.
    const day = Math.min(Number(today().slice(8, 10)), 28);
    const expected = new Map<string, Record<string, number | null>>();
    for (const childId of children) {
      const months = between(3, 12);
      const begun = between(1, months);
      const inKind = Math.random() < 0.25;
      const amountIdr = inKind ? null : 500 * between(20, 2000);
      const startOn = monthsFrom(today(), -(begun - 1), day);
      const id = await pledge(childId, { startOn, months, ...(amountIdr === null ? { kind: 'eggs' } : { amountIdr }) });
      let contributedIdr = 0;
      let contributions = 0;
      let monthsWithoutContribution = 0;
      for (let month = 0; month < begun; month += 1) {
        const given: Array<{ date: string; amountIdr?: number; items?: object[] }> = Array.from(
          { length: pick([0, 1, 1, 2]) },
          () => ({
            date: [daysAfter(monthsFrom(startOn, month, day), between(0, 27)), today()].sort()[0],
            ...(Math.random() < 0.2
              ? { items: [{ name: 'telur ayam', quantity: between(10, 60), unit: 'butir' }] }
              : { amountIdr: between(1, 400) * 1000 }),
          }),
        );
        if (given.length === 0 && month < begun - 1) monthsWithoutContribution += 1;
        for (const contribution of given) {
          const { status } = await sponsorship.post(`/v1/sponsorships/${id}/contributions`, contribution);
          expect(status).toBe(201);
          contributedIdr += contribution.amountIdr ?? 0;
          contributions += 1;
        }
      }
      expected.set(id, {
        monthsDue: begun,
        pledgedToDateIdr: amountIdr === null ? null : amountIdr * begun,
        contributedIdr,
        contributions,
        monthsWithoutContribution,
      });
    }

    const { status, body } = await sponsorship.get(`/v1/sponsorships?regencyCode=${place.regencyCode}&status=active`);
    expect(status).toBe(200);
    const figures = new Map(
      body.items.map((item: { id: string; fulfilment: Record<string, unknown> }) => [item.id, item.fulfilment]),
    );
    for (const [id, fulfilment] of expected)
      expect({ id, ...(figures.get(id) as object) }).toMatchObject({ id, ...fulfilment });
    expect(body.items.every((item: { status: string }) => item.status === 'active')).toBe(true);
    for (const item of body.items) {
      expect(Number.isInteger(item.fulfilment.contributedIdr)).toBe(true);
      expect(item.fulfilment.pledgedToDateIdr === null || Number.isInteger(item.fulfilment.pledgedToDateIdr)).toBe(
        true,
      );
    }
    const ended = await sponsorship.get(`/v1/sponsorships?regencyCode=${place.regencyCode}&status=ended`);
    expect(ended.body.items.some((item: { id: string }) => expected.has(item.id))).toBe(false);
    expect((await sponsorship.get('/v1/sponsorships?status=paused')).status).toBe(400);
    expect((await sponsorship.get('/v1/sponsorships?regencyCode=99.99')).body).toMatchObject({ field: 'regencyCode' });
    expect((await sponsorship.get(`/v1/sponsorships?regencyCode=${elsewhere.regencyCode}`)).status).toBe(404);
  });
});
