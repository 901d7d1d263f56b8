import { describe, expect, it } from 'vitest';
import { issueMessage, readPerCapitaRates } from '../../src/sanctions';
import { failure } from '../errors';

describe('readPerCapitaRates', () => {
  it('reads the settings by their Russian names and the amounts as a fund writes them', () => {
    const r = readPerCapitaRates({ стационар: '7 123,36', ambulatory: 410, 'Скорая': '1\u00a0000.5' });
    expect([r.hospital?.toString(), r.ambulatory?.toString(), r.ambulance?.toString(), r.all]).toEqual(['7123.36', '410', '1000.5', undefined]);
  });

  it('names each problem, with the value as written', () => {
    const e = failure(() => readPerCapitaRates({ дом: '1', hospital: '-7 000', стационар: '5' }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_value', ['дом']],
      ['duplicate', ['стационар']],
      ['too_small', ['hospital']],
    ]);
    expect(issueMessage(e.issues[2] as never, 'ru')).toBe('должно быть не меньше 0, получено "-7 000"');
    expect(failure(() => readPerCapitaRates([])).issues[0]?.code).toBe('invalid_type');
  });
});
