/**
 * Doc tests: every ```ts `@example` block of src runs against the source modules, and every value
 * in a `// value` comment after an expression statement is the value that statement gives. A
 * wrong example is a bug.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectExamples, compileExample, valueOf } from './examples';
import { listedModules, repoRoot } from './tsdoc';

const MODULES = new Set(listedModules());
/** `oms-calc` and `oms-calc/<module>` are the source modules; anything else is imported as it is. */
async function importFor(spec: string): Promise<unknown> {
  if (spec === 'oms-calc') return import(pathToFileURL(join(repoRoot, 'src', 'index.ts')).href);
  const sub = /^oms-calc\/(.+)$/.exec(spec)?.[1];
  if (sub !== undefined) {
    if (!MODULES.has(sub)) throw new Error(`no module oms-calc/${sub}`);
    return import(pathToFileURL(join(repoRoot, 'src', sub, 'index.ts')).href);
  }
  return import(spec);
}

type Run = (load: typeof importFor, check: (n: number, actual: unknown, expected: unknown) => void) => Promise<void>;
// eslint-disable-next-line @typescript-eslint/no-empty-function
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => Run;

const examples = collectExamples();

describe('the @example blocks of src', () => {
  it('are found, and hold checked values', () => {
    expect(examples.length).toBeGreaterThan(35);
    const checks = examples.reduce((n, e) => n + compileExample(e.code).checks, 0);
    expect(checks).toBeGreaterThan(60);
  });

  it.each(examples.filter((e) => !e.noRun).map((e) => [e.at, e] as const))('%s', async (_at, example) => {
    const { body, checks } = compileExample(example.code);
    const seen: number[] = [];
    const wrong: string[] = [];
    const run = new AsyncFunction('__import', '__check', body);
    await run(importFor, (n, actual, expected) => {
      seen.push(n);
      try {
        expect(actual).toEqual(expected);
      } catch {
        wrong.push(`check ${n}: got ${JSON.stringify(actual)}, the comment says ${JSON.stringify(expected)}`);
      }
    });
    expect(wrong).toEqual([]);
    // every value comment was reached (none sits in a branch that does not run)
    expect([...new Set(seen)].sort((a, b) => a - b)).toEqual(Array.from({ length: checks }, (_, i) => i + 1));
  });
});

describe('the doc-test reader itself', () => {
  it('reads the literal at the start of a value comment, without the remark after it', () => {
    expect(valueOf(" '7071.06'   (ОС = sqrt(0.5 × 10000²))")).toBe("'7071.06'");
    expect(valueOf(" ['a', 'b'] — both")).toBe("['a', 'b']");
    expect(valueOf(' undefined   (1 when absent)')).toBe('undefined');
    expect(valueOf(' -5')).toBe('-5');
    expect(valueOf(' { a: 1 }')).toBe('{ a: 1 }');
    expect(valueOf(' e.g. a big.js value')).toBeUndefined();
    expect(valueOf(' (the sum is checked elsewhere)')).toBeUndefined();
  });

  it('turns value comments into checks, on the same line or the next', async () => {
    const { body, checks } = compileExample(
      ["import { formatRubles } from 'oms-calc';", "formatRubles('1.5'); // '1,50'", 'const x: number = 2;', 'x + 1;', '// 4', "x; // e.g. 'two'"].join('\n'),
    );
    expect(checks).toBe(2);
    const got: [number, unknown, unknown][] = [];
    await new AsyncFunction('__import', '__check', body)(importFor, (n, a, e) => got.push([n, a, e]));
    expect(got).toEqual([
      [1, '1,50', '1,50'],
      [2, 3, 4],
    ]);
  });
});
