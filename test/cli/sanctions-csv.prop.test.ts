import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvBytes } from '../../src/cli/format';
import { CaseRecords, layoutOf } from '../../src/cli/sanctions-rows';

/** What Excel evaluates: a cell that begins with = + - @ tab or CR (OWASP, «CSV Injection»). */
const FORMULA = /^[=+\-@\t\r]/;
/** The amounts and line numbers the CLI writes itself (a negative amount would be a number too). */
const NUMERIC = /^-?\d+([.,]\d+)?$/;

/** A cell that opens with a formula-like prefix, then anything (delimiters, quotes, line breaks included). */
const formulaLike = fc
  .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '=cmd|', '@SUM(', '-1+', '+=', ' =', '\t=', '"=', "'="), fc.string({ maxLength: 12 }), fc.constantFrom('', ';', ',', '"', '\n', '|', ':'))
  .map(([prefix, body, tail]) => `${prefix}${body}${tail}`);

const cell = (valid: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.oneof({ weight: 2, arbitrary: valid }, { weight: 1, arbitrary: formulaLike }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });

const record = fc.tuple(
  formulaLike, // id
  cell(fc.constantFrom('1000', '25 000,00', '0', '-5', '1000.50')), // tariff
  cell(fc.constantFrom('hospital', 'стационар', 'all', '')), // setting
  cell(fc.constantFrom('3.2.2', '1.1|2.13', '2.16.1:800', '9.9', '')), // violations
);

describe('the CSV writer of oms-calc sanctions', () => {
  it('writes no cell that a spreadsheet would evaluate, whatever the ids, amounts, settings and codes', () => {
    let formulaIds = 0;
    let errorRows = 0;
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 12 }), fc.constantFrom<';' | ','>(';', ','), (records, delimiter) => {
        const header = ['id', 'tariff', 'setting', 'violations'];
        const rows = new CaseRecords({ perCapitaRates: { hospital: '100', all: '50' } }, delimiter, '', 2, layoutOf(header, ''));
        const out = new CsvBytes(64);
        const computed = rows.take(records, out);
        const cells = parse(out.view().toString('utf8'), { delimiter, relax_column_count: true }) as string[][];
        expect(cells).toHaveLength(records.length);
        for (const line of cells) {
          for (const c of line) if (FORMULA.test(c)) expect(c).toMatch(NUMERIC);
        }
        for (const [id] of records) if (FORMULA.test(id.trim())) formulaIds++;
        errorRows += computed.filter((r) => 'error' in r).length;
      }),
    );
    // the property was not vacuous: formula ids were written, and error rows with their messages
    expect(formulaIds).toBeGreaterThan(50);
    expect(errorRows).toBeGreaterThan(50);
  });
});
