import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Topics } from '@registry/contracts';
import { defaultRegionsDir } from '@registry/regions';
import { waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, registration, tokenFor } from '../support/registry';

/** A desa picked at random, so this run's children are the only ones in it. */
function randomVillage() {
  const lines = readFileSync(path.join(defaultRegionsDir(), 'villages.csv'), 'utf8').trim().split('\n').slice(1);
  const [villageCode, districtCode] = lines[Math.floor(Math.random() * lines.length)].split(',');
  return { villageCode, districtCode, regencyCode: districtCode.slice(0, 5) };
}

describe('reporting: the by-name priority list', () => {
  it('lists a stunted child with its open case, what it lacks, no sponsor, and its name for the TPPS only', async () => {
    const place = randomVillage();
    const token = await tokenFor('tpps', place.regencyCode);
    const identity = clientOf('identity', { token });
    const { body: child } = await identity.post(
      '/v1/children',
      registration({
        name: 'Rara Prioritas',
        sex: 'female',
        birthDate: '2024-02-10',
        address: { villageCode: place.villageCode },
      }),
    );
    const { body: healthy } = await identity.post(
      '/v1/children',
      registration({ sex: 'female', birthDate: '2024-02-10', address: { villageCode: place.villageCode } }),
    );
    const intake = clientOf('intake', { token });
    const stunted = await intake.post('/v1/measurements', {
      childId: child.id,
      measuredOn: '2025-08-05',
      heightCm: 70,
      weightKg: 8.2,
      position: 'lying',
      puskesmasCode: 'PKM-PRIO',
    });
    expect(stunted.body.classifications.heightForAge.code).toMatch(/stunted/);
    await intake.post('/v1/measurements', {
      childId: healthy.id,
      measuredOn: '2025-08-05',
      heightCm: 82,
      weightKg: 11,
      position: 'lying',
      puskesmasCode: 'PKM-PRIO',
    });
    await waitForRelay('intake');
    await waitForCaughtUp('interventions', { 'case-tracker': [Topics.identity, Topics.intake] });
    await waitForRelay('interventions');
    await waitForCaughtUp('reporting', {
      'reporting-children': [Topics.identity],
      'reporting-measurements': [Topics.intake],
    });

    const { status, body } = await clientOf('reporting', { token }).get(
      `/v1/reports/priority-children?districtCode=${place.districtCode}`,
    );
    expect(status).toBe(200);
    expect(body.warnings).toEqual([]);
    expect(body.items.map((item: { childId: string }) => item.childId)).toEqual([child.id]);
    const [item] = body.items;
    expect(item).toMatchObject({
      problems: [stunted.body.classifications.heightForAge.code],
      latestMeasurement: {
        id: stunted.body.id,
        measuredOn: '2025-08-05',
        heightForAge: stunted.body.zScores.heightForAge,
      },
      hasSponsor: false,
      person: { name: 'Rara Prioritas' },
    });
    expect(item.openCases).toEqual([
      expect.objectContaining({ type: 'stunting', lacking: expect.arrayContaining([expect.any(String)]) }),
    ]);

    const asAdmin = await clientOf('reporting', { token: await tokenFor('admin') }).get(
      `/v1/reports/priority-children?regencyCode=${place.regencyCode}&districtCode=${place.districtCode}`,
    );
    expect(asAdmin.body.items[0].person).toBeNull();
    expect(
      (await clientOf('reporting', { token: await tokenFor('statistician') }).get('/v1/reports/priority-children'))
        .status,
    ).toBe(403);
  });
});
