import type { ExchangeValue } from './aggregate-exchange';
import { adxPeriod, dhis2Period, toAdx, toDataValueSet } from './aggregate-exchange-formats';
import { parsePeriod } from './indicators';

const values: ExchangeValue[] = [
  { orgUnit: '36.03', dataElement: 'STUNTING_MEASURED', ageGroup: 'balita', sex: null, value: 30 },
  { orgUnit: '36.03', dataElement: 'STUNTING_CASES_BY_SEX', ageGroup: 'baduta', sex: 'female', value: 7 },
  { orgUnit: '36.04', dataElement: 'WASTING_MEASURED', ageGroup: 'balita', sex: null, value: 12 },
];

describe('aggregate exchange formats', () => {
  it('writes periods as ADX (ISO 8601 start/duration) and as DHIS2 names them', () => {
    const periods = ['2026-08', '2026Q3', '2026'].map((label) => parsePeriod(label)!);
    expect(periods.map(adxPeriod)).toEqual(['2026-08-01/P1M', '2026-07-01/P3M', '2026-01-01/P1Y']);
    expect(periods.map(dhis2Period)).toEqual(['202608', '2026Q3', '2026']);
  });

  it('writes one ADX group per org unit, age group and sex as attributes named by their category codes', () => {
    const adx = toAdx(values, {
      period: parsePeriod('2026Q3')!,
      exported: new Date('2026-10-01T00:00:00Z'),
      suppressedBelow: 10,
      asOf: '2026-09-30T23:59:59+07:00',
    });
    expect(adx).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!-- suppressedBelow=10 asOf=2026-09-30T23:59:59+07:00 -->',
        '<adx xmlns="urn:ihe:qrph:adx:2015" exported="2026-10-01T00:00:00.000Z">',
        '  <group orgUnit="36.03" period="2026-07-01/P3M" dataSet="TPPS_STUNTING_QUARTERLY">',
        '    <dataValue dataElement="STUNTING_MEASURED" AGE_GROUP="BALITA" value="30"/>',
        '    <dataValue dataElement="STUNTING_CASES_BY_SEX" AGE_GROUP="BADUTA" SEX="FEMALE" value="7"/>',
        '  </group>',
        '  <group orgUnit="36.04" period="2026-07-01/P3M" dataSet="TPPS_STUNTING_QUARTERLY">',
        '    <dataValue dataElement="WASTING_MEASURED" AGE_GROUP="BALITA" value="12"/>',
        '  </group>',
        '</adx>',
        '',
      ].join('\n'),
    );
  });

  it('writes a DHIS2 dataValueSet with codes for identifiers and string values', () => {
    expect(toDataValueSet(values, parsePeriod('2026-08')!)).toEqual({
      dataSet: 'TPPS_STUNTING_MONTHLY',
      period: '202608',
      idScheme: 'CODE',
      dataValues: [
        {
          dataElement: 'STUNTING_MEASURED',
          period: '202608',
          orgUnit: '36.03',
          categoryOptionCombo: 'BALITA',
          value: '30',
        },
        {
          dataElement: 'STUNTING_CASES_BY_SEX',
          period: '202608',
          orgUnit: '36.03',
          categoryOptionCombo: 'BADUTA_FEMALE',
          value: '7',
        },
        {
          dataElement: 'WASTING_MEASURED',
          period: '202608',
          orgUnit: '36.04',
          categoryOptionCombo: 'BALITA',
          value: '12',
        },
      ],
    });
  });
});
