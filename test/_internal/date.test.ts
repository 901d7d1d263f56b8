import { describe, expect, it } from 'vitest';
import { isoDateNumber } from '../../src/_internal/date';

describe('isoDateNumber', () => {
  it('takes each of the eight digits only when it is 0…9, and numbers a date as YYYYMMDD', () => {
    // the reference: a pattern of digits and the calendar of Date.UTC
    const reference = (s: string): number => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (m === null) return -1;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const at = new Date(Date.UTC(2000, mo - 1, d));
      at.setUTCFullYear(y);
      return mo >= 1 && mo <= 12 && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d ? y * 10_000 + mo * 100 + d : -1;
    };
    // every place of five dates with each byte from '*' to 'A': '/' and ':' border the digits
    for (const base of ['2024-02-29', '1999-12-31', '2025-03-31', '2025-01-01', '2025-03-10']) {
      for (let place = 0; place < 10; place++) {
        for (let c = 42; c <= 65; c++) {
          const s = base.slice(0, place) + String.fromCharCode(c) + base.slice(place + 1);
          expect([s, isoDateNumber(s)]).toEqual([s, reference(s)]);
        }
      }
    }
    expect(isoDateNumber('2025-01-09')).toBe(20_250_109);
  });
});
