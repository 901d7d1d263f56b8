import { describe, expect, it, vi } from 'vitest';
import { invalidInput, isOmsCalcError, OmsCalcError } from '../../src/_internal/errors';
import { decimal, parseInput } from '../../src/_internal/schema';
import { z } from 'zod';

describe('OmsCalcError', () => {
  it('carries code, issues and cause', () => {
    const cause = new Error('inner');
    const e = new OmsCalcError('UNKNOWN_CODE', 'no such code', [{ path: ['violations', 0], message: 'x' }], { cause });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('OmsCalcError');
    expect(e.code).toBe('UNKNOWN_CODE');
    expect(e.issues).toMatchObject([{ path: ['violations', 0], message: 'x' }]);
    expect(e.cause).toBe(cause);
  });

  it('always has at least one issue', () => {
    expect(new OmsCalcError('INVALID_INPUT', 'bad').issues).toMatchObject([{ path: [], message: 'bad' }]);
  });

  it('is recognised across two loaded copies of the module', async () => {
    vi.resetModules();
    // @ts-expect-error -- the same file loaded under another id: a second copy of the module
    const other = (await import('../../src/_internal/errors?copy=2')) as typeof import('../../src/_internal/errors');
    expect(other.OmsCalcError).not.toBe(OmsCalcError);
    const foreign = new other.OmsCalcError('INVALID_INPUT', 'from the other copy');
    expect(isOmsCalcError(foreign)).toBe(true);
    expect(foreign instanceof OmsCalcError).toBe(true);
    expect(other.isOmsCalcError(new OmsCalcError('INVALID_INPUT', 'x'))).toBe(true);
  });

  it.each([new Error('x'), { code: 'INVALID_INPUT', issues: [] }, null, 'OmsCalcError', undefined])('rejects look-alikes: %j', (v) => {
    expect(isOmsCalcError(v)).toBe(false);
    expect(v instanceof OmsCalcError).toBe(false);
  });

  it('summarises the first issue and counts the rest', () => {
    const e = invalidInput('f', [
      { code: 'custom', path: ['a', 0], params: {}, message: 'bad a' },
      { code: 'custom', path: [], params: {}, message: 'bad root' },
    ]);
    expect(e.message).toBe('f: invalid input: a.0: bad a (and 1 more)');
  });
});

describe('parseInput', () => {
  const schema = z.strictObject({ a: decimal({ min: 0, maxPlaces: 2 }), b: z.array(decimal({ integer: true })) });

  it('returns Decimals for valid input', () => {
    const v = parseInput(schema, { a: '1.25', b: [1, '2'] }, 'f');
    expect(v.a.toString()).toBe('1.25');
  });

  it('reports one issue per problem with its path', () => {
    try {
      parseInput(schema, { a: '-1.234', b: ['1.5', 'x'], c: 1 }, 'f');
      expect.unreachable();
    } catch (e) {
      expect(isOmsCalcError(e)).toBe(true);
      const err = e as OmsCalcError;
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.issues).toMatchObject([
        { path: ['a'], message: 'must be at least 0, got -1.234' },
        { path: ['b', 0], message: 'must be a whole number, got 1.5' },
        { path: ['b', 1], message: 'expected a plain decimal string such as "1234.56", got "x"' },
        { path: [], message: 'Unrecognized key: "c"' },
      ]);
    }
  });
});
