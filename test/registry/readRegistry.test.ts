/**
 * Reading a register: bad input never throws (a MALFORMED finding, the case still read), only a
 * source that is not XML is an error; the XML tricks (entities, CDATA, comments, BOM, standalone,
 * DOCTYPE) and the encodings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditRegistry, isOmsCalcError, readRegistry, registryFindings, type Finding, type RegistryItem } from '../../src/registry';

const base = readFileSync(join(import.meta.dirname, '..', 'golden', 'registry', 'one-sl-of-two.xml'), 'utf8');

async function items(source: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>): Promise<RegistryItem[]> {
  const out: RegistryItem[] = [];
  for await (const item of readRegistry(source)) out.push(item);
  return out;
}

const rules = (findings: Finding[]): string[] => findings.map((f) => `${f.rule}${f.element === undefined ? '' : ` ${f.element}`}`);

async function rejection(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (e) {
    if (isOmsCalcError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected an OmsCalcError');
}

describe('bad content is a MALFORMED finding, and the rest is still audited', () => {
  it('a malformed number: the case is still yielded, its other rules still checked', async () => {
    const xml = base.replace('<SUMV>45000.05</SUMV>', '<SUMV>45000,05</SUMV>');
    const audit = await auditRegistry([xml]);
    expect(rules(audit.findings)).toEqual(['MALFORMED SUMV']);
    const [f] = audit.findings;
    expect(f).toMatchObject({ nZap: '1', idcase: '301', line: 9 });
    expect(f?.message).toBe(
      'SUMV: ожидалась сумма — неотрицательное десятичное число с точкой, не более 15 цифр и 2 знаков после точки, получено "45000,05" (Приказ ФФОМС № 34н, формат реестра счетов (H-файл))',
    );
    const read = await items([xml]);
    expect(read.map((i) => i.kind)).toEqual(['schet', 'malformed', 'case']);
    expect(read[2]?.kind === 'case' && read[2].sumv).toBe('45000,05');
  });

  it.each([
    ['a negative amount', '<S_SUM>-1500.01</S_SUM>', 'S_SUM'],
    ['three decimal places', '<S_SUM>1500.010</S_SUM>', 'S_SUM'],
    ['an exponent', '<S_SUM>1.5e3</S_SUM>', 'S_SUM'],
    ['16 digits', '<S_SUM>12345678901234.56</S_SUM>', 'S_SUM'],
    ['an S_TIP of three digits', '<S_TIP>510</S_TIP>', 'S_TIP'],
    ['a date in Russian order', '<DATE_ACT>10.07.2025</DATE_ACT>', 'DATE_ACT'],
    ['30 February', '<DATE_ACT>2025-02-30</DATE_ACT>', 'DATE_ACT'],
  ])('%s in a sanction is MALFORMED', async (_label, replacement, element) => {
    const tag = element === 'S_SUM' ? /<S_SUM>[^<]*<\/S_SUM>/ : element === 'S_TIP' ? /<S_TIP>[^<]*<\/S_TIP>/ : /<DATE_ACT>[^<]*<\/DATE_ACT>/;
    const audit = await auditRegistry([base.replace(tag, replacement)]);
    expect(audit.findings.filter((f) => f.rule === 'MALFORMED').map((f) => [f.element, f.sCode])).toEqual([[element, 'S-1']]);
    expect(audit.cases).toBe(1);
  });

  it('a missing required element', async () => {
    const audit = await auditRegistry([base.replace(/<SUMP>[^<]*<\/SUMP>/, '')]);
    expect(audit.findings).toHaveLength(1);
    expect(audit.findings[0]).toMatchObject({ rule: 'MALFORMED', element: 'SUMP', nZap: '1', idcase: '301' });
    expect(audit.findings[0]?.message).toBe('Z_SL: нет обязательного элемента SUMP (Приказ ФФОМС № 34н, формат реестра счетов (H-файл))');
  });

  it('a truncated file: the case that was being read is still yielded; the invoice totals are not compared', async () => {
    const cut = base.slice(0, base.indexOf('<SANK_IT>') + 11); // inside SANK_IT's value
    const read = await items([cut]);
    expect(read.filter((i) => i.kind === 'case')).toHaveLength(1);
    const audit = await auditRegistry([cut]);
    expect(audit.cases).toBe(1);
    expect(rules(audit.findings)).toEqual(['MALFORMED XML', 'MALFORMED XML', 'MALFORMED XML', 'MALFORMED XML', 'MALFORMED SANK_IT']);
    expect(audit.findings[0]?.message).toBe('ошибка XML: unclosed tag: SANK_IT');
    expect(audit.trace.at(-1)?.formula).toMatch(/файл оборван — итоги SCHET и SD_Z не сверялись$/);
  });

  it('a stray close tag does not drop the records after it', async () => {
    const two = base.replace('</ZL_LIST>', `${base.slice(base.indexOf('<ZAP>'), base.indexOf('</ZL_LIST>')).replace('<N_ZAP>1<', '<N_ZAP>2<')}</ZL_LIST>`);
    const audit = await auditRegistry([two.replace('</SL>', '</SL></FOO>')]);
    expect(audit.cases).toBe(2);
    expect(audit.findings.some((f) => f.rule === 'MALFORMED' && f.message === 'ошибка XML: unmatched closing tag: FOO.')).toBe(true);
  });

  it('a second SCHET and a ZAP without Z_SL are MALFORMED', async () => {
    const xml = base.replace('</ZL_LIST>', '<SCHET><SUMMAV>0</SUMMAV></SCHET><ZAP><N_ZAP>9</N_ZAP></ZAP></ZL_LIST>');
    const audit = await auditRegistry([xml]);
    expect(rules(audit.findings)).toEqual(['MALFORMED SCHET', 'MALFORMED Z_SL']);
  });
});

describe('only a source that is not a register is an error (NOT_A_REGISTER)', () => {
  it.each([
    ['plain text', ['hello, world']],
    ['JSON', ['{"ZL_LIST": []}']],
    ['an empty source', []],
    ['only spaces', ['  \n ']],
    ['bytes of a ZIP', [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])]],
  ])('%s', async (_label, source) => {
    const e = await rejection(() => auditRegistry(source as Iterable<string>));
    expect(e.code).toBe('NOT_A_REGISTER');
  });

  it('XML whose root is not ZL_LIST (the personal-data file)', async () => {
    const e = await rejection(() => auditRegistry(['<?xml version="1.0"?><PERS_LIST><ZGLV/></PERS_LIST>']));
    expect(e).toEqual({ code: 'NOT_A_REGISTER', message: 'oms-calc/registry: the root element is <PERS_LIST>, not <ZL_LIST> of a register of invoices' });
  });

  it('an encoding the runtime cannot decode', async () => {
    const e = await rejection(() => auditRegistry([new TextEncoder().encode('<?xml version="1.0" encoding="x-unknown-42"?><ZL_LIST/>')]));
    expect(e.code).toBe('NOT_A_REGISTER');
    expect(e.message).toMatch(/x-unknown-42/);
  });

  it('a source that is not iterable throws at once, and bad options are INVALID_INPUT', () => {
    let code: string | undefined;
    try {
      void auditRegistry(42 as never);
    } catch (e) {
      code = isOmsCalcError(e) ? e.code : undefined;
    }
    expect(code).toBe('NOT_A_REGISTER');
    const issues = (run: () => unknown): string[] => {
      try {
        run();
      } catch (e) {
        if (isOmsCalcError(e)) return e.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      }
      return [];
    };
    expect(issues(() => auditRegistry([], { combine: 'min' as never, coefficients: 'csv' as never, maxFindings: -1 }))).toEqual([
      'coefficients: expected "table" or "f014"',
      'maxFindings: expected a whole number ≥ 0',
      'combine: expected "max" or "sum-capped"',
    ]);
    expect(issues(() => registryFindings([], { controlTypes: [{ tip: 100, class: 'MEK', dateBeg: '2021-05-25' }] }))).toEqual(['controlTypes.0.tip: S_TIP must be at most 99']);
    expect(issues(() => readRegistry([], { encodin: 'utf-8' } as never))[0]).toMatch(/encodin/);
    expect(issues(() => auditRegistry([], { f014: { entries: [] } as never }))).toEqual(['f014.entries: F014 needs at least one row']);
  });
});

describe('XML: entities, CDATA, comments, BOM, standalone, DOCTYPE', () => {
  const sumOf = async (xml: string): Promise<Finding[]> => (await auditRegistry([xml])).findings;

  it('predefined entities and numeric character references decode; CDATA and comments inside a value are read', async () => {
    const xml = base
      .replace('<S_SUM>1500.01</S_SUM>', '<S_SUM><!-- сумма --><![CDATA[1500]]>&#46;&#x30;1</S_SUM>')
      .replace('<S_CODE>S-1</S_CODE>', '<S_CODE>S&amp;1&lt;&#1055;</S_CODE>');
    expect(await sumOf(xml)).toEqual([]);
    const read = await items([xml]);
    const c = read.find((i) => i.kind === 'case');
    expect(c?.kind === 'case' && [c.sank[0]?.sCode, c.sank[0]?.sSum]).toEqual(['S&1<П', '1500.01']);
  });

  it('a UTF-8 BOM (as text and as bytes), standalone="yes" and a DOCTYPE without entities are fine', async () => {
    expect(await sumOf(`\uFEFF${base}`)).toEqual([]);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(base)]);
    expect((await auditRegistry([bom])).findings).toEqual([]);
    expect(await sumOf(base.replace('encoding="UTF-8"?>', 'encoding="UTF-8" standalone="yes"?>'))).toEqual([]);
    expect(await sumOf(base.replace('<ZL_LIST>', '<!DOCTYPE ZL_LIST SYSTEM "H.dtd"><ZL_LIST>'))).toEqual([]);
  });

  it('DOCTYPE entities never expand: the declaration and every reference are MALFORMED', async () => {
    const xml = base
      .replace('<ZL_LIST>', '<!DOCTYPE ZL_LIST [<!ENTITY sum "1500.01"><!ENTITY big "&sum;&sum;&sum;&sum;">]><ZL_LIST>')
      .replace('<S_SUM>1500.01</S_SUM>', '<S_SUM>&sum;</S_SUM>');
    const findings = await sumOf(xml);
    expect(rules(findings)).toEqual(['MALFORMED DOCTYPE', 'MALFORMED XML', 'MALFORMED S_SUM']);
    expect(findings[0]?.message).toBe('DOCTYPE объявляет сущности (<!ENTITY …>); они не раскрываются, ссылки на них — ошибка (решение D21)');
    expect(findings[1]?.message).toBe('ошибка XML: undefined entity.');
    expect(findings[2]?.message).toContain('получено "&sum;"');
  });

  it('an external entity is never fetched: a SYSTEM entity is reported like any other', async () => {
    const xml = base.replace('<ZL_LIST>', '<!DOCTYPE ZL_LIST [<!ENTITY x SYSTEM "file:///etc/passwd">]><ZL_LIST>').replace('<S_COM>', '<S_COM>&x;');
    const findings = await sumOf(xml.replace('<IDSP>33</IDSP>', '<IDSP>&x;</IDSP>'));
    expect(rules(findings)).toEqual(['MALFORMED DOCTYPE', 'MALFORMED XML']);
  });
});

describe('encodings and chunks', () => {
  it('the encoding comes from the prolog; the option overrides it', async () => {
    const cp = new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'golden', 'registry', 'consistent.xml')));
    expect((await auditRegistry([cp])).findings).toEqual([]);
    // read as UTF-8, the windows-1251 Cyrillic is replaced, not an error; the money is the same
    const asUtf8 = await auditRegistry([cp], { encoding: 'utf-8' });
    expect(asUtf8.findings).toEqual([]);
    const read = await items([cp]);
    const c = read.find((i) => i.kind === 'case' && i.sank.length > 0);
    expect(c?.kind === 'case' && c.sank[0]?.sCode).toBe('М-1');
  });

  it('a source cut into one-byte chunks, an async source and a string source read the same', async () => {
    const bytes = new TextEncoder().encode(base.replace('S-1', 'Санкция-1'));
    const one = Array.from(bytes, (b) => new Uint8Array([b]));
    async function* slow(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    }
    const whole = await items([bytes]);
    expect(await items(one)).toEqual(whole);
    expect(await items(slow())).toEqual(whole);
    expect(await items(base.replace('S-1', 'Санкция-1') as unknown as Iterable<string>)).toEqual(whole);
  });

  it('a web ReadableStream, and a stream that offers only a reader (browsers without for await over streams)', async () => {
    const bytes = new TextEncoder().encode(base);
    const whole = await items([bytes]);
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 100) controller.enqueue(bytes.subarray(i, i + 100));
        controller.close();
      },
    });
    expect(await items(web)).toEqual(whole);
    let released = false;
    let at = 0;
    const readerOnly = {
      getReader: () => ({
        read: async () => (at < bytes.length ? { done: false, value: bytes.subarray(at, (at += 333)) } : { done: true }),
        releaseLock: () => {
          released = true;
        },
      }),
    };
    expect((await auditRegistry(readerOnly)).findings).toEqual([]);
    expect(released).toBe(true);
  });

  it('registryFindings streams the same findings as auditRegistry, in order', async () => {
    const xml = readFileSync(join(import.meta.dirname, '..', 'golden', 'registry', 'defects.xml'), 'utf8');
    const streamed: Finding[] = [];
    for await (const f of registryFindings([xml])) streamed.push(f);
    expect(streamed).toEqual((await auditRegistry([xml])).findings);
    expect(streamed).toHaveLength(11);
  });

  it('maxFindings keeps the first findings and counts them all', async () => {
    const xml = readFileSync(join(import.meta.dirname, '..', 'golden', 'registry', 'defects.xml'), 'utf8');
    const audit = await auditRegistry([xml], { maxFindings: 2 });
    expect(audit.findings.map((f) => f.rule)).toEqual(['SANK_SUM_MISMATCH', 'SANK_IT_MISMATCH']);
    expect([audit.truncated, Object.values(audit.byRule).reduce((a, b) => a + (b ?? 0), 0)]).toEqual([true, 11]);
  });
});

describe('a bad value skips only the rules that need it', () => {
  it('a malformed S_TIP: the sanction’s class is unknown, so the invoice’s SANK_* are not compared', async () => {
    const audit = await auditRegistry([base.replace('<S_TIP>51</S_TIP>', '<S_TIP>5x</S_TIP>')]);
    expect(audit.findings.map((f) => `${f.rule} ${f.element ?? ''}`)).toEqual(['MALFORMED S_TIP']);
  });

  it('a malformed S_SUM: SANK_IT and the class sums are not compared, SUMP still is', async () => {
    const audit = await auditRegistry([base.replace('<S_SUM>1500.01</S_SUM>', '<S_SUM>1500.0.1</S_SUM>').replace('<SUMP>43500.04</SUMP>', '<SUMP>43500.00</SUMP>')]);
    expect(audit.findings.map((f) => f.rule)).toEqual(['MALFORMED', 'SUMP_MISMATCH', 'SCHET_SUM_MISMATCH']);
  });
});
