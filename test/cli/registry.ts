/**
 * A generated cases file as a fund exports it, large enough to be cut into many parts by
 * `oms-calc sanctions --jobs N`: valid cases of every setting, some recomputed tariffs, and bad
 * lines of every kind at known places (unknown code, negative tariff, too few fields, a blank
 * line, an id in Cyrillic, a line that opens with U+FEFF), optionally a quoted field with the delimiter and a line break.
 */
const SETTINGS = ['стационар', 'hospital', 'амбулаторно', 'all', 'скорая', ''] as const;
const VIOLATIONS = ['3.2.1', '1.4.2|3.2.1', '2.13', '3.2.2|2.13', '2.16.1:800,50|1.4.1', '3.10', '4.2|3.2.5', '1.1', '3.2.3.', '2.12|2.14|3.5'];

export const REGISTRY_RATES = '{ "hospital": "7123,36", "ambulatory": "1850,40", "all": "412,05", "ambulance": "2917,60" }';

/**
 * The file's text: a header, then `rows` lines. `quoteAt` puts a quoted field with `;` and a line
 * break at that data line.
 */
export function registry(rows: number, options: { eol?: '\n' | '\r\n'; quoteAt?: number; bom?: boolean } = {}): string {
  const eol = options.eol ?? '\n';
  const lines = [`${options.bom === true ? '\uFEFF' : ''}номер;дата;тариф;условия;рп;нарушения;примечание`];
  for (let i = 0; i < rows; i++) {
    const tariff = `${1000 + ((i * 7919) % 90_000)},${String(i % 100).padStart(2, '0')}`;
    const setting = SETTINGS[i % SETTINGS.length] as string;
    const violations = VIOLATIONS[(i * 3) % VIOLATIONS.length] as string;
    const date = i % 5 === 0 ? '15.03.2025' : '2025-06-30';
    const rate = i % 13 === 0 ? '5 000,00' : '';
    if (i === options.quoteAt) lines.push(`"Q;${i}";${date};${tariff};${setting};${rate};${violations};"два${eol}строки"`);
    else if (i % 97 === 5) lines.push(`U${i};${date};${tariff};${setting};;9.9;неизвестный код`);
    else if (i % 89 === 7) lines.push(`N${i};${date};-${tariff};${setting};;${violations};отрицательный тариф`);
    else if (i % 83 === 11) lines.push(`F${i};${date};${tariff}`);
    else if (i % 79 === 13) lines.push('');
    else if (i % 71 === 17) lines.push(`случай-${i};${date};${tariff};${setting};${rate};${violations};`);
    else if (i % 67 === 19) lines.push(`\uFEFFB${i};${date};${tariff};${setting};${rate};${violations};a BOM opens the line`);
    else lines.push(`${i};${date};${tariff};${setting};${rate};${violations};примечание ${i}`);
  }
  return `${lines.join(eol)}${eol}`;
}

/** The totals on standard error without the elapsed time and the threads. */
export const withoutTime = (stderr: string): string => stderr.replace(/^(oms-calc sanctions: .*), \d+\.\d s.*$/m, '$1');
