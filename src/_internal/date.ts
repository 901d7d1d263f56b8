/**
 * Calendar dates written `YYYY-MM-DD`, read once into a number: the one calendar check of the
 * sanctions and the registry modules (ISO 8601, the Gregorian calendar; a leap year is divisible
 * by 4, and by 400 when it is by 100).
 *
 * @module
 */

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The date `s` written `YYYY-MM-DD` as the number YYYYMMDD (in the order of the strings), or −1
 * when `s` is not a real calendar date so written. Its eight digits are checked together: a digit
 * is one whose value and nine less it are both non-negative.
 */
export function isoDateNumber(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const y0 = s.charCodeAt(0) - 48;
  const y1 = s.charCodeAt(1) - 48;
  const y2 = s.charCodeAt(2) - 48;
  const y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48;
  const m1 = s.charCodeAt(6) - 48;
  const d0 = s.charCodeAt(8) - 48;
  const d1 = s.charCodeAt(9) - 48;
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1 | (9 - y0) | (9 - y1) | (9 - y2) | (9 - y3) | (9 - m0) | (9 - m1) | (9 - d0) | (9 - d1)) < 0) return -1;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return -1;
  if (day > 28) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    if (day > (month === 2 && leap ? 29 : (DAYS[month - 1] as number))) return -1;
  }
  return year * 10_000 + month * 100 + day;
}
