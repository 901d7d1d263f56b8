/**
 * Bytes of the CSV path: a growing output buffer, digits and kopecks written as bytes, CSV and
 * JSON cells, UTF-8 checks and the windows-1251 → UTF-8 transcoding.
 *
 * @module
 */
import { formatDecimal, type X } from '../_internal';

const encoder = new TextEncoder();

/** The most bytes {@link putKopecks} writes: 14 digits of rubles (safe integers), the mark, 2 digits. */
export const MAX_KOPECKS_BYTES = 17;

/** "00" … "99" as bytes, two by two. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 48 + (i % 2 === 0 ? ((i / 20) | 0) : (i >> 1) % 10));

/** Powers of ten up to 10⁹. */
const POW10 = Int32Array.from({ length: 10 }, (_, i) => 10 ** i);

/** Writes `n` (0 ≤ n < 2³¹) at `b[at]` in int32 arithmetic; returns the position after. */
function putInt32(b: Uint8Array, at: number, n: number): number {
  let v = n | 0;
  // The number of digits from the number of bits (log10 2 ≈ 1233 / 4096) and one comparison, not
  // a comparison per digit: v | 1 has as many digits as v, and one for 0.
  const u = v | 1;
  const t = ((32 - Math.clz32(u)) * 1233) >>> 12;
  const digits = t + (u >= (POW10[t] as number) ? 1 : 0);
  let i = at + digits;
  while (v >= 100) {
    const q = (v / 100) | 0;
    const r = (v - q * 100) << 1;
    b[--i] = PAIRS[r + 1] as number;
    b[--i] = PAIRS[r] as number;
    v = q;
  }
  if (v >= 10) {
    b[--i] = PAIRS[2 * v + 1] as number;
    b[--i] = PAIRS[2 * v] as number;
  } else b[--i] = 48 + v;
  return at + digits;
}

/** Writes `n` (a safe integer ≥ 0) in decimal digits at `b[at]`; returns the position after. */
export function putUint(b: Uint8Array, at: number, n: number): number {
  if (n < 2_147_483_648) return putInt32(b, at, n);
  // exact for a safe n, as in roundHundredths (./kopecks)
  const high = Math.floor(n / 1e9);
  // the low nine digits, zero-padded, after the high ones (n < 2⁵³: high < 2³¹)
  let low = n - high * 1e9;
  const i = putInt32(b, at, high) + 9;
  for (let j = i - 1; j >= i - 9; j--) {
    const q = (low / 10) | 0;
    b[j] = 48 + low - q * 10;
    low = q;
  }
  return i;
}

/** Writes `k` kopecks (a safe integer ≥ 0) as rubles with two decimals and `mark`; returns the position after. */
export function putKopecks(b: Uint8Array, at: number, k: number, mark: number): number {
  if (k === 0) {
    b[at] = 48;
    b[at + 1] = mark;
    b[at + 2] = 48;
    b[at + 3] = 48;
    return at + 4;
  }
  let i: number;
  let r: number;
  if (k < 2_147_483_648) {
    const v = k | 0;
    const rubles = (v / 100) | 0;
    r = (v - rubles * 100) << 1;
    i = putInt32(b, at, rubles);
  } else {
    const rubles = Math.floor(k / 100); // exact for a safe k, as in roundHundredths (./kopecks)
    r = (k - rubles * 100) * 2;
    i = putUint(b, at, rubles);
  }
  b[i] = mark;
  b[i + 1] = PAIRS[r] as number;
  b[i + 2] = PAIRS[r + 1] as number;
  return i + 3;
}

/** Writes an ASCII string at `b[at]`; returns the position after. */
export function putAscii(b: Uint8Array, at: number, s: string): number {
  let i = at;
  for (let j = 0; j < s.length; j++) b[i++] = s.charCodeAt(j);
  return i;
}

/** The bytes of `parts` in one array (the one part itself when there is only one). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The bytes as little-endian 32-bit words, at least `count` of them, zeros past the bytes' end. */
export function littleEndianWords(bytes: Uint8Array, count = 0): Uint32Array {
  const padded = new Uint8Array(4 * Math.max(count, Math.ceil(bytes.length / 4)));
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  return Uint32Array.from({ length: padded.length / 4 }, (_, k) => view.getUint32(4 * k, true));
}

/**
 * Writes the 8 bytes of the little-endian words `low`, `high` at `at` of `view` and returns the
 * position `length` (≤ 8) bytes on: a field of 8 bytes or fewer in two writes, the bytes past
 * `length` left to the next write ({@link ByteSink.view}).
 */
export function putWords(view: DataView, at: number, low: number, high: number, length: number): number {
  view.setUint32(at, low, true);
  view.setUint32(at + 4, high, true);
  return at + length;
}

/** As {@link putWords}, with three words: a field of 12 bytes or fewer in three writes. */
export function putWords3(view: DataView, at: number, low: number, middle: number, high: number, length: number): number {
  view.setUint32(at, low, true);
  view.setUint32(at + 4, middle, true);
  view.setUint32(at + 8, high, true);
  return at + length;
}

/** A growing byte buffer, handed over in pieces. */
export class ByteSink {
  buffer: Uint8Array;
  at = 0;

  capacity: number;

