import type { Random } from './random';

const GIVEN = [
  'Putri',
  'Siti',
  'Dewi',
  'Ayu',
  'Nur',
  'Rina',
  'Sri',
  'Aisyah',
  'Fitri',
  'Intan',
  'Budi',
  'Agus',
  'Rizki',
  'Fajar',
  'Dimas',
  'Bayu',
  'Adi',
  'Eko',
  'Hendra',
  'Yusuf',
  'Arif',
  'Rudi',
  'Wahyu',
  'Andi',
];
const FAMILY = [
  'Lestari',
  'Rahmawati',
  'Wijaya',
  'Saputra',
  'Hidayat',
  'Pratama',
  'Santoso',
  'Kurniawan',
  'Permata',
  'Utami',
  'Setiawan',
  'Nugroho',
  'Susanti',
  'Handayani',
  'Maharani',
  'Ramadhan',
];

/** Plausible Indonesian names, deterministic per seed; unique enough with a numeric tail. */
export const personName = (random: Random, serial: number): string =>
  `${random.pick(GIVEN)} ${random.pick(FAMILY)} ${serial}`;

/** A name as people write it, without a numeric tail: two given names and a family name (often shared by others). */
export const plainName = (random: Random): string =>
  `${random.pick(GIVEN)} ${random.pick(GIVEN)} ${random.pick(FAMILY)}`;
