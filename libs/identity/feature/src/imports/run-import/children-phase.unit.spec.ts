import type { RegionalPrincipal } from '@registry/access';
import {
  ChildGrouping,
  mapHeaders,
  parseEppgbmRow,
  RegencyPlaces,
  type EppgbmRow,
  type RecognisedHeaders,
} from '@registry/identity-domain';
import { loadRegions } from '@registry/reference-data';
import type { ImportJob } from '../import-job';
import { decideChildren, type ChildrenPort, type RegistrationResult } from './children-phase';
import type { SheetRow } from './import-sheet';

const TANGERANG = '36.03';
const places = RegencyPlaces.of(loadRegions(), TANGERANG);
const HEADERS = [
  'NIK',
  'Nama',
  'JK',
  'Tgl Lahir',
  'Nama Ortu',
  'Kec',
  'Desa/Kel',
  'Pukesmas',
  'Tanggal Pengukuran',
  'Berat',
];
const mapping = mapHeaders(HEADERS) as RecognisedHeaders;
const headerOf = (column: string) => mapping.recognised.find((h) => h.column === column)?.header ?? column;

const job = (dryRun = false): ImportJob =>
  ({ id: 'job-1', regencyCode: TANGERANG, dryRun, uploader: { role: 'tpps' } as RegionalPrincipal }) as ImportJob;

/** A girl of desa Caringin (kecamatan Legok): `nik` '' for none. */
const cells = (nik: string, name: string, measuredOn = '05-08-2025', desa = 'Caringin') => [
  nik, name, 'P', '01-03-2024', 'Siti Aminah', 'Legok', desa, 'Legok', measuredOn, '9,1',
]; // prettier-ignore

/** Rows as the import reads them: parsed and grouped in file order, the grouping carried from chunk to chunk. */
function sheet(rows: string[][], grouping = new ChildGrouping(), first = 2): SheetRow[] {
  return rows.map((row, i) => {
    const source = { rowNumber: first + i, cells: row };
    const parsed = parseEppgbmRow(source, mapping, { places });
    return { source, parsed, child: parsed.ok ? grouping.assign(parsed.row) : null };
  });
}

/** Identity as the children phase sees it: NIKs registered so far, in this regency or another. */
class Registry implements ChildrenPort {
  readonly niks = new Map<string, string | null>();
  readonly byName: string[] = [];
  readonly batches: Array<readonly Record<string, unknown>[]> = [];
  private next = 1;

  async register(
    _uploader: RegionalPrincipal,
    registrations: readonly Record<string, unknown>[],
    options: { readonly dryRun: boolean },
  ): Promise<RegistrationResult[]> {
    this.batches.push(registrations);
    return registrations.map((registration) => {
      const nik = registration['nik'] as string | undefined;
      if (registration['name'] === 'Refused')
        return { status: 'rejected', reasons: ['birthDate: 2024-03-01 is after the day of registration'] };
      if (nik && this.niks.has(nik)) {
        const existing = this.niks.get(nik);
        return {
          status: 'already_registered',
          reasons: ['nik: taken'],
          ...(existing ? { existingChildId: existing } : {}),
        };
      }
      const id = `child-${this.next++}`;
      if (!options.dryRun && nik) this.niks.set(nik, id);
      return { status: 'created', id };
    });
  }

  async sameChildren(_regencyCode: string, rows: readonly EppgbmRow[]): Promise<string[][]> {
    return rows.map(() => [...this.byName]);
  }
}

