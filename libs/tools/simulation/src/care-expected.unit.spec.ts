import { comparisonTable, expectedCandidates, expectedOpenCases, setRows } from './care-expected';
import { valueForZ } from './growth';
import type { Kabupaten, SimChild, SimVisit } from './kabupaten';
import { loadGrowthStandards } from '@registry/reference-data';

const standards = loadGrowthStandards();
const today = '2026-06-15';
const DAY_MS = 86_400_000;
const ageDays = (birthDate: string, on: string) => (Date.parse(on) - Date.parse(birthDate)) / DAY_MS;

/** A visit whose height-for-age is `haz` for the child (the generator's own inverse), weight normal for it. */
function visit(
  child: Pick<SimChild, 'sex' | 'birthDate'>,
  measuredOn: string,
  haz: number,
  villageCode = '36.03.20.2002',
): SimVisit {
  const days = ageDays(child.birthDate, measuredOn);
  const heightCm = Math.round(valueForZ(standards, 'heightForAge', child.sex, days, haz, 38, 130) * 10) / 10;
  const weightKg =
    Math.round(
      valueForZ(standards, days < 731 ? 'weightForLength' : 'weightForHeight', child.sex, heightCm, 0, 0.5, 60) * 100,
    ) / 100;
  return {
    sourceRecordId: `${child.birthDate}-${measuredOn}-${haz}`,
    measuredOn,
    heightCm,
    weightKg,
    position: days < 731 ? 'lying' : 'standing',
    puskesmasCode: 'PKM-360320',
    posyanduCode: 'POS-3603202002-1',
    villageCode,
  };
}

function child(key: string, birthDate: string, hazs: Array<[string, number]>, extra: Partial<SimChild> = {}): SimChild {
  const base = { sex: 'female' as const, birthDate };
  return {
    key,
    ...base,
    villageCode: '36.03.20.2002',
    name: 'Siti',
    motherName: 'Dewi',
    nik: null,
    familyCardNumber: '3603200000100000',
    visits: hazs.map(([on, haz]) => visit(base, on, haz)),
    duplicate: null,
    move: null,
    diedOn: null,
    ...extra,
  };
}

const kabupaten = (children: SimChild[]): Kabupaten => ({
  options: {
    regencyCode: '36.03',
    children: children.length,
    months: 12,
    seed: 1,
    prevalencePct: 20,
    untilMonth: '2026-05',
    moveToRegencyCode: '36.04',
  },
  children,
});

describe('expectedOpenCases: the domain case rules over the generated data', () => {
  it('opens a stunting case while the latest valid measurement is stunted, none once it is normal again', () => {
    const open = expectedOpenCases(
      kabupaten([
        child('stunted', '2024-03-10', [
          ['2026-01-05', -1],
          ['2026-03-05', -2.6],
        ]),
        child('recovered', '2024-03-10', [
          ['2026-01-05', -2.6],
          ['2026-03-05', -1],
        ]),
        child('severe', '2024-03-10', [['2026-03-05', -3.5]]),
      ]),
      standards,
      today,
      { mergeDuplicates: true },
    );
    expect([...open.keys()]).toEqual(['stunted', 'severe']);
    expect(open.get('stunted')).toEqual([
      expect.objectContaining({ type: 'stunting', severity: 'moderate', openedOn: '2026-03-05', regencyCode: '36.03' }),
    ]);
    expect(open.get('severe')![0].severity).toBe('severe');
  });

  it('keeps the opening day of a case that stays open, as the service judging measurements in order does', () => {
    const open = expectedOpenCases(
      kabupaten([
        child('c', '2024-03-10', [
          ['2026-01-05', -2.5],
          ['2026-03-05', -3.5],
        ]),
      ]),
      standards,
      today,
      { mergeDuplicates: true },
    );
    expect(open.get('c')).toEqual([expect.objectContaining({ openedOn: '2026-01-05', severity: 'moderate' })]);
  });

  it('closes nothing for a flagged value, but everything for a death, a child who completed 60 months or a merged record', () => {
    const stunted = child('dup-source', '2024-03-10', [['2026-03-05', -2.6]]);
    const open = expectedOpenCases(
      kabupaten([
        child('flagged-latest', '2024-03-10', [
          ['2026-01-05', -2.6],
          ['2026-03-05', -7],
        ]),
        child('died', '2024-03-10', [['2026-03-05', -2.6]], { diedOn: '2026-04-01' }),
        child('aged-out', '2021-06-01', [['2026-03-05', -2.6]]),
        { ...stunted, duplicate: { key: 'dup-source-dup', visit: visit(stunted, '2026-03-04', -2.6) } },
      ]),
      standards,
      today,
      { mergeDuplicates: true },
    );
    expect([...open.keys()]).toEqual(['flagged-latest', 'dup-source']);
    const unmerged = expectedOpenCases(
      kabupaten([{ ...stunted, duplicate: { key: 'dup-source-dup', visit: visit(stunted, '2026-03-04', -2.6) } }]),
      standards,
      today,
      {
        mergeDuplicates: false,
      },
    );
    expect([...unmerged.keys()]).toEqual(['dup-source', 'dup-source-dup']);
  });

  it("follows a child who moved: its case is the new regency's, where the candidates list no longer shows it", () => {
    const mover = child('mover', '2024-03-10', [['2026-01-05', -2.6]], {
      move: { villageCode: '36.04.01.2001', movedOn: '2026-02-01' },
    });
    const open = expectedOpenCases(
      kabupaten([mover, child('stays', '2024-03-10', [['2026-01-05', -2.6]])]),
      standards,
      today,
      {
        mergeDuplicates: true,
      },
    );
    expect(open.get('mover')).toEqual([expect.objectContaining({ regencyCode: '36.04', districtCode: '36.04.01' })]);
    expect(expectedCandidates(open, '36.03')).toEqual(['stays']);
    expect(expectedCandidates(open, '36.03', new Set(['stays']))).toEqual([]);
  });
});

describe('comparisonTable and setRows', () => {
  it('marks each row and matches only when all do', () => {
    const rows = [
      ...setRows('cases', new Set(['a', 'b']), new Set(['b', 'c'])),
      { what: 'interventions', expected: 3, reported: 3 },
    ];
    expect(rows.slice(0, 3).map((row) => row.reported)).toEqual([2, 1, 1]);
    const { matched, text } = comparisonTable('title', rows);
    expect(matched).toBe(false);
    expect(text.split('\n')).toHaveLength(5);
    expect(text).toMatch(/interventions\s+3\s+3\s+match/);
    expect(text).toMatch(/cases: reported, not expected\s+0\s+1\s+MISMATCH/);
    expect(comparisonTable('t', [{ what: 'x', expected: 1, reported: 1 }]).matched).toBe(true);
  });
});
