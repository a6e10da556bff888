import { expectedPosition } from '@registry/anthropometry';
import type { Regions } from '@registry/regions';
import type { Sex } from '../child';
import { checkNik, expectedDatePart, type NikProblem } from '../nik';
import {
  daysBetween,
  posyanduCode,
  puskesmasCode,
  readDecimal,
  readNeighbourhood,
  readNik,
  readPosition,
  readSex,
} from './cell-values';
import type { EppgbmColumn } from './columns';
import type { EppgbmRow, ExportedOpinion, ParsedRow } from './eppgbm-row';
import type { RecognisedHeaders } from './header-mapping';
import { RegencyPlaces } from './regency-places';
import { ColumnLayout, type NumberSpec, RowCells } from './row-cells';
import type { EppgbmSourceRow } from './source-row';
import { collapseSpaces } from './text';

/**
 * The importing kabupaten/kota, by code and regions (its places are indexed on first use and reused), or as the
 * RegencyPlaces an import already holds.
 */
export type EppgbmRowContext = (
  | {
      /** The importing kabupaten/kota, e.g. '36.03': every row must lie in it. */
      readonly regencyCode: string;
      readonly regions: Regions;
    }
  | { readonly places: RegencyPlaces }
) & {
  /** Whether a NIK's kecamatan of issue exists (e.g. '36.03.20'); by default, any kecamatan of the regions. */
  readonly isKnownDistrict?: (districtCode: string) => boolean;
};

const KILOGRAMS: NumberSpec = { unit: 'kilograms', example: '7,7', what: 'a weight' };
const BIRTH_WEIGHT: NumberSpec = { unit: 'kilograms', example: '3,2', what: 'a birth weight' };
const HEIGHT: NumberSpec = { unit: 'centimetres', example: '72,5', what: 'a length or height' };
const BIRTH_LENGTH: NumberSpec = { unit: 'centimetres', example: '48,5', what: 'a birth length' };
const MUAC: NumberSpec = { unit: 'centimetres', example: '13,5', what: 'an arm circumference' };

/** A birth weight above this many kilograms was written in grams. */
const LARGEST_KILOGRAMS = 100;

/**
 * Reads one data row of an e-PPGBM export into a registration and a measurement, or every problem the row has,
 * each naming its column as the file writes it. Range checks of the measured values are the measurement rules'.
 */
export function parseEppgbmRow(row: EppgbmSourceRow, mapping: RecognisedHeaders, context: EppgbmRowContext): ParsedRow {
  const cells = new RowCells(ColumnLayout.of(mapping), row);
  const places = 'places' in context ? context.places : RegencyPlaces.of(context.regions, context.regencyCode);

  const name = cells.requiredText('name', 'every child needs a name', 100);
  const sex = readSexCell(cells);
  const birthDate = cells.date('birthDate', 'write the birth date as DD-MM-YYYY');
  const motherName = cells.requiredText('parentName', "the registry needs the mother's name", 100);
  const isKnownDistrict =
    context.isKnownDistrict ?? ((code: string) => places.regions.find(code)?.level === 'district');
  const nik = readNikCell(cells, birthDate, sex, isKnownDistrict);

  const birthWeightKg = cells.positiveNumber('birthWeight', BIRTH_WEIGHT);
  const birthLengthCm = cells.positiveNumber('birthLength', BIRTH_LENGTH);

  const location = places.locate(
    {
      province: cells.text('province'),
      regency: cells.text('regency'),
      district: cells.text('district'),
      village: cells.text('village'),
    },
    (column) => cells.header(column),
  );
  for (const problem of location.problems) cells.problem(problem.column, problem.message);
  const rt = readNeighbourhoodCell(cells, 'rt');
  const rw = readNeighbourhoodCell(cells, 'rw');
  const addressLine = collapseSpaces(cells.text('address'));
  if (addressLine.length > 200) cells.problem('address', 'is longer than 200 characters; shorten it');

  const measuredOn = cells.date('measuredOn', 'write the date of the measurement as DD-MM-YYYY');
  if (birthDate && measuredOn && measuredOn < birthDate) {
    cells.problem(
      'measuredOn',
      `${measuredOn} is before the birth date in '${cells.header('birthDate')}' (${birthDate}); correct whichever is wrong`,
    );
  }
  const weightKg = cells.positiveNumber('weight', KILOGRAMS);
  const heightCm = cells.positiveNumber('height', HEIGHT);
  const muacCm = cells.positiveNumber('muac', MUAC);
  if (cells.text('weight') === '' && cells.text('height') === '') {
    const [column, other] = cells.has('weight') ? (['weight', 'height'] as const) : (['height', 'weight'] as const);
    const also = cells.has(other) ? ` and so is '${cells.header(other)}'` : '';
    cells.problem(column, `is empty${also}; a measurement needs a weight or a height`);
  }
  const written = cells.text('method');
  const position = written === '' ? null : readPosition(written);
  if (written !== '' && position === null) {
    cells.problem('method', `'${written}' is not a way of measuring; write Berdiri or Terlentang, or leave it empty`);
  }
  const puskesmas = puskesmasCode(cells.text('puskesmas'));
  if (puskesmas === null) cells.problem('puskesmas', 'is empty; every measurement names its puskesmas');
  const posyandu = posyanduCode(cells.text('posyandu'));

  if (cells.problems.length > 0) return { ok: false, rowNumber: row.rowNumber, problems: cells.problems };
  // With no problem, every required value above was read.
  const born = birthDate!;
  const on = measuredOn!;
  const parsed: EppgbmRow = {
    rowNumber: row.rowNumber,
    child: {
      nik,
      name: name!,
      sex: sex!,
      birthDate: born,
      ...(birthWeightKg !== undefined && { birthWeightGrams: birthWeightGrams(birthWeightKg) }),
      ...(birthLengthCm !== undefined && { birthLengthCm: Math.round(birthLengthCm * 10) / 10 }),
      motherName: motherName!,
      villageCode: location.villageCode!,
      ...(rt && { rt }),
      ...(rw && { rw }),
      ...(addressLine && { addressLine }),
    },
    measurement: {
      measuredOn: on,
      ...(weightKg !== undefined && { weightKg }),
      ...(heightCm !== undefined && { heightCm }),
      position: position ?? expectedPosition(daysBetween(born, on)),
      ...(muacCm !== undefined && { muacCm }),
      puskesmasCode: puskesmas!,
      ...(posyandu && { posyanduCode: posyandu }),
    },
    exported: exportedOpinions(cells),
  };
  return { ok: true, row: parsed };
}

