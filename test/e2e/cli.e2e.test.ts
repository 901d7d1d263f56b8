/**
 * End-to-end tests of the `oms-calc` bin from the packed tarball: installed into a scratch
 * project as a user would install it, and spawned as a process.
 *
 * Run after `scripts/pack-check.sh` (it leaves the tarball's path in .tmp/tarball):
 * `npx vitest run --project e2e`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installTarball } from './install';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry, REGISTRY_RATES, withoutTime } from '../cli/registry';

let dir = '';
let bin = '';

let remove = (): void => {};

beforeAll(() => {
  ({ dir, bin, remove } = installTarball('cli'));
}, 120_000);

afterAll(() => remove());

function run(args: string[], stdin?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(bin, args, { cwd: dir, input: stdin ?? '', encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const one = [{ value: '1', probability: '1' }];
const reserveInput = {
  income: [
    { value: '9000000000', probability: '0.2' },
    { value: '10000000000', probability: '0.5' },
    { value: '10500000000', probability: '0.3' },
  ],
  ambulatory: { scenarios: one, unitCost: '1' },
  inpatient: { scenarios: one, unitCost: '1' },
  dayHospital: { scenarios: one, unitCost: '1' },
  payables: '0',
};

describe('oms-calc bin', () => {
  it('lists every command in its help', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['reserve-size', 'planned-reserve', 'reserve-at-risk', 'replenishment', 'reserve-year', 'subvention', 'sanctions', 'smo-rating', 'table']) {
      expect(r.stdout).toContain(c);
    }
  });

  it.each(['reserve-size', 'planned-reserve', 'reserve-at-risk', 'replenishment', 'reserve-year', 'subvention', 'sanctions', 'smo-rating', 'table'])(
    '%s --help shows an example',
    (command) => {
      const r = run([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Example/);
    },
  );

  it('reserve-size: JSON from standard input, the function’s shape out', () => {
    const r = run(['reserve-size'], JSON.stringify(reserveInput));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { total: string; trace: { symbol: string }[] };
    expect(out.total).toBe('522015325.45');
    expect(out.trace.map((s) => s.symbol)).toContain('ОДБ');
  });

  it('reserve-size --format table: a Russian table with the trace', () => {
    writeFileSync(join(dir, 'reserve.json'), JSON.stringify(reserveInput));
    const r = run(['reserve-size', '--input', 'reserve.json', '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('522\u202f015\u202f325,45');
    expect(r.stdout).toContain('источник: Степанов, Головщинский (2011)');
  });

  it('invalid input: exit 2 and every issue with its path', () => {
    const r = run(['reserve-size'], JSON.stringify({ ...reserveInput, income: [{ value: '-1', probability: '2' }], payables: 'x' }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('INVALID_INPUT');
    expect(r.stderr).toContain('  - income.0.value: должно быть не меньше 0, получено -1');
    expect(r.stderr).toContain('  - income.0.probability: должно быть не больше 1, получено 2');
    expect(r.stderr).toContain('  - payables:');
    const english = run(['reserve-size', '--lang', 'en'], JSON.stringify({ ...reserveInput, income: [{ value: '-1', probability: '2' }], payables: 'x' }));
    expect(english.code).toBe(2);
    expect(english.stderr).toContain('  - income.0.value: must be at least 0, got -1');
    expect(english.stderr).toContain('  - income.0.probability: must be at most 1, got 2');
  });

  it('probabilities that do not add up: exit 2 with the sum', () => {
    const r = run(['reserve-size'], JSON.stringify({ ...reserveInput, income: [{ value: '1', probability: '0.3' }] }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PROBABILITIES_DO_NOT_SUM_TO_ONE');
    expect(r.stderr).toContain('income: сумма вероятностей равна 0.3, а должна быть равна 1');
  });

  it('malformed JSON is invalid input; a missing file is a failure', () => {
    expect(run(['replenishment'], '{ not json').code).toBe(2);
    expect(run(['replenishment', '--input', 'no-such-file.json']).code).toBe(1);
    expect(run(['no-such-command']).code).toBe(2);
  });

  it('planned-reserve: one year, or three for the budget-law form', () => {
    const year = { required: '900000000', programFinancing: '12000000000', plannedIncome: '12500000000', plannedBaseProgramCost: '12000000000' };
    expect((JSON.parse(run(['planned-reserve'], JSON.stringify(year)).stdout) as { planned: string }).planned).toBe('900000000');
    const h = JSON.parse(run(['planned-reserve'], JSON.stringify([year, year, year])).stdout) as { rows: unknown[] };
    expect(h.rows).toHaveLength(3);
  });

  it('replenishment and reserve-year, with --out', () => {
    const r = run(['replenishment', '--out', 'schedule.json'], JSON.stringify({ planned: '100000000', openingBalance: '0', months: 3, startMonth: 10 }));
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'schedule.json'), 'utf8')) as { installments: { amount: string }[] };
    expect(s.installments.map((i) => i.amount)).toEqual(['33333333.33', '33333333.33', '33333333.34']);
    const y = run(['reserve-year', '--format', 'table'], JSON.stringify({ planned: '1200', openingBalance: '0', events: [{ month: 4, spending: '100' }] }));
    expect(y.code).toBe(0);
    expect(y.stdout).toContain('апрель');
  });

  it('reserve-at-risk', () => {
    const flat = { scenarios: [{ value: '0', probability: '1' }], unitCost: '0' };
    const r = run(['reserve-at-risk'], JSON.stringify({ income: [{ value: '0', probability: '0.5' }, { value: '200', probability: '0.5' }], ambulatory: flat, inpatient: flat, dayHospital: flat, payables: '0', levels: ['0.95'] }));
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { levels: { valueAtRisk: string }[] }).levels[0]?.valueAtRisk).toBe('100');
  });

  it('subvention: Form 1, and the decision when a check is given', () => {
    const form = {
      openingBalance: '100', capitationFunds: '50', omsIncome: '0', sanctionIncome: '0', damagesRecovered: '0', reserveReturns: '0',
      acceptedInvoices: '400', invoicePayments: '100', administration: '10', prevention: '5', otherExpenses: '5',
    };
    expect((JSON.parse(run(['subvention'], JSON.stringify(form)).stdout) as { claim: string }).claim).toBe('270');
    const decided = run(['subvention', '--format', 'table'], JSON.stringify({
      form,
      decision: { verifiedNeed: '200', reserveBalance: '1000', objectiveCauses: true, misuseFound: false, violationsFound: false, fundsFullySpent: true },
    }));
    expect(decided.code).toBe(0);
    expect(decided.stdout).toContain('предоставить частично');
    const bad = run(['subvention'], JSON.stringify({ form: { ...form, prevention: '1.234' }, decision: {} }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('  - form.prevention:');
  });

  it('smo-rating chooses the computation by the input', () => {
    const r = run(['smo-rating', '--format', 'table'], JSON.stringify({ smos: [{ smo: 'А', resultExact: '90.1' }, { smo: 'Б', resultExact: '81.25' }] }));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1\s+А\s+90,1/);
    expect(run(['smo-rating'], '{"nothing": 1}').code).toBe(2);
  });

  it('table: the built-in table, 70 codes', () => {
    const r = run(['table']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout) as { id: string; entries: unknown[] };
    expect(t.id).toBe('tariff-agreement-2025-01-09-annex-25');
    expect(t.entries).toHaveLength(70);
  });

  it('sanctions: a CSV registry with a bad row', () => {
    writeFileSync(join(dir, 'cases.csv'), '\uFEFFid;date;tariff;setting;per_capita_rate;violations\n1;2025-03-01;1000,00;ambulatory;150,00;3.2.3\n2;2025-03-01;-5;ambulatory;;1.2\n');
    const r = run(['sanctions', '--cases', 'cases.csv', '--out', 'out.csv']);
    expect(r.code).not.toBe(1);
    const out = readFileSync(join(dir, 'out.csv'), 'utf8');
    expect(out.split(/\r?\n/).filter((l) => l.trim() !== '')).toHaveLength(3);
  });

  it('sanctions from the installed bin: one row per data line, the blank ones counted; --jobs is accepted and changes nothing', () => {
    const text = registry(6000, { eol: '\r\n', bom: true });
    writeFileSync(join(dir, 'registry.csv'), text);
    writeFileSync(join(dir, 'registry-rates.json'), REGISTRY_RATES);
    const args = (jobs: string): string[] => ['sanctions', '--cases', 'registry.csv', '--rates', 'registry-rates.json', '--out', `registry-${jobs}.csv`, '--jobs', jobs];
    const one = run(args('1'));
    const two = run(args('2'));
    expect([one.code, two.code]).toEqual([2, 2]);
    expect(two.stderr.split('\n')[0]).toMatch(/^oms-calc sanctions: \d+ rows, \d+ with errors/);
    expect(withoutTime(two.stderr)).toBe(withoutTime(one.stderr));
    const out = readFileSync(join(dir, 'registry-2.csv'), 'utf8');
    // the header, and a line per data line but the blank ones
    expect(out.split('\n').filter((l) => l !== '')).toHaveLength(1 + text.split('\r\n').slice(1).filter((l) => l !== '').length);
    expect(out).toBe(readFileSync(join(dir, 'registry-1.csv'), 'utf8'));
  });
});
