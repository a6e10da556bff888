import { loadRegions } from '@registry/reference-data';
import type { ParsedRow, RowProblem } from './eppgbm-row';
import { mapHeaders, type RecognisedHeaders } from './header-mapping';
import { parseEppgbmRow } from './parse-row';
import { RegencyPlaces } from './regency-places';

const regions = loadRegions();
const TANGERANG = '36.03';
const context = { regencyCode: TANGERANG, regions };

/** The desa called `name` in the kecamatan called `district` of Kabupaten Tangerang, as the regions have it. */
function villageCode(district: string, name: string): string {
  const kecamatan = regions.childrenOf(TANGERANG).find((region) => region.name === district)!;
  return regions.childrenOf(kecamatan.code).find((region) => region.name === name)!.code;
}

const HEADERS = [
  'NIK', 'Nama', 'JK', 'Tgl Lahir', 'BB Lahir', 'TB Lahir', 'Nama Ortu', 'Prov', 'Kab/Kota', 'Kec', 'Pukesmas',
  'Desa/Kel', 'Posyandu', 'RT', 'RW', 'Alamat', 'Tanggal Pengukuran', 'Berat', 'Tinggi', 'Cara Ukur', 'LiLA',
  'BB/U', 'ZS BB/U', 'TB/U', 'ZS TB/U', 'BB/TB', 'ZS BB/TB', 'KPSP',
]; // prettier-ignore
const mapping = mapHeaders(HEADERS) as RecognisedHeaders;

/** A girl from desa Caringin, kecamatan Legok, measured at 17 months; `changes` overrides cells by header. */
const GOOD: Record<string, string> = {
  NIK: "'3603204103240001",
  Nama: 'Putri  Lestari',
  JK: 'P',
  'Tgl Lahir': '01-03-2024',
  'BB Lahir': '2,9',
  'TB Lahir': '48,5',
  'Nama Ortu': 'Siti Aminah',
  Prov: 'BANTEN',
  'Kab/Kota': 'KAB. TANGERANG',
  Kec: 'LEGOK',
  Pukesmas: 'Puskesmas Legok',
  'Desa/Kel': 'CARINGIN',
  Posyandu: 'Posyandu Mawar 03',
  RT: '3',
  RW: '001',
  Alamat: 'Kp. Caringin  No. 4',
  'Tanggal Pengukuran': '12/08/2025',
  Berat: '8,7',
  Tinggi: '76,40',
  'Cara Ukur': '',
  LiLA: '13,5',
  'BB/U': 'Berat Badan Kurang',
  'ZS BB/U': '-2,31',
  'TB/U': 'Pendek',
  'ZS TB/U': '-2,05',
  'BB/TB': 'Gizi Baik',
  'ZS BB/TB': '',
  KPSP: 'Sesuai',
};

function parse(changes: Record<string, string> = {}, rowNumber = 2): ParsedRow {
  const values = { ...GOOD, ...changes };
  return parseEppgbmRow({ rowNumber, cells: HEADERS.map((header) => values[header] ?? '') }, mapping, context);
}

function problemsOf(parsed: ParsedRow): readonly RowProblem[] {
  if (parsed.ok) throw new Error('expected the row to have problems');
  return parsed.problems;
}

