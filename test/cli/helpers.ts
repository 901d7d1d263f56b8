/** Runs the CLI in-process with captured streams, in a scratch directory; or as a process through a shell. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/index';

/** A scratch directory with the given files. */
export function scratch(files: Record<string, string>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'oms-calc-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A writable stream that keeps what is written. */
function collector(isTTY: boolean): Writable & { text: () => string; isTTY: boolean } {
  const chunks: Buffer[] = [];
  const w = new Writable({
    write(chunk: Buffer | string, _encoding, done): void {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      done();
    },
  }) as Writable & { text: () => string; isTTY: boolean };
  w.text = () => Buffer.concat(chunks).toString('utf8');
  w.isTTY = isTTY;
  return w;
}

/** Runs `oms-calc …args` in `dir`; resolves to the exit code and the two streams' text. */
export async function run(dir: string, args: string[], options: { tty?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = collector(false);
  const stderr = collector(options.tty ?? false);
  const code = await main(args, { stdout, stderr, cwd: dir });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** The repository's root. */
export const ROOT = join(__dirname, '../..');

/**
 * Runs `oms-calc` as a process through bash, so that pipes and redirections are real: the
 * command calls the CLI as `oms` (`node --import tsx src/cli/index.ts`), e.g.
 * `shell('oms sanctions --cases c.csv | head -1', { cwd })`. The status is the last command's.
 */
export function shell(command: string, options: { cwd: string; input?: string }): { status: number | null; stdout: string; stderr: string } {
  const q = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;
  const oms = `oms() { ${q(process.execPath)} --import ${q(pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href)} ${q(join(ROOT, 'src/cli/index.ts'))} "$@"; }`;
  const r = spawnSync('bash', ['-c', `${oms}\n${command}`], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
