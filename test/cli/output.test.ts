import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, scratch, shell } from './helpers';

/** Enough rows that the output is far larger than a pipe's buffer (64 KiB). */
const many = ['id;tariff;setting;violations', ...Array.from({ length: 20_000 }, (_, i) => `${i};1000;hospital;3.2.2`)].join('\n');

const files = scratch({
  'many.csv': `${many}\n`,
  'rates.json': '{"hospital":"100"}',
  'plan.json': '{"planned":"1812000000","openingBalance":"1650000000","months":12}',
  // the second record opens a quote that is never closed: csv-parse fails after the first line is written
  'broken.csv': 'id;tariff;setting;violations\n1;1000;hospital;3.2.2\n"2;1000;hospital;3.2.2\n',
});
afterAll(files.remove);

const noStack = (stderr: string): void => {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toContain('node:internal');
};
const hasFull = existsSync('/dev/full');

describe('output that fails', () => {
  it('a closed pipe (`| head -1`) ends quietly with exit 0', () => {
    const r = shell('oms sanctions --cases many.csv --rates rates.json | head -1; echo "exit ${PIPESTATUS[0]}" >&2', { cwd: files.dir });
    expect(r.stdout).toBe('line;id;status;non_payment;fine;details;error_code;error_message\n');
    expect(r.stderr).toBe('exit 0\n');
  }, 30_000);

  it('a closed pipe after a JSON command ends quietly with exit 0', () => {
    // `true` reads nothing and is gone long before node has started: the write meets EPIPE
    const r = shell('oms replenishment --input plan.json | true; echo "exit ${PIPESTATUS[0]}" >&2', { cwd: files.dir });
    expect(r.stderr).toBe('exit 0\n');
  }, 30_000);

  it.runIf(hasFull)('a full disk is one line and exit 1: --out /dev/full, > /dev/full', () => {
    for (const command of [
      'oms sanctions --cases many.csv --rates rates.json --out /dev/full',
      'oms sanctions --cases many.csv --rates rates.json > /dev/full',
      'oms replenishment --input plan.json > /dev/full',
      'oms replenishment --input plan.json --out /dev/full',
    ]) {
      const r = shell(command, { cwd: files.dir });
      expect([command, r.status]).toEqual([command, 1]);
      noStack(r.stderr);
      expect(r.stderr).toMatch(/^oms-calc: cannot write (standard output|--out \/dev\/full|\/dev\/full): ENOSPC: no space left on device, write\n$/);
    }
  }, 60_000);

  it('--out is written beside its name and renamed when complete: a failed run leaves neither --out nor --totals, and no temporary file', async () => {
    writeFileSync(join(files.dir, 'results.csv'), 'the previous results\n');
    writeFileSync(join(files.dir, 'totals.json'), '{"previous":true}\n');
    const r = await run(files.dir, ['sanctions', '--cases', 'broken.csv', '--rates', 'rates.json', '--out', 'results.csv', '--totals', 'totals.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/строка \d+: кавычка открывает здесь поле и не закрывается/);
    expect(existsSync(join(files.dir, 'results.csv'))).toBe(false);
    expect(existsSync(join(files.dir, 'totals.json'))).toBe(false);
    expect(readdirSync(files.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a failed document run leaves neither --out nor --totals either', async () => {
    writeFileSync(join(files.dir, 'results.html'), 'the previous document\n');
    writeFileSync(join(files.dir, 'totals.csv'), 'previous\n');
    const r = await run(files.dir, ['sanctions', '--cases', 'broken.csv', '--rates', 'rates.json', '--format', 'html', '--out', 'results.html', '--totals', 'totals.csv']);
    expect(r.code).toBe(2);
    expect(existsSync(join(files.dir, 'results.html'))).toBe(false);
    expect(existsSync(join(files.dir, 'totals.csv'))).toBe(false);
    expect(readdirSync(files.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an --out that is the --cases file is read whole before it is replaced, and a failed run keeps it', async () => {
    writeFileSync(join(files.dir, 'same.csv'), 'id;tariff;setting;violations\n1;1000;hospital;3.2.2\n');
    const r = await run(files.dir, ['sanctions', '--cases', 'same.csv', '--rates', 'rates.json', '--out', 'same.csv']);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(files.dir, 'same.csv'), 'utf8').split('\n');
    expect(lines[0]).toBe('line;id;status;non_payment;fine;details;error_code;error_message');
    expect(lines[1]).toMatch(/^2;1;ok;/);
    // a run that fails removes its outputs, but never the cases it read
    const broken = readFileSync(join(files.dir, 'broken.csv'), 'utf8');
    writeFileSync(join(files.dir, 'same-broken.csv'), broken);
    const failed = await run(files.dir, ['sanctions', '--cases', 'same-broken.csv', '--rates', 'rates.json', '--out', 'same-broken.csv']);
    expect(failed.code).toBe(2);
    expect(readFileSync(join(files.dir, 'same-broken.csv'), 'utf8')).toBe(broken);
  });

  it('a complete run replaces --out whole and leaves no temporary file; so do the JSON commands', async () => {
    const r = await run(files.dir, ['sanctions', '--cases', 'many.csv', '--rates', 'rates.json', '--out', 'all.csv']);
    expect(r.code).toBe(0);
    // 20 000 rows and the header
    expect(readFileSync(join(files.dir, 'all.csv'), 'utf8').split('\n')).toHaveLength(20_002);
    const j = await run(files.dir, ['replenishment', '--input', 'plan.json', '--out', 'plan-out.json']);
    expect(j.code).toBe(0);
    expect(JSON.parse(readFileSync(join(files.dir, 'plan-out.json'), 'utf8'))).toMatchObject({ total: '162000000' });
    expect(readdirSync(files.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an --out that is a symbolic link replaces the file it points to and keeps the link', async () => {
    writeFileSync(join(files.dir, 'target.json'), 'old\n');
    symlinkSync('target.json', join(files.dir, 'link.json'));
    const r = await run(files.dir, ['replenishment', '--input', 'plan.json', '--out', 'link.json']);
    expect(r.code).toBe(0);
    expect(lstatSync(join(files.dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(files.dir, 'target.json'), 'utf8'))).toMatchObject({ total: '162000000' });
  });

  it('an --out in a directory that does not exist is one line and exit 1', async () => {
    const r = await run(files.dir, ['replenishment', '--input', 'plan.json', '--out', 'no/such/dir/x.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^oms-calc: cannot write no\/such\/dir\/x\.json: ENOENT/);
  });
});
