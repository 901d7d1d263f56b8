import { afterAll, describe, expect, it } from 'vitest';
import { parseJsonExact } from '../../src/cli/json';
import { run, scratch, shell } from './helpers';

const files = scratch({
  // 12 345 678 901 234 567.89 ₽ is above 2⁵³: as a double it would be 12 345 678 901 234 568
  'huge.json': '{"planned":12345678901234567.89,"openingBalance":0,"months":1}',
  'plain.json': '{"planned":"1812000000","openingBalance":"1650000000","months":12}',
  'tables.json': JSON.stringify([
    { id: 'fund-2026', title: 'Перечень 2026', source: 'ТС 2026', validFrom: '2026-01-01', entries: [{ code: '3.2.2', section: 'EKMP', title: 'x', kno: '0.5', ksht: '0.4' }] },
    { id: 'fund-2027', title: 'Перечень 2027', source: 'ТС 2027', validFrom: '2027-01-01', entries: [{ code: '3.2.2', section: 'EKMP', title: 'x', kno: '0.6' }] },
  ]),
  'bad-tables.json': JSON.stringify([
    { id: 'ok', title: 'x', source: 'x', validFrom: '2026-01-01', entries: [{ code: '3.2.2', section: 'EKMP', title: 'x', kno: '0.5' }] },
    { id: 'bad', title: 'x', source: 'x', validFrom: '2027-01-01', entries: [{ code: '3.2.2', section: 'EKMP', title: 'x', kno: '2' }] },
  ]),
});
afterAll(files.remove);

describe('reading JSON exactly', () => {
  it('turns every number a double does not hold as written into its plain decimal string', () => {
    expect(parseJsonExact('{"a":12345678901234567.891,"b":9007199254740993,"c":1e-7,"d":0.1000000000000000000001}')).toEqual({
      a: '12345678901234567.891',
      b: '9007199254740993',
      c: '0.0000001',
      d: '0.1000000000000000000001',
    });
    // 2⁵³ itself is held exactly, but above MAX_SAFE_INTEGER: the library must get the digits
    expect(parseJsonExact('[9007199254740992, -12345678901234567890e2]')).toEqual(['9007199254740992', '-1234567890123456789000']);
  });

  it('keeps numbers a double holds exactly: months, quarters, amounts such as 1850.4', () => {
    expect(parseJsonExact('\uFEFF{"month":12,"quarter":4,"rate":1850.40,"share":0.1,"zero":-0,"big":1E3,"list":[1,2.5]}')).toEqual({
      month: 12,
      quarter: 4,
      rate: 1850.4,
      share: 0.1,
      zero: -0,
      big: 1000,
      list: [1, 2.5],
    });
  });

  it('leaves strings alone, digits and escaped quotes inside them included', () => {
    expect(parseJsonExact('{"k\\"1":"12345678901234567.891","x":[12345678901234567.891,"\\\\"]}')).toEqual({ 'k"1': '12345678901234567.891', x: ['12345678901234567.891', '\\'] });
  });

  it('passes a literal too long to write out as written (the library refuses it), and throws JSON.parse errors at the positions of the text', () => {
    expect(parseJsonExact('{"a":1e400}')).toEqual({ a: '1e400' });
    expect(() => parseJsonExact('{"a":1,}')).toThrow(SyntaxError);
  });

  it('oms-calc replenishment computes with 12345678901234567.89 as written, not 12345678901234568', async () => {
    const r = await run(files.dir, ['replenishment', '--input', 'huge.json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // one month: НСЗ_1 = (НСЗпл − НСЗнпф) / П = (12 345 678 901 234 567.89 − 0) / 1
    expect(JSON.parse(r.stdout)).toMatchObject({ total: '12345678901234567.89', installments: [{ amount: '12345678901234567.89' }] });
  });
});

describe('JSON commands: options', () => {
  it('`--input -` reads standard input, as --help says', () => {
    const r = shell('oms replenishment --input - --format json', { cwd: files.dir, input: '{"planned":"1812000000","openingBalance":"1650000000","months":12}' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // (1 812 000 000 − 1 650 000 000) / 12 = 13 500 000 a month
    expect(JSON.parse(r.stdout)).toMatchObject({ total: '162000000', installments: expect.arrayContaining([expect.objectContaining({ amount: '13500000' })]) });
  }, 30_000);

  it('`--out -` is standard output', async () => {
    const r = await run(files.dir, ['replenishment', '--input', 'plain.json', '--out', '-']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: '162000000' });
  });

  it('`table --input` takes the array of tables that `sanctions --table` takes', async () => {
    const r = await run(files.dir, ['table', '--input', 'tables.json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }[]).map((t) => t.id)).toEqual(['fund-2026', 'fund-2027']);
    const shown = await run(files.dir, ['table', '--input', 'tables.json', '--format', 'table']);
    expect(shown.stdout).toContain('Перечень 2026 (fund-2026, с 2026-01-01)');
    expect(shown.stdout).toContain('Перечень 2027 (fund-2027, с 2027-01-01)');
    const bad = await run(files.dir, ['table', '--input', 'bad-tables.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('oms-calc: INVALID_INPUT: ошибки во входных данных: 1\n  - 1.entries.0.kno: должно быть не больше 1, получено 2\n');
    const english = await run(files.dir, ['table', '--input', 'bad-tables.json', '--lang', 'en']);
    expect(english.code).toBe(2);
    expect(english.stderr).toContain('  - 1.entries.0.kno: must be at most 1, got 2');
    const unknown = await run(files.dir, ['table', '--input', 'bad-tables.json', '--lang', 'de']);
    expect([unknown.code, unknown.stderr]).toEqual([2, 'oms-calc: --lang must be ru or en, got "de"\n']);
  });
});
