import {
  posyanduCode,
  puskesmasCode,
  readDate,
  readDecimal,
  readNeighbourhood,
  readNik,
  readPosition,
  readSex,
} from './cell-values';

const FACILITY_CODE = /^[A-Za-z0-9._-]{1,40}$/;

describe('e-PPGBM cell readers', () => {
  it('reads decimal commas and dots, and nothing else, as numbers', () => {
    // Given numbers as exports write them / When read / Then the comma is a decimal point
    expect(['7,7', '7.7', '7,70', '10', '-2,31', '−1,05', '+0,5'].map(readDecimal)).toEqual([
      7.7, 7.7, 7.7, 10, -2.31, -1.05, 0.5,
    ]);
    // And thousands separators, words and half-written numbers are not numbers
    expect(['tujuh', '1.234,5', '7,', ',5', '7 kg', ''].map(readDecimal)).toEqual([null, null, null, null, null, null]);
  });

  it('reads the three date forms of the exports as YYYY-MM-DD', () => {
    expect(['05-03-2024', '05/03/2024', '2024-03-05', '5-3-2024', '2024-03-05 00:00:00'].map(readDate)).toEqual(
      Array(5).fill({ date: '2024-03-05' }),
    );
  });

  it('tells a date that is no day of the calendar from text that is no date', () => {
    expect(['31-02-2024', '29/02/2023', '2024-13-01', '00-01-2024'].map(readDate)).toEqual(
      Array(4).fill({ wrong: 'calendar' }),
    );
    expect(readDate('29-02-2024')).toEqual({ date: '2024-02-29' });
    expect(['05-03-24', '5 Maret 2024', '05-03/2024', '20240305'].map(readDate)).toEqual(
      Array(4).fill({ wrong: 'form' }),
    );
  });

  it('reads JK as L/P or written out, any case', () => {
    expect(['L', 'l', 'Laki-laki', 'LAKI LAKI'].map(readSex)).toEqual(Array(4).fill('male'));
    expect(['P', 'p', 'Perempuan', 'PEREMPUAN'].map(readSex)).toEqual(Array(4).fill('female'));
    expect(readSex('X')).toBeNull();
  });

  it('reads Cara Ukur: Berdiri is standing, Terlentang (or Telentang) is lying', () => {
    expect(['Berdiri', 'BERDIRI', 'Terlentang', 'telentang'].map(readPosition)).toEqual([
      'standing',
      'standing',
      'lying',
      'lying',
    ]);
    expect(readPosition('Duduk')).toBeNull();
  });

  it("drops Excel's apostrophe and spaces from a NIK", () => {
    expect(readNik("'3603204103240001")).toEqual({ nik: '3603204103240001' });
    expect(readNik('3603 2041 0324 0001')).toEqual({ nik: '3603204103240001' });
  });

  it('says why a NIK cell is not a NIK, without repeating it', () => {
    expect(readNik('360320410324001')).toEqual({ wrong: expect.stringMatching(/^has 15 digits, a NIK has 16/) });
    expect(readNik('3,60320E+15')).toEqual({ wrong: expect.stringMatching(/^Excel turned the NIK into a number/) });
    expect(readNik('belum ada')).toEqual({ wrong: expect.stringMatching(/^is not 16 digits/) });
  });

  it('writes RT and RW as three digits; zeros mean none', () => {
    expect(['3', '03', 'RT 003', 'rw.2'].map(readNeighbourhood)).toEqual([
      { number: '003' },
      { number: '003' },
      { number: '003' },
      { number: '002' },
    ]);
    expect(readNeighbourhood('000')).toEqual({ number: null });
    expect(readNeighbourhood('3A')).toEqual({ wrong: true });
    expect(readNeighbourhood('1234')).toEqual({ wrong: true });
  });

  it('turns facility names into facility codes', () => {
    // Given the ways one puskesmas is written / Then all are one code with the PKM prefix
    expect(['Puskesmas Balaraja', 'PKM Balaraja', 'balaraja', 'PKM. Balaraja'].map(puskesmasCode)).toEqual(
      Array(4).fill('PKM-BALARAJA'),
    );
    expect(posyanduCode('Posyandu Mawar 03')).toBe('MAWAR-03');
    expect(posyanduCode('Melati (RW 02)')).toBe('MELATI-RW-02');
    // And a long or accented name still fits FACILITY_CODE
    const long = puskesmasCode('Puskesmas Rawat Inap Kecamatan Sukamulya Kabupaten Tangerang Banten')!;
    expect(long).toMatch(FACILITY_CODE);
    expect(long.endsWith('-')).toBe(false);
    expect(posyanduCode('Posyandu Édelweiss')).toBe('EDELWEISS');
    expect(puskesmasCode('  -  ')).toBeNull();
  });
});
