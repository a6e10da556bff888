// One file over 300 lines: PostgreSQL's binary COPY format (header, each column type's encoding, the stream) is one
// specification, read top to bottom beside the protocol's documentation.
import type { Writable } from 'node:stream';
import { escapeIdentifier, type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | Int32Array | null;

/** The column types BinaryCopy encodes, and the JavaScript value each takes (null is NULL for all). */
export type CopyColumnType =
  | 'uuid' // a UUID string
  | 'text' // a string
  | 'int2' // an integer of 16 bits
  | 'int4' // an integer
  | 'bool' // a boolean
  | 'date' // 'YYYY-MM-DD'
  | 'timestamptz' // an ISO 8601 instant, at most millisecond precision
  | 'numeric' // a finite number, written with the digits String() gives it (the column's scale then rounds it)
  | 'int4[]'; // an Int32Array, a one-dimensional array without nulls

export type CopyColumn = readonly [name: string, type: CopyColumnType];

/** COPY's binary signature, flags and header extension length. */
const HEADER = Buffer.from([...Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), 0, 0, 0, 0, 0, 0, 0, 0]);
const CHUNK_BYTES = 1 << 18;
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const MS_PER_DAY = 86_400_000;
const TWO_TO_32 = 2 ** 32;
const NUMERIC_NEGATIVE = 0x4000;
/** The int4 type's oid, which an array's binary form names. */
const INT4_TYPE = 23;

/**
 * Rows written with COPY … FROM STDIN (FORMAT binary) in the client's transaction, each value encoded straight into
 * the bytes PostgreSQL stores: neither side composes, escapes or parses text (composing COPY text and turning it into
 * bytes was a fifth of a rebuild in Node, parsing it most of PostgreSQL's share). Rows go out in chunks as they fill;
 * `add` is synchronous, `ready` waits while the server is behind, `end` finishes the COPY. The client runs nothing
 * else until then.
 */
export class BinaryCopy {
  private chunk: Buffer;
  private at = 0;
  private drained: Promise<void> | null = null;
  private failure: Error | null = null;
  private readonly done: Promise<void>;

  /** Without a stream: an encoder of fields only (BinaryCopy.encode). */
  private constructor(
    private readonly stream: Writable | null,
    private readonly types: readonly CopyColumnType[],
  ) {
    this.done = new Promise((resolve, reject) => {
      stream?.on('finish', resolve);
      stream?.on('error', (error: Error) => {
        this.failure = error;
        reject(error);
      });
    });
    // Awaited by `end` (or `ready`); until then a failure must not surface as an unhandled rejection.
    this.done.catch(() => undefined);
    this.chunk = Buffer.allocUnsafe(stream ? CHUNK_BYTES : 64);
    if (stream) {
      HEADER.copy(this.chunk);
      this.at = HEADER.length;
    }
  }

  static start(client: PoolClient, table: string, columns: readonly CopyColumn[]): BinaryCopy {
    const target = `${table.split('.').map(escapeIdentifier).join('.')} (${columns.map(([name]) => escapeIdentifier(name)).join(', ')})`;
    const stream = client.query(copyFrom(`COPY ${target} FROM STDIN (FORMAT binary)`));
    return new BinaryCopy(
      stream,
      columns.map(([, type]) => type),
    );
  }

  /** Encodes one row, its values in the columns' order. */
  add(row: readonly CopyValue[]): void {
    const { types } = this;
    if (row.length !== types.length) throw new Error(`BinaryCopy: ${row.length} values for ${types.length} columns`);
    this.room(2);
    this.at = this.chunk.writeInt16BE(types.length, this.at);
    for (let i = 0; i < types.length; i += 1) this.field(types[i], row[i]);
  }

  /**
   * Starts a row written part by part (`encoded`, `value`), for loops over millions of rows whose fields repeat:
   * encode those once (BinaryCopy.encode) and pass the bytes. The parts must make exactly the columns, in order.
   */
  row(): this {
    this.room(2);
    this.at = this.chunk.writeInt16BE(this.types.length, this.at);
    return this;
  }

