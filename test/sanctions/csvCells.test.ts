import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateText, numberText, violationsOf } from '../../src/sanctions/csvCells';
import { detectDelimiter, splitRecord } from '../../src/sanctions/csvEngine';
import { utf8FromCp1251, validUtf8 } from '../../src/sanctions/csvBytes';

describe('reading the cells of the cases file', () => {
  it('numbers: decimal comma or point, spaces as thousands separators', () => {
    expect(['1234,56', '1234.56', '1 234,56', '1\u00a0234,5', ' 7 ', '', undefined, '1,2,3'].map(numberText)).toEqual([
      '1234.56',
      '1234.56',
      '1234.56',
      '1234.5',
      '7',
      undefined,
      undefined,
      '1,2,3',
    ]);
  });

  it('violations: codes between bars, recomputed tariffs after : or =, trailing dots dropped', () => {
    expect(violationsOf('3.2.1|1.4.1')).toEqual(['3.2.1', '1.4.1']);
    expect(violationsOf(' 3.2.1. | 2.16.1:8 000,50 |2.16.2=10')).toEqual(['3.2.1', { code: '2.16.1', recomputedTariff: '8000.50' }, { code: '2.16.2', recomputedTariff: '10' }]);
    expect(violationsOf('')).toEqual([]);
    expect(violationsOf('||1.2||')).toEqual(['1.2']);
  });

  it('dates: ISO as it is, DD.MM.YYYY turned into ISO', () => {
    expect(['2025-03-01', '01.03.2025', ' 2025-03-01 ', '', 'март'].map(dateText)).toEqual(['2025-03-01', '2025-03-01', '2025-03-01', undefined, 'март']);
  });

  it('the delimiter is the one the header uses most: ;, tab or ,', () => {
    expect(['id;tariff;violations', 'id,tariff,violations', '"a;b",c,d', 'tariff', 'id\ttariff\tviolations', 'a,b\tc;d'].map(detectDelimiter)).toEqual([';', ',', ',', ',', '\t', ';']);
  });

  it('records: quoted fields with the delimiter, doubled quotes and line breaks; a quote inside a field is data', () => {
    expect(splitRecord('a;"b;c";"d""e";"f\r\ng"', ';')).toEqual(['a', 'b;c', 'd"e', 'f\r\ng']);
    expect(splitRecord('x"y;"z"w;', ';')).toEqual(['x"y', 'zw', '']);
  });
});

describe('encodings', () => {
  it('windows-1251 becomes the UTF-8 of the same text (every byte, as the WHATWG decoder reads it)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(new TextDecoder().decode(utf8FromCp1251(all))).toBe(new TextDecoder('windows-1251').decode(all));
  });

  it('tells UTF-8 from other bytes', () => {
    const ok = new TextEncoder().encode('Ёж 𝄞 €');
    expect(validUtf8(ok, 0, ok.length)).toBe(true);
    expect(validUtf8(ok, 0, 2)).toBe(true);
    expect(validUtf8(ok, 0, 1)).toBe(false); // a character cut
    for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xcd, 0xee]]) expect(validUtf8(Uint8Array.from(bad), 0, bad.length)).toBe(false);
  });

  it('agrees with a fatal TextDecoder on any bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const decodes = (b: Uint8Array): boolean => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    // bytes around the boundaries of UTF-8: ASCII, continuation bytes, and every kind of lead byte
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x41, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xd0, 0xd1, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (xs) => {
        const b = Uint8Array.from(xs);
        expect(validUtf8(b, 0, b.length)).toBe(decodes(b));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('bounded memory', () => {
  it('a line longer than 1 MiB, or a quote open for 1 MiB, is an error naming its line, before the file ends', async () => {
    const { CsvEngine, MAX_RECORD_BYTES } = await import('../../src/sanctions/csvEngine');
    const { csvSetup } = await import('../../src/sanctions/csvOptions');
    const long = new CsvEngine(csvSetup({}, 'test'));
    long.write(new TextEncoder().encode('tariff;violations\n1;1.2\n'));
    const chunk = new Uint8Array(1 << 18).fill(55);
    expect(() => {
      for (let i = 0; i <= MAX_RECORD_BYTES / chunk.length; i++) long.write(chunk);
    }).toThrow('line 3: the line is longer than 1 MiB');
    const quote = new CsvEngine(csvSetup({}, 'test'));
    quote.write(new TextEncoder().encode('tariff;violations\n"1\n'));
    const lines = new TextEncoder().encode('x\n'.repeat(1 << 17));
    expect(() => {
      for (let i = 0; i <= MAX_RECORD_BYTES / lines.length; i++) quote.write(lines);
    }).toThrow('line 2: a double quote opens a field here and is not closed within 1 MiB');
  });
});
