import { type Assessment, assessMeasurement } from './assessment';
import { AnthropometryInputError } from './errors';
import { ageCurves, type CurvePoint, lengthCurves } from './growth-curves';
import { type GrowthTables, zScoreAtAge, zScoreAtLength } from './lms-table';
import { type MeasurementInput, type Sex, validateMeasurement } from './measurement-input';
import { type GrowthStandardsFiles, parseGrowthTables } from './table-parser';

/** The tables a low-level z-score can be looked up in. */
export type Indicator = keyof GrowthTables;

export interface AssessOptions {
  /** Today's date (YYYY-MM-DD) in Indonesia (contracts' todayInIndonesia): a measurement after it is refused. */
  readonly today: string;
}

/** The WHO Child Growth Standards (2006) loaded once; every method is pure and safe to share across requests. */
export class GrowthStandards {
  private constructor(
    private readonly tables: GrowthTables,
    /** Absolute path of the folder the tables were read from. */
    readonly directory: string,
  ) {}

  /**
   * Parses and checks the WHO LMS tables from their text; @registry/reference-data's loadGrowthStandards reads them
   * from the shared folder. Throws GrowthStandardsLoadError.
   */
  static fromFiles(files: GrowthStandardsFiles): GrowthStandards {
    return new GrowthStandards(parseGrowthTables(files), files.directory);
  }

  /**
   * Unrounded z-score for one table lookup, without the rules of a visit (no 0.7 cm correction, no oedema):
   * `at` is the age in completed days, or the length/height in cm for weightForLength/weightForHeight, and
   * `measurement` is in the indicator's unit (cm, kg, kg/m²). Weight-based indicators use WHO's restricted LMS
   * beyond ±3. Null where WHO gives no z-score: age outside 0–1856 days, length/height outside the table,
   * measurement not positive.
   */
  zScore(indicator: Indicator, sex: Sex, at: number, measurement: number): number | null {
    if (sex !== 'male' && sex !== 'female') {
      throw new AnthropometryInputError('sex', 'unknown_sex', `sex is ${String(sex)}; use "male" or "female".`);
    }
    if (!(measurement > 0 && measurement < Infinity)) return null;
    const z = this.lookUp(indicator, sex, at, measurement);
    return Number.isNaN(z) ? null : z;
  }

  /**
   * The −3…+3 SD lines of one chart, from the same tables the z-scores come from: `at` in days (one point a
   * week) for the age charts, in cm (every 0.5 cm) for weight-for-length/height.
   */
  curves(indicator: Indicator, sex: Sex): CurvePoint[] {
    const tables = this.tables;
    switch (indicator) {
      case 'weightForLength':
      case 'weightForHeight':
        return lengthCurves(tables[indicator][sex], 5);
      case 'heightForAge':
      case 'weightForAge':
      case 'bmiForAge':
      case 'headCircumferenceForAge':
        return ageCurves(tables[indicator][sex], 7);
    }
  }

  /** Everything the registry records about one measurement; throws AnthropometryInputError for impossible input. */
  assess(input: MeasurementInput, { today }: AssessOptions): Assessment {
    return assessMeasurement(this.tables, validateMeasurement(input, today));
  }

  private lookUp(indicator: Indicator, sex: Sex, at: number, measurement: number): number {
    const { tables } = this;
    switch (indicator) {
      case 'heightForAge':
        return zScoreAtAge(tables.heightForAge[sex], at, measurement, false);
      case 'weightForAge':
        return zScoreAtAge(tables.weightForAge[sex], at, measurement, true);
      case 'bmiForAge':
        return zScoreAtAge(tables.bmiForAge[sex], at, measurement, true);
      // L = 1 for head circumference, where the restricted rule would give the same value.
      case 'headCircumferenceForAge':
        return zScoreAtAge(tables.headCircumferenceForAge[sex], at, measurement, false);
      case 'weightForLength':
        return zScoreAtLength(tables.weightForLength[sex], at, measurement);
      case 'weightForHeight':
        return zScoreAtLength(tables.weightForHeight[sex], at, measurement);
      default:
        throw new AnthropometryInputError(
          'indicator',
          'unknown_indicator',
          `indicator is ${String(indicator)}; use one of heightForAge, weightForAge, weightForLength, ` +
            `weightForHeight, bmiForAge, headCircumferenceForAge.`,
        );
    }
  }
}
