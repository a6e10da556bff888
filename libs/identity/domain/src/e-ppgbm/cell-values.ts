// Readers of single cells as e-PPGBM exports and the spreadsheets made from them write them. Each returns the value,
// or null when the text is not one; the row parser words the problem, naming the column as the file writes it.

import type { Sex } from '../child';
import { compactKey, words } from './text';

const DECIMAL = /^[+\-−]?\d+(?:[.,]\d+)?$/;

/** '7,7', '7.7', ' 7,70 ', '-2,31' (also with the typographic minus '−'); no thousands separators. */
export function readDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  return Number(text.replace(',', '.').replace('−', '-'));
}

const DAY_FIRST = /^(\d{1,2})([-/])(\d{1,2})\2(\d{4})$/;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Some spreadsheets add midnight to a date cell. */
const MIDNIGHT = /[ T]00:00(:00(\.0+)?)?Z?$/;

export type DateReading = { readonly date: string } | { readonly wrong: 'form' | 'calendar' };

/** DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD, as YYYY-MM-DD if the day exists in the calendar. */
export function readDate(text: string): DateReading {
  const cell = text.length > 10 ? text.replace(MIDNIGHT, '') : text;
  const dayFirst = DAY_FIRST.exec(cell);
  const yearFirst = dayFirst ? null : YEAR_FIRST.exec(cell);
  if (!dayFirst && !yearFirst) return { wrong: 'form' };
  const [year, month, day] = dayFirst
    ? [Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1])]
    : [Number(yearFirst![1]), Number(yearFirst![2]), Number(yearFirst![3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { wrong: 'calendar' };
  return { date: `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/** Completed days from one YYYY-MM-DD to another. */
export const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000;

const SEXES = new Map<string, Sex>([
  ['l', 'male'],
  ['lk', 'male'],
  ['lakilaki', 'male'],
  ['p', 'female'],
  ['pr', 'female'],
  ['perempuan', 'female'],
]);

/** JK: L / P, or written out (Laki-laki, Perempuan), any case. */
export const readSex = (text: string): Sex | null => SEXES.get(compactKey(text)) ?? null;

const POSITIONS = new Map<string, 'lying' | 'standing'>([
  ['berdiri', 'standing'],
  ['terlentang', 'lying'],
  ['telentang', 'lying'],
  ['berbaring', 'lying'],
]);

/** Cara Ukur: Berdiri (height, standing) or Terlentang (length, lying). */
export const readPosition = (text: string): 'lying' | 'standing' | null => POSITIONS.get(compactKey(text)) ?? null;

export type NikReading = { readonly nik: string } | { readonly wrong: string };

/**
 * A NIK cell: spaces and the apostrophe Excel puts before long digit strings to keep them text are dropped. A NIK
 * Excel already turned into a number (3,60320E+15) has lost its last digits for good: say so.
 */
export function readNik(text: string): NikReading {
  const digits = text.replace(/\s+/g, '').replace(/^['‘’`]/, '');
  if (/^\d{16}$/.test(digits)) return { nik: digits };
  if (/^[\d.,]+e\+?\d+$/i.test(digits)) {
    return {
      wrong:
        'Excel turned the NIK into a number and lost its last digits; format the column as text in the source and export again',
    };
  }
  const count = digits.replace(/\D/g, '').length;
  if (/^\d+$/.test(digits)) return { wrong: `has ${count} digits, a NIK has 16; correct it or leave the cell empty` };
  return { wrong: 'is not 16 digits; write only the digits of the NIK, or leave the cell empty' };
}

export type NeighbourhoodReading = { readonly number: string | null } | { readonly wrong: true };

/** RT/RW: 1–3 digits, written as three ('3', 'RT 03' and '003' are '003'); all zeros means none was written. */
export function readNeighbourhood(text: string): NeighbourhoodReading {
  const parts = words(text);
  if (parts[0] === 'rt' || parts[0] === 'rw') parts.shift();
  const digits = parts.join('');
  if (!/^\d{1,3}$/.test(digits)) return { wrong: true };
  return { number: /^0+$/.test(digits) ? null : digits.padStart(3, '0') };
}

const MAX_FACILITY_CODE = 40;

/** Upper case, accents dropped, every run of other characters one '-', no '-' at either end. */
function facilityCode(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const fitCode = (code: string): string => code.slice(0, MAX_FACILITY_CODE).replace(/-+$/, '');

/**
 * A puskesmas name as a facility code: 'Puskesmas Balaraja', 'PKM Balaraja' and 'Balaraja' are all
 * 'PKM-BALARAJA'. Null when the name has no letter or digit.
 */
export function puskesmasCode(name: string): string | null {
  const code = facilityCode(name);
  if (code === '') return null;
  if (code.startsWith('PKM')) return fitCode(code);
  return fitCode(`PKM-${code.replace(/^PUSKESMAS-/, '')}`);
}

/** A posyandu name as a facility code: 'Posyandu Mawar 03' and 'Mawar 03' are 'MAWAR-03'. */
export function posyanduCode(name: string): string | null {
  const code = facilityCode(name);
  if (code === '') return null;
  return fitCode(code.replace(/^POSYANDU-(?=.)/, ''));
}
