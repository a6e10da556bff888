import { TopicByService, todayInIndonesia } from '@registry/contracts';
import { ageInMonths } from '@registry/anthropometry';
import { daysBetween, priorityReasons } from '@registry/reporting-domain';
import { waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, randomVillage, registration, tokenFor } from '../support/registry';

/** The first day of the month `months` before today's. */
const monthStart = (today: string, months: number): string => {
  const [year, month] = today.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 - months, 1)).toISOString().slice(0, 10);
};

interface Answer {
  id: string;
  measuredOn: string;
  classifications: { heightForAge: { code: string } | null; weightForHeight: { code: string } | null };
  zScores: { heightForAge: number | null };
  weightGain: { consecutiveT: number } | null;
  bgm: boolean;
}

describe('reporting: the by-name priority list', () => {
  const today = todayInIndonesia(new Date());
  // Every child is 20 months old: stunting, 2T and a missed posyandu are all possible at once.
  const birthDate = monthStart(today, 20);
  const place = randomVillage();
  let token: string;
  const children: Record<'stunted' | 'faltering' | 'missing' | 'healthy', { id: string; answers: Answer[] }> =
    {} as never;

  beforeAll(async () => {
    token = await tokenFor('tpps', place.regencyCode);
    const identity = clientOf('identity', { token });
    const intake = clientOf('intake', { token });
    const visits: Record<keyof typeof children, Array<[months: number, heightCm: number, weightKg: number]>> = {
      stunted: [[1, 72, 8.6]],
      // Weighed three months running without gaining: B, T, T.
      faltering: [
        [2, 80, 10.2],
        [1, 80.5, 10.2],
        [0, 81, 10.1],
      ],
      // Healthy, but last seen four months ago.
      missing: [[4, 79, 10]],
      healthy: [[0, 82, 10.8]],
    };
    for (const [key, rows] of Object.entries(visits) as Array<[keyof typeof children, (typeof visits)['stunted']]>) {
      const { body: child } = await identity.post(
        '/v1/children',
        registration({
          name: `Anak ${key}`,
          sex: 'female',
          birthDate,
          address: { villageCode: place.villageCode },
        }),
      );
      const answers: Answer[] = [];
      for (const [months, heightCm, weightKg] of rows) {
        const { status, body } = await intake.post('/v1/measurements', {
          childId: child.id,
          measuredOn: monthStart(today, months),
          heightCm,
          weightKg,
          position: 'lying',
          puskesmasCode: 'PKM-PRIO',
          posyanduCode: `PSY-PRIO-${key}`,
        });
        expect(status).toBe(201);
        answers.push(body);
      }
      children[key] = { id: child.id, answers };
    }
    await waitForRelay('intake');
    await waitForCaughtUp('interventions', { 'case-tracker': [TopicByService.identity, TopicByService.intake] });
    await waitForRelay('interventions');
    await waitForCaughtUp('reporting', {
      'reporting-children': [TopicByService.identity],
      'reporting-child-status': [TopicByService.identity, TopicByService.intake],
    });
  });

  /** What the domain says of each child from the answers intake gave for its measurements. */
  const expectedReasons = (key: keyof typeof children) => {
    const answers = children[key].answers;
    const latest = answers.at(-1)!;
    return priorityReasons(
      {
        birthDate,
        heightForAgeClass: latest.classifications.heightForAge?.code ?? null,
        weightForHeightClass: latest.classifications.weightForHeight?.code ?? null,
        lastWeighedOn: latest.measuredOn,
        consecutiveT: latest.weightGain?.consecutiveT ?? 0,
        bgm: latest.bgm,
      },
      today,
    );
  };

  it('lists the stunted, the 2T and the unweighed child with their reasons, and not the healthy one', async () => {
    expect(children.faltering.answers.at(-1)!.weightGain?.consecutiveT).toBe(2);
    const { status, body } = await clientOf('reporting', { token }).get(
      `/v1/reports/priority-children?villageCode=${place.villageCode}`,
    );
    expect(status).toBe(200);
    expect(body.warnings).toEqual([]);
    expect(expectedReasons('healthy')).toEqual([]);
    const listed = (['stunted', 'faltering', 'missing'] as const).map((key) => ({
      childId: children[key].id,
      reasons: expectedReasons(key),
    }));
    for (const { reasons } of listed) expect(reasons.length).toBeGreaterThan(0);
    expect(body.total).toBe(3);
    expect(
      body.items.map((item: { childId: string; reasons: string[] }) => ({
        childId: item.childId,
        reasons: item.reasons,
      })),
    ).toEqual(listed);

    const stunted = children.stunted.answers[0];
    expect(body.items[0]).toMatchObject({
      ageMonths: Math.floor(ageInMonths(daysBetween(birthDate, today))),
      posyanduCode: 'PSY-PRIO-stunted',
      latestMeasurement: {
        id: stunted.id,
        measuredOn: stunted.measuredOn,
        heightForAge: stunted.zScores.heightForAge,
      },
      hasSponsor: false,
      person: { name: 'Anak stunted' },
    });
    expect(body.items[0].openCases).toEqual([
      expect.objectContaining({ type: 'stunting', lacking: expect.arrayContaining([expect.any(String)]) }),
    ]);
  });

  it('filters by reason and posyandu, and pages with the total', async () => {
    const reporting = clientOf('reporting', { token });
    const twoT = await reporting.get(`/v1/reports/priority-children?villageCode=${place.villageCode}&reason=two_t`);
    expect(twoT.body.items.map((item: { childId: string }) => item.childId)).toEqual([children.faltering.id]);
    const byPosyandu = await reporting.get(
      `/v1/reports/priority-children?districtCode=${place.districtCode}&posyanduCode=PSY-PRIO-missing`,
    );
    expect(byPosyandu.body.items.map((item: { childId: string }) => item.childId)).toEqual([children.missing.id]);
    const second = await reporting.get(
      `/v1/reports/priority-children?villageCode=${place.villageCode}&limit=1&offset=1`,
    );
    expect(second.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(second.body.items.map((item: { childId: string }) => item.childId)).toEqual([children.faltering.id]);
    const past = await reporting.get(`/v1/reports/priority-children?villageCode=${place.villageCode}&offset=10`);
    expect(past.body).toMatchObject({ total: 3, items: [] });
  });

  it('refuses an unknown reason naming the choices, shows no names to the admin and nothing to a statistician', async () => {
    const refused = await clientOf('reporting', { token }).get('/v1/reports/priority-children?reason=thin');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('reason must be one of severely_wasted');
    const asAdmin = await clientOf('reporting', { token: await tokenFor('admin') }).get(
      `/v1/reports/priority-children?regencyCode=${place.regencyCode}&villageCode=${place.villageCode}`,
    );
    expect(asAdmin.body.items[0].person).toBeNull();
    expect(
      (await clientOf('reporting', { token: await tokenFor('statistician') }).get('/v1/reports/priority-children'))
        .status,
    ).toBe(403);
  });
});
