import { todayInIndonesia, TopicByService } from '@registry/contracts';
import { randomUUID } from 'node:crypto';
import { loadGrowthStandards } from '@registry/reference-data';
import { percent, publicRow, suppress } from '@registry/reporting-domain';
import { waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, randomVillage, registration, tokenFor, type Client } from '../support/registry';
import { request, serviceUrl } from '../support/services';

/** The day the expected assessments are made on, as the services judge them: today in Indonesia. */
const TODAY = { today: todayInIndonesia(new Date()) };

const standards = loadGrowthStandards();

const caughtUp = async () => {
  await Promise.all([waitForRelay('identity'), waitForRelay('intake')]);
  await waitForCaughtUp('reporting', {
    'reporting-children': [TopicByService.identity],
    'reporting-measurements': [TopicByService.intake],
    'reporting-timeline': [TopicByService.identity, TopicByService.intake],
  });
};

describe('reporting: figures computed from the events, end to end through the public APIs', () => {
  const place = randomVillage();
  let identity: Client;
  let intake: Client;
  let reporting: Client;
  let statistician: Client;

  beforeAll(async () => {
    const token = await tokenFor('tpps', place.regencyCode);
    identity = clientOf('identity', { token });
    intake = clientOf('intake', { token });
    reporting = clientOf('reporting', { token });
    statistician = clientOf('reporting', { token: await tokenFor('statistician') });
  });

  /** Heights chosen to land in every class; the expected class of each comes from the WHO standards, not from here. */
  const heights = [62, 66, 68, 70, 72, 74, 76, 78, 80, 84, 55, 73];
  const birthDate = '2024-01-15';
  const measuredOn = '2025-08-12';

  it('counts each child once with its latest valid measurement, excluding flagged, voided and merged duplicates', async () => {
    const { body: batch } = await identity.post('/v1/children:batch', {
      items: heights.map(() => registration({ sex: 'male', birthDate, address: { villageCode: place.villageCode } })),
    });
    const children: string[] = batch.results.map((r: { id: string }) => r.id);
    const visit = (childId: string, heightCm: number, on = measuredOn) => ({
      childId,
      measuredOn: on,
      heightCm,
      weightKg: 9,
      position: 'lying',
      puskesmasCode: 'PKM-TEST',
    });
    const { body: recorded } = await intake.post('/v1/measurements:batch', {
      items: [
        ...children.map((childId, i) => visit(childId, heights[i])),
        visit(children[0], 60, '2025-03-01'), // an earlier visit of child 0 in the period: only the latest counts
        visit(children[1], 90, '2024-08-01'), // outside the period
      ],
    });
    expect(recorded.results.every((r: { status: string }) => r.status === 'created')).toBe(true);
    // Child 2's measurement is voided; child 3's corrected; child 5 was registered twice and merged into child 4.
    const changes = [
      await intake.post(`/v1/measurements/${recorded.results[2].measurement.id}/void`, { reason: 'wrong child' }),
      await intake.post(`/v1/measurements/${recorded.results[3].measurement.id}/corrections`, {
        heightCm: 79,
        reason: 'misread board',
      }),
      await identity.post(`/v1/children/${children[5]}/merge`, {
        intoChildId: children[4],
        reason: 'registered twice',
      }),
    ];
    expect(changes.map(({ status }) => status)).toEqual([200, 200, 200]);
    await caughtUp();

    const classOf = (heightCm: number) => {
      const assessment = standards.assess(
        {
          sex: 'male',
          birthDate,
          measuredOn,
          heightCm,
          weightKg: 9,
          position: 'lying',
        },
        TODAY,
      );
      return assessment.flags.heightForAge ? 'flagged' : assessment.classifications.heightForAge!.code;
    };
    // Child 4 and its merged duplicate (child 5) measured the same day: the surviving record counts once, with one of them.
    const counted = heights.map((h, i) => (i === 3 ? 79 : h)).filter((_, i) => i !== 2 && i !== 5);
    const classes = counted.map(classOf);
    const expected = {
      severelyStunted: classes.filter((c) => c === 'severely_stunted').length,
      stunted: classes.filter((c) => c === 'stunted').length,
      normal: classes.filter((c) => c === 'normal').length,
      tall: classes.filter((c) => c === 'tall').length,
      flaggedExcluded: classes.filter((c) => c === 'flagged').length,
    };
    const measured = counted.length - expected.flaggedExcluded;
    expect(expected.flaggedExcluded).toBeGreaterThan(0);
    expect(expected.severelyStunted + expected.stunted).toBeGreaterThan(0);

    const { status, body } = await reporting.get(
      `/v1/reports/stunting-prevalence?period=2025&groupBy=village&regencyCode=${place.villageCode}`,
    );
    expect(status).toBe(200);
    const row = body.rows.find((r: { code: string }) => r.code === place.villageCode);
    // Child 4's class may come from either same-day measurement, so compare what does not depend on that choice.
    expect(row).toMatchObject({ measured, flaggedExcluded: expected.flaggedExcluded });
    expect(row.severelyStunted + row.stunted + row.normal + row.tall).toBe(measured);
    expect(row.prevalencePct).toBe(percent(row.severelyStunted + row.stunted, measured));
  });

  it('answers as the registry knew it at an earlier instant (asOf), after a later void', async () => {
    const query = `/v1/reports/stunting-prevalence?period=2025&groupBy=village&regencyCode=${place.villageCode}`;
    const before = (await reporting.get(query)).body.rows[0];
    const asOf = new Date().toISOString();
    const { body: history } = await intake.get(
      `/v1/children/${await firstChildWithMeasurement(reporting, place.villageCode)}/measurements`,
    );
    const live = history.items.find(
      (m: { status: string; measuredOn: string }) => m.status === 'recorded' && m.measuredOn === measuredOn,
    );
    expect((await intake.post(`/v1/measurements/${live.id}/void`, { reason: 'duplicate entry' })).status).toBe(200);
    await caughtUp();
    const now = (await reporting.get(query)).body.rows[0];
    const then = (await reporting.get(`${query}&asOf=${encodeURIComponent(asOf)}`)).body.rows[0];
    expect(then).toEqual(before);
    expect(now.measured + now.flaggedExcluded).toBe(before.measured + before.flaggedExcluded - 1);
  });

  it('keeps a target and shows coverage against it, and a monthly trend with the target line', async () => {
    expect(
      (await reporting.put(`/v1/targets/${place.villageCode}/2025`, { targetPopulation: 40, targetPrevalencePct: 14 }))
        .status,
    ).toBe(200);
    const { body } = await reporting.get(
      `/v1/reports/stunting-prevalence?period=2025&groupBy=village&regencyCode=${place.villageCode}`,
    );
    expect(body.rows[0]).toMatchObject({
      targetPopulation: 40,
      targetPrevalencePct: 14,
      coveragePct: percent(body.rows[0].measured, 40),
    });
    const trend = await reporting.get(`/v1/reports/trend?regionCode=${place.villageCode}&from=2025-01&to=2025-12`);
    expect(trend.body.series).toHaveLength(12);
    expect(trend.body.series.find((m: { month: string }) => m.month === '2025-08')).toMatchObject({
      targetPrevalencePct: 14,
    });
    expect(trend.body.series.find((m: { month: string }) => m.month === '2025-01')).toMatchObject({
      measured: 0,
      prevalencePct: null,
    });
    // Each month of the trend is that month's prevalence, and the exact path (asOf now) agrees with it.
    const august = trend.body.series.find((m: { month: string }) => m.month === '2025-08');
    const asOf = encodeURIComponent(new Date().toISOString());
    const exact = await reporting.get(
      `/v1/reports/stunting-prevalence?period=2025-08&groupBy=village&regencyCode=${place.villageCode}&asOf=${asOf}`,
    );
    expect(exact.body.rows[0].measured).toBeGreaterThan(0);
    expect(august).toMatchObject({
      measured: exact.body.rows[0].measured,
      stunted: exact.body.rows[0].stunted + exact.body.rows[0].severelyStunted,
      prevalencePct: exact.body.rows[0].prevalencePct,
    });
  });

  it("shows a child's history across services in order, with every stream's hash chain verified", async () => {
    const childId = await firstChildWithMeasurement(reporting, place.villageCode);
    const { status, body } = await reporting.get(`/v1/children/${childId}/timeline`);
    expect(status).toBe(200);
    const types = body.events.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('child.registered');
    expect(types).toContain('measurement.recorded');
    expect(body.events.map((e: { recordedAt: string }) => e.recordedAt)).toEqual(
      [...body.events.map((e: { recordedAt: string }) => e.recordedAt)].sort(),
    );
    expect(body.verification.length).toBeGreaterThan(1);
    expect(body.verification.every((v: { ok: boolean }) => v.ok)).toBe(true);
    const otherTpps = clientOf('reporting', {
      token: await tokenFor('tpps', place.regencyCode === '36.03' ? '36.04' : '36.03'),
    });
    expect((await otherTpps.get(`/v1/children/${childId}/timeline`)).status).toBe(404);
  });

  it('exports every regency as CSV for central statistics, small cells suppressed in the public file only', async () => {
    const json = (
      await statistician.get(
        `/v1/reports/stunting-prevalence?period=2025&groupBy=regency&regencyCode=${place.regencyCode}`,
      )
    ).body.rows[0];
    const csv = async (isPublic: boolean) => {
      const response = await fetch(
        serviceUrl('reporting', `/v1/exports/stunting-prevalence.csv?period=2025&public=${isPublic}`),
        {
          headers: { authorization: `Bearer ${await tokenFor('statistician')}` },
        },
      );
      expect(response.headers.get('content-type')).toContain('text/csv');
      const lines = (await response.text()).trim().split('\n');
      const header = lines[3].split(',');
      const line = lines.find((l) => l.startsWith(`${place.regencyCode},`))!.split(',');
      return { minimum: Number(lines[2].split(',')[1]), row: Object.fromEntries(header.map((h, i) => [h, line[i]])) };
    };
    const internal = await csv(false);
    expect(Number(internal.row['measured'])).toBe(json.measured);
    expect(Number(internal.row['stunted'])).toBe(json.stunted);
    const published = await csv(true);
    const shown = suppress(json.measured, published.minimum);
    expect(published.row['measured']).toBe(shown === null ? '' : String(shown));
    // A small class is not shown, nor what it could be read from: the other classes and the prevalence.
    const columns = ['severelyStunted', 'stunted', 'normal', 'tall', 'flaggedExcluded', 'prevalencePct'];
    const rule = publicRow(
      json.measured,
      columns.slice(0, 5).map((name) => Number(internal.row[name])),
      published.minimum,
    );
    expect(columns.map((name) => published.row[name])).toEqual(
      columns.map((name) => (rule.breakdown ? internal.row[name] : '')),
    );
    const refused = await reporting.get('/v1/exports/stunting-prevalence.csv?period=2025');
    expect(refused.status).toBe(403);
    // A refusal is JSON, labelled as JSON, like every other error of the API.
    expect(refused.headers.get('content-type')).toContain('application/json');
    const badPeriod = await statistician.get('/v1/exports/stunting-prevalence.csv?period=25');
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.headers.get('content-type')).toContain('application/json');
    expect(JSON.stringify(badPeriod.body)).toMatch(/period must be a year/);
    expect(
      (await request('GET', serviceUrl('reporting', '/v1/exports/stunting-prevalence.csv?period=2025'))).status,
    ).toBe(401);
  });
});

