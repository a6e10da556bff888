import type { RegionalPrincipal } from '@registry/access';
import type { EppgbmColumn, EppgbmRow } from '@registry/identity-domain';
import type { ChildRowOutcome, ImportJob } from '../import-job';
import type { SheetRow } from './import-sheet';

/** A row's outcome before its measurement is attached. */
type Decided = Omit<ChildRowOutcome, 'measurement'>;

/** A registration's field, as the registration API names it in a refusal, and the export's column it came from. */
const COLUMN_OF_FIELD: ReadonlyArray<readonly [string, EppgbmColumn]> = [
  ['nik', 'nik'],
  ['name', 'name'],
  ['sex', 'sex'],
  ['birthDate', 'birthDate'],
  ['birthWeightGrams', 'birthWeight'],
  ['birthLengthCm', 'birthLength'],
  ['mother.name', 'parentName'],
  ['mother', 'parentName'],
  ['address.villageCode', 'village'],
  ['address.rt', 'rt'],
  ['address.rw', 'rw'],
  ['address.line', 'address'],
];

/** A refusal reason of an API (`field: message`) said with the export's column instead of the API's field. */
export function inColumns(reason: string, headerOf: (column: EppgbmColumn) => string, fields = COLUMN_OF_FIELD) {
  const match = fields.find(([field]) => reason.startsWith(`${field}:`));
  return match ? `${headerOf(match[1])}: ${reason.slice(match[0].length + 1).trim()}` : reason;
}

/** The registration the row's child gets (RegisterChildRequest). */
export function registrationOf(row: EppgbmRow): Record<string, unknown> {
  const { child } = row;
  return {
    name: child.name,
    ...(child.nik === null ? {} : { nik: child.nik }),
    sex: child.sex,
    birthDate: child.birthDate,
    ...(child.birthWeightGrams === undefined ? {} : { birthWeightGrams: child.birthWeightGrams }),
    ...(child.birthLengthCm === undefined ? {} : { birthLengthCm: child.birthLengthCm }),
    mother: { name: child.motherName },
    address: {
      villageCode: child.villageCode,
      ...(child.rt === undefined ? {} : { rt: child.rt }),
      ...(child.rw === undefined ? {} : { rw: child.rw }),
      ...(child.addressLine === undefined ? {} : { line: child.addressLine }),
    },
  };
}

/** The answer for one registration, as RegisterChildrenBatchHandler gives it. */
export type RegistrationResult =
  | { readonly status: 'created'; readonly id: string }
  | { readonly status: 'already_registered'; readonly existingChildId?: string; readonly reasons: string[] }
  | { readonly status: 'rejected'; readonly reasons: string[] };

/** What the children phase needs of identity: registering (or checking, in a dry run) and finding by name. */
export interface ChildrenPort {
  /** Registers the children in one batch, idempotent under `key`; a dry run only checks them. */
  register(
    uploader: RegionalPrincipal,
    registrations: readonly Record<string, unknown>[],
    options: { readonly dryRun: boolean; readonly idempotencyKey: string; readonly correlationId: string },
  ): Promise<RegistrationResult[]>;
  /**
   * Registered children of the regency without a NIK-given identity to match a row without NIK against: the ids of
   * those with the same name, birth date, sex and desa, per row.
   */
  sameChildren(regencyCode: string, rows: readonly EppgbmRow[]): Promise<string[][]>;
}

/**
 * Decides one chunk of the children phase: each row's child is one the file met earlier, one already registered
 * (by NIK, or by name, birth date, sex and desa for a row without NIK), or a new registration; a row that does not
 * parse is rejected with its problems. `known` (grouping key → child id, null for a child a dry run would
 * register) carries the file's children from chunk to chunk.
 */
