import type { Sex } from '../child';
import { eppgbmHeader } from './columns';
import type { EppgbmRow } from './eppgbm-row';
import { compactKey } from './text';

export interface ChildAssignment {
  /** 'nik:<nik>', or 'name:<name>|<birthDate>|<sex>|<villageCode>' for a child without NIK. */
  readonly key: string;
  /** The row the child was first seen on: its registration comes from that row. */
  readonly firstRowNumber: number;
  readonly isFirstRow: boolean;
  /** Possible duplicates and rows that disagree with the child's first row; the row is assigned all the same. */
  readonly warnings: readonly string[];
}

/** What is kept per child: enough to compare later rows with, nothing more (9,000 children is a usual export). */
interface ChildSummary {
  readonly firstRowNumber: number;
  readonly nameKey: string;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly nik: string | null;
  readonly villageCode: string;
}

/**
 * Groups the rows of one export (one per weighing) into children: by NIK, or without NIK by name, birth date, sex
 * and desa. That second key is where duplicates hide, so a new child whose name, birth date and sex match a child
 * already seen (with a NIK, or in another desa) is kept apart but comes with a warning naming that child's row.
 */
export class ChildGrouping {
  private readonly children = new Map<string, ChildSummary>();
  /** Children by name, birth date and sex: a few at most per entry. */
  private readonly byIdentity = new Map<string, ChildSummary[]>();

  /** Children seen so far. */
  get size(): number {
    return this.children.size;
  }

  assign(row: EppgbmRow): ChildAssignment {
    const { nik, name, birthDate, sex, villageCode } = row.child;
    const nameKey = compactKey(name);
    const key = nik !== null ? `nik:${nik}` : `name:${nameKey}|${birthDate}|${sex}|${villageCode}`;
    const known = this.children.get(key);
    if (known) {
      return {
        key,
        firstRowNumber: known.firstRowNumber,
        isFirstRow: false,
        warnings: disagreements(known, nameKey, birthDate, sex),
      };
    }

    const child: ChildSummary = { firstRowNumber: row.rowNumber, nameKey, birthDate, sex, nik, villageCode };
    this.children.set(key, child);
    const identity = `${nameKey}|${birthDate}|${sex}`;
    const namesakes = this.byIdentity.get(identity);
    if (!namesakes) {
      this.byIdentity.set(identity, [child]);
      return { key, firstRowNumber: row.rowNumber, isFirstRow: true, warnings: [] };
    }
    // Different keys by construction: another NIK, a NIK on one side only, or no NIK in another desa.
    const warnings = namesakes.map((other) => possibleDuplicate(other, child));
    namesakes.push(child);
    return { key, firstRowNumber: row.rowNumber, isFirstRow: true, warnings };
  }
}

/** A NIK shown only by its region part: enough to recognise, not the personal number. */
const nikHint = (nik: string): string => `${nik.slice(0, 4)}…`;

function possibleDuplicate(earlier: ChildSummary, child: ChildSummary): string {
  const details = ['same name, birth date and sex'];
  if (earlier.nik === null) details.push('without NIK');
  else details.push(`${child.nik === null ? '' : 'another '}NIK ${nikHint(earlier.nik)}`);
  if (earlier.villageCode !== child.villageCode) details.push(`in desa ${earlier.villageCode}`);
  return `possible duplicate of row ${earlier.firstRowNumber} (${details.join(', ')})`;
}

function disagreements(first: ChildSummary, nameKey: string, birthDate: string, sex: Sex): string[] {
  const fields = [
    first.nameKey !== nameKey && eppgbmHeader('name'),
    first.birthDate !== birthDate && eppgbmHeader('birthDate'),
    first.sex !== sex && eppgbmHeader('sex'),
  ].filter((field): field is string => field !== false);
  if (fields.length === 0) return [];
  const named = fields.map((field) => `'${field}'`).join(', ');
  return [`same NIK as row ${first.firstRowNumber} but a different ${named}`];
}
