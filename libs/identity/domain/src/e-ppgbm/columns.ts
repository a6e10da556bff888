/** The columns of an e-PPGBM export the registry reads, by English id. */
export type EppgbmColumn =
  | 'nik'
  | 'name'
  | 'sex'
  | 'birthDate'
  | 'birthWeight'
  | 'birthLength'
  | 'parentName'
  | 'province'
  | 'regency'
  | 'district'
  | 'puskesmas'
  | 'village'
  | 'posyandu'
  | 'rt'
  | 'rw'
  | 'address'
  | 'ageAtMeasurement'
  | 'measuredOn'
  | 'weight'
  | 'height'
  | 'method'
  | 'muac'
  | 'weightForAge'
  | 'weightForAgeZ'
  | 'heightForAge'
  | 'heightForAgeZ'
  | 'weightForHeight'
  | 'weightForHeightZ';

/**
 * Each column's header as e-PPGBM writes it (named in messages when a column is missing), then other spellings seen
 * in exports and spreadsheets made from them. Matching ignores case, spaces and punctuation, so 'ZS_BB/U' and
 * 'zs bb u' are both 'ZS BB/U'.
 */
export const EPPGBM_HEADERS: { readonly [Column in EppgbmColumn]: readonly [string, ...string[]] } = {
  nik: ['NIK', 'NIK Anak'],
  name: ['Nama', 'Nama Anak', 'Nama Balita'],
  sex: ['JK', 'Jenis Kelamin', 'L/P'],
  birthDate: ['Tgl Lahir', 'Tanggal Lahir'],
  birthWeight: ['BB Lahir', 'Berat Lahir'],
  birthLength: ['TB Lahir', 'PB Lahir', 'Panjang Lahir'],
  parentName: ['Nama Ortu', 'Nama Orang Tua', 'Nama Ibu'],
  province: ['Prov', 'Provinsi'],
  regency: ['Kab/Kota', 'Kabupaten/Kota'],
  district: ['Kec', 'Kecamatan'],
  // 'Pukesmas' is how several real exports spell it.
  puskesmas: ['Puskesmas', 'Pukesmas'],
  village: ['Desa/Kel', 'Desa/Kelurahan', 'Desa', 'Kelurahan'],
  posyandu: ['Posyandu'],
  rt: ['RT'],
  rw: ['RW'],
  address: ['Alamat'],
  ageAtMeasurement: ['Usia Saat Ukur', 'Umur Saat Ukur'],
  measuredOn: ['Tanggal Pengukuran', 'Tgl Pengukuran', 'Tanggal Ukur', 'Tgl Ukur'],
  weight: ['Berat', 'Berat Badan', 'BB'],
  height: ['Tinggi', 'Tinggi Badan', 'TB', 'PB/TB'],
  method: ['Cara Ukur'],
  muac: ['LiLA'],
  weightForAge: ['BB/U'],
  weightForAgeZ: ['ZS BB/U'],
  heightForAge: ['TB/U', 'PB/U'],
  heightForAgeZ: ['ZS TB/U', 'ZS PB/U'],
  weightForHeight: ['BB/TB', 'BB/PB'],
  weightForHeightZ: ['ZS BB/TB', 'ZS BB/PB'],
};

/** The header a message names for a column: e-PPGBM's own spelling. */
export const eppgbmHeader = (column: EppgbmColumn): string => EPPGBM_HEADERS[column][0];

/** Columns a row cannot be read without (besides a weight or a height), and what each is needed for. */
export const REQUIRED_COLUMNS: ReadonlyArray<readonly [EppgbmColumn, string]> = [
  ['name', "the child's name"],
  ['sex', "the child's sex"],
  ['birthDate', 'the birth date'],
  ['parentName', "the mother's name"],
  ['village', 'the desa/kelurahan of the address'],
  ['measuredOn', 'the date of the measurement'],
  // Every measurement names its puskesmas: without the column every row would fail on its own.
  ['puskesmas', 'the puskesmas every measurement names'],
];

/**
 * Columns of the export the registry does not read. Recognised before any near-spelling is tried, so that e.g.
 * 'Naik Berat Badan' can never be taken for 'Berat'.
 */
export const KNOWN_IGNORED_HEADERS: readonly string[] = [
  'Naik Berat Badan',
  'PMT Diterima',
  'Jml Vit A',
  'KPSP',
  'KIA',
  'Detail',
  'No',
];