export async function decideChildren(
  job: ImportJob,
  chunk: readonly SheetRow[],
  known: Map<string, string | null>,
  port: ChildrenPort,
  headerOf: (column: EppgbmColumn) => string,
): Promise<ChildRowOutcome[]> {
  const outcomes = new Map<number, Decided>();
  const firstRows: Array<{ readonly key: string; readonly row: EppgbmRow; readonly warnings: readonly string[] }> = [];
  for (const { source, parsed, child } of chunk) {
    if (!parsed.ok) {
      outcomes.set(source.rowNumber, {
        rowNumber: source.rowNumber,
        outcome: 'rejected',
        childId: null,
        reasons: parsed.problems.map((problem) => `${problem.column}: ${problem.message}`),
        warnings: [],
      });
    } else if (child && !known.has(child.key) && !firstRows.some((first) => first.key === child.key)) {
      firstRows.push({ key: child.key, row: parsed.row, warnings: child.warnings });
    }
  }

  // Rows without NIK first look for the same child among the registered ones: a file imported twice in parts, or
  // children registered by hand before, are found rather than registered again.
  const withoutNik = firstRows.filter(({ row }) => row.child.nik === null);
  const same = await port.sameChildren(
    job.regencyCode,
    withoutNik.map(({ row }) => row),
  );
  const matchedByName = new Map<string, { readonly childId: string | null; readonly warning: string | null }>();
  withoutNik.forEach(({ key }, i) => {
    const ids = same[i];
    if (ids.length === 1) matchedByName.set(key, { childId: ids[0], warning: null });
    else if (ids.length > 1)
      matchedByName.set(key, {
        childId: null,
        warning: `possible duplicate: ${ids.length} registered children share this name, birth date, sex and desa (${ids.join(', ')}); registered as a new child — merge them if they are one`,
      });
  });

  const toRegister = firstRows.filter(({ key }) => !matchedByName.get(key)?.childId);
  const results = await port.register(
    job.uploader,
    toRegister.map(({ row }) => registrationOf(row)),
    {
      dryRun: job.dryRun,
      idempotencyKey: `e-ppgbm:${job.id}:children:${chunk[0].source.rowNumber}`,
      correlationId: `import-${job.id}`,
    },
  );
  const decided = new Map<string, Decided>();
  toRegister.forEach(({ key, row, warnings }, i) => {
    const result = results[i];
    const duplicateWarning = matchedByName.get(key)?.warning;
    const allWarnings = duplicateWarning ? [...warnings, duplicateWarning] : warnings;
    const base = { rowNumber: row.rowNumber, warnings: allWarnings };
    switch (result.status) {
      case 'created':
        decided.set(key, {
          ...base,
          outcome: job.dryRun ? 'would_create' : 'created',
          childId: job.dryRun ? null : result.id,
          reasons: [],
        });
        break;
      case 'already_registered':
        decided.set(
          key,
          result.existingChildId
            ? { ...base, outcome: job.dryRun ? 'would_match' : 'matched', childId: result.existingChildId, reasons: [] }
            : {
                ...base,
                outcome: 'rejected',
                childId: null,
                reasons: [
                  `${headerOf('nik')}: a child with this NIK is registered in another regency: have that regency move the child here (relocate) before importing these weighings`,
                ],
              },
        );
        break;
      case 'rejected':
        decided.set(key, {
          ...base,
          outcome: 'rejected',
          childId: null,
          reasons: result.reasons.map((reason) => inColumns(reason, headerOf)),
        });
        break;
      default: {
        const unknown: never = result;
        throw new Error(`unknown registration result ${JSON.stringify(unknown)}`);
      }
    }
  });
  for (const [key, match] of matchedByName)
    if (match.childId) {
      const first = withoutNik.find((entry) => entry.key === key)!;
      decided.set(key, {
        rowNumber: first.row.rowNumber,
        outcome: job.dryRun ? 'would_match' : 'matched',
        childId: match.childId,
        reasons: [],
        warnings: first.warnings,
      });
    }

  for (const { source, parsed, child } of chunk) {
    if (!parsed.ok || !child) continue;
    const earlier = known.get(child.key);
    const first = decided.get(child.key);
    if (earlier !== undefined) {
      outcomes.set(source.rowNumber, outcome(source.rowNumber, job.dryRun ? 'would_match' : 'matched', earlier, child));
    } else if (first && first.rowNumber === source.rowNumber) {
      outcomes.set(source.rowNumber, first);
    } else if (first && first.outcome !== 'rejected') {
      // Later rows of a child this chunk registers, or would.
      outcomes.set(
        source.rowNumber,
        outcome(source.rowNumber, job.dryRun ? 'would_match' : 'matched', first.childId, child),
      );
    } else if (first) {
      outcomes.set(source.rowNumber, {
        rowNumber: source.rowNumber,
        outcome: 'rejected',
        childId: null,
        reasons: [`the child of row ${first.rowNumber} could not be registered: ${first.reasons.join('; ')}`],
        warnings: child.warnings,
      });
    }
  }
  for (const [key, first] of decided) if (first.outcome !== 'rejected') known.set(key, first.childId);
  return chunk.map(({ source, parsed }) => ({
    ...outcomes.get(source.rowNumber)!,
    measurement: parsed.ok ? { ...parsed.row.measurement, exported: parsed.row.exported } : null,
  }));
}

function outcome(
  rowNumber: number,
  kind: 'matched' | 'would_match',
  childId: string | null,
  child: NonNullable<SheetRow['child']>,
): Decided {
  return { rowNumber, outcome: kind, childId, reasons: [], warnings: child.warnings };
}
