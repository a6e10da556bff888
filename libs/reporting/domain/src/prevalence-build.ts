import { AGE_GROUP_ORDER, CLASS_ORDER, INDICATOR_ORDER } from './cell-codes';
import { MAX_AGE_DAYS, type AgeGroup, type IndicatorName } from './indicators';
import type { ChosenMeasurement } from './prevalence-counts';

/** One version of a measurement (recorded or corrected) as the aggregate sees it: whose, when, where, how classed. */
export interface MeasurementVersionFacts {
  readonly measurementId: string;
  readonly version: number;
  readonly childId: string;
  /** When the registry learned this version (ISO instant): the later of two otherwise equal choices wins. */
  readonly recordedAt: string;
  /** YYYY-MM-DD */
  readonly measuredOn: string;
  readonly ageDays: number;
  readonly regencyCode: string;
  readonly districtCode: string;
  readonly villageCode: string;
  readonly puskesmasCode: string;
  readonly classes: Readonly<Record<IndicatorName, string | null>>;
  readonly flags: Readonly<Record<IndicatorName, boolean>>;
}

/** One cell of the prevalence aggregate and the number of children counted in it. */
export interface PrevalenceCell extends ChosenMeasurement {
  readonly children: number;
}

// Indicators, age groups and classes are numbered as the cells store them (cell-codes.ts), in byte order, the order
// of the cells' primary key: cells come out of the build in that order, and the key, created after them, then finds
// them sorted. A class is its position + 1 (0: no class).
const INDICATOR_NAMES = INDICATOR_ORDER;
const AGE_GROUPS = AGE_GROUP_ORDER;
const AGE_LIMITS = AGE_GROUPS.map((group) => MAX_AGE_DAYS[group]);
const CLASSES = CLASS_ORDER;
const CLASS_CODES = CLASSES.map((classes) => new Map(classes.map((code, i) => [code, i + 1])));
/** Class numbers fit in 3 bits of a cell's key. */
const CLASS_RANGE = 8;
const STRIDE = INDICATOR_NAMES.length;
const VOIDED = 0x80;
/** A year is month 0 of its own code: year * 13 + month. */
const MONTHS = 13;

/**
 * UUIDs to dense numbers (0, 1, 2, … in order of arrival), in an open-addressing table over typed arrays: a Map of
 * millions of string keys costs a microsecond per entry and a hundred bytes, this a tenth of both. Ids compare as
 * the database compares uuid values, by their bytes, whatever the case of their letters.
 */
class UuidNumbers {
  private words = new Uint32Array(4 * 1024);
  private slots = new Int32Array(2048).fill(-1);
  private readonly id = new Uint32Array(4);
  size = 0;

  /** The id's number, or -1. */
  find(uuid: string): number {
    this.parse(uuid);
    return this.slots[this.probe()];
  }

  /** The id's number, given the next one if it has none yet. */
  numberOf(uuid: string): number {
    this.parse(uuid);
    const at = this.probe();
    if (this.slots[at] >= 0) return this.slots[at];
    const n = this.size++;
    if (4 * this.size > this.words.length) {
      const words = new Uint32Array(this.words.length * 2);
      words.set(this.words);
      this.words = words;
    }
    this.words.set(this.id, 4 * n);
    this.slots[at] = n;
    if (2 * this.size > this.slots.length) this.rehash();
    return n;
  }

  /** Byte order of two ids by their numbers. */
  compare(a: number, b: number): number {
    for (let w = 0; w < 4; w += 1) {
      const d = this.words[4 * a + w] - this.words[4 * b + w];
      if (d !== 0) return d;
    }
    return 0;
  }

  private parse(uuid: string): void {
    let word = 0;
    let digits = 0;
    for (let i = 0; i < uuid.length; i += 1) {
      const c = uuid.charCodeAt(i);
      if (c === 45 /* - */) continue;
      const digit = c >= 48 && c <= 57 ? c - 48 : (c | 32) >= 97 && (c | 32) <= 102 ? (c | 32) - 87 : -1;
      if (digit < 0 || digits === 32) throw new Error(`prevalence: not a UUID: ${uuid}`);
      word = word * 16 + digit;
      digits += 1;
      if (digits % 8 === 0) {
        this.id[digits / 8 - 1] = word;
        word = 0;
      }
    }
    if (digits !== 32) throw new Error(`prevalence: not a UUID: ${uuid}`);
  }

