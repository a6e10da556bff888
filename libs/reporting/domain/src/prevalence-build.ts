import { AGE_GROUP_ORDER, CLASS_ORDER, COUNT_SLOTS, countSlot, INDICATOR_ORDER } from './cell-codes';
import { MAX_AGE_DAYS } from './age-groups';
import type { IndicatorName } from './indicators';
import { CountedCells, MONTHS, type PlaceCodes } from './prevalence-counted-cells';
import { prevalenceChoiceComparator } from './prevalence-choice';
import { UuidNumbers } from './uuid-numbers';

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

// Indicators, age groups and classes are numbered as the cells store them (cell-codes.ts), in byte order, the order
// of the cells' primary key: cells come out of the build in that order, and the key, created after them, then finds
// them sorted. A class is its position + 1 (0: no class).
const INDICATOR_NAMES = INDICATOR_ORDER;
const AGE_GROUPS = AGE_GROUP_ORDER;
const AGE_LIMITS = AGE_GROUPS.map((group) => MAX_AGE_DAYS[group]);
const CLASS_CODES = CLASS_ORDER.map((classes) => new Map(classes.map((code, i) => [code, i + 1])));
const STRIDE = INDICATOR_NAMES.length;
const VOIDED = 0x80;

/**
 * The prevalence aggregate built in memory while a rebuild reads the measurement events once, instead of sorting
 * every version in the database afterwards. It keeps each measurement's latest version in typed columns (a few dozen
 * bytes per measurement), then chooses per surviving child, period, indicator and age group as the SQL build and
 * the exact query do (prevalence-aggregate.ts, PrevalenceQuery): among the latest version of each measurement, voided
 * ones gone, by the rule of prevalence-choice.ts. The int tests hold the three to the same rows.
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
    // The choice rule but for the flag, which is per indicator: applied below, per cell.
    const latestFirst = prevalenceChoiceComparator<number, 'flagged'>(
      {
        measuredOn: (a, b) => this.measuredOn[a] - this.measuredOn[b],
        recordedAt: (a, b) => this.recordedAt[a] - this.recordedAt[b],
        measurementId: (a, b) => this.measurements.compare(a, b),
      },
      ['flagged'],
    );
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
