/**
 * The generator of the reserveAtRisk simulation against the reference implementations of its
 * algorithms (xoshiro128** 1.1 and SplitMix64 by Blackman and Vigna, in C): the outputs below
 * were printed by the reference C code, compiled and run as published.
 */
import { describe, expect, it } from 'vitest';
import { fillUint32, seedState } from '../../src/reserve/prng';

const draw = (state: Uint32Array, n: number): number[] => {
  const out = new Uint32Array(n);
  fillUint32(state, out);
  return [...out];
};

describe('xoshiro128**', () => {
  it('from the state (1, 2, 3, 4) gives the reference outputs', () => {
    expect(draw(Uint32Array.of(1, 2, 3, 4), 8)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
  });

  it('gives the same sequence whatever the block sizes', () => {
    const whole = draw(seedState(7), 1000);
    const state = seedState(7);
    const parts = [1, 3, 4, 100, 4096 - 4000, 796].flatMap((n) => draw(state, n));
    expect(parts).toEqual(whole);
  });
});

describe('SplitMix64 seeding', () => {
  it('fills the state with two SplitMix64 outputs, low word first', () => {
    // SplitMix64 from 0: e220a8397b1dcdaf, 6e789e6aa1b965f4 (the published first outputs)
    expect([...seedState(0)]).toEqual([0x7b1dcdaf, 0xe220a839, 0xa1b965f4, 0x6e789e6a]);
    // from 1: 910a2dec89025cc1, beeb8da1658eec67
    expect([...seedState(1)]).toEqual([0x89025cc1, 0x910a2dec, 0x658eec67, 0xbeeb8da1]);
  });

  it.each([
    [0, [3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774, 3260698944, 2754151956]],
    [1, [1695105466, 1423115009, 634581793, 1068227753, 716759206, 4186505319, 3777694425, 2710820970]],
    [42, [1776835114, 4165204688, 17111135, 2317295270, 2792088233, 2554630222, 2940343271, 2244566231]],
    [Number.MAX_SAFE_INTEGER, [1233166643, 1287031142, 661813442, 2960669951, 2601079046, 1036114921, 2300589652, 2591400186]],
  ])('seed %d gives the reference outputs', (seed, expected) => {
    expect(draw(seedState(seed), 8)).toEqual(expected);
  });

  it('rejects seeds outside [0, 2^53 − 1]', () => {
    expect(() => seedState(-1)).toThrow(RangeError);
    expect(() => seedState(1.5)).toThrow(RangeError);
    expect(() => seedState(2 ** 53)).toThrow(RangeError);
  });
});