const birthWeightGrams = (value: number): number => Math.round(value > LARGEST_KILOGRAMS ? value : value * 1000);

function readSexCell(cells: RowCells): Sex | null {
  const text = cells.text('sex');
  const sex = text === '' ? null : readSex(text);
  if (sex === null) {
    cells.problem(
      'sex',
      `${text === '' ? 'is empty' : `'${text}' is not a sex`}; write L (laki-laki) or P (perempuan)`,
    );
  }
  return sex;
}

function readNikCell(
  cells: RowCells,
  birthDate: string | null,
  sex: Sex | null,
  isKnownDistrict: (districtCode: string) => boolean,
): string | null {
  const text = cells.text('nik');
  if (text === '') return null;
  const reading = readNik(text);
  if ('wrong' in reading) {
    cells.problem('nik', reading.wrong);
    return null;
  }
  // Checked against the birth date and sex only once both are known to be right.
  if (birthDate === null || sex === null) return reading.nik;
  const problem = checkNik(reading.nik, birthDate, sex, isKnownDistrict);
  if (problem) cells.problem('nik', nikMessage(problem, reading.nik, birthDate, sex, cells));
  return reading.nik;
}

/** checkNik's finding in the file's words; the NIK itself is personal data and not repeated whole. */
function nikMessage(problem: NikProblem, nik: string, birthDate: string, sex: Sex, cells: RowCells): string {
  const datePart = nik.slice(6, 12);
  switch (problem.part) {
    case 'region':
      return `starts with ${nik.slice(0, 6)}, which is no kecamatan Kemendagri knows; check the NIK on the family card (KK)`;
    case 'sex':
      return (
        `its date part ${datePart} is that of a ${sex === 'female' ? 'boy' : 'girl (day + 40)'} but '${cells.header('sex')}' ` +
        `says ${sex === 'female' ? 'P' : 'L'}; correct whichever is wrong`
      );
    case 'birthDate':
      return (
        `its date part ${datePart} does not match '${cells.header('birthDate')}' ${birthDate} ` +
        `(expected ${expectedDatePart(birthDate, sex)}); correct whichever is wrong`
      );
    case 'serial':
      return 'ends in 0000, which no NIK does; check the NIK on the family card (KK)';
    default:
      return problem.message;
  }
}

function readNeighbourhoodCell(cells: RowCells, column: 'rt' | 'rw'): string | null {
  const text = cells.text(column);
  if (text === '') return null;
  const reading = readNeighbourhood(text);
  if ('number' in reading) return reading.number;
  cells.problem(
    column,
    `'${text}' is not an ${column.toUpperCase()} number; write 1–3 digits like 003, or leave it empty`,
  );
  return null;
}

const OPINION_COLUMNS: ReadonlyArray<readonly [keyof EppgbmRow['exported'], EppgbmColumn, EppgbmColumn]> = [
  ['weightForAge', 'weightForAge', 'weightForAgeZ'],
  ['heightForAge', 'heightForAge', 'heightForAgeZ'],
  ['weightForHeight', 'weightForHeight', 'weightForHeightZ'],
];

/** The export's own z-scores and statuses; a z-score that is not a number is only the old system's loss. */
function exportedOpinions(cells: RowCells): EppgbmRow['exported'] {
  const exported: { -readonly [Indicator in keyof EppgbmRow['exported']]: ExportedOpinion } = {};
  for (const [indicator, statusColumn, zColumn] of OPINION_COLUMNS) {
    const z = readDecimal(cells.text(zColumn));
    const status = collapseSpaces(cells.text(statusColumn));
    if (z === null && status === '') continue;
    exported[indicator] = { ...(z !== null && { z }), ...(status !== '' && { status }) };
  }
  return exported;
}