  /** The slot of the parsed id: its own, or the empty one where it would go. */
  private probe(): number {
    const mask = this.slots.length - 1;
    // The last two words are random in every UUID version the registry makes.
    let at = Math.imul(this.id[3] ^ this.id[2], 0x9e3779b1) >>> 0;
    for (;;) {
      at &= mask;
      const n = this.slots[at];
      if (n < 0) return at;
      const w = 4 * n;
      if (
        this.words[w] === this.id[0] &&
        this.words[w + 1] === this.id[1] &&
        this.words[w + 2] === this.id[2] &&
        this.words[w + 3] === this.id[3]
      )
        return at;
      at += 1;
    }
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let n = 0; n < this.size; n += 1) {
      this.id.set(this.words.subarray(4 * n, 4 * n + 4));
      this.slots[this.probe()] = n;
    }
  }
}

/**
 * The prevalence aggregate built in memory while a rebuild reads the measurement events once, instead of sorting
 * every version in the database afterwards. It keeps each measurement's latest version in typed columns (a few dozen
 * bytes per measurement), then chooses per surviving child, period, indicator and age group by the rule of the
 * SQL build and the exact query (prevalence-aggregate.ts, PrevalenceQuery): the latest version of each measurement,
 * voided ones gone, unflagged first, then latest measured, latest recorded, lowest measurement id. The int tests
 * hold the three to the same rows.
 */
export class PrevalenceCountsBuild {
  private readonly measurements = new UuidNumbers();
  private readonly children = new UuidNumbers();
  /** Per desa code, its places (puskesmas, kecamatan and kabupaten codes seen with it). */
  private readonly places = new Map<string, number[]>();
  private readonly placeCodes: Array<readonly [regency: string, district: string, village: string, puskesmas: string]> =
    [];
  private capacity = 0;
  private version = new Int32Array(0);
  private child = new Int32Array(0);
  /** yyyymmdd: orders as the date does. */
  private measuredOn = new Int32Array(0);
  private month = new Int32Array(0);
  private recordedAt = new Float64Array(0);
  private ageDays = new Int32Array(0);
  private place = new Int32Array(0);
  private classes = new Uint8Array(0);
  /** Bit i: indicator i flagged; VOIDED: the latest version is a void. */
  private marks = new Uint8Array(0);

  /** A recorded or corrected version; one not newer than the measurement's latest changes nothing. */
  add(facts: MeasurementVersionFacts): void {
    const slot = this.measurements.numberOf(facts.measurementId);
    if (slot >= this.capacity) this.grow();
    // A new measurement's slot holds version 0.
    if (facts.version <= this.version[slot]) return;
    const date = facts.measuredOn;
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    this.version[slot] = facts.version;
    this.child[slot] = this.children.numberOf(facts.childId);
    this.measuredOn[slot] = year * 10_000 + month * 100 + Number(date.slice(8, 10));
    this.month[slot] = year * MONTHS + month;
    this.recordedAt[slot] = Date.parse(facts.recordedAt);
    this.ageDays[slot] = facts.ageDays;
    this.place[slot] = this.placeOf(facts);
    let marks = 0;
    for (let i = 0; i < STRIDE; i += 1) {
      const name = INDICATOR_NAMES[i];
      const cls = facts.classes[name];
      const code = cls === null ? 0 : CLASS_CODES[i].get(cls);
      if (code === undefined) throw new Error(`prevalence: unknown ${name} class ${cls}`);
      this.classes[slot * STRIDE + i] = code;
      if (facts.flags[name]) marks |= 1 << i;
    }
    this.marks[slot] = marks;
  }

  /** A void: from this version on, the measurement counts nowhere (until a later correction). */
  void(measurementId: string, version: number): void {
    const slot = this.measurements.find(measurementId);
    if (slot < 0 || version <= this.version[slot]) return;
    this.version[slot] = version;
    this.marks[slot] |= VOIDED;
  }

