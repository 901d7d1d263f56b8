/**
 * The cells of the documented cases CSV: its columns and their aliases, and how a cell's text
 * becomes a case field (decimal comma, spaces in numbers, DD.MM.YYYY dates, Russian settings);
 * and how an issue names the value as the file has it.
 *
 * @module
 */
import type { OmsCalcIssue } from '../_internal';
import type { CaseInput } from './caseSanction';

/** The columns of the cases file: the canonical name first, then accepted aliases (any case). */
export const CASE_COLUMNS = {
  id: ['id', 'case_id', 'номер', 'ид'],
  date: ['date', 'дата'],
  tariff: ['tariff', 'тариф', 'рт'],
  setting: ['setting', 'условия'],
  perCapitaRate: ['per_capita_rate', 'рп', 'подушевой_норматив'],
  violations: ['violations', 'нарушения', 'коды'],
} as const;

/** A field of a case, by its canonical column. */
export type CaseField = keyof typeof CASE_COLUMNS;

/** The results file's columns. */
export const RESULT_COLUMNS = ['line', 'id', 'status', 'non_payment', 'fine', 'details', 'error_code', 'error_message'] as const;

/** Setting values accepted in the `setting` column, with Russian aliases. */
const SETTING_ALIASES: ReadonlyMap<string, CaseInput['setting']> = new Map([
  ['ambulatory', 'ambulatory'],
  ['амбулаторно', 'ambulatory'],
  ['ambulance', 'ambulance'],
  ['скорая', 'ambulance'],
  ['all', 'all'],
  ['все', 'all'],
  ['hospital', 'hospital'],
  ['стационар', 'hospital'],
]);

/** The settings with their Russian aliases, as messages list them: `ambulatory (амбулаторно), …`. */
export const SETTING_FORMS: string = (['ambulatory', 'ambulance', 'all', 'hospital'] as const)
  .map((setting) => {
    const aliases = [...SETTING_ALIASES].filter(([alias, to]) => to === setting && alias !== setting).map(([alias]) => alias);
    return aliases.length === 0 ? setting : `${setting} (${aliases.join(', ')})`;
  })
  .join(', ');

/** The setting of a cell or a `--rates` key: a canonical name or a Russian alias, any case; undefined when it is neither. */
export function settingOf(text: string): CaseInput['setting'] | undefined {
  return SETTING_ALIASES.get(text.trim().toLowerCase());
}

/** The message of a setting that is none of the accepted forms. */
export function settingMessage(given: string): string {
  return `expected one of ${SETTING_FORMS}; got ${JSON.stringify(given)}`;
}

/**
 * An issue's message with the value as the file has it: the library sees a cell after it is
 * read (`30.02.2025` as `2025-02-30`, `12 345,67 ₽` as `12345.67₽`) and shows that; the tail
 * `got …` is given the text as written when the two differ.
 */
export function asWritten(message: string, written: string | undefined): string {
  if (written === undefined) return message;
  const m = /, got (.*)$/s.exec(message);
  if (m === null || m[1] === written || m[1] === JSON.stringify(written)) return message;
  return `${message.slice(0, m.index)}, got ${JSON.stringify(written)}`;
}

/** An issue with the value as the file has it, in its message and its `received`. */
export function issueAsWritten(issue: OmsCalcIssue, written: string | undefined): OmsCalcIssue {
  const message = asWritten(issue.message, written);
  if (message === issue.message || written === undefined) return issue;
  return { ...issue, params: { ...issue.params, received: JSON.stringify(written) }, message };
}

/** Whether `s` is digits with at most one `.` or `,`: the common form, converted without regexes. */
function simpleNumber(s: string): number {
  let mark = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((c === 44 || c === 46) && mark < 0) {
      mark = i;
      continue;
    }
    return -2;
  }
  return mark;
}

/** A number cell as a decimal string: spaces (thousands) dropped, a decimal comma made a point. */
export function numberText(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const mark = simpleNumber(value);
  if (mark === -1) return value;
  if (mark >= 0) return value.charCodeAt(mark) === 46 ? value : value.replace(',', '.'); // the one mark is that comma
  let s = value.trim();
  if (s === '') return undefined;
  if (/[\s\u00a0\u202f]/.test(s)) s = s.replace(/[\s\u00a0\u202f]/g, '');
  const comma = s.indexOf(',');
  if (comma >= 0 && comma === s.lastIndexOf(',') && !s.includes('.')) s = `${s.slice(0, comma)}.${s.slice(comma + 1)}`;
  return s;
}

