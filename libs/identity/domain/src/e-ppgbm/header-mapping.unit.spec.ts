import { columnLetters, mapHeaders, type RecognisedHeaders } from './header-mapping';

/** The header row of a real export as INTEROP.md lists it, misspelt 'Pukesmas' included. */
const EXPORT_HEADERS = [
  'NIK', 'Nama', 'JK', 'Tgl Lahir', 'BB Lahir', 'TB Lahir', 'Nama Ortu', 'Prov', 'Kab/Kota', 'Kec', 'Pukesmas',
  'Desa/Kel', 'Posyandu', 'RT', 'RW', 'Alamat', 'Usia Saat Ukur', 'Tanggal Pengukuran', 'Berat', 'Tinggi',
  'Cara Ukur', 'LiLA', 'BB/U', 'ZS BB/U', 'TB/U', 'ZS TB/U', 'BB/TB', 'ZS BB/TB', 'Naik Berat Badan',
  'PMT Diterima (kg)', 'Jml Vit A', 'KPSP', 'KIA', 'Detail',
]; // prettier-ignore

function recognised(headers: readonly string[]): RecognisedHeaders {
  const mapping = mapHeaders(headers);
  if (!mapping.ok) throw new Error(`expected the headers to be read: ${mapping.problems.join(' | ')}`);
  return mapping;
}

describe('mapHeaders', () => {
  it('reads every column of a real export and lists the ones the registry does not read', () => {
    // Given the header row of an export / When mapped
    const mapping = recognised(EXPORT_HEADERS);

    // Then all 28 columns are found at their positions, and the six others are ignored by name
    expect(mapping.columns.size).toBe(28);
    expect(mapping.columns.get('nik')).toBe(0);
    expect(mapping.columns.get('puskesmas')).toBe(10);
    expect(mapping.columns.get('weightForHeightZ')).toBe(27);
    expect(mapping.recognised[10]).toEqual({ column: 'puskesmas', header: 'Pukesmas', position: 10 });
    expect(mapping.ignored).toEqual(['Naik Berat Badan', 'PMT Diterima (kg)', 'Jml Vit A', 'KPSP', 'KIA', 'Detail']);
  });

  it('reads headers in any order, case, spacing and punctuation', () => {
    // Given the required columns shuffled and written differently
    const headers = [
      'tanggal  pengukuran',
      'DESA / KEL',
      'nama ortu',
      'tgl_lahir',
      'jk',
      'NAMA',
      'puskesmas',
      'berat (kg)',
    ];

    // When mapped
    const mapping = recognised(headers);

    // Then each is found where it stands
    expect(Object.fromEntries(mapping.columns)).toEqual({
      measuredOn: 0,
      village: 1,
      parentName: 2,
      birthDate: 3,
      sex: 4,
      name: 5,
      puskesmas: 6,
      weight: 7,
    });
  });

  it('tolerates small misspellings of long headers', () => {
    // Given 'Tangal Pengukuran' (one letter short), 'Puskesmass' and 'Nama Orut' (swapped letters)
    const headers = ['Nama', 'JK', 'Tgl Lahir', 'Nama Orut', 'Desa/Kel', 'Tangal Pengukuran', 'Puskesmass', 'Tinggi'];

    // When mapped / Then they are read as the columns they are near to
    const mapping = recognised(headers);
    expect(mapping.columns.get('measuredOn')).toBe(5);
    expect(mapping.columns.get('puskesmas')).toBe(6);
    expect(mapping.columns.get('parentName')).toBe(3);
  });

  it('never reads a short header one letter off as another column', () => {
    // Given 'RX' and 'BB/V' beside the real columns
    const headers = [...EXPORT_HEADERS.filter((header) => header !== 'RW' && header !== 'TB/U'), 'RX', 'BB/V'];

    // When mapped / Then neither claims RW or TB/U: they are ignored
    const mapping = recognised(headers);
    expect(mapping.columns.has('rw')).toBe(false);
    expect(mapping.columns.has('heightForAge')).toBe(false);
    expect(mapping.ignored).toEqual(expect.arrayContaining(['RX', 'BB/V']));
  });

  it('lets no near-spelling claim a column two headers are equally near to', () => {
    // Given two headers each one edit from 'Posyandu'
    const headers = [...EXPORT_HEADERS.filter((header) => header !== 'Posyandu'), 'Posyandy', 'Posyamdu'];

    // When mapped / Then neither is taken for Posyandu
    const mapping = recognised(headers);
    expect(mapping.columns.has('posyandu')).toBe(false);
    expect(mapping.ignored).toEqual(expect.arrayContaining(['Posyandy', 'Posyamdu']));
  });

  it('names each missing required column by its Indonesian header', () => {
    // Given an export without Tgl Lahir, Nama Ortu, Berat and Tinggi
    const headers = EXPORT_HEADERS.filter((header) => !['Tgl Lahir', 'Nama Ortu', 'Berat', 'Tinggi'].includes(header));

    // When mapped
    const mapping = mapHeaders(headers);

    // Then the file is refused with one problem per missing column
    expect(mapping.ok).toBe(false);
    if (mapping.ok) return;
    expect(mapping.problems).toEqual([
      expect.stringMatching(/^column 'Tgl Lahir' not found/),
      expect.stringMatching(/^column 'Nama Ortu' not found/),
      "neither column 'Berat' nor 'Tinggi' found: a measurement needs at least one",
    ]);
  });

  it('refuses two headers that read as one column', () => {
    // Given 'Berat' twice
    const mapping = mapHeaders([...EXPORT_HEADERS, 'BERAT']);

    // When mapped / Then the problem names both columns by letter
    expect(mapping).toEqual({
      ok: false,
      problems: ["columns S ('Berat') and AI ('BERAT') both read as 'Berat': delete or rename one of them"],
    });
  });

  it('names spreadsheet columns by their letters', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
