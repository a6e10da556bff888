import { LAST_DAY } from './age';
import { AnthropometryInputError } from './errors';

export type Sex = 'male' | 'female';
export type Position = 'lying' | 'standing';

/** One visit's measurement as a posyandu or puskesmas records it. Dates are calendar dates, YYYY-MM-DD. */
export interface MeasurementInput {
  readonly sex: Sex;
  readonly birthDate: string;
  readonly measuredOn: string;
  readonly weightKg?: number | null;
  /** Length (lying) or height (standing) as read off the board, before the 0.7 cm correction. */
  readonly heightCm?: number | null;
  /** How the child was measured; when missing WHO assumes the position expected for the age. */
  readonly position?: Position | null;
  readonly headCircumferenceCm?: number | null;
  /** Mid-upper arm circumference (LiLA): no z-score here, only its range is checked. */
  readonly muacCm?: number | null;
  /** Bilateral pitting oedema. */
  readonly oedema?: boolean | null;
  /** The child's recorded death, if any: no measurement can be taken after it. */
  readonly diedOn?: string | null;
}

/** A measurement checked to describe a real child of 0–1856 days; the z-score computation starts from it. */
export interface ChildMeasurement {
  readonly sex: Sex;
  readonly ageDays: number;
  readonly weightKg: number | null;
  readonly heightCm: number | null;
  readonly position: Position | null;
  readonly headCircumferenceCm: number | null;
  readonly oedema: boolean;
}

/**
 * Plausible ranges for a child under five. They only reject typing errors (grams for kilograms, a missing
 * decimal point): values inside them still get their z-score, and the WHO flags catch the implausible ones.
 */
const PLAUSIBLE = {
  weightKg: { min: 0.5, max: 60, unit: 'kg' },
  heightCm: { min: 38, max: 130, unit: 'cm' },
  headCircumferenceCm: { min: 25, max: 60, unit: 'cm' },
  muacCm: { min: 5, max: 30, unit: 'cm' },
} as const;

/** Checks a measurement against what a real child under five can be; `today` (YYYY-MM-DD) is injected. */
export function validateMeasurement(input: MeasurementInput, today: string): ChildMeasurement {
  if (input.sex !== 'male' && input.sex !== 'female') {
    throw new AnthropometryInputError('sex', 'unknown_sex', `sex is ${describe(input.sex)}; use "male" or "female".`);
  }
  const birthDay = dayNumber('birthDate', input.birthDate);
  const measuredDay = dayNumber('measuredOn', input.measuredOn);
  const todayDay = dayNumber('today', today);
  if (measuredDay < birthDay) {
    throw new AnthropometryInputError(
      'measuredOn',
      'measured_before_birth',
      `measuredOn ${input.measuredOn} is before birthDate ${input.birthDate}; check both dates.`,
    );
  }
  if (measuredDay > todayDay) {
    throw new AnthropometryInputError(
      'measuredOn',
      'measured_in_future',
      `measuredOn ${input.measuredOn} is after today (${today}); record the date the child was measured.`,
    );
  }
  if (input.diedOn != null && measuredDay > dayNumber('diedOn', input.diedOn)) {
    throw new AnthropometryInputError(
      'measuredOn',
      'measured_after_death',
      `measuredOn ${input.measuredOn} is after the child's recorded death (${input.diedOn})`,
    );
  }
  const ageDays = measuredDay - birthDay;
  if (ageDays > LAST_DAY) {
    throw new AnthropometryInputError(
      'measuredOn',
      'age_out_of_range',
      `the child is ${ageDays} days old on ${input.measuredOn} (born ${input.birthDate}); the WHO Child Growth ` +
        `Standards used here cover 0–${LAST_DAY} days, so check the birth date or leave the child out.`,
    );
  }
  const position = input.position ?? null;
  if (position !== null && position !== 'lying' && position !== 'standing') {
    throw new AnthropometryInputError(
      'position',
      'unknown_position',
      `position is ${describe(position)}; use "lying" (length), "standing" (height) or leave it out.`,
    );
  }
  const oedema = input.oedema ?? false;
  if (typeof oedema !== 'boolean') {
    throw new AnthropometryInputError('oedema', 'not_a_boolean', `oedema is ${describe(oedema)}; use true or false.`);
  }
  const weightKg = plausibleMeasurement(input, 'weightKg');
  const heightCm = plausibleMeasurement(input, 'heightCm');
  if (weightKg === null && heightCm === null) {
    throw new AnthropometryInputError(
      'weightKg',
      'missing_measurement',
      'neither weightKg nor heightCm is given; a measurement needs at least one of them.',
    );
  }
  const headCircumferenceCm = plausibleMeasurement(input, 'headCircumferenceCm');
  plausibleMeasurement(input, 'muacCm');
  return { sex: input.sex, ageDays, weightKg, heightCm, position, headCircumferenceCm, oedema };
}

function plausibleMeasurement(input: MeasurementInput, field: keyof typeof PLAUSIBLE): number | null {
  const value: unknown = input[field];
  if (value === undefined || value === null) return null;
  const { min, max, unit } = PLAUSIBLE[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new AnthropometryInputError(
      field,
      'not_a_number',
      `${field} is ${describe(value)}; give a number in ${unit}.`,
    );
  }
  if (value < min || value > max) {
    throw new AnthropometryInputError(
      field,
      'out_of_range',
      `${field} ${value} ${unit} is outside ${min}–${max} ${unit}, impossible for a child under five; ` +
        `check the unit (${unit}) and the decimal point.`,
    );
  }
  return value;
}

/**
 * Days since 1970-01-01 of a strict YYYY-MM-DD calendar date. Parsed by character codes, with no RegExp match or
 * Date object, because it runs twice per assessment and dominated its cost.
 */
function dayNumber(field: string, value: unknown): number {
  const text = typeof value === 'string' && value.length === 10 && value[4] === '-' && value[7] === '-' ? value : '';
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) {
    throw new AnthropometryInputError(
      field,
      'malformed_date',
      `${field} is ${describe(value)}; give a calendar date as YYYY-MM-DD.`,
    );
  }
  return daysFromCivil(year, month, day);
}

/** The decimal number in text[start, end), or NaN unless every character is a digit 0-9. */
function digits(text: string, start: number, end: number): number {
  let number = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return NaN;
    number = number * 10 + digit;
  }
  return number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Proleptic Gregorian date to days since 1970-01-01 (H. Hinnant's days_from_civil), exact for every year. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}