function codeText(value: string): string {
  const s = value.trim();
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

/** The violations cell: codes separated by `|`, a recomputed tariff after `:` or `=`. */
export function violationsOf(cell: string): CaseInput['violations'] {
  // The common form — bare codes (digits and dots) between bars — is cut without a regex or split,
  // into an array of its final length.
  let segments = 0;
  let bare = true;
  for (let i = 0, start = 0; i <= cell.length; i++) {
    const c = i < cell.length ? cell.charCodeAt(i) : 124;
    if (c === 124) {
      if (i === start || cell.charCodeAt(i - 1) === 46) {
        bare = false;
        break;
      }
      segments++;
      start = i + 1;
    } else if (!((c >= 48 && c <= 57) || c === 46)) {
      bare = false;
      break;
    }
  }
  if (bare) {
    const codes = new Array<string>(segments);
    for (let k = 0, start = 0; k < segments; k++) {
      const end = k === segments - 1 ? cell.length : cell.indexOf('|', start);
      codes[k] = cell.slice(start, end);
      start = end + 1;
    }
    return codes;
  }
  const out: CaseInput['violations'] = [];
  for (const part of cell.split('|')) {
    if (part.trim() === '') continue;
    const sep = part.search(/[:=]/);
    if (sep < 0) out.push(codeText(part));
    else out.push({ code: codeText(part.slice(0, sep)), recomputedTariff: numberText(part.slice(sep + 1)) ?? '' });
  }
  return out;
}

/** A date cell: `YYYY-MM-DD` as it is, `DD.MM.YYYY` turned into it. */
export function dateText(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length === 10 && value.charCodeAt(4) === 45) return value;
  const s = value.trim();
  if (s === '') return undefined;
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
  return m === null ? s : `${m[3] as string}-${m[2] as string}-${m[1] as string}`;
}

/** The case of a record: its cells read as the documented forms (decimal comma, spaces, DD.MM.YYYY, Russian settings). */
export function caseOf(record: readonly string[], at: Record<CaseField, number>, id: string | undefined): CaseInput {
  let setting: CaseInput['setting'];
  if (at.setting >= 0) {
    const cell = record[at.setting] as string;
    if (cell === 'hospital' || cell === 'ambulatory' || cell === 'all' || cell === 'ambulance') setting = cell;
    else if (cell !== '') setting = settingOf(cell) ?? (cell.trim() === '' ? undefined : (cell.trim() as CaseInput['setting']));
  }
  return {
    id,
    date: at.date < 0 ? undefined : dateText(record[at.date]),
    tariff: numberText(record[at.tariff]) ?? '',
    setting,
    perCapitaRate: at.perCapitaRate < 0 ? undefined : numberText(record[at.perCapitaRate]),
    violations: violationsOf(record[at.violations] ?? ''),
  };
}

/** The text of a case field as the record has it, for the messages ({@link asWritten}). */
export function writtenAt(record: readonly string[], at: Record<CaseField, number>, path: readonly (string | number)[]): string | undefined {
  const field = path[0];
  if (field === 'tariff' || field === 'date' || field === 'perCapitaRate' || field === 'setting') return at[field] < 0 ? undefined : record[at[field]];
  if (field === 'violations' && typeof path[1] === 'number' && path[2] === 'recomputedTariff' && at.violations >= 0) {
    const part = (record[at.violations] ?? '').split('|').filter((p) => p.trim() !== '')[path[1]];
    const sep = part?.search(/[:=]/) ?? -1;
    return part === undefined || sep < 0 ? undefined : part.slice(sep + 1);
  }
  return undefined;
}

/** An issue of a case as the output shows it: its path, and the value as the file has it. */
export function issueText(issue: OmsCalcIssue, record: readonly string[], at: Record<CaseField, number>): string {
  const written = writtenAt(record, at, issue.path);
  const message = issue.path.length === 1 && issue.path[0] === 'setting' && written !== undefined ? settingMessage(written.trim()) : asWritten(issue.message, written);
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${message}` : message;
}

