import { TopicByService, todayInIndonesia } from '@registry/contracts';
import { isBgm } from '@registry/growth-monitoring';
import { loadGrowthStandards } from '@registry/reference-data';
import { waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { registration, type Client } from '../support/registry';
import { databaseOf } from '../support/services';

/** The day the expected assessments are made on, as the services judge them: today in Indonesia. */
const TODAY = { today: todayInIndonesia(new Date()) };

const standards = loadGrowthStandards();
const DAY_MS = 86_400_000;

/** Today as the services date things: in Indonesia's easternmost zone (UTC+9). */
export const today = (): string => todayInIndonesia(new Date());
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
export const daysAgo = (days: number): string => addDays(today(), -days);
export const daysBetween = (from: string, to: string): number =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
/** Completed months of age as STANDARDS.md defines them: days / 30.4375, rounded down. */
export const completedMonths = (birthDate: string, on: string): number =>
  Math.floor(daysBetween(birthDate, on) / 30.4375);

/** Waits until the interventions service has applied everything identity and intake have published. */
export async function caseTrackerCaughtUp(): Promise<void> {
  await Promise.all([
    waitForRelay('identity', 20_000, await databaseOf('identity')),
    waitForRelay('intake', 20_000, await databaseOf('intake')),
  ]);
  await waitForCaughtUp(
    'interventions',
    { 'case-tracker': [TopicByService.identity, TopicByService.intake] },
    30_000,
    await databaseOf('interventions'),
  );
}

export interface Child {
  readonly id: string;
  readonly sex: 'male' | 'female';
  readonly birthDate: string;
}

/** Wanted classification codes of the anthropometry lib, e.g. { heightForAge: 'stunted' }. */
export interface Wanted {
  readonly heightForAge?: string;
  readonly weightForHeight?: string;
}

/**
 * Values that the WHO standards classify as wanted for this child on that day (none flagged), and not below the red
 * line (BGM would open a follow-up beside the case wanted): found by asking the anthropometry and growth-monitoring
 * libs, so no threshold is repeated here.
 */
export function valuesFor(child: Child, measuredOn: string, wanted: Wanted): { heightCm: number; weightKg: number } {
  const position = daysBetween(child.birthDate, measuredOn) < 731 ? 'lying' : 'standing';
  const assess = (heightCm: number, weightKg: number) => {
    try {
      return standards.assess(
        { sex: child.sex, birthDate: child.birthDate, measuredOn, heightCm, weightKg, position },
        TODAY,
      );
    } catch {
      return null;
    }
  };
  for (let heightCm = 45; heightCm <= 120; heightCm += 0.5) {
    const byHeight = assess(heightCm, 10);
    if (!byHeight || byHeight.flags.heightForAge) continue;
    if (byHeight.classifications.heightForAge?.code !== (wanted.heightForAge ?? 'normal')) continue;
    for (let tenths = 20; tenths <= 250; tenths += 1) {
      const weightKg = tenths / 10;
      const found = assess(heightCm, weightKg);
      if (
        found &&
        !found.flags.weightForHeight &&
        !found.flags.weightForAge &&
        !isBgm(found.zScores.weightForAge, found.flags.weightForAge)
      )
        if (found.classifications.weightForHeight?.code === (wanted.weightForHeight ?? 'normal'))
          return { heightCm, weightKg };
    }
  }
  throw new Error(`no values give ${JSON.stringify(wanted)} for ${JSON.stringify(child)} on ${measuredOn}`);
}

/** Registers and measures children through the identity and intake services, as a kabupaten would. */
export function registryOf(identity: Client, intake: Client) {
  return {
    async register(
      birthDate: string,
      overrides: Record<string, unknown> & { sex?: Child['sex'] } = {},
    ): Promise<Child> {
      const sex = overrides.sex ?? 'male';
      const { status, body } = await identity.post('/v1/children', registration({ ...overrides, sex, birthDate }));
      expect(status).toBe(201);
      return { id: body.id, sex, birthDate };
    },

    async measure(child: Child, measuredOn: string, wanted: Wanted, extra: Record<string, unknown> = {}) {
      const values = valuesFor(child, measuredOn, wanted);
      const { status, body } = await intake.post('/v1/measurements', {
        childId: child.id,
        measuredOn,
        ...values,
        position: daysBetween(child.birthDate, measuredOn) < 731 ? 'lying' : 'standing',
        puskesmasCode: 'P3603200101',
        ...extra,
      });
      expect(status).toBe(201);
      return body as { id: string; measuredOn: string; classifications: Record<string, { code: string } | null> };
    },
  };
}
