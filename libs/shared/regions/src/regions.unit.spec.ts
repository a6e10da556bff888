import { sharedRegions } from '../test-support/shared-regions';
import { districtCodeOfNik, levelOfCode } from './regions';

describe('Regions', () => {
  const regions = sharedRegions();

  it('loads every level of the Kemendagri reference', () => {
    expect(regions.find('36')?.level).toBe('province');
    expect(regions.find('36.03')).toEqual({
      code: '36.03',
      name: 'Kabupaten Tangerang',
      level: 'regency',
      parentCode: '36',
    });
    expect(regions.find('36.03.20')).toEqual(
      expect.objectContaining({ name: 'Legok', level: 'district', parentCode: '36.03' }),
    );
    expect(regions.find('36.04.23.2015')).toEqual(expect.objectContaining({ name: 'Mongpok', level: 'village' }));
  });

  it('finds the regency of a village and the villages of a district', () => {
    expect(regions.ancestor('53.10.12.1014', 'regency')?.name).toBe('Kabupaten Manggarai');
    expect(regions.childrenOf('36.04.23').map((v) => v.code)).toContain('36.04.23.2015');
    expect(regions.isVillage('36.04.23.2015')).toBe(true);
    expect(regions.isVillage('36.04.23.9999')).toBe(false);
  });

  it('reads the kecamatan of issue from a NIK and the level from a code', () => {
    expect(districtCodeOfNik('3603205005200001')).toBe('36.03.20');
    expect(levelOfCode('36.03.20')).toBe('district');
  });
});
