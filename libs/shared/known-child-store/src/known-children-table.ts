import type { ChildCopy } from '@registry/known-child';

/** A column of a service's copy of a child and the field of the copy it holds; dates read back as YYYY-MM-DD. */
export interface ChildColumn<F extends string = string> {
  readonly name: string;
  readonly field: F;
  readonly type: 'uuid' | 'text' | 'date';
}

/** The columns every service's table has, child_id its key. */
const COPY_COLUMNS: readonly ChildColumn<keyof ChildCopy>[] = [
  { name: 'child_id', field: 'childId', type: 'uuid' },
  { name: 'birth_date', field: 'birthDate', type: 'date' },
  { name: 'village_code', field: 'villageCode', type: 'text' },
  { name: 'district_code', field: 'districtCode', type: 'text' },
  { name: 'regency_code', field: 'regencyCode', type: 'text' },
  { name: 'status', field: 'status', type: 'text' },
  { name: 'died_on', field: 'diedOn', type: 'date' },
  { name: 'merged_into', field: 'mergedInto', type: 'uuid' },
];

/** The column of the copies that keep the child's sex. */
export const SEX_COLUMN: ChildColumn<'sex'> = { name: 'sex', field: 'sex', type: 'text' };

/** A service's table of the children it knows, as the statements on it: each service names its own and adds columns. */
export interface KnownChildrenTable<C extends ChildCopy> {
  readonly name: string;
  /** Each with the field of C it holds. */
  readonly columns: readonly ChildColumn<keyof C & string>[];
  /** Read by id, with the rows held until the transaction ends (FOR SHARE) or not. */
  readonly select: { readonly plain: string; readonly forShare: string };
  /** Inserts or replaces the copies given as a JSON array in $1. */
  readonly upsert: string;
  /** Whether reads are prepared once per connection: for a table looked up on every request. */
  readonly prepared: boolean;
}

const quoted = (field: string) => `"${field}"`;
const selected = ({ name, field, type }: ChildColumn) =>
  type === 'date' ? `to_char(${name}, 'YYYY-MM-DD') AS ${quoted(field)}` : `${name} AS ${quoted(field)}`;
const list = (columns: readonly ChildColumn[], each: (column: ChildColumn) => string) => columns.map(each).join(', ');

/**
 * The table `name` (a constant of the service, never input) with the columns every copy has and `extraColumns`,
 * which hold the fields of C that a ChildCopy lacks.
 */
export function knownChildrenTable<C extends ChildCopy>(
  name: string,
  extraColumns: readonly ChildColumn<Exclude<keyof C, keyof ChildCopy> & string>[],
  options: { readonly prepared?: boolean } = {},
): KnownChildrenTable<C> {
  const [key, ...rest] = COPY_COLUMNS;
  const replaced = [...extraColumns, ...rest];
  // The added columns after the key, where the tables that keep the sex have it.
  const columns: readonly ChildColumn<keyof C & string>[] = [key, ...replaced];
  const select = `SELECT ${list(columns, selected)} FROM ${name} WHERE child_id = ANY($1::uuid[])`;
  return {
    name,
    columns,
    select: { plain: select, forShare: `${select} FOR SHARE` },
    upsert: `INSERT INTO ${name} (${list(columns, (column) => column.name)})
       SELECT ${list(columns, (column) => quoted(column.field))}
         FROM jsonb_to_recordset($1::jsonb) AS r(${list(columns, (column) => `${quoted(column.field)} ${column.type}`)})
       ON CONFLICT (child_id) DO UPDATE SET ${list(replaced, (column) => `${column.name} = EXCLUDED.${column.name}`)}`,
    prepared: options.prepared ?? false,
  };
}
