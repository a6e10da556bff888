import { loadRegions } from '@registry/reference-data';
import { placeKey, RegencyPlaces } from './regency-places';

const regions = loadRegions();
const header = (column: string) => column;

describe('RegencyPlaces', () => {
  it('indexes a regency once for every import of it', () => {
    expect(RegencyPlaces.of(regions, '36.03')).toBe(RegencyPlaces.of(regions, '36.03'));
  });

  it('refuses a code that is no kabupaten/kota', () => {
    expect(() => RegencyPlaces.of(regions, '36.03.20')).toThrow('36.03.20 is not a Kemendagri kabupaten/kota code');
  });

  it('drops the words that say what kind of place a name is, and reads DKI as the province it stands for', () => {
    expect(placeKey('regency', 'KAB. TANGERANG')).toBe('tangerang');
    expect(placeKey('district', 'Kecamatan Pasar Kemis')).toBe('pasarkemis');
    expect(placeKey('village', 'Kel. Kelapa Dua')).toBe('kelapadua');
    expect(placeKey('province', 'DKI Jakarta')).toBe(placeKey('province', 'Daerah Khusus Ibukota Jakarta'));
  });

  it('locates a kelurahan of a kota administrasi written the short way', () => {
    // Given Jakarta Selatan, written as most people write its province and name
    const places = RegencyPlaces.of(regions, '31.74');
    const tebetTimur = regions.childrenOf('31.74.01').find((village) => village.name === 'Tebet Timur')!;

    // When located / Then the kelurahan is found and nothing is wrong
    const location = places.locate(
      { province: 'DKI Jakarta', regency: 'Kota Jakarta Selatan', district: 'Tebet', village: 'Kel. Tebet Timur' },
      header,
    );
    expect(location).toEqual({ villageCode: tebetTimur.code, problems: [] });
  });

  it('says a kecamatan the regency does not have, and still locates a desa only one kecamatan has', () => {
    const places = RegencyPlaces.of(regions, '36.03');
    const location = places.locate({ province: '', regency: '', district: 'Tebet', village: 'Serdang Wetan' }, header);
    expect(location.problems).toEqual([
      {
        column: 'district',
        message: "no kecamatan named 'Tebet' in Kabupaten Tangerang; use the name as Kemendagri writes it",
      },
    ]);
    expect(location.villageCode).toMatch(/^36\.03\.20\./);
  });
});
