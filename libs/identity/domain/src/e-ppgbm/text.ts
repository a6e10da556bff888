/**
 * Text as compared, not as shown: lower case, accents dropped, only letters and digits kept. 'Jati Mulya',
 * 'JATIMULYA' and 'Jati-Mulya' are one key.
 */
export function compactKey(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** The words of a text, lower case, accents dropped, punctuation as spaces: 'Kab. Tangerang' is ['kab', 'tangerang']. */
export function words(text: string): string[] {
  return text
    .normalize('NFD')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Trimmed, runs of white space and control characters (line breaks of a wrapped cell) made one space. */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
export const collapseSpaces = (text: string): string => text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();

/**
 * Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`: 'pukesmas' is one from
 * 'puskesmas'. Headers are short and few, so the plain table is enough.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}
