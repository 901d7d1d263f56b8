import { invalidInput, makeIssue, show, toIssues, type OmsCalcIssue } from '../_internal';
import { issueAsWritten, numberText, settingMessage, settingOf } from './csvCells';
import { SETTINGS, settingRates, type PerCapitaRates } from './options';

/** Rates as a fund's file writes them, mapped to the settings' names; the values as written, for the messages. */
export interface MappedRates {
  rates: Record<string, unknown>;
  written: Map<string, string>;
  issues: OmsCalcIssue[];
}

/** Maps the keys (names or Russian aliases) and the amounts (`7 000,50`) of rates as written. */
export function mapRates(raw: object, path: readonly (string | number)[]): MappedRates {
  const rates: Record<string, unknown> = {};
  const written = new Map<string, string>();
  const issues: OmsCalcIssue[] = [];
  for (const [k, v] of Object.entries(raw)) {
    const setting = settingOf(k);
    if (setting === undefined) issues.push(makeIssue('invalid_value', [...path, k], { values: [...SETTINGS], received: JSON.stringify(k) }, `unknown setting: ${settingMessage(k)}`));
    else if (setting in rates) issues.push(makeIssue('duplicate', [...path, k], { value: setting }, `the setting ${setting} is given twice`));
    else {
      if (typeof v === 'string') written.set(setting, v);
      rates[setting] = typeof v === 'string' ? (numberText(v) ?? v) : v;
    }
  }
  return { rates, written, issues };
}

/**
 * РП by setting as a fund's file writes them: the settings by name or by their Russian names
 * (`стационар`, `амбулаторно`, `скорая`, `все`), the amounts with a decimal point or comma and
 * spaces between thousands (`"7 123,36"`). The rates of `perCapitaRates`, checked.
 *
 * Source: Приказ Минздрава № 231н (РП, the per-capita standard of financing, in Сшт = РП × Кшт).
 *
 * @param raw - an object of rates, e.g. parsed JSON
 * @returns the rates, as Decimals
 * @throws {@link OmsCalcError} `INVALID_INPUT`: an unknown or repeated setting, or an amount that
 *   is not a non-negative decimal (shown as written)
 * @example
 * ```ts
 * import { readPerCapitaRates } from 'oms-calc/sanctions';
 *
 * readPerCapitaRates({ стационар: '7 123,36', ambulatory: 410 }).hospital?.toString(); // '7123.36'
 * ```
 */
export function readPerCapitaRates(raw: unknown): PerCapitaRates {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalidInput('readPerCapitaRates', [makeIssue('invalid_type', [], { expected: 'object', received: show(raw) }, `expected an object of РП by setting, e.g. {"стационар": "7123,36"}, got ${show(raw)}`)]);
  }
  const { rates, written, issues } = mapRates(raw, []);
  const parsed = settingRates.safeParse(rates);
  if (!parsed.success) for (const i of toIssues(parsed.error.issues)) issues.push(issueAsWritten(i, written.get(String(i.path[0]))));
  if (issues.length > 0 || !parsed.success) throw invalidInput('readPerCapitaRates', issues);
  return parsed.data;
}