  /**
   * The cells, each child counted under the record it was merged into (`mergedInto`: the active merges, one hop as
   * the SQL reads them), in the order of the cells' primary key: period, indicator, age group, desa, puskesmas, class.
   * The choosing and counting is done when this is called; the cells are made as they are iterated.
   */
  cells(mergedInto: ReadonlyMap<string, string>): CountedCells {
    const slots = this.measurements.size;
    const owners = this.children.size;
    const real = Int32Array.from({ length: owners }, (_, c) => c);
    for (const [from, into] of mergedInto) {
      const c = this.children.find(from);
      if (c >= 0) real[c] = this.children.numberOf(into);
    }
    // The live measurements grouped by surviving child (a counting sort).
    const start = new Int32Array(this.children.size + 1);
    for (let s = 0; s < slots; s += 1) if (!(this.marks[s] & VOIDED)) start[real[this.child[s]] + 1] += 1;
    for (let c = 0; c < this.children.size; c += 1) start[c + 1] += start[c];
    const bySurvivor = new Int32Array(start[start.length - 1]);
    const next = start.slice(0, -1);
    for (let s = 0; s < slots; s += 1) if (!(this.marks[s] & VOIDED)) bySurvivor[next[real[this.child[s]]]++] = s;

    const placeOrder = this.placesInCodeOrder();
    const placeCount = Math.max(1, placeOrder.length);
    const rankOfPlace = new Int32Array(placeCount);
    placeOrder.forEach((place, rank) => (rankOfPlace[place] = rank));

    let keys = new Float64Array(1 << 16);
    let count = 0;
    const chosen = new Map<number, number>();
    const own: number[] = [];
    const latestFirst = (a: number, b: number) =>
      this.measuredOn[b] - this.measuredOn[a] ||
      this.recordedAt[b] - this.recordedAt[a] ||
      this.measurements.compare(a, b);
    for (let c = 0; c + 1 < start.length; c += 1) {
      own.length = 0;
      for (let k = start[c]; k < start[c + 1]; k += 1) own.push(bySurvivor[k]);
      if (own.length === 0) continue;
      own.sort(latestFirst);
      // In that order the first measurement of a cell is the child's choice, unless it is flagged and an unflagged
      // one follows.
      chosen.clear();
      for (const s of own) {
        const month = this.month[s];
        const year = month - (month % MONTHS);
        for (let i = 0; i < INDICATOR_NAMES.length; i += 1) {
          if (this.classes[s * STRIDE + i] === 0) continue;
          const flagged = (this.marks[s] >> i) & 1;
          for (let a = 0; a < AGE_GROUPS.length; a += 1) {
            if (this.ageDays[s] > AGE_LIMITS[a]) continue;
            for (let p = 0; p < 2; p += 1) {
              const period = p === 0 ? year : month;
              const cell = (period * INDICATOR_NAMES.length + i) * AGE_GROUPS.length + a;
              const held = chosen.get(cell);
              if (held === undefined || (held % 2 === 1 && flagged === 0)) chosen.set(cell, s * 2 + flagged);
            }
          }
        }
      }
      if (count + chosen.size > keys.length) {
        const larger = new Float64Array(Math.max(keys.length * 2, count + chosen.size));
        larger.set(keys.subarray(0, count));
        keys = larger;
      }
      for (const [cell, held] of chosen) {
        const s = Math.floor(held / 2);
        const i = Math.floor(cell / AGE_GROUPS.length) % INDICATOR_NAMES.length;
        keys[count++] =
          ((cell * placeCount + rankOfPlace[this.place[s]]) * CLASS_RANGE + this.classes[s * STRIDE + i]) * 2 +
          (held % 2);
      }
    }

    return new CountedCells(
      keys.subarray(0, count).sort(),
      placeOrder.map((place) => this.placeCodes[place]),
    );
  }

  /** The place's number; a desa is nearly always served from one puskesmas, so its places are few. */
  private placeOf(facts: MeasurementVersionFacts): number {
    const { regencyCode, districtCode, villageCode, puskesmasCode } = facts;
    let places = this.places.get(villageCode);
    if (places === undefined) {
      places = [];
      this.places.set(villageCode, places);
    }
    for (const place of places) {
      const [regency, district, , puskesmas] = this.placeCodes[place];
      if (puskesmas === puskesmasCode && district === districtCode && regency === regencyCode) return place;
    }
    const place = this.placeCodes.length;
    places.push(place);
    this.placeCodes.push([regencyCode, districtCode, villageCode, puskesmasCode]);
    return place;
  }

  /** Places by desa, puskesmas, kecamatan and kabupaten code, byte-wise: the order of the cells' key. */
  private placesInCodeOrder(): number[] {
    const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return this.placeCodes
      .map((_, place) => place)
      .sort((a, b) => {
        const [ra, da, va, pa] = this.placeCodes[a];
        const [rb, db, vb, pb] = this.placeCodes[b];
        return compare(va, vb) || compare(pa, pb) || compare(da, db) || compare(ra, rb);
      });
  }

  private grow(): void {
    const capacity = Math.max(1 << 16, this.capacity * 2);
    const widen = <T extends Int32Array | Float64Array | Uint8Array>(old: T, make: (n: number) => T, per = 1): T => {
      const wider = make(capacity * per);
      wider.set(old);
      return wider;
    };
    this.version = widen(this.version, (n) => new Int32Array(n));
    this.child = widen(this.child, (n) => new Int32Array(n));
    this.measuredOn = widen(this.measuredOn, (n) => new Int32Array(n));
    this.month = widen(this.month, (n) => new Int32Array(n));
    this.recordedAt = widen(this.recordedAt, (n) => new Float64Array(n));
    this.ageDays = widen(this.ageDays, (n) => new Int32Array(n));
    this.place = widen(this.place, (n) => new Int32Array(n));
    this.classes = widen(this.classes, (n) => new Uint8Array(n), STRIDE);
    this.marks = widen(this.marks, (n) => new Uint8Array(n));
    this.capacity = capacity;
  }
}

