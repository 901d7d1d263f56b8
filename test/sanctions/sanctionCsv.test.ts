import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { issueMessage, sanctionCsv, sanctionCsvBytes, sanctionCsvSync } from '../../src/sanctions';
import { thrown } from './helpers';

const CASES = 'номер;дата;тариф;условия;нарушения\nA1;01.03.2025;25 000,00;стационар;3.2.2|2.13\nA2;2025-03-02;1000;hospital;\nA3;2025-03-02;1000;hospital;9.9\n';

describe('sanctionCsv', () => {
  it('a worked example: the amounts, the zero row, the error row, and the totals', () => {
    const { output, totals } = sanctionCsvBytes(CASES, { perCapitaRates: { стационар: '7 000,00' } });
    // A1: 3.2.2 Н = 25 000 × 0.4 = 10 000, Сшт = 7 000 × 0.3 = 2 100; 2.13 Н = 25 000 × 0.1 = 2 500, Сшт 0;
    // 'max' (D5): Н of the case 10 000, attributed to 3.2.2. A2: no violations, zero amounts. A3: unknown code.
    expect(new TextDecoder().decode(output).split('\n')).toEqual([
      'line;id;status;non_payment;fine;details;error_code;error_message',
      '2;A1;ok;10000,00;2100,00;3.2.2:10000,00:10000,00:2100,00|2.13:2500,00:0,00:0,00;;',
      '3;A2;ok;0,00;0,00;;;',
      '4;A3;error;;;;UNKNOWN_CODE;"violations.0: violation code ""9.9"" is not in sanction table tariff-agreement-2025-01-09-annex-25"',
      '',
    ]);
    expect([totals.cases, totals.errors, totals.nonPayment.toString(), totals.fine.toString(), totals.byCode['2.13']?.nonPayment.toString(), totals.lines, totals.delimiter, totals.encoding]).toEqual([
      3, 1, '10000', '2100', '0', 4, ';', 'utf-8',
    ]);
  });

  it('runs in Node on a file through Readable.toWeb, with the totals of the plain function', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oms-calc-csv-'));
    try {
      writeFileSync(join(dir, 'cases.csv'), CASES);
      const csv = sanctionCsv({ perCapitaRates: { hospital: '7000' } });
      const web = Readable.toWeb(createReadStream(join(dir, 'cases.csv'), { highWaterMark: 7 })) as ReadableStream<Uint8Array>;
      const text = await new Response(web.pipeThrough(csv)).text();
      const plain = sanctionCsvBytes(CASES, { perCapitaRates: { hospital: '7000' } });
      expect(text).toBe(new TextDecoder().decode(plain.output));
      expect(JSON.stringify(await csv.totals)).toBe(JSON.stringify(plain.totals));
      expect(csv.rows).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a reader with its own buffer (BYOB) gets the same bytes, in pieces of its size; cancelling the results stops the stream', async () => {
    const many = `id;tariff;setting;violations\n${Array.from({ length: 2000 }, (_, i) => `${i};1000;hospital;3.2.2\n`).join('')}`;
    const csv = sanctionCsv({ perCapitaRates: { hospital: '7000' } });
    const writing = new Blob([many]).stream().pipeTo(csv.writable);
    const reader = csv.readable.getReader({ mode: 'byob' });
    const parts: Uint8Array[] = [];
    let buffer = new ArrayBuffer(1000);
    for (;;) {
      const step = await reader.read(new Uint8Array(buffer, 0, 1000));
      if (step.done) break;
      expect(step.value.length).toBeLessThanOrEqual(1000);
      parts.push(step.value.slice());
      buffer = step.value.buffer as ArrayBuffer; // the same memory, handed back
    }
    await writing;
    const plain = sanctionCsvBytes(many, { perCapitaRates: { hospital: '7000' } });
    expect(Buffer.concat(parts).equals(Buffer.from(plain.output))).toBe(true);
    expect(parts.length).toBeGreaterThan(50);
    expect(JSON.stringify(await csv.totals)).toBe(JSON.stringify(plain.totals));

    const stopped = sanctionCsv();
    const fed = new Blob([many]).stream().pipeTo(stopped.writable);
    const first = stopped.readable.getReader();
    expect((await first.read()).done).toBe(false);
    await first.cancel(new Error('no more'));
    await expect(fed).rejects.toThrow('no more');
    await expect(stopped.totals).rejects.toThrow('no more');
  });

  it('bad options throw INVALID_INPUT at once, one issue each; a bad file errors the stream and rejects the totals', async () => {
    const e = thrown(() => sanctionCsv({ perCapitaRates: { дом: '1', hospital: '-1' }, encoding: 'koi8' as never, columns: { price: 'x' } as never }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['perCapitaRates.дом', 'columns', 'encoding', 'perCapitaRates.hospital']);
    const csv = sanctionCsv();
    const out = new Response(new Blob(['id;violations\n1;1.2\n']).stream().pipeThrough(csv)).text();
    await expect(out).rejects.toThrow('the header has no column tariff; it has: id, violations');
    await expect(csv.totals).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(thrown(() => sanctionCsvBytes(42 as never)).code).toBe('INVALID_INPUT');
  });

  it('sanctionCsvSync: bad options at once, a chunk that is not bytes, and a quote never closed at the end', () => {
    expect(thrown(() => sanctionCsvSync({ encoding: 'koi8' as never })).issues.map((i) => i.path.join('.'))).toEqual(['encoding']);
    const csv = sanctionCsvSync({ encoding: 'utf-8' });
    expect(thrown(() => csv.write('tariff;violations\n' as never)).issues[0]).toMatchObject({ code: 'invalid_type', params: { expected: 'Uint8Array' } });
    const header = csv.write(new TextEncoder().encode('tariff;violations\n1000;1.4.2\n2000;"3.2.1\n'));
    expect(new TextDecoder().decode(header)).toBe('line;id;status;non_payment;fine;details;error_code;error_message\n2;;ok;1000,00;0,00;1.4.2:1000,00:1000,00:0,00;;\n');
    expect(csv.rows).toBe(1);
    expect(thrown(() => csv.end()).issues[0]).toMatchObject({ code: 'unclosed_quote', path: ['line', 3] });
    // encoding 'auto' reads the first 4 KiB before it writes anything
    const auto = sanctionCsvSync();
    expect(auto.write(new TextEncoder().encode('tariff;violations\n1000;1.4.2\n')).length).toBe(0);
    expect(new TextDecoder().decode(auto.end()).split('\n')).toHaveLength(3);
  });
});

describe('sanctionCsv: the issues of a bad file carry codes, parameters and both messages', () => {
  const issueOf = async (text: string): Promise<unknown> => {
    try {
      await sanctionCsvBytes(new TextEncoder().encode(text));
    } catch (e) {
      const issue = (e as { issues: { code: string }[] }).issues[0] as Parameters<typeof issueMessage>[0];
      return { code: issue.code, path: issue.path, params: issue.params, en: issueMessage(issue, 'en'), ru: issueMessage(issue, 'ru') };
    }
    return undefined;
  };

  it('a missing column, an empty file, a quote never closed', async () => {
    expect(await issueOf('id;сумма\n1;2\n')).toEqual({
      code: 'missing_column',
      path: ['header'],
      params: { fields: ['tariff', 'violations'], values: ['id', 'сумма'] },
      en: 'the header has no column tariff and violations; it has: id, сумма',
      ru: 'в заголовке нет столбца tariff и violations; в нём есть: id, сумма',
    });
    expect(await issueOf('')).toMatchObject({ code: 'no_header', ru: 'файл пуст: нужна строка заголовка' });
    // the quote opens on line 3 (the header is line 1)
    expect(await issueOf('tariff;violations\n1;1.4.2\n"2;1.4.2\n3;1.4.2\n')).toEqual({
      code: 'unclosed_quote',
      path: ['line', 3],
      params: { line: 3 },
      en: 'a double quote opens a field here and is never closed',
      ru: 'кавычка открывает здесь поле и не закрывается',
    });
  });

  it('a line with too few fields is an error row, its issue coded field_count', async () => {
    const r = await sanctionCsvBytes(new TextEncoder().encode('tariff;violations;id\n1;1.4.2\n'), { format: 'jsonl' });
    const row = JSON.parse(new TextDecoder().decode(r.output).trim()) as Record<string, unknown>;
    expect(row).toMatchObject({ line: 2, status: 'error', error_code: 'INVALID_INPUT', error_message: 'the line has 2 fields, the header has 3' });
  });
});
