import { checkNik, expectedDatePart } from './nik';

const known = (code: string) => code === '36.03.20';

describe('checkNik', () => {
  it('accepts a NIK whose kecamatan exists and whose date part is the birth date (girls: day + 40)', () => {
    expect(checkNik('3603204103240001', '2024-03-01', 'female', known)).toBeNull();
    expect(checkNik('3603200103240001', '2024-03-01', 'male', known)).toBeNull();
  });

  it.each([
    ['360320010324000', '2024-03-01', 'male', 'format'],
    ['3699200103240001', '2024-03-01', 'male', 'region'],
    ['3603200103240001', '2024-03-01', 'female', 'sex'],
    ['3603200203240001', '2024-03-01', 'male', 'birthDate'],
    ['3603200103250001', '2024-03-01', 'male', 'birthDate'],
    ['3603200103240000', '2024-03-01', 'male', 'serial'],
  ] as const)('%s born %s (%s) disagrees in its %s part', (nik, birthDate, sex, part) => {
    expect(checkNik(nik, birthDate, sex, known)?.part).toBe(part);
  });

  it('says which date part it expected', () => {
    expect(expectedDatePart('2024-03-01', 'female')).toBe('410324');
    expect(checkNik('3603204203240001', '2024-03-01', 'female', known)?.message).toContain('expected 410324');
  });
});
