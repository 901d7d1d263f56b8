/**
 * The byte path of sanctionCsv against its decimal path: the same output bytes and totals for
 * random files with every kind of line the fast path hands over, and for every cut into chunks.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CsvEngine, type CsvSetup } from '../../src/sanctions/csvEngine';
import { csvSetup } from '../../src/sanctions/csvOptions';
import { builtinSanctionTable, defineSanctionTable, sanctionCsv, sanctionCsvBytes, sanctionCsvSync, type SanctionCsvOptions } from '../../src/sanctions';
import { CODES } from './arbitraries';
import { json } from './helpers';

const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

const id = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9]{1,8}$/) },
  { weight: 2, arbitrary: fc.stringMatching(/^[А-Яа-яЁё0-9-]{1,8}$/) },
  { weight: 1, arbitrary: pick('', ' A1', 'A1 ', '=1+1', '+7', '-3', '@x', '"q;uo""te"', '"two\nlines"', 'a"b', 'a\\b', '\u00a0Z', 'Z\u00a0', 'Ё') },
);
const pad2 = (n: number): string => String(n).padStart(2, '0');
/** Any day of 2024–2026 (and the 29th–31st of every month) in either form, around the date that changes the table. */
const anyDate = fc
  .tuple(fc.integer({ min: 2024, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.boolean())
  .map(([y, m, d, iso]) => (iso ? `${y}-${pad2(m)}-${pad2(d)}` : `${pad2(d)}.${pad2(m)}.${y}`));
const knownDate = pick('', '2025-03-01', '01.03.2025', '2025-02-28', '28.02.2025', '19.11.2025', '2025-02-30', '30.02.2025', '2024-12-31', '2025-3-1', '1.3.2025', 'soon');
const date = fc.oneof({ weight: 1, arbitrary: anyDate }, { weight: 2, arbitrary: knownDate });
const amount = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }), pick('.', ',')).map(([r, k, m]) => `${r}${m}${String(k).padStart(2, '0')}`) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100_000 }).map(String) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 900_000_000_000 }), fc.integer({ min: 0, max: 99 })).map(([r, k]) => `${r},${String(k).padStart(2, '0')}`) },
  { weight: 1, arbitrary: pick('1 234,5', '25 000,00', '12.345', '-5', '1e3', '', ' ', '12,', ',5', '1.2.3', '999999999999999', '1\u00a0000', '7 000 р', '0') },
);
const setting = pick('', 'hospital', 'ambulatory', 'all', 'ambulance', 'стационар', 'все', 'скорая', 'Hospital', 'СТАЦИОНАР', 'дом', 'скорый', 'hospitaL', ' all');
const codeList = fc.oneof(
  { weight: 6, arbitrary: fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 3 }).map((cs) => cs.join('|')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...CODES), fc.integer({ min: 0, max: 100_000 }), pick(':', '=')).map(([c, r, s]) => `${c}${s}${r},50`) },
  { weight: 2, arbitrary: pick('', '9.9', '3.2.1|9.9|8.1.1', '3.2.1|3.2.1', '3.2.1.', ' 3.2.1', '3.2.1||1.4.2', '03.2.1', '2.16.1:', '1.1:100', 'x') },
);
const line = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(id, date, amount, setting, amount, codeList).map(([a, b, c, d, e, f]) => [a, b, c, d, e, f].join(';')) },
  { weight: 1, arbitrary: pick('', ';;;;;', ' ; ; ', 'only;three;fields', '\u00a0;;;;;', 'a;b;c;d;e;f;g') },
);
const file = fc.tuple(fc.array(line, { maxLength: 25 }), fc.boolean(), fc.boolean(), fc.boolean()).map(
  ([lines, crlf, bom, last]) => `${bom ? '\uFEFF' : ''}${['id;date;tariff;setting;per_capita_rate;violations', ...lines].join(crlf ? '\r\n' : '\n')}${last ? '\n' : ''}`,
);
/** Two tables chosen by date: the built-in one, and from 2025-03-01 one without 3.2.1 and with other Кшт. */
const later = defineSanctionTable({
  ...builtinSanctionTable,
  id: 'later-table',
  validFrom: '2025-03-01',
  entries: builtinSanctionTable.entries.filter((e) => e.code !== '3.2.1').map((e) => (e.ksht === null ? e : { ...e, ksht: e.ksht.plus(1).toString() })),
});
const options = fc.record({
  tables: fc.constantFrom(undefined, [builtinSanctionTable, later]),
  perCapitaRates: fc.constantFrom({ hospital: '7000.00', all: '2650.75' }, { hospital: '7 123,36' }, {}),
  combine: pick<'max' | 'sum-capped'>('max', 'sum-capped'),
  recomputation: pick<'difference' | 'difference-plus-kno'>('difference', 'difference-plus-kno'),
  format: pick<'csv' | 'jsonl'>('csv', 'jsonl'),
});