  /** Fields encoded beforehand by BinaryCopy.encode, as the next columns of the row. */
  encoded(fields: Buffer): this {
    this.room(fields.length);
    // A loop: Buffer#copy costs more than it copies for the few bytes of a field or two.
    const { chunk } = this;
    for (let i = 0; i < fields.length; i += 1) chunk[this.at + i] = fields[i];
    this.at += fields.length;
    return this;
  }

  /** One value as the next column of the row, of that column's type (`column` is its index). */
  value(column: number, value: CopyValue): this {
    this.field(this.types[column], value);
    return this;
  }

  /** Values of the given types in COPY's binary field format, for BinaryCopy.encoded. */
  static encode(types: readonly CopyColumnType[], values: readonly CopyValue[]): Buffer {
    const encoder = new BinaryCopy(null, types);
    for (let i = 0; i < types.length; i += 1) encoder.field(types[i], values[i]);
    return Buffer.from(encoder.chunk.subarray(0, encoder.at));
  }

  /** Resolves once the server has taken what was sent, far enough to send more. */
  async ready(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.drained) await this.drained;
  }

  /** Sends the rest and the trailer, and waits for the server to have stored every row. */
  async end(): Promise<void> {
    this.room(2);
    this.at = this.chunk.writeInt16BE(-1, this.at);
    this.flush();
    this.stream?.end();
    await this.done;
  }

  private field(type: CopyColumnType, value: CopyValue): void {
    if (value === null) {
      this.room(4);
      this.at = this.chunk.writeInt32BE(-1, this.at);
      return;
    }
    switch (type) {
      case 'uuid':
        return this.uuid(String(value));
      case 'text':
        return this.text(String(value));
      case 'int2':
        this.room(6);
        this.at = this.chunk.writeInt32BE(2, this.at);
        this.at = this.chunk.writeInt16BE(Number(value), this.at);
        return;
      case 'int4':
        this.room(8);
        this.at = this.chunk.writeInt32BE(4, this.at);
        this.at = this.chunk.writeInt32BE(Number(value), this.at);
        return;
      case 'bool':
        this.room(5);
        this.at = this.chunk.writeInt32BE(1, this.at);
        this.chunk[this.at++] = value === true ? 1 : 0;
        return;
      case 'date':
        this.room(8);
        this.at = this.chunk.writeInt32BE(4, this.at);
        this.at = this.chunk.writeInt32BE(daysSince2000(String(value)), this.at);
        return;
      case 'timestamptz':
        return this.timestamp(String(value));
      case 'numeric':
        return this.numeric(Number(value));
      case 'int4[]':
        return this.int4Array(value as Int32Array);
    }
  }

  private uuid(value: string): void {
    this.room(20);
    const { chunk } = this;
    this.at = chunk.writeInt32BE(16, this.at);
    let digits = 0;
    let high = -1;
    for (let i = 0; i < value.length; i += 1) {
      const c = value.charCodeAt(i);
      if (c === 45 /* - */) continue;
      const digit = hexDigit(c);
      if (digit < 0 || digits === 32) throw new Error(`BinaryCopy: not a UUID: ${value}`);
      digits += 1;
      if (high < 0) high = digit;
      else {
        chunk[this.at++] = high * 16 + digit;
        high = -1;
      }
    }
    if (digits !== 32) throw new Error(`BinaryCopy: not a UUID: ${value}`);
  }

  private text(value: string): void {
    // At most three bytes per UTF-16 unit; the length is written once the bytes are.
    this.room(4 + 3 * value.length);
    const length = this.chunk.write(value, this.at + 4, 'utf8');
    this.chunk.writeInt32BE(length, this.at);
    this.at += 4 + length;
  }

  private timestamp(value: string): void {
    const ms = instantMs(value);
    if (Number.isNaN(ms)) throw new Error(`BinaryCopy: not an instant: ${value}`);
    // Microseconds since 2000-01-01 as a signed 64-bit integer: exact in a double for any date of this era.
    const micros = (ms - POSTGRES_EPOCH_MS) * 1000;
    const high = Math.floor(micros / TWO_TO_32);
    this.room(12);
    this.at = this.chunk.writeInt32BE(8, this.at);
    this.at = this.chunk.writeInt32BE(high, this.at);
    this.at = this.chunk.writeUInt32BE(micros - high * TWO_TO_32, this.at);
  }

  /** An array's binary form: dimensions, no nulls, the element type (int4), its length and lower bound, the elements. */
  private int4Array(values: Int32Array): void {
    this.room(24 + 8 * values.length);
    const { chunk } = this;
    let at = chunk.writeInt32BE(20 + 8 * values.length, this.at);
    at = chunk.writeInt32BE(1, at);
    at = chunk.writeInt32BE(0, at);
    at = chunk.writeInt32BE(INT4_TYPE, at);
    at = chunk.writeInt32BE(values.length, at);
    at = chunk.writeInt32BE(1, at);
    // Byte by byte: writeInt32BE's checks cost more than the writes for a vector of small counts.
    for (let i = 0; i < values.length; i += 1) {
      const value = values[i];
      chunk[at] = 0;
      chunk[at + 1] = 0;
      chunk[at + 2] = 0;
      chunk[at + 3] = 4;
      chunk[at + 4] = value >>> 24;
      chunk[at + 5] = (value >>> 16) & 255;
      chunk[at + 6] = (value >>> 8) & 255;
      chunk[at + 7] = value & 255;
      at += 8;
    }
    this.at = at;
  }

  /** numeric's binary form: base-10000 digits, the weight of the first, the sign and the decimal scale. */
  private numeric(value: number): void {
    if (!Number.isFinite(value)) throw new Error(`BinaryCopy: not a finite number: ${value}`);
    const ten000ths = Math.round(Math.abs(value) * 10_000);
    // Most values (z-scores, measures) have at most four decimals and fit in two digits of 10,000: those directly.
    if (ten000ths < 1e8 && ten000ths / 10_000 === Math.abs(value)) return this.smallNumeric(value < 0, ten000ths);
    const { digits, point } = decimalDigits(Math.abs(value));
    const scale = Math.max(0, digits.length - point);
    // Padded so the decimal point falls between groups of four digits.
    const left = (4 - (point % 4)) % 4;
    const padded = '0'.repeat(left) + digits + '0'.repeat((4 - ((left + digits.length) % 4)) % 4);
    const groups: number[] = [];
    for (let i = 0; i < padded.length; i += 4) groups.push(Number(padded.slice(i, i + 4)));
    let weight = (left + point) / 4 - 1;
    let first = 0;
    while (first < groups.length && groups[first] === 0) {
      first += 1;
      weight -= 1;
    }
    let last = groups.length;
    while (last > first && groups[last - 1] === 0) last -= 1;
    const count = last - first;
    this.room(12 + 2 * count);
    this.at = this.chunk.writeInt32BE(8 + 2 * count, this.at);
    this.at = this.chunk.writeInt16BE(count, this.at);
    this.at = this.chunk.writeInt16BE(count === 0 ? 0 : weight, this.at);
    this.at = this.chunk.writeUInt16BE(value < 0 && count > 0 ? NUMERIC_NEGATIVE : 0, this.at);
    this.at = this.chunk.writeInt16BE(scale, this.at);
    for (let i = first; i < last; i += 1) this.at = this.chunk.writeInt16BE(groups[i], this.at);
  }

  /** A numeric below 10,000 with at most four decimals, given in 10,000ths, with the scale String() gives it. */
  private smallNumeric(negative: boolean, ten000ths: number): void {
    const whole = Math.floor(ten000ths / 10_000);
    const fraction = ten000ths - whole * 10_000;
    const scale = fraction === 0 ? 0 : fraction % 10 ? 4 : fraction % 100 ? 3 : fraction % 1000 ? 2 : 1;
    const count = (whole > 0 ? 1 : 0) + (fraction > 0 ? 1 : 0);
    this.room(12 + 2 * count);
    this.at = this.chunk.writeInt32BE(8 + 2 * count, this.at);
    this.at = this.chunk.writeInt16BE(count, this.at);
    this.at = this.chunk.writeInt16BE(whole > 0 || count === 0 ? 0 : -1, this.at);
    this.at = this.chunk.writeUInt16BE(negative && count > 0 ? NUMERIC_NEGATIVE : 0, this.at);
    this.at = this.chunk.writeInt16BE(scale, this.at);
    if (whole > 0) this.at = this.chunk.writeInt16BE(whole, this.at);
    if (fraction > 0) this.at = this.chunk.writeInt16BE(fraction, this.at);
  }

  /** Makes room for `bytes` more in the current chunk, sending the chunk when it has not. */
  private room(bytes: number): void {
    if (this.at + bytes <= this.chunk.length) return;
    if (!this.stream) {
      // An encoder (BinaryCopy.encode) keeps its fields in one growing buffer.
      const larger = Buffer.allocUnsafe(2 * (this.at + bytes));
      this.chunk.copy(larger, 0, 0, this.at);
      this.chunk = larger;
      return;
    }
    this.flush();
    this.chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
  }

  private flush(): void {
    if (this.at === 0) return;
    const stream = this.stream!;
    const full = this.chunk.subarray(0, this.at);
    this.at = 0;
    if (!stream.write(full) && !this.drained) {
      this.drained = new Promise<void>((resolve) => stream.once('drain', resolve)).then(() => {
        this.drained = null;
      });
    }
  }
}

