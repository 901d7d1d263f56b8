import * as z from 'zod';
import { parseInput } from '../_internal/schema';
import type { RegistryAudit } from '../registry';
import { barChart } from './charts';
import { count, h2, n, page, para, rub, table, traceSection, type DocumentOptions } from './html';
import { SECTION_NAMES } from './sanctionTotalsHtml';
import { DocumentOptionsSchema, RegistryAuditResult } from './schemas';

/**
 * What {@link registryAuditHtml} prints: the audit of a register of invoices.
 *
 * @example
 * ```ts
 * import { auditRegistry } from 'oms-calc/registry';
 * import type { RegistryAuditDocument } from 'oms-calc/report';
 *
 * const doc: RegistryAuditDocument = { audit: await auditRegistry(['<ZL_LIST><SCHET><SUMMAV>0</SUMMAV></SCHET></ZL_LIST>']), source: 'HM.xml', maxFindings: 50 };
 * ```
 */
export interface RegistryAuditDocument {
  /** The result of `auditRegistry` (or its JSON, as `oms-calc registry --format json` writes it). */
  audit: RegistryAudit;
  /** The register's file name, as it is to be printed; optional. */
  source?: string | undefined;
  /** How many findings the document lists (all are counted); default 200. */
  maxFindings?: number | undefined;
  /** How many of the largest points the chart shows; default 10. */
  chartPoints?: number | undefined;
}

const Schema = z
  .object({
    audit: RegistryAuditResult,
    source: z.string().optional(),
    maxFindings: z.number().int().min(0).max(100_000).optional(),
    chartPoints: z.number().int().min(1).max(100).optional(),
  })
  .strict();

/**
 * The audit of a register of invoices: the case sums, the sanctions by class of control (МЭК,
 * МЭЭ, ЭКМП) as in the file beside the amounts recomputed from the table, the sanctions by point
 * of the list with the largest charted (one bar per point), the findings by rule and the first
 * findings themselves, and the trace. One self-contained HTML document, in Russian, for print.
 *
 * Source: Приказ ФФОМС № 34н (the register's format); Приказ Минздрава № 231н (the control); the coefficient table (РТ × Кно).
 *
 * @param doc - the audit, its file name and how much of it to list
 * @param options - the heading, the organisation and the date to print
 * @returns the HTML document
 * @throws OmsCalcError `INVALID_INPUT` when the audit is not that of `auditRegistry`
 * @example
 * ```ts
 * import { auditRegistry } from 'oms-calc/registry';
 * import { registryAuditHtml } from 'oms-calc/report';
 *
 * const audit = await auditRegistry(['<ZL_LIST><SCHET><SUMMAV>0</SUMMAV></SCHET></ZL_LIST>']);
 * registryAuditHtml({ audit, source: 'HM.xml' }).includes('МЭК'); // true
 * ```
 */
export function registryAuditHtml(doc: RegistryAuditDocument, options?: DocumentOptions): string {
  const v = parseInput(Schema, doc, 'registryAuditHtml');
  const o = parseInput(DocumentOptionsSchema, options, 'registryAuditHtml') ?? {};
  const a = v.audit;
  const t = a.totals;
  const classes = (['MEK', 'MEE', 'EKMP'] as const).map((k) => [SECTION_NAMES[k], n(rub(t[k])), n(rub(t.recomputed[k])), n(rub(t[k].minus(t.recomputed[k])))]);
  const sum = t.MEK.plus(t.MEE).plus(t.EKMP);
  const re = t.recomputed.MEK.plus(t.recomputed.MEE).plus(t.recomputed.EKMP);
  classes.push(['Итого', n(rub(sum)), n(rub(re)), n(rub(sum.minus(re)))]);
  const points = Object.entries(t.byPoint);
  const largest = [...points].sort(([p, x], [q, y]) => y.actual.cmp(x.actual) || (p < q ? -1 : p > q ? 1 : 0)).slice(0, v.chartPoints ?? 10);
  const rules = Object.entries(a.byRule);
  const found = rules.reduce((s, [, k]) => s + k, 0);
  const findings = (a.findings ?? []).slice(0, v.maxFindings ?? 200);
  const body: string[] = [
    ...(v.source === undefined ? [] : [para(`Реестр: ${v.source}.`)]),
    para(`Случаев (Z_SL): ${count(a.cases)}; санкций (SANK): ${count(a.sanctions)}. Правило для нескольких санкций случая: ${a.combine}; Кно: ${a.coefficients === 'table' ? 'таблица коэффициентов' : 'F014'}.`),
    table(
      ['Суммы реестра', n('руб.')],
      [
        ['Предъявлено к оплате (Σ SUMV)', n(rub(t.sumv))],
        ['Принято к оплате (Σ SUMP)', n(rub(t.sump))],
        ['Санкции (Σ SANK_IT)', n(rub(t.sankIt))],
      ],
      { widths: [70, 30] },
    ),
    h2('1. Санкции по видам контроля, руб.'),
    table(['Вид контроля', n('S_SUM в реестре'), n('По таблице (РТ × Кно)'), n('Разница')], classes, { total: (i) => i === 3 }),
    ...(t.fines === undefined ? [] : [para(`Штрафы (РП × Кшт), справочно: МЭК ${rub(t.fines.MEK)} руб., МЭЭ ${rub(t.fines.MEE)} руб., ЭКМП ${rub(t.fines.EKMP)} руб.`)]),
    h2('2. По пунктам перечня оснований, руб.'),
    table(['Пункт', n('Санкций'), n('S_SUM в реестре'), n('По таблице')], points.map(([p, x]) => [p, n(count(x.sanctions)), n(rub(x.actual)), n(rub(x.recomputed))])),
    barChart('S_SUM по пункту, руб.', largest.map(([p, x]) => ({ label: `п. ${p}`, value: x.actual, text: rub(x.actual) })), { labelWidth: 90 }),
    h2('3. Нарушения правил реестра'),
    found === 0
      ? para('Нарушений правил реестра не найдено.')
      : table(['Правило', n('Нарушений')], rules.map(([r, k]) => [r, n(count(k))])),
    ...(findings.length === 0
      ? []
      : [
          table(
            ['Правило', 'N_ZAP', 'S_CODE', 'Пункт', n('Ожидается'), n('В реестре'), 'Что не так'],
            findings.map((f) => [f.rule, f.nZap ?? '', f.sCode ?? '', f.point ?? '', n(f.expected === undefined ? '' : rub(f.expected)), n(f.actual === undefined ? '' : rub(f.actual)), f.message]),
            { widths: [15, 7, 8, 8, 13, 13, 36] },
          ),
          ...(findings.length < found ? [para(`Показаны первые ${count(findings.length)} из ${count(found)}.`, 'note')] : []),
        ]),
    traceSection(a.trace ?? []),
  ];
  return page('Проверка реестра счетов: санкции и суммы', o, body, ['Приказ ФФОМС № 34н (формат реестра)', 'Приказ Минздрава России № 231н (порядок контроля)', ...(a.trace ?? []).map((s) => s.source)]);
}
