import { DUPLICATE_THRESHOLD, findDuplicates, normalizeName, scorePair, type DuplicateCandidate } from './duplicates';

const child = (
  childId: string,
  overrides: Partial<DuplicateCandidate['lookups']> & { birthDate?: string; villageCode?: string } = {},
): DuplicateCandidate => {
  const { birthDate = '2024-03-01', villageCode = '36.03.20.2002', ...lookups } = overrides;
  return {
    childId,
    birthDate,
    villageCode,
    lookups: { nik: null, familyCard: null, name: `name-${childId}`, motherName: `mother-${childId}`, ...lookups },
  };
};

describe('duplicate detection', () => {
  it('scores the same NIK as certain', () => {
    expect(scorePair(child('a', { nik: 'n1' }), child('b', { nik: 'n1' }))).toMatchObject({
      evidence: ['same_nik', 'same_village'],
      score: 1,
    });
  });

  it('lists a child registered twice without NIK by name, birth date and mother', () => {
    const pair = scorePair(
      child('a', { name: 'n', motherName: 'm' }),
      child('b', { name: 'n', motherName: 'm', villageCode: '36.03.20.2003' }),
    );
    expect(pair.evidence).toEqual(['same_name_birth_date_mother']);
    expect(pair.score).toBeGreaterThanOrEqual(0.7);
  });

  it('does not list twins (same family card, mother and birth date, different names)', () => {
    const twins = [
      child('a', { familyCard: 'kk', motherName: 'm' }),
      child('b', { familyCard: 'kk', motherName: 'm' }),
    ];
    expect(findDuplicates(twins)).toEqual([]);
    expect(scorePair(twins[0], twins[1]).evidence).toEqual([
      'same_family_card_birth_date',
      'same_mother_birth_date',
      'same_village',
    ]);
  });

  it('compares only children that share a key, and reports each pair once', () => {
    const children = [
      child('a', { nik: 'n1', name: 'x' }),
      child('b', { nik: 'n1', name: 'x' }),
      child('c'),
      child('d', { birthDate: '2020-01-01' }),
    ];
    expect(findDuplicates(children).map((p) => [p.childId, p.otherChildId])).toEqual([['a', 'b']]);
  });

  it('lists no pair of distinct NIKs that does not share name and birth date, so the store searches that key alone', () => {
    // Every way two records without the same name and birth date can meet: family card, mother, village, each on
    // or off (a shared NIK cannot occur among active records: NIK is unique there).
    for (const familyCard of [false, true])
      for (const mother of [false, true])
        for (const village of [false, true]) {
          const a = child('a', { nik: 'n1', familyCard: 'kk', motherName: 'm', name: 'x' });
          const b = child('b', {
            nik: 'n2',
            familyCard: familyCard ? 'kk' : 'other',
            motherName: mother ? 'm' : 'other',
            villageCode: village ? a.villageCode : '36.03.20.2099',
          });
          expect(scorePair(a, b).score).toBeLessThan(DUPLICATE_THRESHOLD);
        }
  });

  it('folds case, accents, punctuation and spacing in names', () => {
    expect(normalizeName('  SITI   Aminah. ')).toBe(normalizeName('siti aminah'));
    expect(normalizeName('Désy')).toBe('desy');
  });
});
