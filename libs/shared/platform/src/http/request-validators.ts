import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A posyandu's or puskesmas' code as the registry takes it everywhere (measurements, the posyandu list). */
export const FACILITY_CODE = /^[A-Za-z0-9._-]{1,40}$/;

/** For @Transform on free text: leading and trailing spaces dropped, runs of spaces made one, as people type them. */
export const collapseSpaces = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value;

/** A YYYY-MM-DD date that exists in the calendar: 2024-02-30 matches the pattern but is no day (it reached SQL: 500). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const IsCalendarDate = (options: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate } }, options);

/** C0 controls other than tab, line feed and carriage return, and DEL: no person types them, and PostgreSQL refuses NUL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const hasNoControlCharacters = (value: unknown): boolean =>
  typeof value !== 'string' || !CONTROL_CHARACTER.test(value);

/** For free text; other types are left to IsString, so a number gets one message, not two. */
export const NoControlCharacters = (options: ValidationOptions = {}): PropertyDecorator =>
  ValidateBy(
    { name: 'noControlCharacters', validator: { validate: hasNoControlCharacters } },
    { message: ({ property }) => `${property} must not contain control characters (e.g. \\u0000)`, ...options },
  );

/** A path id that must be a UUID; the 400 names the parameter and what it identifies. */
export const uuidParam = (parameter: string, what: string): ParseUUIDPipe =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `${parameter} must be ${what} (a UUID) in the path`,
        fields: [{ field: parameter, problems: [`${parameter} must be ${what} (a UUID)`] }],
      }),
  });
