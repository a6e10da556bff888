import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TopicByService, todayInIndonesia } from '@registry/contracts';
import { defaultRegionsDir } from '@registry/reference-data';
import { waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { databaseOf } from '../support/services';

/** Waits until the producers' relays published everything and sponsorship's projections applied it. */
export async function sponsorshipCaughtUp(
  sources: ReadonlyArray<'identity' | 'intake' | 'interventions'>,
): Promise<void> {
  await Promise.all(sources.map(async (source) => waitForRelay(source, 20_000, await databaseOf(source))));
  const projections = {
    identity: { 'known-children': [TopicByService.identity] },
    intake: { growth: [TopicByService.intake] },
    interventions: { care: [TopicByService.interventions] },
  } as const;
  await waitForCaughtUp(
    'sponsorship',
    Object.assign({}, ...sources.map((source) => projections[source])),
    30_000,
    await databaseOf('sponsorship'),
  );
}

/** Waits until the reporting service's timeline holds every sponsorship event committed so far. */
export async function timelineCaughtUp(): Promise<void> {
  await waitForRelay('sponsorship', 20_000, await databaseOf('sponsorship'));
  await waitForCaughtUp(
    'reporting',
    { 'reporting-timeline': [TopicByService.sponsorship] },
    20_000,
    await databaseOf('reporting'),
  );
}

export interface Place {
  readonly villageCode: string;
  readonly districtCode: string;
  readonly regencyCode: string;
}

const villages = (): Place[] =>
  readFileSync(path.join(defaultRegionsDir(), 'villages.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [villageCode, districtCode] = line.split(',');
      return { villageCode, districtCode, regencyCode: districtCode.slice(0, 5) };
    });

/** Desa picked at random from the whole country, in distinct kabupaten: this run's children are alone there. */
export function randomPlaces(count: number): Place[] {
  const all = villages();
  const picked: Place[] = [];
  while (picked.length < count) {
    const place = all[Math.floor(Math.random() * all.length)];
    if (!picked.some((other) => other.regencyCode === place.regencyCode)) picked.push(place);
  }
  return picked;
}

/** Today in the registry's calendar (UTC+9), as the service computes it. */
export const today = (): string => todayInIndonesia(new Date());

/** The same day-of-month `months` earlier or later; `day` must exist in every month (at most 28). */
export function monthsFrom(date: string, months: number, day = Number(date.slice(8, 10))): string {
  const [year, month] = date.split('-').map(Number);
  const index = year * 12 + month - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const daysAfter = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
