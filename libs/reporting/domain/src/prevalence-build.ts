import {
  AGE_GROUP_ORDER,
  CLASS_ORDER,
  COUNT_SLOTS,
  countSlot,
  INDICATOR_ORDER,
  periodLabel,
  slotMeaning,
} from './cell-codes';
import { MAX_AGE_DAYS, type AgeGroup } from './age-groups';
import type { IndicatorName } from './indicators';
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
  /** '' when the measurement names no posyandu. */
  readonly posyanduCode: string;
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
    const { id, words } = this;
    for (let n = 0; n < this.size; n += 1) {
      id[0] = words[4 * n];
      id[1] = words[4 * n + 1];
      id[2] = words[4 * n + 2];
      id[3] = words[4 * n + 3];
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
  /** Per desa code, its places (puskesmas, posyandu, kecamatan and kabupaten codes seen with it). */
  private readonly places = new Map<string, number[]>();
  private readonly placeCodes: PlaceCodes[] = [];
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
   * The counts, each child counted under the record it was merged into (`mergedInto`: the active merges, one hop as
   * the SQL reads them), a row per period, age group and place, in the order of the rows' primary key. The choosing
   * and counting is done when this is called; the rows are made as they are iterated.
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
        const a = cell % AGE_GROUPS.length;
        const rest = (cell - a) / AGE_GROUPS.length;
        const i = rest % INDICATOR_NAMES.length;
        const group = ((rest - i) / INDICATOR_NAMES.length) * AGE_GROUPS.length + a;
        keys[count++] =
          (group * placeCount + rankOfPlace[this.place[s]]) * COUNT_SLOTS +
          countSlot(i, this.classes[s * STRIDE + i], held % 2 === 1);
      }
    }

    return new CountedCells(
      keys.subarray(0, count).sort(),
      placeOrder.map((place) => this.placeCodes[place]),
    );
  }

  /** The place's number; a desa is served from one puskesmas and a few posyandu, so its places are few. */
  private placeOf(facts: MeasurementVersionFacts): number {
    const { regencyCode, districtCode, villageCode, puskesmasCode, posyanduCode } = facts;
    let places = this.places.get(villageCode);
    if (places === undefined) {
      places = [];
      this.places.set(villageCode, places);
    }
    for (const place of places) {
      const [regency, district, , puskesmas, posyandu] = this.placeCodes[place];
      if (
        posyandu === posyanduCode &&
        puskesmas === puskesmasCode &&
        district === districtCode &&
        regency === regencyCode
      )
        return place;
    }
    const place = this.placeCodes.length;
    places.push(place);
    this.placeCodes.push([regencyCode, districtCode, villageCode, puskesmasCode, posyanduCode]);
    return place;
  }

  /** Places by desa, puskesmas, posyandu, kecamatan and kabupaten code, byte-wise: the order of the cells' key. */
  private placesInCodeOrder(): number[] {
    const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return this.placeCodes
      .map((_, place) => place)
      .sort((a, b) => {
        const [ra, da, va, pa, ya] = this.placeCodes[a];
        const [rb, db, vb, pb, yb] = this.placeCodes[b];
        return compare(va, vb) || compare(pa, pb) || compare(ya, yb) || compare(da, db) || compare(ra, rb);
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

/** A place's codes: kabupaten, kecamatan, desa, puskesmas, posyandu ('' for none). */
export type PlaceCodes = readonly [
  regencyCode: string,
  districtCode: string,
  villageCode: string,
  puskesmasCode: string,
  posyanduCode: string,
];

/** A row of the aggregate by numbers (CountedCells.rows), for writers that encode each part once. */
export interface CountRow {
  /** Its period and age group (CountedCells.groupOf). */
  readonly group: number;
  /** Its place's rank in code order (CountedCells.places). */
  readonly place: number;
  /** Children per slot (cell-codes.ts: countSlot). */
  readonly counts: Int32Array;
}

/**
 * The counted rows of a PrevalenceCountsBuild, in the order of their primary key: by numbers (rows) for writers of
 * millions of them, or as the PrevalenceCell of each count when iterated.
 */
export class CountedCells implements Iterable<PrevalenceCell> {
  constructor(
    /** Each choice's key, sorted: a row per run of keys of one group and place, a count per run of equal keys. */
    private readonly keys: Float64Array,
    /** Places by rank, in code order. */
    readonly places: readonly PlaceCodes[],
  ) {}

  /** Every row once, in key order. The row and its counts are reused: copy what you keep. */
  *rows(): Generator<CountRow> {
    const { keys } = this;
    const placeCount = Math.max(1, this.places.length);
    const row = { group: 0, place: 0, counts: new Int32Array(COUNT_SLOTS) };
    let current = -1;
    for (const key of keys) {
      const slot = key % COUNT_SLOTS;
      const groupAndPlace = (key - slot) / COUNT_SLOTS;
      if (groupAndPlace !== current) {
        if (current >= 0) yield row;
        current = groupAndPlace;
        row.place = groupAndPlace % placeCount;
        row.group = (groupAndPlace - row.place) / placeCount;
        row.counts.fill(0);
      }
      row.counts[slot] += 1;
    }
    if (current >= 0) yield row;
  }

  /** The period (as stored: cell-codes.ts) and age group (numbered) of a row's group. */
  storedGroupOf(group: number): { readonly period: number; readonly ageGroup: number } {
    const ageGroup = group % AGE_GROUPS.length;
    const period = (group - ageGroup) / AGE_GROUPS.length;
    return { period: Math.floor(period / MONTHS) * 100 + (period % MONTHS), ageGroup };
  }

  /** The period label and age group of a row's group. */
  groupOf(group: number): { readonly period: string; readonly ageGroup: AgeGroup } {
    const { period, ageGroup } = this.storedGroupOf(group);
    return { period: periodLabel(period), ageGroup: AGE_GROUPS[ageGroup] };
  }

  *[Symbol.iterator](): Generator<PrevalenceCell> {
    const cells: PrevalenceCell[] = [];
    for (const { group, place, counts } of this.rows()) {
      const [regencyCode, districtCode, villageCode, puskesmasCode, posyanduCode] = this.places[place];
      const { period, ageGroup } = this.groupOf(group);
      counts.forEach((children, slot) => {
        if (children === 0) return;
        const { indicator, cls, flagged } = slotMeaning(slot);
        cells.push({
          period,
          indicator: INDICATOR_NAMES[indicator],
          ageGroup,
          regencyCode,
          districtCode,
          villageCode,
          puskesmasCode,
          posyanduCode,
          cls: CLASSES[indicator][cls - 1],
          flagged,
          children,
        });
      });
    }
    yield* cells;
  }
}
