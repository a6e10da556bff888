import { mapHeaders, parseEppgbmRow, RegencyPlaces, type EppgbmRow } from '@registry/identity-domain';
import type { Regions } from '@registry/regions';
import type { EppgbmExport } from './e-ppgbm-export';

/** An export's children and weighings as a kabupaten integration would send them through the batch APIs. */
export interface ExportAsBatches {
  /** One registration per child of the export, in order of first appearance. */
  readonly registrations: ReadonlyArray<Record<string, unknown>>;
  /** Every row's measurement, given the ids the registrations got, in the registrations' order. */
  measurements(childIds: readonly string[]): Array<Record<string, unknown>>;
}

/**
 * The export's rows read as the importer reads them (the domain's e-PPGBM parser), moved to another regency: each
 * desa of `from` is mapped to one of `to` by its position, and each NIK re-issued there by `reissueNik` (the
 * registry holds each NIK once). The same children and values through the APIs give the same figures as the import.
 */
export function exportAsBatches(
  generated: Pick<EppgbmExport, 'headers' | 'rows'>,
  options: {
    readonly regions: Regions;
    readonly from: string;
    readonly to: string;
    readonly reissueNik: (districtCode: string, birthDate: string, sex: 'male' | 'female') => string;
  },
): ExportAsBatches {
  const { regions, from, to } = options;
  const mapping = mapHeaders(generated.headers);
  if (!mapping.ok) throw new Error(`the export's headers: ${mapping.problems.join('; ')}`);
  const places = RegencyPlaces.of(regions, from);
  const rows = generated.rows.map((cells, i) => {
    const parsed = parseEppgbmRow({ rowNumber: i + 2, cells }, mapping, { places });
    if (!parsed.ok) throw new Error(`row ${i + 2}: ${JSON.stringify(parsed.problems)}`);
    return parsed.row;
  });
  const villagesOf = (regency: string) =>
    regions.childrenOf(regency).flatMap((district) => regions.childrenOf(district.code).map((village) => village.code));
  const [source, target] = [villagesOf(from), villagesOf(to)];
  const keyOf = (row: EppgbmRow) =>
    row.child.nik ?? `${row.child.name}|${row.child.birthDate}|${row.child.villageCode}`;
  const firsts = new Map<string, EppgbmRow>();
  for (const row of rows) if (!firsts.has(keyOf(row))) firsts.set(keyOf(row), row);
  const order = new Map([...firsts.keys()].map((key, i) => [key, i]));
  const registrations = [...firsts.values()].map(({ child }) => {
    const villageCode = target[source.indexOf(child.villageCode) % target.length];
    return {
      name: child.name,
      ...(child.nik ? { nik: options.reissueNik(villageCode.slice(0, 8), child.birthDate, child.sex) } : {}),
      sex: child.sex,
      birthDate: child.birthDate,
      mother: { name: child.motherName },
      address: { villageCode },
    };
  });
  return {
    registrations,
    measurements: (childIds) => rows.map((row) => ({ childId: childIds[order.get(keyOf(row))!], ...row.measurement })),
  };
}