function rowOf(parsed: ParsedRow) {
  if (!parsed.ok) throw new Error(`expected the row to parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.row;
}

describe('parseEppgbmRow', () => {
  it('reads a row into a registration, a measurement and the export’s opinion', () => {
    // Given a complete row / When parsed
    const row = rowOf(parse());

    // Then the child, the measurement and the export's own z-scores and statuses are read
    expect(row).toEqual({
      rowNumber: 2,
      child: {
        nik: '3603204103240001',
        name: 'Putri Lestari',
        sex: 'female',
        birthDate: '2024-03-01',
        birthWeightGrams: 2900,
        birthLengthCm: 48.5,
        motherName: 'Siti Aminah',
        villageCode: villageCode('Legok', 'Caringin'),
        rt: '003',
        rw: '001',
        addressLine: 'Kp. Caringin No. 4',
      },
      measurement: {
        measuredOn: '2025-08-12',
        weightKg: 8.7,
        heightCm: 76.4,
        position: 'lying',
        muacCm: 13.5,
        puskesmasCode: 'PKM-LEGOK',
        posyanduCode: 'MAWAR-03',
      },
      exported: {
        weightForAge: { z: -2.31, status: 'Berat Badan Kurang' },
        heightForAge: { z: -2.05, status: 'Pendek' },
        weightForHeight: { status: 'Gizi Baik' },
      },
    });
  });

  it('reads all three date forms', () => {
    for (const [birth, measured] of [
      ['01-03-2024', '12-08-2025'],
      ['01/03/2024', '12/08/2025'],
      ['2024-03-01', '2025-08-12'],
    ]) {
      const row = rowOf(parse({ 'Tgl Lahir': birth, 'Tanggal Pengukuran': measured }));
      expect([row.child.birthDate, row.measurement.measuredOn]).toEqual(['2024-03-01', '2025-08-12']);
    }
  });

  it('refuses impossible dates and a measurement before birth, naming the accepted forms', () => {
    // Given 30 February as birth date / Then the problem names the column and the three forms
    expect(problemsOf(parse({ 'Tgl Lahir': '30-02-2024', NIK: '' }))).toEqual([
      {
        column: 'Tgl Lahir',
        message: "'30-02-2024' is no day of the calendar; write a real date as DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD",
      },
    ]);
    // Given a measurement a year before birth / Then Tanggal Pengukuran says so
    expect(problemsOf(parse({ 'Tanggal Pengukuran': '12-08-2023' }))).toEqual([
      {
        column: 'Tanggal Pengukuran',
        message: "2023-08-12 is before the birth date in 'Tgl Lahir' (2024-03-01); correct whichever is wrong",
      },
    ]);
  });

  it('reads numbers with a decimal comma or dot and birth weight in kilograms or grams', () => {
    const row = rowOf(parse({ Berat: ' 7,70 ', Tinggi: '71.3', 'BB Lahir': '3200', 'TB Lahir': '49' }));
    expect([row.measurement.weightKg, row.measurement.heightCm]).toEqual([7.7, 71.3]);
    expect([row.child.birthWeightGrams, row.child.birthLengthCm]).toEqual([3200, 49]);
  });

  it('collects every wrong number of a row, each saying the unit expected', () => {
    // Given a weight in words, a zero height and a negative arm circumference
    const problems = problemsOf(parse({ Berat: 'tujuh', Tinggi: '0', LiLA: '-1' }));

    // Then there is one problem for each
    expect(problems).toEqual([
      { column: 'Berat', message: "'tujuh' is not a number of kilograms; write it like 7,7" },
      {
        column: 'Tinggi',
        message:
          '0 is not a length or height; write it in centimetres, more than 0, or leave the cell empty if it was not measured',
      },
      { column: 'LiLA', message: expect.stringMatching(/^-1 is not an arm circumference/) },
    ]);
  });

  it('needs a weight or a height', () => {
    expect(problemsOf(parse({ Berat: '', Tinggi: '' }))).toEqual([
      { column: 'Berat', message: "is empty and so is 'Tinggi'; a measurement needs a weight or a height" },
    ]);
  });

  it('reads L and P', () => {
    const boy = rowOf(parse({ JK: 'L', NIK: '' }));
    expect(boy.child.sex).toBe('male');
    expect(problemsOf(parse({ JK: 'W', NIK: '' }))).toEqual([
      { column: 'JK', message: "'W' is not a sex; write L (laki-laki) or P (perempuan)" },
    ]);
  });

  it('takes Cara Ukur as written and, where it is empty, lying under 24 months and standing from 24 months', () => {
    // Given Cara Ukur written / Then it is taken as written, whatever the age
    expect(rowOf(parse({ 'Cara Ukur': 'Berdiri' })).measurement.position).toBe('standing');
    expect(rowOf(parse({ 'Cara Ukur': 'Terlentang', 'Tanggal Pengukuran': '01-03-2027' })).measurement.position).toBe(
      'lying',
    );
    // Given it empty / Then day 730 is lying and day 731 standing: Permenkes measures PB under 731 days
    expect(rowOf(parse({ 'Tanggal Pengukuran': '01-03-2026' })).measurement.position).toBe('lying');
    expect(rowOf(parse({ 'Tanggal Pengukuran': '02-03-2026' })).measurement.position).toBe('standing');
    // Given something else / Then it is a problem
    expect(problemsOf(parse({ 'Cara Ukur': 'Duduk' }))).toEqual([
      {
        column: 'Cara Ukur',
        message: "'Duduk' is not a way of measuring; write Berdiri or Terlentang, or leave it empty",
      },
    ]);
  });

  it('reads a NIK without the Excel apostrophe, or none', () => {
    expect(rowOf(parse()).child.nik).toBe('3603204103240001');
    expect(rowOf(parse({ NIK: '' })).child.nik).toBeNull();
  });

  it('refuses a NIK that contradicts the birth date or the sex, naming the NIK column', () => {
    // Given the birth date a day later than the NIK says
    expect(problemsOf(parse({ 'Tgl Lahir': '02-03-2024' }))).toEqual([
      {
        column: 'NIK',
        message:
          "its date part 410324 does not match 'Tgl Lahir' 2024-03-02 (expected 420324); correct whichever is wrong",
      },
    ]);
    // Given a boy with a girl's NIK
    expect(problemsOf(parse({ JK: 'L' }))).toEqual([
      {
        column: 'NIK',
        message: "its date part 410324 is that of a girl (day + 40) but 'JK' says L; correct whichever is wrong",
      },
    ]);
  });

  it('matches desa names whatever their case, spacing, punctuation or prefix', () => {
    const serdangWetan = villageCode('Legok', 'Serdang Wetan');
    for (const written of ['serdang wetan', '  SERDANG   WETAN ', 'Desa Serdang-Wetan', 'SerdangWetan']) {
      expect(rowOf(parse({ 'Desa/Kel': written, Kec: 'Kec. Legok' })).child.villageCode).toBe(serdangWetan);
    }
  });

  it('refuses a desa the kecamatan does not have, pointing to the kecamatan that has it', () => {
    // Given Caringin, which is in Legok and in Cisoka, written under Kec Jambe
    expect(problemsOf(parse({ Kec: 'Jambe' }))).toEqual([
      {
        column: 'Desa/Kel',
        message:
          "no desa/kelurahan named 'CARINGIN' in kecamatan Jambe of Kabupaten Tangerang (there is one in kecamatan " +
          "Cisoka, Legok: check 'Kec'); use the name as Kemendagri writes it",
      },
    ]);
    // Given a name no desa of the regency has
    expect(problemsOf(parse({ 'Desa/Kel': 'Sukamaju Indah' }))).toEqual([
      {
        column: 'Desa/Kel',
        message:
          "no desa/kelurahan named 'Sukamaju Indah' in kecamatan Legok of Kabupaten Tangerang; use the name as Kemendagri writes it",
      },
    ]);
  });

  it('names the candidates of a desa name several kecamatan share when Kec is empty', () => {
    // Given Sukamanah, a desa of both Jambe and Rajeg, without Kec
    const problems = problemsOf(parse({ 'Desa/Kel': 'Sukamanah', Kec: '' }));

    // Then both are named with their codes, and Kec is what to fill in
    const places = RegencyPlaces.of(regions, TANGERANG);
    expect(places.regency.name).toBe('Kabupaten Tangerang');
    expect(problems).toEqual([
      {
        column: 'Desa/Kel',
        message:
          "'Sukamanah' names 2 desa/kelurahan in Kabupaten Tangerang: " +
          `Sukamanah in kecamatan Jambe (${villageCode('Jambe', 'Sukamanah')}), ` +
          `Sukamanah in kecamatan Rajeg (${villageCode('Rajeg', 'Sukamanah')}); fill in 'Kec' to choose`,
      },
    ]);
    // And with Kec filled in the row is read
    expect(rowOf(parse({ 'Desa/Kel': 'Sukamanah', Kec: 'Rajeg' })).child.villageCode).toBe(
      villageCode('Rajeg', 'Sukamanah'),
    );
  });

  it('refuses a row of another regency, naming it', () => {
    expect(problemsOf(parse({ 'Kab/Kota': 'Kota Tangerang' }))).toEqual([
      {
        column: 'Kab/Kota',
        message: 'this row belongs to Kota Tangerang, not to Kabupaten Tangerang: import it in that regency',
      },
    ]);
    expect(problemsOf(parse({ Prov: 'Jawa Barat', 'Kab/Kota': 'Kabupaten Bogor' }))).toEqual([
      {
        column: 'Prov',
        message: 'this row belongs to Jawa Barat, not to Banten (Kabupaten Tangerang): import it in its own regency',
      },
    ]);
    // And 'Tangerang' without a kind is taken for the importing regency
    expect(rowOf(parse({ 'Kab/Kota': 'Tangerang' })).child.villageCode).toBe(villageCode('Legok', 'Caringin'));
  });

  it('needs a puskesmas, names and an address, and reports them all at once', () => {
    // Given a row with its required cells empty ('-' is how some exports write empty)
    const problems = problemsOf(parse({ Nama: '-', 'Nama Ortu': '', Pukesmas: '', 'Desa/Kel': '' }));

    // Then each is named by its header as the file writes it
    expect(problems.map((problem) => problem.column)).toEqual(['Nama', 'Nama Ortu', 'Desa/Kel', 'Pukesmas']);
  });
});
