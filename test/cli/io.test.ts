import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CliError, openOutputFile, removeReplaced, writeBehind, type GuardedOutput } from '../../src/cli/io';

/**
 * An output as slow as a busy disk: it keeps the views it is given and reads their bytes only
 * when a flush completes, a few event-loop turns later, as a file stream's write does.
 */
function slowOutput(): { output: GuardedOutput; bytes: () => string } {
  const pending: Uint8Array[] = [];
  let text = '';
  const decoder = new TextDecoder();
  const later = (): Promise<void> => new Promise((done) => setTimeout(done, 2));
  return {
    output: {
      async write(chunk) {
        pending.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
      },
      async flush() {
        await later();
        for (const c of pending.splice(0)) text += decoder.decode(c);
      },
      release() {},
    },
    bytes: () => text,
  };
}

/** Scratch folders, removed after each test. */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const folder = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'oms-calc-out-'));
  dirs.push(d);
  return d;
};

describe('writeBehind', () => {
  it('hands every chunk of a reused buffer to a slow output intact, in order', async () => {
    const { output, bytes } = slowOutput();
    const behind = writeBehind(output);
    const reused = new Uint8Array(64);
    let expected = '';
    for (let i = 0; i < 12; i++) {
      // each chunk a different length, so that the two copies grow and are written over
      const line = `${i};${'x'.repeat(i * 3)}\n`;
      const n = new TextEncoder().encodeInto(line, reused).written;
      await behind.put(reused.subarray(0, n));
      reused.fill(0x21); // the owner writes into its buffer again at once
      expected += line;
    }
    await output.flush();
    expect(bytes()).toBe(expected);
  });

  it('waits only when every one of its buffers is still being written', async () => {
    // an output whose writes complete only when the test lets them
    const releases: (() => void)[] = [];
    const output: GuardedOutput = {
      async write() {},
      flush: () => new Promise<void>((done) => releases.push(done)),
      release() {},
    };
    const behind = writeBehind(output, 3);
    const chunk = new Uint8Array([1, 2, 3]);
    for (let i = 0; i < 3; i++) await behind.put(chunk); // three buffers: three puts at once
    let fourth = false;
    const next = behind.put(chunk).then(() => {
      fourth = true;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(fourth).toBe(false); // the first buffer is still being written
    releases[0]?.();
    await next;
    expect(fourth).toBe(true);
  });
});

describe('openOutputFile', () => {
  const temporaryOf = (dir: string): string => join(dir, readdirSync(dir).find((f) => f.endsWith('.tmp')) as string);

  it('syncs the data in the background as it is written, and all of it before the rename', async () => {
    const dir = folder();
    const path = join(dir, 'out.csv');
    writeFileSync(path, 'previous\n');
    // each sync sees how much of the file is written, and what the name holds at that moment
    const seen: { size: number; named: string }[] = [];
    const file = await openOutputFile(path, '--out out.csv', {
      syncEvery: 100,
      dataSync: async () => {
        seen.push({ size: statSync(temporaryOf(dir)).size, named: readFileSync(path, 'utf8') });
      },
    });
    const behind = writeBehind(file.output, 2); // two buffers: each put waits for the one two before it
    const line = new TextEncoder().encode(`${'x'.repeat(59)}\n`);
    for (let i = 0; i < 10; i++) await behind.put(line);
    await file.output.flush();
    await file.output.write('end\n'); // written, not flushed: only the commit's sync covers it
    await file.commit();
    expect(readFileSync(path, 'utf8')).toBe(`${`${'x'.repeat(59)}\n`.repeat(10)}end\n`);
    // background syncs while writing (every 100 bytes at most one at a time), then one of the whole file
    expect(seen.filter((s) => s.size < 600).length).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)).toEqual({ size: 604, named: 'previous\n' });
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('a failed sync fails the commit: the previous file stays, the temporary one is removed', async () => {
    const dir = folder();
    const path = join(dir, 'out.csv');
    writeFileSync(path, 'previous\n');
    const file = await openOutputFile(path, '--out out.csv', {
      dataSync: async () => {
        throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
      },
    });
    await file.output.write('new\n');
    const failure = await file.commit().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(CliError);
    expect((failure as CliError).message).toBe('cannot write --out out.csv: EIO: i/o error, fdatasync');
    expect(readFileSync(path, 'utf8')).toBe('previous\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('a file that is not regular is written directly, never synced', async () => {
    let syncs = 0;
    const file = await openOutputFile('/dev/null', '--out /dev/null', {
      syncEvery: 1,
      dataSync: async () => {
        syncs++;
      },
    });
    await file.output.write('x'.repeat(100));
    await file.output.flush();
    await file.commit();
    expect(syncs).toBe(0);
  });
});

describe('removeReplaced', () => {
  it('removes regular files and a link’s target (the link stays), and skips what is missing or not a file', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.csv'), 'a\n');
    writeFileSync(join(dir, 'target.json'), '{}\n');
    symlinkSync('target.json', join(dir, 'link.json'));
    mkdirSync(join(dir, 'folder'));
    await removeReplaced([join(dir, 'a.csv'), join(dir, 'link.json'), join(dir, 'missing.csv'), join(dir, 'folder')]);
    expect(readdirSync(dir).sort()).toEqual(['folder', 'link.json']);
    expect(existsSync(join(dir, 'target.json'))).toBe(false);
  });

  it('keeps the file it is told to keep, under any of its names', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'cases.csv'), 'cases\n');
    writeFileSync(join(dir, 'old.csv'), 'old\n');
    symlinkSync('cases.csv', join(dir, 'alias.csv'));
    await removeReplaced([join(dir, 'alias.csv'), join(dir, 'cases.csv'), join(dir, 'old.csv')], statSync(join(dir, 'cases.csv')));
    expect(readFileSync(join(dir, 'cases.csv'), 'utf8')).toBe('cases\n');
    expect(readdirSync(dir).sort()).toEqual(['alias.csv', 'cases.csv']);
  });
});
