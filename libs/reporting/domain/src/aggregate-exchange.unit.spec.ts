import {
  CATEGORY_OPTION_COMBOS,
  DATA_ELEMENTS,
  exchangeValues,
  NO_FIGURES,
  type ExchangeFigures,
  type PlaceFigures,
} from './aggregate-exchange';

const figures = (measured: number, cases: number, classes: number[]): ExchangeFigures => ({
  measured,
  cases,
  classes,
});

const place = (total: ExchangeFigures, male: ExchangeFigures, female: ExchangeFigures): PlaceFigures => ({
  orgUnit: '36.03',
  indicator: 'stunting',
  ageGroup: 'balita',
  total,
  bySex: { male, female },
});

const shown = (places: PlaceFigures[], minimum: number | null) =>
  exchangeValues(places, minimum).map(({ dataElement, sex, value }) => `${dataElement}/${sex ?? 'all'}=${value}`);

describe('aggregate exchange', () => {
  it('names two elements per indicator and figure, the totals by age group and the rest by age group and sex', () => {
    expect(DATA_ELEMENTS.map((element) => `${element.code}:${element.categoryCombo}`)).toEqual([
      'STUNTING_MEASURED:AGE_GROUP',
      'STUNTING_CASES:AGE_GROUP',
      'STUNTING_MEASURED_BY_SEX:AGE_GROUP_SEX',
      'STUNTING_CASES_BY_SEX:AGE_GROUP_SEX',
      'WASTING_MEASURED:AGE_GROUP',
      'WASTING_CASES:AGE_GROUP',
      'WASTING_MEASURED_BY_SEX:AGE_GROUP_SEX',
      'WASTING_CASES_BY_SEX:AGE_GROUP_SEX',
      'UNDERWEIGHT_MEASURED:AGE_GROUP',
      'UNDERWEIGHT_CASES:AGE_GROUP',
      'UNDERWEIGHT_MEASURED_BY_SEX:AGE_GROUP_SEX',
      'UNDERWEIGHT_CASES_BY_SEX:AGE_GROUP_SEX',
    ]);
    expect(CATEGORY_OPTION_COMBOS.map((combo) => combo.code)).toEqual([
      'BADUTA',
      'BADUTA_MALE',
      'BADUTA_FEMALE',
      'BALITA',
      'BALITA_MALE',
      'BALITA_FEMALE',
    ]);
  });

  it('exchanges every figure of a place when nothing is suppressed', () => {
    const values = shown(
      [place(figures(30, 12, [4, 8, 18, 0, 1]), figures(14, 5, [1, 4, 9, 0, 0]), figures(16, 7, [3, 4, 9, 0, 1]))],
      null,
    );
    expect(values).toEqual([
      'STUNTING_MEASURED/all=30',
      'STUNTING_CASES/all=12',
      'STUNTING_MEASURED_BY_SEX/male=14',
      'STUNTING_CASES_BY_SEX/male=5',
      'STUNTING_MEASURED_BY_SEX/female=16',
      'STUNTING_CASES_BY_SEX/female=7',
    ]);
  });

  it('blanks the totals as the public CSV does: a small class takes the cases, a small number measured everything', () => {
    // Given a minimum of 10: 40 measured with classes 10, 12, 18 shows all; 25 with a class of 3 shows measured only.
    const big = figures(40, 22, [10, 12, 18, 0, 0]);
    expect(shown([place(big, NO_FIGURES, NO_FIGURES)], 10)).toContain('STUNTING_CASES/all=22');
    const smallClass = figures(25, 13, [3, 10, 12, 0, 0]);
    expect(shown([place(smallClass, NO_FIGURES, smallClass)], 10).filter((v) => v.includes('/all'))).toEqual([
      'STUNTING_MEASURED/all=25',
    ]);
    // Given 7 girls and no boy: nothing, not even the boys' 0, which with the total would tell the girls' count.
    const few = figures(7, 1, [0, 1, 6, 0, 0]);
    expect(shown([place(few, NO_FIGURES, few)], 10)).toEqual([]);
  });

  it('leaves out one sex when the other is small, since the total minus one sex would give it back', () => {
    // Given 50 measured: 44 boys (shown alone) and 6 girls (small): neither sex is exchanged, the total is.
    const total = figures(50, 20, [10, 10, 30, 0, 0]);
    const values = shown([place(total, figures(44, 20, [10, 10, 24, 0, 0]), figures(6, 0, [0, 0, 6, 0, 0]))], 10);
    expect(values).toEqual(['STUNTING_MEASURED/all=50', 'STUNTING_CASES/all=20']);
    // Given both sexes large but the girls' classes small: the number measured of each sex stays, no cases by sex.
    const split = shown([place(total, figures(25, 10, [0, 10, 15, 0, 0]), figures(25, 10, [7, 3, 15, 0, 0]))], 10);
    expect(split).toEqual([
      'STUNTING_MEASURED/all=50',
      'STUNTING_CASES/all=20',
      'STUNTING_MEASURED_BY_SEX/male=25',
      'STUNTING_MEASURED_BY_SEX/female=25',
    ]);
  });
});
