/**
 * KBM (Kenaikan Berat Badan Minimal): the least weight gain in a month that counts as N, by the child's age in
 * completed months at the weighing. This is data, not code: a policy change is an edit of these rows.
 *
 * Source: Buku Kesehatan Ibu dan Anak (Buku KIA), Kementerian Kesehatan RI, 2023 — the page on reading the growth
 * chart (KMS); its merged cells read as in ../shared/domain/POSYANDU.md. Same values: Juknis Penggunaan KMS Balita
 * 2021 and Permenkes 155/Menkes/Per/I/2010 (Pedoman Penggunaan KMS).
 */
export interface KbmRow {
  /** First and last age in completed months the row covers, both included. */
  readonly fromMonth: number;
  readonly toMonth: number;
  readonly grams: number;
}

export const KBM_TABLE: readonly KbmRow[] = [
  { fromMonth: 1, toMonth: 1, grams: 800 },
  { fromMonth: 2, toMonth: 2, grams: 900 },
  { fromMonth: 3, toMonth: 3, grams: 800 },
  { fromMonth: 4, toMonth: 4, grams: 600 },
  { fromMonth: 5, toMonth: 5, grams: 500 },
  { fromMonth: 6, toMonth: 7, grams: 400 },
  { fromMonth: 8, toMonth: 10, grams: 300 },
  { fromMonth: 11, toMonth: 60, grams: 200 },
];

/** The KBM at this age, or null where the table has none (the first month of life, and after 60 months). */
export function kbmGramsAt(ageMonths: number, table: readonly KbmRow[] = KBM_TABLE): number | null {
  return table.find((row) => ageMonths >= row.fromMonth && ageMonths <= row.toMonth)?.grams ?? null;
}
