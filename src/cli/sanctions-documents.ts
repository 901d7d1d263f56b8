/**
 * `oms-calc sanctions --format html|xlsx`: the run's totals as the printable document of
 * oms-calc/report (`sanctionTotalsHtml`), or the whole run as an Excel workbook — every case on
 * the sheet «Случаи», streamed (a sheet holds 1,048,576 rows; the cases go on «Случаи (2)» and on
 * past that, decision D23), then the totals by section and by code and their trace.
 *
 * The cases still go through `sanctionCsv`, the library's byte path: as JSON Lines for the
 * workbook, read row by row as the workbook asks for them, so memory stays bounded.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { sanctionTotalsHtml } from '../report';
import type { SanctionCsvStream, SanctionCsvTotals } from '../sanctions';
import { sanctionsSheets, writeWorkbook } from './documents';
import type { CliIo } from './io';
import { writeOutput } from './json';
import type { XlsxColumn, XlsxValue } from './xlsx';

/** The columns of the sheet «Случаи»: the results CSV's, in Russian. */
const CASE_COLUMNS: readonly XlsxColumn[] = [
  { header: 'Строка', kind: { places: 0 }, width: 9 },
  { header: 'Случай', width: 16 },
  { header: 'Статус', width: 8 },
  { header: 'Неоплата Н, ₽', kind: 'rub', width: 16 },
  { header: 'Штраф Сшт, ₽', kind: 'rub', width: 16 },
  { header: 'Нарушения (код: Н, Н с учётом D5, Сшт)', width: 44 },
  { header: 'Код ошибки', width: 16 },
  { header: 'Ошибка', width: 60 },
];

interface JsonRow {
  line: number;
  id?: string;
  status: 'ok' | 'error';
  non_payment?: string;
  fine?: string;
  details?: { code: string; non_payment: string; applied_non_payment: string; fine: string }[];
  error_code?: string;
  error_message?: string;
}

/** One JSON Lines row of `sanctionCsv` as the cells of «Случаи». */
function cellsOf(row: JsonRow): XlsxValue[] {
  const details = row.details?.map((d) => `${d.code}: ${d.non_payment}; ${d.applied_non_payment}; ${d.fine}`).join(' | ');
  return [row.line, row.id ?? null, row.status === 'ok' ? 'ок' : 'ошибка', row.non_payment ?? null, row.fine ?? null, details ?? null, row.error_code ?? null, row.error_message ?? null];
}

/** The rows of a JSON Lines byte stream, one at a time, as the reader pulls them. */
async function* jsonLines(bytes: ReadableStream<Uint8Array>): AsyncGenerator<XlsxValue[]> {
  const decoder = new TextDecoder();
  let rest = '';
  const reader = bytes.getReader();
  for (;;) {
    const step = await reader.read();
    if (step.done === true) break;
    rest += decoder.decode(step.value, { stream: true });
    let end: number;
    while ((end = rest.indexOf('\n')) >= 0) {
      const line = rest.slice(0, end);
      rest = rest.slice(end + 1);
      if (line !== '') yield cellsOf(JSON.parse(line) as JsonRow);
    }
  }
  rest += decoder.decode();
  if (rest.trim() !== '') yield cellsOf(JSON.parse(rest) as JsonRow);
}

/** The cases file piped through the transform, as a web stream. */
function resultsOf(file: string, csv: SanctionCsvStream): ReadableStream<Uint8Array> {
  return (Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>).pipeThrough(csv);
}

/**
 * Writes the document (`html`: the totals; the cases are counted, not listed) or the workbook
 * (`xlsx`: the cases, then the totals) of a run, and gives its totals. `csv` must have been made
 * with `format: 'jsonl'` for a workbook.
 */
export async function writeSanctionsDocument(format: 'html' | 'xlsx', file: string, csv: SanctionCsvStream, out: unknown, io: CliIo): Promise<SanctionCsvTotals> {
  const results = resultsOf(file, csv);
  if (format === 'xlsx') {
    await writeWorkbook(sanctionsSheets(CASE_COLUMNS, jsonLines(results), () => csv.totals), out, io);
    return csv.totals;
  }
  await results.pipeTo(new WritableStream());
  const totals = await csv.totals;
  await writeOutput(sanctionTotalsHtml({ totals }), out, io);
  return totals;
}
