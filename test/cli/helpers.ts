/** Runs the CLI in-process with captured streams, in a scratch directory. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
