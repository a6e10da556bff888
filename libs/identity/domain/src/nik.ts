import type { Sex } from './child';

export type NikProblem =
  | { readonly part: 'format'; readonly message: string }
  | { readonly part: 'region'; readonly message: string }
  | { readonly part: 'birthDate'; readonly message: string }
  | { readonly part: 'sex'; readonly message: string }
  | { readonly part: 'serial'; readonly message: string };

/**
 * Checks a NIK (PPKKCC DDMMYY SSSS) against the child's declared birth date and sex: the kecamatan of issue must
 * exist, the date part must be the birth date with day + 40 for girls, and the serial must be 0001–9999.
 * Returns the first part that disagrees, or null.
 */
export function checkNik(
  nik: string,
  birthDate: string,
  sex: Sex,
  isKnownDistrict: (code: string) => boolean,
): NikProblem | null {
  if (!/^\d{16}$/.test(nik)) return { part: 'format', message: 'nik must be exactly 16 digits' };
  const district = `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
  if (!isKnownDistrict(district)) {
    return { part: 'region', message: `nik region part ${nik.slice(0, 6)} is not a known kecamatan (${district})` };
  }
  const day = Number(nik.slice(6, 8));
  const month = nik.slice(8, 10);
  const year = nik.slice(10, 12);
  const [birthYear, birthMonth, birthDay] = birthDate.split('-');
  const declaredFemale = day > 40;
  if (declaredFemale !== (sex === 'female')) {
    return {
      part: 'sex',
      message: `nik date part ${nik.slice(6, 12)} encodes a ${declaredFemale ? 'girl (day + 40)' : 'boy'} but sex is ${sex}`,
    };
  }
  if (day - (declaredFemale ? 40 : 0) !== Number(birthDay) || month !== birthMonth || year !== birthYear.slice(2)) {
    return {
      part: 'birthDate',
      message: `nik date part ${nik.slice(6, 12)} does not match birthDate ${birthDate} (expected ${expectedDatePart(birthDate, sex)})`,
    };
  }
  if (nik.slice(12) === '0000') return { part: 'serial', message: 'nik serial part must be 0001–9999' };
  return null;
}

/**
 * The NIK a child of this birth date and sex gets in the kecamatan `districtCode` (e.g. '36.03.20') with the serial
 * (1–9999): PPKKCC, DDMMYY with day + 40 for girls, SSSS. Simulations and tests issue NIKs with it.
 */
export function composeNik(districtCode: string, birthDate: string, sex: Sex, serial: number): string {
  return `${districtCode.replace(/\./g, '')}${expectedDatePart(birthDate, sex)}${String(serial).padStart(4, '0')}`;
}

/** DDMMYY of a NIK for this birth date and sex: girls' day + 40. */
export function expectedDatePart(birthDate: string, sex: Sex): string {
  const [year, month, day] = birthDate.split('-');
  const encodedDay = Number(day) + (sex === 'female' ? 40 : 0);
  return `${String(encodedDay).padStart(2, '0')}${month}${year.slice(2)}`;
}