  constructor(capacity = 1 << 16) {
    this.capacity = capacity;
    this.buffer = new Uint8Array(capacity);
    this.view = new DataView(this.buffer.buffer);
  }

  /**
   * A view of {@link ByteSink.buffer} for writes of four bytes at a time. A writer may write up to
   * 8 bytes past its position when the bytes it keeps are fewer: the room it asked for covers
   * them, and what it writes next overwrites them (or they lie past its end, never handed over).
   */
  view: DataView;

  /** Makes room for `n` more bytes; returns the buffer to write into from {@link ByteSink.at}. */
  room(n: number): Uint8Array {
    if (this.at + n > this.buffer.length) {
      const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.at + n));
      bigger.set(this.buffer.subarray(0, this.at));
      this.buffer = bigger;
      this.view = new DataView(bigger.buffer);
    }
    return this.buffer;
  }

  /** Any string, as UTF-8. */
  text(s: string): void {
    const b = this.room(s.length * 3);
    this.at += encoder.encodeInto(s, b.subarray(this.at)).written;
  }

  /** The bytes written so far, handed over (`undefined` when none); the sink starts a new buffer. */
  take(): Uint8Array | undefined {
    if (this.at === 0) return undefined;
    const out = this.buffer.subarray(0, this.at);
    // the next buffer as large as this output was: no growing and copying chunk after chunk
    if (this.at > this.capacity) this.capacity = Math.min(this.at + (this.at >> 3), 1 << 24);
    this.buffer = new Uint8Array(this.capacity);
    this.view = new DataView(this.buffer.buffer);
    this.at = 0;
    return out;
  }
}

/** Rubles as a CSV or JSON number: two decimals, the mark, no grouping, an ASCII hyphen for a minus. */
export function moneyText(x: X, mark: '.' | ','): string {
  if (!x.isNegative() && x.isFinite()) {
    const h = x.times(100);
    if (h.isInteger() && h.lte(Number.MAX_SAFE_INTEGER)) {
      const k = h.toNumber();
      const r = k % 100;
      return `${(k - r) / 100}${mark}${r < 10 ? '0' : ''}${r}`;
    }
  }
  return formatDecimal(x, 2, { grouping: false, decimalComma: mark === ',', sign: 'hyphen' });
}

/** A CSV cell: quoted (quotes doubled) when it holds the delimiter, a quote or a line break. */
export function csvCell(s: string, delimiter: string): string {
  if (s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r')) return `"${s.replaceAll('"', '""')}"`;
  return s;
}

/** Whether `b[s…e)` is well-formed UTF-8. */
export function validUtf8(b: Uint8Array, s: number, e: number): boolean {
  let i = s;
  while (i < e) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xc2 && c <= 0xdf) {
      // two bytes (Cyrillic among them): any continuation byte makes a valid character
      if (i + 1 >= e || ((b[i + 1] as number) & 0xc0) !== 0x80) return false;
      i += 2;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return false;
    if (i + need >= e) return false;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const x = b[i + k] as number;
      if ((x & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/** Whether `b` reads as UTF-8; unless `final`, a character cut at its end is not held against it. */
export function looksUtf8(b: Uint8Array, final: boolean): boolean {
  let end = b.length;
  if (!final) {
    // a character cut at the end of what is read so far is not held against the file
    let j = end - 1;
    let back = 0;
    while (j >= 0 && back < 3 && ((b[j] as number) & 0xc0) === 0x80) {
      j--;
      back++;
    }
    if (j >= 0 && (b[j] as number) >= 0xc0) end = j;
  }
  return validUtf8(b, 0, end);
}

/** windows-1251 bytes 0x80…0xFF as Unicode code points (WHATWG Encoding; 0x98 is U+0098). */
const CP1251_HIGH = [
  0x0402, 0x0403, 0x201a, 0x0453, 0x201e, 0x2026, 0x2020, 0x2021, 0x20ac, 0x2030, 0x0409, 0x2039, 0x040a, 0x040c, 0x040b, 0x040f,
  0x0452, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x0098, 0x2122, 0x0459, 0x203a, 0x045a, 0x045c, 0x045b, 0x045f,
  0x00a0, 0x040e, 0x045e, 0x0408, 0x00a4, 0x0490, 0x00a6, 0x00a7, 0x0401, 0x00a9, 0x0404, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x0407,
  0x00b0, 0x00b1, 0x0406, 0x0456, 0x0491, 0x00b5, 0x00b6, 0x00b7, 0x0451, 0x2116, 0x0454, 0x00bb, 0x0458, 0x0405, 0x0455, 0x0457,
];

/** The UTF-8 bytes of windows-1251 bytes (one byte → one character, so any cut between chunks is safe). */
export function utf8FromCp1251(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length * 3);
  let at = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i] as number;
    if (c < 0x80) {
      out[at++] = c;
      continue;
    }
    const cp = c >= 0xc0 ? 0x0410 + (c - 0xc0) : (CP1251_HIGH[c - 0x80] as number);
    if (cp < 0x800) {
      out[at++] = 0xc0 | (cp >> 6);
      out[at++] = 0x80 | (cp & 0x3f);
    } else {
      out[at++] = 0xe0 | (cp >> 12);
      out[at++] = 0x80 | ((cp >> 6) & 0x3f);
      out[at++] = 0x80 | (cp & 0x3f);
    }
  }
  return out.subarray(0, at);
}