/** A place's codes: kabupaten, kecamatan, desa, puskesmas. */
export type PlaceCodes = readonly [
  regencyCode: string,
  districtCode: string,
  villageCode: string,
  puskesmasCode: string,
];

/** A cell of the aggregate by numbers (CountedCells.forEach), for writers that encode each part once. */
export interface CellNumbers {
  /** Its period, indicator and age group (CountedCells.groupOf). */
  readonly group: number;
  /** Its place's rank in code order (CountedCells.places). */
  readonly place: number;
  /** Its indicator (numbered as in INDICATOR_NAMES, byte order) and class (CountedCells.classOf). */
  readonly indicator: number;
  readonly cls: number;
  readonly flagged: boolean;
  readonly children: number;
}

/**
 * The counted cells of a PrevalenceCountsBuild, in the order of the cells' primary key: as PrevalenceCell objects
 * when iterated, or by numbers (forEach) for writers of millions of them.
 */
export class CountedCells implements Iterable<PrevalenceCell> {
  private readonly labels = new Map<number, { period: string; indicator: IndicatorName; ageGroup: AgeGroup }>();

  constructor(
    /** Each chosen measurement's key, sorted: equal keys are one cell. */
    private readonly keys: Float64Array,
    /** Places by rank, in code order. */
    readonly places: readonly PlaceCodes[],
  ) {}

  /** Visits every cell once, in key order. The object passed is reused: copy what you keep. */
  forEach(visit: (cell: CellNumbers) => void): void {
    const { keys } = this;
    const placeCount = Math.max(1, this.places.length);
    const cell = { group: 0, place: 0, indicator: 0, cls: 0, flagged: false, children: 0 };
    for (let k = 0; k < keys.length;) {
      const key = keys[k];
      let children = 0;
      while (k < keys.length && keys[k] === key) {
        children += 1;
        k += 1;
      }
      const flagged = key % 2;
      let rest = (key - flagged) / 2;
      cell.cls = rest % CLASS_RANGE;
      rest = (rest - cell.cls) / CLASS_RANGE;
      cell.place = rest % placeCount;
      cell.group = (rest - cell.place) / placeCount;
      cell.indicator = Math.floor(cell.group / AGE_GROUPS.length) % INDICATOR_NAMES.length;
      cell.flagged = flagged === 1;
      cell.children = children;
      visit(cell);
    }
  }

  /** The period, indicator and age group of a cell's group. */
  groupOf(group: number): { readonly period: string; readonly indicator: IndicatorName; readonly ageGroup: AgeGroup } {
    let label = this.labels.get(group);
    if (label === undefined) {
      const a = group % AGE_GROUPS.length;
      const rest = (group - a) / AGE_GROUPS.length;
      const i = rest % INDICATOR_NAMES.length;
      const period = (rest - i) / INDICATOR_NAMES.length;
      const year = Math.floor(period / MONTHS);
      const month = period % MONTHS;
      label = {
        period: month === 0 ? String(year) : `${year}-${String(month).padStart(2, '0')}`,
        indicator: INDICATOR_NAMES[i],
        ageGroup: AGE_GROUPS[a],
      };
      this.labels.set(group, label);
    }
    return label;
  }

  /** The period, indicator and age group of a cell's group as the cells store them (cell-codes.ts). */
  storedGroupOf(group: number): { readonly period: number; readonly indicator: number; readonly ageGroup: number } {
    const ageGroup = group % AGE_GROUPS.length;
    const rest = (group - ageGroup) / AGE_GROUPS.length;
    const indicator = rest % INDICATOR_NAMES.length;
    const period = (rest - indicator) / INDICATOR_NAMES.length;
    return { period: Math.floor(period / MONTHS) * 100 + (period % MONTHS), indicator, ageGroup };
  }

  /** The code of an indicator's class, as numbered in cells. */
  classOf(indicator: number, cls: number): string {
    return CLASSES[indicator][cls - 1];
  }

  *[Symbol.iterator](): Generator<PrevalenceCell> {
    const cells: PrevalenceCell[] = [];
    this.forEach((cell) => {
      const [regencyCode, districtCode, villageCode, puskesmasCode] = this.places[cell.place];
      cells.push({
        ...this.groupOf(cell.group),
        regencyCode,
        districtCode,
        villageCode,
        puskesmasCode,
        cls: this.classOf(cell.indicator, cell.cls),
        flagged: cell.flagged,
        children: cell.children,
      });
    });
    yield* cells;
  }
}
