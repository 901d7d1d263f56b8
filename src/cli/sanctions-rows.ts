/**
 * Cells as the CLI's JSON option files write them (`--rates` of `sanctions` and `registry`):
 * settings by their names or Russian aliases, amounts with a decimal comma or spaces. The cases
 * CSV itself is read by the library (`sanctionCsv`), which accepts the same forms.
 *
 * @module
 */

/** The four settings. */
type Setting = 'ambulatory' | 'ambulance' | 'all' | 'hospital';

/** Setting values accepted, with Russian aliases. */
const SETTING_ALIASES: ReadonlyMap<string, Setting> = new Map([
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
const SETTING_FORMS: string = (['ambulatory', 'ambulance', 'all', 'hospital'] as const)
  .map((setting) => {
    const aliases = [...SETTING_ALIASES].filter(([alias, to]) => to === setting && alias !== setting).map(([alias]) => alias);
    return aliases.length === 0 ? setting : `${setting} (${aliases.join(', ')})`;
  })
  .join(', ');

/** The setting of a `--rates` key: a canonical name or a Russian alias, any case; undefined when it is neither. */
export function settingOf(text: string): Setting | undefined {
  return SETTING_ALIASES.get(text.trim().toLowerCase());
}

/** The message of a setting that is none of the accepted forms. */
export function settingMessage(given: string): string {
  return `expected one of ${SETTING_FORMS}; got ${JSON.stringify(given)}`;
}

/** A number as a decimal string: spaces (thousands) dropped, a decimal comma made a point. */
export function numberText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let s = value.trim();
  if (s === '') return undefined;
  if (/[\s\u00a0\u202f]/.test(s)) s = s.replace(/[\s\u00a0\u202f]/g, '');
  const comma = s.indexOf(',');
  if (comma >= 0 && comma === s.lastIndexOf(',') && !s.includes('.')) s = `${s.slice(0, comma)}.${s.slice(comma + 1)}`;
  return s;
}
