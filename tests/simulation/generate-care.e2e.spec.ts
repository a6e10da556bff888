import { loadGrowthStandards, loadRegions } from '@registry/reference-data';
import { generateKabupaten, runGenerateCommand } from '@registry/simulation';

interface Row {
  readonly what: string;
  readonly expected: number;
  readonly reported: number;
}

interface Output {
  readonly care: { readonly matched: boolean; readonly sent: Record<string, number>; readonly rows: Row[] };
}

const CHILDREN = 250;
const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1))
  .toISOString()
  .slice(0, 7);

/**
 * A fresh seed (the Idempotency-Keys of a seed belong to its kabupaten) whose children do not move: resending the
 * measurements of a child who moved away is refused by the push (its first kabupaten no longer sees it), so only a
 * kabupaten without moves can be pushed twice.
 */
function freshSeedWithoutMoves(): number {
  const regions = loadRegions();
  const standards = loadGrowthStandards();
  for (let seed = 100_000 + (Date.now() % 1_000_000_000); ; seed += 1) {
    const kabupaten = generateKabupaten(regions, standards, {
      regencyCode: '36.03',
      children: CHILDREN,
      months: 12,
      seed,
      prevalencePct: 20,
      untilMonth: lastMonth,
      moveToRegencyCode: '36.04',
    });
    if (kabupaten.children.every((child) => child.move === null)) return seed;
  }
}

describe('npm run generate: interventions, sponsors and pledges for the generated kabupaten', () => {
  it('records them through the APIs, the services report what the domain rules and the sent writes expect, and a rerun doubles nothing', async () => {
    const seed = freshSeedWithoutMoves();
    const argv = ['--regency', '36.03', '--children', String(CHILDREN), '--months', '12', '--seed', String(seed)];
    const run = async () => JSON.parse(await runGenerateCommand(argv, process.env, () => undefined)) as Output;

    const first = await run();
    expect(first.care.rows.filter((row) => row.expected !== row.reported)).toEqual([]);
    expect(first.care.matched).toBe(true);
    const figure = (what: string) => first.care.rows.find((row) => row.what === what)!.expected;
    expect(figure('open stunting cases in 36.03')).toBeGreaterThan(0);
    expect(figure('interventions recorded')).toBeGreaterThan(0);
    expect(figure('sponsorships listed')).toBeGreaterThan(0);
    expect(first.care.sent['interventions']).toBe(figure('interventions recorded'));
    expect(first.care.sent['pledges']).toBe(figure('sponsorships listed'));

    // Every listing counts all the children's interventions and sponsorships: a write done twice would show.
    const second = await run();
    expect(second.care.rows).toEqual(first.care.rows);
    expect(second.care.sent).toEqual(first.care.sent);
  });
});
