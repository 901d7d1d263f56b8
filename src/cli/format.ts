/**
 * Fast text of money amounts for CSV output.
 *
 * @module
 */
import { formatDecimal } from '../_internal/format';
import type { X } from '../shared';

function digitCount9(n: number): number {
  return n < 10_000 ? (n < 10 ? 1 : n < 100 ? 2 : n < 1_000 ? 3 : 4) : n < 100_000 ? 5 : n < 1_000_000 ? 6 : n < 10_000_000 ? 7 : n < 100_000_000 ? 8 : 9;
}

/**
 * The whole kopecks of a non-negative Decimal, or −1 when it is negative (−0 included), has
 * more than two decimals or is too large for a safe integer. Read through the Decimal's public
 * methods only.
 */
export function wholeKopecks(x: X): number {
  if (x.isNegative() || !x.isFinite()) return -1;
  const k = x.times(100);
  if (!k.isInteger() || k.gt(Number.MAX_SAFE_INTEGER)) return -1;
  return k.toNumber();
}

/**
 * Rubles as a CSV number cell: exactly two decimals, the given decimal mark, no grouping and an
 * ASCII hyphen for a minus, so that Excel and programs read it as a number (the CSV rule of
 * `formatRubles`): 1234.5 → "1234.50" / "1234,50". Whole kopecks ≥ 0 take the integer fast path
 * (the same text as {@link putKopecks} writes); anything else goes through the one formatter.
 */
export function moneyText(x: X, mark: '.' | ','): string {
  const k = wholeKopecks(x);
  if (k < 0) return formatDecimal(x, 2, { grouping: false, decimalComma: mark === ',', sign: 'hyphen' });
  const r = k % 100;
  return `${(k - r) / 100}${mark}${r < 10 ? '0' : ''}${r}`;
}

/** The most bytes {@link putKopecks} writes: 14 digits of rubles (safe integers), the mark, 2 digits. */
export const MAX_KOPECKS_BYTES = 17;

/** Writes `n` (a safe integer ≥ 0) in decimal digits at `b[at]`; returns the position after. No bounds check. */
export function putUint(b: Buffer, at: number, n: number): number {
  const digits = n < 1e9 ? digitCount9(n) : String(n).length;
  let i = at + digits - 1;
  let v = n;
  if (v < 2_147_483_648) {
    while (v >= 10) {
      const q = (v / 10) | 0;
      b[i--] = 48 + v - q * 10;
      v = q;
    }
  } else {
    while (v >= 10) {
      const q = Math.floor(v / 10);
      b[i--] = 48 + v - q * 10;
      v = q;
    }
  }
  b[i] = 48 + v;
  return at + digits;
}

/** Writes `k` kopecks (a safe integer ≥ 0) as rubles with two decimals and `mark`; returns the position after. No bounds check. */
export function putKopecks(b: Buffer, at: number, k: number, mark: number): number {
  const r = k % 100;
  let i = putUint(b, at, (k - r) / 100);
  b[i++] = mark;
  const tens = (r / 10) | 0;
  b[i++] = 48 + tens;
  b[i++] = 48 + r - tens * 10;
  return i;
}

/** Writes an ASCII string at `b[at]`; returns the position after. No bounds check. */
export function putAscii(b: Buffer, at: number, s: string): number {
  let i = at;
  for (let j = 0; j < s.length; j++) b[i++] = s.charCodeAt(j);
  return i;
}

/**
 * A growing byte buffer for CSV output: plain fields (numbers, codes, ASCII ids) are written as
 * bytes directly, without building strings; anything else is written as UTF-8 text (a field that
 * needs quoting is quoted by csv-stringify before it gets here).
 */
export class CsvBytes {
  #buffer: Buffer;
  #at = 0;

  constructor(readonly capacity = 64 * 1024) {
    this.#buffer = Buffer.allocUnsafe(capacity);
  }

  #room(n: number): void {
    if (this.#at + n <= this.#buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.#buffer.length * 2, this.#at + n));
    this.#buffer.copy(bigger, 0, 0, this.#at);
    this.#buffer = bigger;
  }

  /** The number of bytes written so far. */
  get length(): number {
    return this.#at;
  }

  /**
   * Makes room for `n` more bytes and returns the buffer: write from {@link CsvBytes.position}
   * with the `put…` functions, then {@link CsvBytes.advance} to the end of what was written.
   */
  reserve(n: number): Buffer {
    this.#room(n);
    return this.#buffer;
  }

  /** Where the next byte goes in the buffer of {@link CsvBytes.reserve}. */
  get position(): number {
    return this.#at;
  }

  /** Marks the bytes up to `to` (written into the reserved room) as written. */
  advance(to: number): void {
    this.#at = to;
  }

  /** One byte (an ASCII character code). */
  byte(c: number): void {
    this.#room(1);
    this.#buffer[this.#at++] = c;
  }

  /** A string of ASCII characters (digits, codes, fixed words). */
  ascii(s: string): void {
    this.#room(s.length);
    this.#at = putAscii(this.#buffer, this.#at, s);
  }

  /** Any string, as UTF-8. */
  text(s: string): void {
    this.#room(s.length * 3);
    this.#at += this.#buffer.write(s, this.#at, 'utf8');
  }

  /** A whole number ≥ 0 in decimal digits. */
  uint(n: number): void {
    this.#room(21);
    this.#at = putUint(this.#buffer, this.#at, n);
  }

  /** An amount in rubles with two decimals and the given decimal mark. */
  money(x: X, mark: number): void {
    const k = wholeKopecks(x);
    if (k < 0) this.ascii(moneyText(x, mark === 44 ? ',' : '.'));
    else this.kopecks(k, mark);
  }

  /** A whole number of kopecks ≥ 0 as rubles with two decimals and the given decimal mark. */
  kopecks(k: number, mark: number): void {
    this.#room(MAX_KOPECKS_BYTES);
    this.#at = putKopecks(this.#buffer, this.#at, k, mark);
  }

  /** The bytes written so far, not copied: valid until the next write. */
  view(): Buffer {
    return this.#buffer.subarray(0, this.#at);
  }

  /** The bytes written, handed over; the writer starts a new buffer. */
  take(): Buffer {
    const out = this.#buffer.subarray(0, this.#at);
    this.#buffer = Buffer.allocUnsafe(this.capacity);
    this.#at = 0;
    return out;
  }
}

/** Whether a string is printable ASCII without the CSV specials (`"`, `;`, `,`, line breaks). */
export function plainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126 || c === 34 || c === 59 || c === 44) return false;
  }
  return true;
}