function runEngine(setup: CsvSetup, chunks: readonly Uint8Array[]): { text: string; totals: unknown } {
  const engine = new CsvEngine(setup);
  let text = '';
  const decoder = new TextDecoder();
  for (const c of chunks) text += decoder.decode(engine.write(c) ?? new Uint8Array(0), { stream: true });
  text += decoder.decode(engine.end() ?? new Uint8Array(0));
  return { text, totals: json(engine.totals()) };
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sanctionCsv: the byte path against the decimal path', () => {
  test.prop([file, options])('random files, every kind of line: the same bytes and totals', (text, o) => {
    const setup = csvSetup(o, 'test');
    const fast = runEngine(setup, [bytes(text)]);
    const reference = runEngine({ ...setup, fast: false }, [bytes(text)]);
    expect(fast.text).toBe(reference.text);
    expect(fast.totals).toEqual(reference.totals);
  });

  test.prop([file, options, fc.array(fc.nat(), { maxLength: 8 })])('cut into chunks anywhere: the same bytes and totals', (text, o, cuts) => {
    const all = bytes(text);
    const at = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
    const chunks = [0, ...at, all.length].slice(1).map((end, i, ends) => all.subarray(i === 0 ? 0 : (ends[i - 1] as number), end));
    const setup = csvSetup(o, 'test');
    expect(runEngine(setup, chunks)).toEqual(runEngine(setup, [all]));
  });

  it('an unknown code under two tables: each row names the table in force on its date', () => {
    const text = 'id;date;tariff;violations\nA;2025-02-01;100;9.9\nB;2025-03-02;100;9.9\nC;2025-02-03;100;1.4.2|9.9\nD;2025-03-04;100;1.4.2|9.9\n';
    const setup = csvSetup({ tables: [builtinSanctionTable, later] }, 'test');
    const fast = runEngine(setup, [bytes(text)]);
    expect(fast).toEqual(runEngine({ ...setup, fast: false }, [bytes(text)]));
    const messages = fast.text.trim().split('\n').slice(1).map((l) => l.split(';').at(-1));
    expect(messages.map((m) => /sanction table ([\w-]+)/.exec(m ?? '')?.[1])).toEqual([builtinSanctionTable.id, 'later-table', builtinSanctionTable.id, 'later-table']);
  });

  it('line numbers past 9, 99, 999 and 9,999, records of two lines among them, ids and codes longer than 8 bytes (and a detail of 8 or 9): the bytes of the decimal path', () => {
    // The fast path counts a row's line number on from the last row's digits and writes short
    // cells four bytes at a time; a line of two rows, a slow row or a long cell breaks the run.
    const long = defineSanctionTable({
      ...builtinSanctionTable,
      id: 'long-codes',
      entries: [
        ...builtinSanctionTable.entries,
        ...['100.200.300', '12.34.5'].map((code) => ({ ...(builtinSanctionTable.entries[0] as (typeof builtinSanctionTable.entries)[number]), code })),
      ],
    });
    const ids = ['', 'a', 'ab1', 'abcdefg', 'abcdefgh', 'abcdefghi', 'abcdefghijkl', 'ид', 'идент'];
    const lines = ['id;date;tariff;setting;per_capita_rate;violations'];
    for (let i = 0; lines.length < 10_040; i++) {
      if (i % 997 === 500) lines.push(`"q${i}
second";2025-01-0${(i % 9) + 1};100;hospital;;1.4.2`);
      else if (i % 1001 === 7) lines.push(`x${i};2025-01-01;-5;hospital;;1.4.2`);
      else lines.push(`${ids[i % ids.length] as string}${i % 3 === 0 ? i : ''};2025-01-0${(i % 9) + 1};${(i * 7919) % 100_000},${String(i % 100).padStart(2, '0')};${i % 2 === 0 ? 'hospital' : 'all'};;${['100.200.300|1.4.2', '3.2.1', '12.34.5|1.4.2', '1.4.2|12.34.5', '1.4.2|3.2.1'][i % 5] as string}`);
    }
    const text = `${lines.join('\n')}\n`;
    const setup = csvSetup({ tables: [long], perCapitaRates: { hospital: '7000.00', all: '123 456,78' } }, 'test');
    const fast = runEngine(setup, [bytes(text)]);
    expect(fast.text.split('\n').length).toBeGreaterThan(10_000);
    expect(fast.text).toContain('\n10000;');
    expect(fast.text).toMatch(/;ok;[^;]*;[^;]*;100\.200\.300:/);
    expect(fast.text).toMatch(/;ok;[^;]*;[^;]*;12\.34\.5:[^|;]*\|1\.4\.2:/);
    expect(fast.text).toMatch(/;ok;[^;]*;[^;]*;1\.4\.2:[^|;]*\|12\.34\.5:/);
    expect(fast).toEqual(runEngine({ ...setup, fast: false }, [bytes(text)]));
    // and in chunks of 4,096 bytes, cells cut at a chunk's end
    const all = bytes(text);
    const chunks = Array.from({ length: Math.ceil(all.length / 4096) }, (_, k) => all.subarray(4096 * k, 4096 * (k + 1)));
    expect(runEngine(setup, chunks)).toEqual(fast);
  });

  it('amounts of every length from 4 to 15 bytes, repeated in the details: the bytes of the decimal path', () => {
    // The fast path writes a case's Н and Сшт once and copies them, as words, into the details
    // that repeat them (up to 12 bytes); longer ones are written anew.
    const lines = ['id;tariff;setting;per_capita_rate;violations'];
    for (let digits = 1; digits <= 12; digits++) {
      const rubles = '9'.repeat(digits);
      lines.push(`n${digits};${rubles},99;hospital;;1.4.2`, `f${digits};1,00;hospital;${rubles},98;3.2.1`, `b${digits};${rubles},07;all;${rubles},05;3.2.1|1.4.2|3.15.1`);
    }
    const text = `${lines.join('\n')}\n`;
    const setup = csvSetup({ perCapitaRates: { hospital: '7000.00', all: '2650.75' } }, 'test');
    const fast = runEngine(setup, [bytes(text)]);
    expect(fast.text).toContain(';n12;ok;999999999999,99;0,00;1.4.2:999999999999,99:999999999999,99:0,00;;');
    expect(fast).toEqual(runEngine({ ...setup, fast: false }, [bytes(text)]));
  });

  it('every setting as written, and a cell of its length that differs in its first or last letter: as the decimal path reads them', () => {
    // Settings of 12 bytes or fewer are compared as three masked words, longer ones word by word:
    // a near miss must fail either way (an error row), a form must give its own rate's fine (3.15.1: Сшт = РП × 1).
    const forms = ['ambulatory', 'ambulance', 'all', 'hospital', 'амбулаторно', 'скорая', 'все', 'стационар'];
    // another letter of the same script, so that the cell keeps its length in bytes
    const other = (c: string): string => (c > '\u007f' ? (c === 'ж' ? 'з' : 'ж') : c === 'x' ? 'y' : 'x');
    const miss = (s: string): string[] => [`${other(s.charAt(0))}${s.slice(1)}`, `${s.slice(0, -1)}${other(s.charAt(s.length - 1))}`];
    const cells = forms.flatMap((s) => [s, ...miss(s)]);
    expect(cells.map((s) => bytes(s).length)).toEqual(forms.flatMap((s) => Array<number>(3).fill(bytes(s).length)));
    const text = `id;tariff;setting;violations\n${cells.map((s, i) => `s${i};1000;${s};3.15.1`).join('\n')}\n`;
    const setup = csvSetup({ perCapitaRates: { ambulatory: '100', ambulance: '200', all: '300', hospital: '400' } }, 'test');
    const fast = runEngine(setup, [bytes(text)]);
    expect(fast).toEqual(runEngine({ ...setup, fast: false }, [bytes(text)]));
    const lines = fast.text.trim().split('\n').slice(1);
    expect(lines.filter((l) => l.includes(';ok;'))).toHaveLength(forms.length);
    expect(lines.filter((l) => l.includes(';ok;')).map((l) => l.split(';')[4])).toEqual(['100,00', '200,00', '300,00', '400,00', '100,00', '200,00', '300,00', '400,00']);
  });

  it('ids with a backslash or a control byte at any place of their words: JSON escapes them as the decimal path does', () => {
    // The byte path copies an id as its bytes only when nothing in it needs escaping; it checks the
    // id four bytes at a time, so each special byte is tried in a first word, a second one and a tail.
    const ids = ['\\', 'a\\b', 'abc\\', 'abcd\\e', 'abcdefg\\', 'x\u0001y', 'abcde\u001f', 'abcdefghij\u0007', 'ok-id', 'abcdefghi'];
    const text = `id;tariff;setting;violations\n${ids.map((v) => `${v};100;hospital;1.4.2`).join('\n')}\n`;
    for (const format of ['jsonl', 'csv'] as const) {
      const setup = csvSetup({ format }, 'test');
      const fast = runEngine(setup, [bytes(text)]);
      expect(fast).toEqual(runEngine({ ...setup, fast: false }, [bytes(text)]));
      if (format === 'jsonl') expect(fast.text.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(ids);
    }
  });

  it('totals past 2⁵³ kopecks, by code, by section and in all: exact, as the decimal path adds them', () => {
    // 150 cases of 899 999 999 999,99 ₽ under 1.4.2 (Кно 1) and 1.4.1: 1.4.2 alone gets
    // 120 × 89 999 999 999 999 kopecks = 10 799 999 999 999 880 kopecks, past 2⁵³ ≈ 9.007·10¹⁵,
    // so its sums move into BigInt kopecks on the way (every 4·10¹⁵); the total is
    // 150 × 899 999 999 999,99 = 134 999 999 999 998,50 ₽.
    const lines = ['id;tariff;setting;per_capita_rate;violations'];
    for (let i = 0; i < 150; i++) lines.push(`c${i};899999999999,99;hospital;;${i % 5 === 4 ? '1.4.1' : '1.4.2|3.2.1'}`);
    const text = `${lines.join('\n')}\n`;
    const setup = csvSetup({ perCapitaRates: { hospital: '7000.00' } }, 'test');
    const fast = runEngine(setup, [bytes(text)]);
    const totals = fast.totals as { nonPayment: string; byCode: Record<string, { nonPayment: string; cases: number }>; bySection: { MEK: { nonPayment: string } } };
    expect(totals.nonPayment).toBe('134999999999998.5');
    expect(totals.byCode['1.4.2']).toMatchObject({ cases: 120, nonPayment: '107999999999998.8' });
    expect(totals.bySection.MEK.nonPayment).toBe('134999999999998.5');
    expect(fast).toEqual(runEngine({ ...setup, fast: false }, [bytes(text)]));
  });

  it('cut at every byte offset of a file with quotes, Cyrillic, BOM and CRLF, including inside a character and a field', () => {
    const text = '\uFEFFномер;тариф;условия;нарушения\r\nА-1;1 000,00;стационар;3.2.2\r\n"Б;2";500;все;"1.1|\r\n3.2.1"\r\n\r\nВ3;10,5;;1.4.2\r\nЁ4;7;;\r\n';
    const all = bytes(text);
    const setup = csvSetup({ perCapitaRates: { стационар: '7000', все: '100' } }, 'test');
    const whole = runEngine(setup, [all]);
    expect(whole.text.split('\n')[1]).toBe('2;А-1;ok;400,00;2100,00;3.2.2:400,00:400,00:2100,00;;');
    for (let cut = 0; cut <= all.length; cut++) {
      for (const encoding of ['auto', 'utf-8'] as const) {
        const r = runEngine({ ...setup, encoding }, [all.subarray(0, cut), all.subarray(cut)]);
        if (r.text !== whole.text) expect([cut, encoding, r.text]).toEqual([cut, encoding, whole.text]);
      }
      // three pieces: one byte alone at the cut
      const r = runEngine(setup, [all.subarray(0, cut), all.subarray(cut, cut + 1), all.subarray(cut + 1)]);
      if (r.text !== whole.text) expect([cut, r.text]).toEqual([cut, whole.text]);
    }
  });

  test.prop([file, options, fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 6 })])(
    'sanctionCsvSync, its chunks read into one buffer again and again, gives the bytes and totals of the plain function',
    (text, o: SanctionCsvOptions, sizes) => {
      const all = bytes(text);
      const csv = sanctionCsvSync(o);
      const buffer = new Uint8Array(64);
      const out: Uint8Array[] = [];
      for (let at = 0, k = 0; at < all.length; k++) {
        const n = Math.min(sizes[k % sizes.length] as number, all.length - at);
        buffer.set(all.subarray(at, at + n));
        out.push(csv.write(buffer.subarray(0, n)).slice()); // a view, written over by the next call
        buffer.fill(0x3b); // the buffer is read into again: nothing of the chunk may be kept
        at += n;
      }
      out.push(csv.end().slice());
      const plain = sanctionCsvBytes(text, o);
      expect(Buffer.concat(out).toString('utf8')).toBe(new TextDecoder().decode(plain.output));
      expect(json(csv.totals())).toEqual(json(plain.totals));
      expect(csv.rows).toBe(plain.totals.cases);
    },
  );

  test.prop([file, options])('the stream gives the bytes and totals of the plain function', async (text, o: SanctionCsvOptions) => {
    const csv = sanctionCsv(o);
    const out = await new Response(new Blob([text]).stream().pipeThrough(csv)).text();
    const plain = sanctionCsvBytes(text, o);
    expect(out).toBe(new TextDecoder().decode(plain.output));
    expect(json(await csv.totals)).toEqual(json(plain.totals));
  });
});
