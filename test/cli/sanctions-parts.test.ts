/**
 * `oms-calc sanctions` on worker threads: the source bundled as dist/cli.js is (worker threads
 * run the bin's own file), and its output for any --jobs compared with one thread's.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partBytes } from '../../src/cli/sanctions-parts';
import { run, scratch } from './helpers';
import { registry, REGISTRY_RATES, withoutTime } from './registry';

const files = scratch({
  'rates.json': REGISTRY_RATES,
  'cases.csv': registry(6000, { eol: '\r\n', bom: true }),
  'quoted.csv': registry(6000, { quoteAt: 4000 }),
  'no-newline.csv': registry(6000).trimEnd(),
  'plain.csv': registry(6000),
  // A quote in the header: the whole file goes the streaming path.
  'streamed.csv': registry(6000).replace('номер', '"номер"'),
});
afterAll(files.remove);
const bin = join(files.dir, 'cli.mjs');

beforeAll(async () => {
  await build({ entryPoints: [resolve(__dirname, '../../src/cli/index.ts')], outfile: bin, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
}, 60_000);

function sanctions(file: string, jobs: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, 'sanctions', '--cases', file, '--rates', 'rates.json', '--jobs', jobs], { cwd: files.dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('oms-calc sanctions --jobs', () => {
  it.each(['cases.csv', 'quoted.csv', 'no-newline.csv'])('%s: the same output, exit code and totals with 2 and 3 threads as with one', (file) => {
    const one = sanctions(file, '1');
    expect(one.code).toBe(2); // the file has bad lines
    expect(one.stdout.split('\n').length).toBeGreaterThan(5000);
    expect(one.stderr.split('\n')[0]).toMatch(/ s(, streamed from line \d+ \(a double quote\))?$/); // one thread: no thread count
    for (const jobs of ['2', '3']) {
      const many = sanctions(file, jobs);
      expect(many.stderr.split('\n')[0]).toMatch(new RegExp(` s on ${jobs} threads(; streamed from line \\d+ \\(a double quote\\))?$`));
      expect(many.code).toBe(one.code);
      expect(many.stdout).toBe(one.stdout);
      expect(withoutTime(many.stderr)).toBe(withoutTime(one.stderr));
    }
  }, 60_000);

  it('the streaming path and the path part by part write the same bytes', () => {
    const parts = sanctions('plain.csv', '1');
    const streamed = sanctions('streamed.csv', '1');
    expect(streamed.stdout).toBe(parts.stdout);
    expect(withoutTime(streamed.stderr)).toBe(withoutTime(parts.stderr));
  }, 60_000);

  it('numbers the lines after a quoted field with a line break, on one thread from there on', () => {
    const r = sanctions('quoted.csv', '2');
    // the part that holds the quote starts at a part boundary at or before line 4002
    const from = Number(/streamed from line (\d+) \(a double quote\)$/m.exec(r.stderr)?.[1]);
    expect(from).toBeGreaterThan(2);
    expect(from).toBeLessThanOrEqual(4002);
    const lines = r.stdout.split('\n');
    // data line 4000 is file line 4002 and spans two lines; the next data line is file line 4004
    expect(lines.find((l) => l.startsWith('4002;'))).toMatch(/^4002;"Q;4000";ok;/);
    expect(lines.some((l) => l.startsWith('4003;'))).toBe(false);
    expect(lines.find((l) => l.startsWith('4004;'))).toMatch(/^4004;4001;/);
  }, 60_000);

  it('auto: one thread for a file under 16 MiB', () => {
    const r = sanctions('cases.csv', 'auto');
    expect(r.stderr.split('\n')[0]).toMatch(/^oms-calc sanctions: \d+ rows, \d+ with errors, \d+\.\d s$/);
  }, 60_000);

  it('rejects a --jobs that is not a whole number from 1, with exit 2', async () => {
    for (const jobs of ['0', 'two', '1.5']) {
      const r = await run(files.dir, ['sanctions', '--cases', 'cases.csv', '--jobs', jobs]);
      expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, `oms-calc: --jobs takes a whole number from 1 to 256 or auto, got ${jobs}`]);
    }
  });

  it('cuts parts of 64 KiB to 1 MiB, about eight per thread', () => {
    expect(partBytes(100, 2)).toBe(64 << 10);
    expect(partBytes(16 << 20, 2)).toBe(1 << 20);
    expect(partBytes(8 << 20, 2)).toBe(512 << 10);
    expect(partBytes(1 << 30, 8)).toBe(1 << 20);
  });
});
