import { describe, expect, it } from 'vitest';
import { writeBehind, type GuardedOutput } from '../../src/cli/io';

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
});
