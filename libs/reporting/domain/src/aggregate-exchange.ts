import type { Sex } from '@registry/anthropometry';
import { AGE_GROUP_ORDER } from './cell-codes';
import type { AgeGroup } from './age-groups';
import { publicRow, type IndicatorName, type PeriodKind } from './indicators';

export type { Sex };

/*
 * The codes of the aggregate exchange (ADX and DHIS2 dataValueSets, ../shared/domain/INTEROP.md): one source for the
 * exports and for the README's mapping table, which a DHIS2 administrator loads as metadata codes.
 *
 * Each figure is two data elements: one for both sexes, disaggregated by age group only, and one `_BY_SEX`,
 * disaggregated by age group and sex. The total is its own element, not left to DHIS2 to add up, because
 * suppression may leave out both sexes of a total the public CSV shows.
 */

/** The dataSet codes, one per period type: DHIS2 ties a data set to one period type. Each holds every element. */
export const EXCHANGE_DATA_SETS: Readonly<Record<PeriodKind, string>> = {
  month: 'TPPS_STUNTING_MONTHLY',
  quarter: 'TPPS_STUNTING_QUARTERLY',
  year: 'TPPS_STUNTING_YEARLY',
};

/** The indicators exchanged, in the order they are written. */
export const EXCHANGE_INDICATORS: readonly IndicatorName[] = ['stunting', 'wasting', 'underweight'];

export type ExchangeMeasure = 'measured' | 'cases';
export const EXCHANGE_MEASURES: readonly ExchangeMeasure[] = ['measured', 'cases'];

/** Category AGE_GROUP. Baduta (0–23 months) lies inside balita (0–59): the two must never be added. */
export const AGE_GROUP_CATEGORY = { code: 'AGE_GROUP', options: { baduta: 'BADUTA', balita: 'BALITA' } } as const;
/** Category SEX. */
export const SEX_CATEGORY = { code: 'SEX', options: { male: 'MALE', female: 'FEMALE' } } as const;
export const SEXES: readonly Sex[] = ['male', 'female'];

/** Category combinations: AGE_GROUP for the totals, AGE_GROUP_SEX for the `_BY_SEX` elements. */
export const CATEGORY_COMBOS = { total: 'AGE_GROUP', bySex: 'AGE_GROUP_SEX' } as const;

/** `STUNTING_CASES`, `WASTING_MEASURED_BY_SEX`, … */
export const dataElementCode = (indicator: IndicatorName, measure: ExchangeMeasure, bySex: boolean): string =>
  `${indicator.toUpperCase()}_${measure.toUpperCase()}${bySex ? '_BY_SEX' : ''}`;

/** A category option combination's code, as the administrator sets it in DHIS2: `BALITA`, `BADUTA_FEMALE`, … */
export const categoryOptionComboCode = (ageGroup: AgeGroup, sex: Sex | null): string =>
  sex === null
    ? AGE_GROUP_CATEGORY.options[ageGroup]
    : `${AGE_GROUP_CATEGORY.options[ageGroup]}_${SEX_CATEGORY.options[sex]}`;

const MEASURE_NAMES: Record<ExchangeMeasure, (indicator: IndicatorName) => string> = {
  measured: (indicator) => `Children measured for ${indicator} (latest valid measurement, flagged values excluded)`,
  cases: (indicator) =>
    `Children with ${indicator} (below −2 SD, moderate and severe${indicator === 'stunting' ? '' : '; oedema as severe'})`,
};

export interface DataElementDefinition {
  readonly code: string;
  readonly name: string;
  readonly categoryCombo: string;
}

/** Every data element, for the README table and DHIS2 metadata. */
export const DATA_ELEMENTS: readonly DataElementDefinition[] = EXCHANGE_INDICATORS.flatMap((indicator) =>
  [false, true].flatMap((bySex) =>
    EXCHANGE_MEASURES.map((measure) => ({
      code: dataElementCode(indicator, measure, bySex),
      name: `${MEASURE_NAMES[measure](indicator)}${bySex ? ', by sex' : ''}`,
      categoryCombo: bySex ? CATEGORY_COMBOS.bySex : CATEGORY_COMBOS.total,
    })),
  ),
);

/** Every category option combination's code with its options. */
export const CATEGORY_OPTION_COMBOS: readonly { readonly code: string; readonly options: readonly string[] }[] =
  AGE_GROUP_ORDER.flatMap((ageGroup) => [
    { code: categoryOptionComboCode(ageGroup, null), options: [AGE_GROUP_CATEGORY.options[ageGroup]] },
    ...SEXES.map((sex) => ({
      code: categoryOptionComboCode(ageGroup, sex),
      options: [AGE_GROUP_CATEGORY.options[ageGroup], SEX_CATEGORY.options[sex]],
    })),
  ]);

/** One prevalence row's figures: what the public CSV shows or blanks (classes: every class and flaggedExcluded). */
export interface ExchangeFigures {
  readonly measured: number;
  readonly cases: number;
  readonly classes: readonly number[];
}

/** One place's figures of one indicator and age group: both sexes, and each. */
export interface PlaceFigures {
  readonly orgUnit: string;
  readonly indicator: IndicatorName;
  readonly ageGroup: AgeGroup;
  readonly total: ExchangeFigures;
  readonly bySex: Readonly<Record<Sex, ExchangeFigures>>;
}

/** One exchanged value: a data element's count for a place, age group and (for `_BY_SEX`) sex. */
export interface ExchangeValue {
  readonly orgUnit: string;
  readonly dataElement: string;
  readonly ageGroup: AgeGroup;
  readonly sex: Sex | null;
  readonly value: number;
}

/** The figures of a place where no child of a sex was counted. */
export const NO_FIGURES: ExchangeFigures = { measured: 0, cases: 0, classes: [] };

/**
 * The values to exchange; with a minimum, small cells left out as the public CSV blanks them (publicRow): a small
 * number measured takes the row, a small class takes the cases. The totals are blanked exactly as the CSV's rows.
 * A sex's figure is also left out when the other sex's is, since the total minus one sex would give it back.
 */
export function exchangeValues(places: readonly PlaceFigures[], minimum: number | null): ExchangeValue[] {
  const shown = (figures: ExchangeFigures) =>
    minimum === null ? { measured: true, breakdown: true } : publicRow(figures.measured, figures.classes, minimum);
  const values: ExchangeValue[] = [];
  for (const place of places) {
    const total = shown(place.total);
    const [male, female] = SEXES.map((sex) => shown(place.bySex[sex]));
    const sexShown = { measured: male.measured && female.measured, breakdown: male.breakdown && female.breakdown };
    const add = (sex: Sex | null, figures: ExchangeFigures, rule: { measured: boolean; breakdown: boolean }) => {
      const base = { orgUnit: place.orgUnit, ageGroup: place.ageGroup, sex };
      const bySex = sex !== null;
      if (rule.measured)
        values.push({
          ...base,
          dataElement: dataElementCode(place.indicator, 'measured', bySex),
          value: figures.measured,
        });
      if (rule.breakdown)
        values.push({ ...base, dataElement: dataElementCode(place.indicator, 'cases', bySex), value: figures.cases });
    };
    add(null, place.total, total);
    for (const sex of SEXES) add(sex, place.bySex[sex], sexShown);
  }
  return values;
}
