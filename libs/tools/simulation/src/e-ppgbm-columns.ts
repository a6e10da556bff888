// The columns of an e-PPGBM export and how it fills them: NIK, dates, the age as words, its own status labels,
// vitamin A rounds.
import type { Sex } from '@registry/anthropometry';
import { composeNik } from '@registry/identity-domain';
import type { Random } from './random';

/** The columns of an e-PPGBM export, in its order and spelling ('Pukesmas' as the exports write it). */
export const EPPGBM_EXPORT_HEADERS = [
  'NIK', 'Nama', 'JK', 'Tgl Lahir', 'BB Lahir', 'TB Lahir', 'Nama Ortu', 'Prov', 'Kab/Kota', 'Kec', 'Pukesmas',
  'Desa/Kel', 'Posyandu', 'RT', 'RW', 'Alamat', 'Usia Saat Ukur', 'Tanggal Pengukuran', 'Berat', 'Tinggi',
  'Cara Ukur', 'LiLA', 'BB/U', 'ZS BB/U', 'TB/U', 'ZS TB/U', 'BB/TB', 'ZS BB/TB', 'Naik Berat Badan',
  'PMT Diterima (kg)', 'Jml Vit A', 'KPSP', 'KIA', 'Detail',
] as const; // prettier-ignore

/** Headers as some files spell them (variations.misspeltHeaders): other spellings, typos, case and spacing. */
export const EPPGBM_MISSPELT_HEADERS: Readonly<Record<string, string>> = {
  JK: 'jk',
  'Tgl Lahir': 'Tgl Lahr',
  'Nama Ortu': 'Nama Orang Tua',
  Pukesmas: 'Puskesmas',
  'Desa/Kel': 'Desa / Kel',
  'Tanggal Pengukuran': 'Tanggal Pengukran',
};

export type EppgbmDateForm = 'dd-mm-yyyy' | 'dd/mm/yyyy' | 'yyyy-mm-dd';

export function formatDate(date: string, form: EppgbmDateForm): string {
  const [year, month, day] = date.split('-');
  if (form === 'yyyy-mm-dd') return date;
  return form === 'dd-mm-yyyy' ? `${day}-${month}-${year}` : `${day}/${month}/${year}`;
}

/**
 * PPKKCC of the kecamatan, the birth date as DDMMYY with day + 40 for girls, then a serial unique for that prefix:
 * the first drawn at random, so that exports of other seeds (tests run again on one database) rarely repeat a NIK.
 */
export function nikOf(
  districtCode: string,
  birthDate: string,
  sex: Sex,
  serials: Map<string, number>,
  random: Random,
): string {
  const prefix = `${districtCode}:${birthDate}:${sex}`;
  const serial = (serials.get(prefix) ?? random.integer(0, 8999)) + 1;
  serials.set(prefix, serial);
  return composeNik(districtCode, birthDate, sex, serial);
}

/** 'Usia Saat Ukur' as e-PPGBM writes it: calendar years, months and days, e.g. '1 Tahun - 3 Bulan - 12 Hari'. */
export function ageText(birthDate: string, measuredOn: string): string {
  const [birthYear, birthMonth, birthDay] = birthDate.split('-').map(Number);
  const [year, month, day] = measuredOn.split('-').map(Number);
  let years = year - birthYear;
  let months = month - birthMonth;
  let days = day - birthDay;
  if (days < 0) {
    months -= 1;
    // Days of the month before the measurement's month.
    days += new Date(Date.UTC(year, month - 1, 0)).getUTCDate();
  }
  if (months < 0) {
    years -= 1;
    months += 12;
  }
  return `${years} Tahun - ${months} Bulan - ${days} Hari`;
}

// Permenkes 2/2020 categories, as the export labels them; z-scores are compared rounded to two decimals.
const rounded = (z: number): number => Math.round(z * 100) / 100;

export function weightForAgeStatus(z: number): string {
  const r = rounded(z);
  if (r < -3) return 'Berat Badan Sangat Kurang';
  if (r < -2) return 'Berat Badan Kurang';
  return r <= 1 ? 'Berat Badan Normal' : 'Risiko Berat Badan Lebih';
}

export function heightForAgeStatus(z: number): string {
  const r = rounded(z);
  if (r < -3) return 'Sangat Pendek';
  if (r < -2) return 'Pendek';
  return r <= 3 ? 'Normal' : 'Tinggi';
}

export function nutritionStatus(z: number): string {
  const r = rounded(z);
  if (r < -3) return 'Gizi Buruk';
  if (r < -2) return 'Gizi Kurang';
  if (r <= 1) return 'Gizi Baik';
  if (r <= 2) return 'Berisiko Gizi Lebih';
  return r <= 3 ? 'Gizi Lebih' : 'Obesitas';
}

/** Vitamin A is given in February and August from six months of age: the rounds held by the day of measurement. */
export function vitaminADoses(birthDate: string, measuredOn: string): number {
  const [birthYear, birthMonth, birthDay] = birthDate.split('-').map(Number);
  const [year, month] = measuredOn.split('-').map(Number);
  // Rounds are counted from the first month that starts after the child is six months old, to the measured month.
  const from = birthYear * 12 + birthMonth - 1 + 6 + (birthDay > 1 ? 1 : 0);
  const to = year * 12 + month - 1;
  if (to < from) return 0;
  // Month indexes ≡ 1 (February) or 7 (August) modulo 12 in [from, to].
  const count = (remainder: number): number =>
    Math.floor((to - remainder) / 12) - Math.floor((from - 1 - remainder) / 12);
  return count(1) + count(7);
}
