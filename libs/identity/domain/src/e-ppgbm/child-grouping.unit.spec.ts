import { ChildGrouping } from './child-grouping';
import type { EppgbmRow } from './eppgbm-row';

const CARINGIN = '36.03.20.2002';
const SERDANG_WETAN = '36.03.20.2003';

/** A weighing of Putri (NIK, girl, born 2024-03-01, desa Caringin) unless `child` says otherwise. */
function row(rowNumber: number, child: Partial<EppgbmRow['child']> = {}): EppgbmRow {
  return {
    rowNumber,
    child: {
      nik: '3603204103240001',
      name: 'Putri Lestari',
      sex: 'female',
      birthDate: '2024-03-01',
      motherName: 'Siti Aminah',
      villageCode: CARINGIN,
      ...child,
    },
    measurement: { measuredOn: '2025-08-12', weightKg: 8.7, position: 'lying', puskesmasCode: 'PKM-LEGOK' },
    exported: {},
  };
}

describe('ChildGrouping', () => {
  it('groups the weighings of one NIK into one child, first seen on its first row', () => {
    // Given one child weighed on eleven rows
    const grouping = new ChildGrouping();

    // When each row is assigned
    const assigned = Array.from({ length: 11 }, (_, index) => grouping.assign(row(2 + index)));

    // Then all share one key and the first row, and only the first is first
    expect(new Set(assigned.map((assignment) => assignment.key))).toEqual(new Set(['nik:3603204103240001']));
    expect(assigned.map((assignment) => assignment.firstRowNumber)).toEqual(Array(11).fill(2));
    expect(assigned.map((assignment) => assignment.isFirstRow)).toEqual([true, ...Array(10).fill(false)]);
    expect(assigned.flatMap((assignment) => assignment.warnings)).toEqual([]);
    expect(grouping.size).toBe(1);
  });

  it('groups a child without NIK by name, birth date, sex and desa', () => {
    // Given two rows of a child without NIK, its name written differently
    const grouping = new ChildGrouping();
    const first = grouping.assign(row(5, { nik: null, name: 'Budi Santoso', sex: 'male' }));
    const second = grouping.assign(row(9, { nik: null, name: 'BUDI  SANTOSO', sex: 'male' }));

    // Then they are one child keyed by its normalised identity
    expect(first.key).toBe(`name:budisantoso|2024-03-01|male|${CARINGIN}`);
    expect(second).toEqual({ key: first.key, firstRowNumber: 5, isFirstRow: false, warnings: [] });
  });

  it('keeps a NIK-less namesake of a child with NIK apart, warning of a possible duplicate', () => {
    // Given Putri with NIK on row 17, then a row with her name, birth date and sex but no NIK
    const grouping = new ChildGrouping();
    grouping.assign(row(17));
    const namesake = grouping.assign(row(40, { nik: null, name: 'putri lestari' }));

    // Then it is its own child, with a warning naming row 17 and only the start of its NIK
    expect(namesake.key).toBe(`name:putrilestari|2024-03-01|female|${CARINGIN}`);
    expect(namesake.isFirstRow).toBe(true);
    expect(namesake.warnings).toEqual(['possible duplicate of row 17 (same name, birth date and sex, NIK 3603…)']);
  });

  it('warns of a NIK-less namesake in another desa, and not again on its later rows', () => {
    // Given a NIK-less child in Caringin, then one of the same name, birth date and sex in Serdang Wetan
    const grouping = new ChildGrouping();
    grouping.assign(row(3, { nik: null }));
    const other = grouping.assign(row(8, { nik: null, villageCode: SERDANG_WETAN }));
    const again = grouping.assign(row(12, { nik: null, villageCode: SERDANG_WETAN }));

    // Then the second is its own child, warned once
    expect(other.warnings).toEqual([
      `possible duplicate of row 3 (same name, birth date and sex, without NIK, in desa ${CARINGIN})`,
    ]);
    expect(again.warnings).toEqual([]);
    expect(grouping.size).toBe(2);
  });

  it('does not take twins (same birth date, other names) for duplicates', () => {
    const grouping = new ChildGrouping();
    grouping.assign(row(2, { nik: null, name: 'Hasan' }));
    expect(grouping.assign(row(3, { nik: null, name: 'Husen' })).warnings).toEqual([]);
  });

  it('warns when a row of a NIK disagrees with that child’s first row, naming the fields', () => {
    // Given Putri on row 17, then her NIK with another birth date and sex
    const grouping = new ChildGrouping();
    grouping.assign(row(17));
    const disagreeing = grouping.assign(row(30, { birthDate: '2024-03-02', sex: 'male' }));

    // Then the row is hers all the same, with a warning naming row 17 and the differing columns
    expect(disagreeing.key).toBe('nik:3603204103240001');
    expect(disagreeing.warnings).toEqual(["same NIK as row 17 but a different 'Tgl Lahir', 'JK'"]);
  });
});