describe('decideChildren', () => {
  const NIK = '3603204103240001';

  it('registers a child on its first row and finds it on every later row, in later chunks too', async () => {
    // Given a child on three rows, the third in the next chunk
    const registry = new Registry();
    const grouping = new ChildGrouping();
    const known = new Map<string, string | null>();
    const first = sheet([cells(NIK, 'Putri'), cells(NIK, 'Putri', '05-09-2025')], grouping);
    const second = sheet([cells(NIK, 'Putri', '05-10-2025')], grouping, 4);

    // When both chunks are decided
    const a = await decideChildren(job(), first, known, registry, headerOf);
    const b = await decideChildren(job(), second, known, registry, headerOf);

    // Then one registration, and the same child on all three rows
    expect(registry.batches.map((batch) => batch.length)).toEqual([1, 0]);
    expect([...a, ...b].map((row) => [row.rowNumber, row.outcome, row.childId])).toEqual([
      [2, 'created', 'child-1'],
      [3, 'matched', 'child-1'],
      [4, 'matched', 'child-1'],
    ]);
    expect(a[0].measurement).toMatchObject({ measuredOn: '2025-08-05', weightKg: 9.1, puskesmasCode: 'PKM-LEGOK' });
  });

  it("refuses a row that does not read, naming the file's column, and leaves the others be", async () => {
    const outcomes = await decideChildren(
      job(),
      sheet([cells(NIK, 'Putri', '05-08-2025', 'Desa Tidak Ada'), cells('3603204103240002', 'Ayu')]),
      new Map(),
      new Registry(),
      headerOf,
    );
    expect(outcomes[0]).toMatchObject({ outcome: 'rejected', childId: null, measurement: null });
    expect(outcomes[0].reasons).toEqual([expect.stringMatching(/^Desa\/Kel: .*Desa Tidak Ada/)]);
    expect(outcomes[1]).toMatchObject({ outcome: 'created' });
  });

  it('matches a NIK registered already, and refuses one registered in another regency on every row', async () => {
    const registry = new Registry();
    registry.niks.set(NIK, 'existing-1');
    registry.niks.set('3603204103240002', null);
    const outcomes = await decideChildren(
      job(),
      sheet([cells(NIK, 'Putri'), cells('3603204103240002', 'Ayu'), cells('3603204103240002', 'Ayu', '05-09-2025')]),
      new Map(),
      registry,
      headerOf,
    );
    expect(outcomes.map((row) => [row.outcome, row.childId])).toEqual([
      ['matched', 'existing-1'],
      ['rejected', null],
      ['rejected', null],
    ]);
    expect(outcomes[1].reasons).toEqual([expect.stringMatching(/^NIK: .*another regency/)]);
    expect(outcomes[2].reasons).toEqual([expect.stringMatching(/^the child of row 3 could not be registered/)]);
  });

  it('finds a child without NIK by name, birth date, sex and desa; warns and registers when several match', async () => {
    const one = new Registry();
    one.byName.push('existing-2');
    const [found] = await decideChildren(job(), sheet([cells('', 'Putri')]), new Map(), one, headerOf);
    expect(found).toMatchObject({ outcome: 'matched', childId: 'existing-2' });
    expect(one.batches).toEqual([[]]);

    const two = new Registry();
    two.byName.push('existing-3', 'existing-4');
    const [registered] = await decideChildren(job(), sheet([cells('', 'Putri')]), new Map(), two, headerOf);
    expect(registered).toMatchObject({ outcome: 'created', childId: 'child-1' });
    expect(registered.warnings).toEqual([expect.stringContaining('possible duplicate: 2 registered children')]);
  });

  it("says a refused registration in the file's words", async () => {
    const [outcome] = await decideChildren(job(), sheet([cells('', 'Refused')]), new Map(), new Registry(), headerOf);
    expect(outcome).toMatchObject({
      outcome: 'rejected',
      reasons: ['Tgl Lahir: 2024-03-01 is after the day of registration'],
    });
  });

  it('a dry run registers nothing and says what would happen, for later rows too', async () => {
    const registry = new Registry();
    const known = new Map<string, string | null>();
    const grouping = new ChildGrouping();
    const first = await decideChildren(job(true), sheet([cells(NIK, 'Putri')], grouping), known, registry, headerOf);
    const later = await decideChildren(
      job(true),
      sheet([cells(NIK, 'Putri', '05-09-2025')], grouping, 3),
      known,
      registry,
      headerOf,
    );
    expect([...first, ...later].map((row) => [row.outcome, row.childId])).toEqual([
      ['would_create', null],
      ['would_match', null],
    ]);
    expect(registry.niks.size).toBe(0);
  });
});
