import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { MEASUREMENT_SCALES, type MeasuredField } from '@registry/intake-domain';
import { IsNumber, IsOptional, type ValidationArguments } from 'class-validator';

const EXAMPLES: Record<MeasuredField, number> = {
  weightKg: 9.4,
  heightCm: 76.5,
  headCircumferenceCm: 45.1,
  muacCm: 13.2,
};

/**
 * A measured value: any JSON number, brought to its scale's precision by the domain (`MEASUREMENT_SCALES`), whose
 * physical range is checked there too (422 naming the field). Only a value that is no number is refused here, and
 * the message says so rather than showing an example the caller may already have followed.
 */
export function MeasuredNumber(field: MeasuredField): PropertyDecorator {
  const { decimals, unit, what } = MEASUREMENT_SCALES[field];
  const step = (10 ** -decimals).toFixed(decimals);
  return applyDecorators(
    ApiPropertyOptional({
      type: Number,
      example: EXAMPLES[field],
      description:
        `${what[0].toUpperCase()}${what.slice(1)}, ${unit}. Kept to ${decimals} decimal${decimals === 1 ? '' : 's'} ` +
        `(${step} ${unit}): a value with more is rounded half up, so 7.699999999999999 is 7.7.`,
    }),
    IsOptional(),
    IsNumber(
      { allowNaN: false, allowInfinity: false },
      {
        message: ({ value }: ValidationArguments) =>
          `${field} is ${kindOf(value)}, not a number: send ${unit} as a JSON number`,
      },
    ),
  );
}

function kindOf(value: unknown): string {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return `${value}`;
  // JSON.parse reads 1e400 as Infinity
  if (typeof value === 'number') return 'too large';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : String(value);
}
