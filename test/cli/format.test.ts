import { describe, expect, it } from 'vitest';
import { D, fixed } from '../../src/_internal';
import { moneyText } from '../../src/cli/format';

describe('money as CSV text', () => {
  it('writes two decimals with the chosen mark, as fixed() does', () => {
    for (const s of ['0', '0.5', '7', '1234.5', '0.07', '99999999999.99', '1.005', '-3.5', '123456789012345678.01']) {
      expect(moneyText(new D(s), '.')).toBe(fixed(new D(s), 2));
      expect(moneyText(new D(s), ',')).toBe(fixed(new D(s), 2).replace('.', ','));
    }
  });
});
