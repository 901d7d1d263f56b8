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
    expect(text).toContain('| 2.2 | 1 | 3 | проверена |');
  });
});