const hexDigit = (c: number): number => {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
};

/** The number written in s[from, to) in decimal digits, or NaN. */
const digitsAt = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
};

/** Milliseconds of a real calendar day given as 'YYYY-MM-DD' at s[0, 10), or NaN (read digit by digit: parsing a
 * composed string was a tenth of writing a row). */
const dayAt = (s: string): number => {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 7);
  const day = digitsAt(s, 8, 10);
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).getUTCDate() === day && month >= 1 && month <= 12 ? ms : NaN;
};

const daysSince2000 = (date: string): number => {
  const ms = date.length === 10 ? dayAt(date) : NaN;
  if (Number.isNaN(ms)) throw new Error(`BinaryCopy: not a date: ${date}`);
  return (ms - POSTGRES_EPOCH_MS) / MS_PER_DAY;
};

/** Milliseconds of an ISO instant; 'YYYY-MM-DDTHH:MM:SS.mmmZ' (toISOString's form) read digit by digit. */
const instantMs = (value: string): number => {
  if (
    value.length !== 24 ||
    value[10] !== 'T' ||
    value[13] !== ':' ||
    value[16] !== ':' ||
    value[19] !== '.' ||
    value[23] !== 'Z'
  )
    return Date.parse(value);
  const day = dayAt(value);
  const hours = digitsAt(value, 11, 13);
  const minutes = digitsAt(value, 14, 16);
  const seconds = digitsAt(value, 17, 19);
  const ms = digitsAt(value, 20, 23);
  if (hours > 23 || minutes > 59 || seconds > 59) return NaN;
  return day + ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
};

/**
 * The decimal digits of a non-negative finite number as String() writes it, and where the point falls in them
 * (0 to digits.length: an exponent's zeros are written out).
 */
function decimalDigits(value: number): { readonly digits: string; readonly point: number } {
  const [mantissa, exponent = '0'] = String(value).split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point < 0) return { digits: '0'.repeat(-point) + digits, point: 0 };
  if (point > digits.length) return { digits: digits + '0'.repeat(point - digits.length), point };
  return { digits, point };
}
