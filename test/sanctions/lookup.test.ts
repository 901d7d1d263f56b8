import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeKey, compileTable, KeyIndex, type CompiledEntry } from '../../src/sanctions/lookup';
import { builtinSanctionTable } from '../../src/sanctions';

describe('KeyIndex (entries by code key)', () => {
  it('finds every key a Map holds and nothing else, however the keys collide', () => {
    const some = compileTable(builtinSanctionTable).byCode.get('1.4.2') as CompiledEntry;
    // keys up to the largest code key (999.999.999), and runs of neighbours, which share slots
    const key = fc.oneof(fc.integer({ min: 0, max: 1_000_999_000 }), fc.integer({ min: 0, max: 40 }));
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 300 }), fc.array(key, { maxLength: 50 }), (keys, probes) => {
        const map = new Map(keys.map((k, i) => [k, { ...some, index: i }]));
        const index = new KeyIndex(map);
        for (const k of [...keys, ...probes]) expect(index.get(k)).toBe(map.get(k));
        expect(index.get(-1)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('holds the code of every entry of the built-in table, with its bytes', () => {
    const compiled = compileTable(builtinSanctionTable);
    for (const e of compiled.byCode.values()) {
      expect(new TextDecoder().decode(e.codeBytes)).toBe(e.code);
      expect(compiled.byKey.get(codeKey(e.code))).toBe(e);
    }
    expect(compiled.byKey.get(0)).toBeUndefined();
  });
});