describe('reporting: prevalence by posyandu, each child where its counted measurement was taken', () => {
  const place = randomVillage();
  const run = randomUUID().slice(0, 8);
  // One prefix per run, so the two sort in this order.
  const posyandu = [1, 2].map((n) => `PSY-E2E-${run}-${n}`);

  it('counts a child at the posyandu of its latest measurement, one weighed at none under "", named from the list', async () => {
    const token = await tokenFor('tpps', place.regencyCode);
    const [identity, intake, reporting] = (['identity', 'intake', 'reporting'] as const).map((service) =>
      clientOf(service, { token }),
    );
    for (const [i, code] of posyandu.entries())
      expect(
        (await reporting.put(`/v1/posyandu/${code}`, { name: `Posyandu Uji ${i + 1}`, villageCode: place.villageCode }))
          .status,
      ).toBe(201);
    const birthDate = '2024-01-15';
    const { body: batch } = await identity.post('/v1/children:batch', {
      items: [0, 1, 2, 3].map(() =>
        registration({ sex: 'female', birthDate, address: { villageCode: place.villageCode } }),
      ),
    });
    const [a, b, c, d] = batch.results.map((r: { id: string }) => r.id as string);
    // Given: a at posyandu 1; b at posyandu 1 in March, then at posyandu 2 in August; c at posyandu 2; d at none.
    const visits = [
      { childId: a, measuredOn: '2025-08-05', heightCm: 66, posyanduCode: posyandu[0] },
      { childId: b, measuredOn: '2025-03-05', heightCm: 64, posyanduCode: posyandu[0] },
      { childId: b, measuredOn: '2025-08-06', heightCm: 74, posyanduCode: posyandu[1] },
      { childId: c, measuredOn: '2025-08-07', heightCm: 70, posyanduCode: posyandu[1] },
      { childId: d, measuredOn: '2025-08-08', heightCm: 76, posyanduCode: undefined },
    ];
    const { body: recorded } = await intake.post('/v1/measurements:batch', {
      items: visits.map((visit) => ({ ...visit, weightKg: 8, position: 'lying', puskesmasCode: 'PKM-TEST' })),
    });
    expect(recorded.results.map((r: { status: string }) => r.status)).toEqual(visits.map(() => 'created'));
    await caughtUp();

    // Expected: per posyandu, the WHO class of each child's latest measurement of the period, from the raw inputs.
    const expectedRows = (period: string) => {
      const latest = new Map<string, (typeof visits)[number]>();
      for (const visit of visits)
        if (visit.measuredOn.startsWith(period) && (latest.get(visit.childId)?.measuredOn ?? '') < visit.measuredOn)
          latest.set(visit.childId, visit);
      const rows = new Map<string, { measured: number; cases: number }>();
      for (const visit of latest.values()) {
        const { classifications } = standards.assess(
          {
            sex: 'female',
            birthDate,
            weightKg: 8,
            position: 'lying',
            ...visit,
          },
          TODAY,
        );
        const code = visit.posyanduCode ?? '';
        const row = rows.get(code) ?? { measured: 0, cases: 0 };
        row.measured += 1;
        if (['stunted', 'severely_stunted'].includes(classifications.heightForAge!.code)) row.cases += 1;
        rows.set(code, row);
      }
      return [...rows].map(([code, row]) => ({ code, ...row })).sort((x, y) => (x.code < y.code ? -1 : 1));
    };
    const named = new Map(posyandu.map((code, i) => [code, `Posyandu Uji ${i + 1}`]));
    for (const period of ['2025', '2025-03', '2025-08']) {
      const query = `/v1/reports/stunting-prevalence?period=${period}&groupBy=posyandu&regencyCode=${place.villageCode}`;
      const now = await reporting.get(query);
      expect(now.status).toBe(200);
      const expected = expectedRows(period).map((row) => ({ ...row, name: named.get(row.code) ?? null }));
      expect(
        now.body.rows.map(({ code, name, measured, cases }: Record<string, unknown>) => ({
          code,
          name,
          measured,
          cases,
        })),
      ).toEqual(expected.map(({ code, name, measured, cases }) => ({ code, name, measured, cases })));
      // The exact path (asOf now) agrees with the aggregate.
      const exact = await reporting.get(`${query}&asOf=${encodeURIComponent(new Date().toISOString())}`);
      expect(exact.body.rows).toEqual(now.body.rows);
    }
    expect(expectedRows('2025').map((row) => row.code)).toEqual(['', ...posyandu]);
  });
});

async function firstChildWithMeasurement(reporting: Client, villageCode: string): Promise<string> {
  void reporting;
  const { serviceDb } = await import('../support/caught-up');
  const db = serviceDb('reporting');
  try {
    const { rows } = await db.query<{ child_id: string }>(
      // A child with exactly one measurement, never voided and not merged: voiding it removes the child from the count.
      `SELECT child_id FROM reporting_measurement_versions v WHERE village_code = $1
          AND NOT EXISTS (SELECT 1 FROM reporting_merges m WHERE m.child_id = v.child_id OR m.into_child_id = v.child_id)
        GROUP BY child_id HAVING count(DISTINCT measurement_id) = 1 AND NOT bool_or(voided) ORDER BY child_id LIMIT 1`,
      [villageCode],
    );
    return rows[0].child_id;
  } finally {
    await db.end();
  }
}
