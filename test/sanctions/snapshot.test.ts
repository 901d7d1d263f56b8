import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderSanctionTable, SNAPSHOT_PATH } from '../../scripts/sanctions-snapshot';

describe('the committed snapshot of the built-in table', () => {
  it('agrees with the data (run `npx tsx scripts/sanctions-snapshot.ts` after changing the data)', () => {
    const committed = readFileSync(fileURLToPath(new URL(`../../${SNAPSHOT_PATH}`, import.meta.url)), 'utf8');
    expect(committed, `${SNAPSHOT_PATH} is out of date: run npx tsx scripts/sanctions-snapshot.ts`).toBe(renderSanctionTable());
  });

  it('lists every code once, with its coefficients', () => {
    const text = renderSanctionTable();
    expect(text.match(/^\| \d+\.\d+(\.\d+)? \|/gm)).toHaveLength(70);
    expect(text).toContain('| 3.14.3 | — | 3 | выведена | Необоснованный отказ');
    expect(text).toContain('| 2.2 | 1 | 3 | два числа |');
    expect(text).toContain('| 1.2 | — | 1 | F014 |');
    expect(text).toContain("выведен, а не прочитан (`basis: 'inferred'`, решение D4): 7 строк — 2.16.3, 3.14.1, 3.14.2, 3.14.3, 3.15.1, 3.15.2, 3.15.3");
  });
});
