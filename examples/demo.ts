/**
 * A fund year through oms-calc, on the sample data of examples/data/fund-year.json:
 * size the normed insurance reserve (НСЗ), plan it for the budget law, schedule its monthly
 * replenishment, decide an insurer's Form 1 claim for a subvention in April, and run the year's
 * ledger month by month with the subvention paid, the reserve's share of the sanctions withheld
 * from medical organisations and deposit income in September; then the reserve at 90/95/99 % and
 * the rating of the region's insurers.
 *
 * At the end the year's calculation notes are written to examples/out/ as printable HTML
 * documents (oms-calc/report): open them in a browser and print, or save as PDF.
 *
 * Run: npm run demo. The script checks its own figures and exits non-zero if one does not add up.
 */
import assert from 'node:assert/strict';
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Decimal } from 'decimal.js';
import { replenishmentSchedule, reserveYear, type ReserveYearEvent } from 'oms-calc/replenishment';
import { plannedReserve, reserveAtRisk, reserveSize, type PlannedReserveInput, type ReserveSizeInput } from 'oms-calc/reserve';
import { auditRegistry } from 'oms-calc/registry';
import { registryAuditHtml, reserveSizeHtml, reserveYearHtml, sanctionTotalsHtml, smoRatingHtml, subventionHtml } from 'oms-calc/report';
import { allocateSanctionProceeds, isSanctionErrorRow, sanctionStream, sanctionTotals, type CaseInput, type Setting } from 'oms-calc/sanctions';
import { federalMonitoring, smoAnnualAssessment, smoRating, type IndicatorData, type SmoViolation } from 'oms-calc/smo-rating';
import {
  formatFormRows,
  subventionClaim,
  subventionDecision,
  type SubventionClaimInput,
  type SubventionDecisionInput,
} from 'oms-calc/subvention';
import { heading, MONTHS, percent, rub, table, traceList } from './lib/format';

interface FundYear {
  region: string;
  year: number;
  reserve: ReserveSizeInput;
  plan: Omit<PlannedReserveInput, 'required'>;
  openingBalance: string;
  subvention: {
    insurer: string;
    month: number;
    claim: SubventionClaimInput;
    check: Omit<SubventionDecisionInput, 'claim' | 'reserveBalance'>;
  };
  depositIncome: { month: number; amount: string; note: string };
}

const data = JSON.parse(readFileSync(new URL('./data/fund-year.json', import.meta.url), 'utf8')) as FundYear;

console.log(`oms-calc — финансовый год ТФОМС: ${data.region}, ${data.year}`);

// ── 1. Размер нормированного страхового запаса ────────────────────────────────────────────
const size = reserveSize(data.reserve);
console.log(heading('1. Размер НСЗ = ОДБ + ОАП·Цап + ОС·Цс + ОСЗ·Цсз + КЗ'));
console.log(
  table(
    ['Слагаемое', 'Что это', 'Сумма, ₽'],
    [
      ['ОДБ', 'отклонение доходов бюджета ТФОМС', rub(size.components.income)],
      ['ОАП·Цап', 'амбулаторно-поликлиническая помощь', rub(size.components.ambulatory)],
      ['ОС·Цс', 'стационарная помощь', rub(size.components.inpatient)],
      ['ОСЗ·Цсз', 'стационарозамещающая помощь', rub(size.components.dayHospital)],
      ['КЗ', 'кредиторская задолженность МО', rub(size.components.payables)],
      ['НСЗ', 'итого', rub(size.total)],
    ],
  ),
);
console.log('\nОжидаемые значения и отклонения объёмов:');
console.log(
  table(
    ['Показатель', 'Мат. ожидание', 'Отклонение'],
    [
      ['ДБ, ₽', rub(size.expected.income), rub(size.components.income)],
      ['Пап, посещений', rub(size.expected.ambulatory, 0), rub(size.volumeDeviations.ambulatory, 1)],
      ['Пс, случаев', rub(size.expected.inpatient, 0), rub(size.volumeDeviations.inpatient, 1)],
      ['Псз, случаев', rub(size.expected.dayHospital, 0), rub(size.volumeDeviations.dayHospital, 1)],
    ],
  ),
);
console.log('\nКак получена каждая цифра (trace):');
console.log(traceList(size.trace));
assert.ok(Object.values(size.components).reduce((a, b) => a.plus(b)).eq(size.total), 'НСЗ = сумма слагаемых');

// ── 2. Плановая величина НСЗ для закона о бюджете ─────────────────────────────────────────
const plan = plannedReserve({ ...data.plan, required: size.total });
const STATUS = { 'not-formed': 'не формируется (п. 9)', 'raised-to-floor': 'поднята до 6 %', within: 'в коридоре 6–10 %', 'cut-to-cap': 'срезана до 10 %' };
console.log(heading('2. Плановая величина НСЗ (проект Положения, пп. 6–9)'));
console.log(
  table(
    ['Показатель', 'Значение'],
    [
      ['НСЗ из рисков, ₽', rub(size.total)],
      ['Резервы СМО (РОМУ, ЗР), ₽', rub(data.plan.smoReserves?.toString() ?? '0')],
      ['Объём финансирования ТП ОМС, ₽', rub(plan.programFinancing)],
      ['Нижняя граница 6 %, ₽', rub(plan.floor)],
      ['Верхняя граница 10 %, ₽', rub(plan.cap)],
      ['Предел по закону: поступления / 12, ₽', rub(plan.statutoryCap)],
      ['Плановая величина НСЗпл, ₽', rub(plan.planned)],
      ['Доля от объёма финансирования', percent(plan.share)],
      ['Решение', `${STATUS[plan.status]}; ${plan.aboveStatutoryCap ? 'выше предела 326-ФЗ, ст. 26, ч. 6' : 'не выше предела 326-ФЗ, ст. 26, ч. 6'}`],
    ],
  ),
);
assert.ok(plan.statutoryCap.times(12).minus(data.plan.plannedIncome.toString()).abs().lte('0.06'), 'предел НСЗ = поступления / 12 с точностью до копейки');
assert.equal(plan.aboveStatutoryCap, plan.planned.gt(plan.statutoryCap), 'превышение предела отмечено');

// ── 3. График пополнения ─────────────────────────────────────────────────────────────────
const schedule = replenishmentSchedule({ planned: plan.planned, openingBalance: data.openingBalance });
console.log(heading('3. Пополнение НСЗ: НСЗ_i = (НСЗпл − НСЗнпф) / П (п. 10)'));
console.log(`НСЗпл = ${rub(plan.planned)} ₽, НСЗнпф = ${rub(data.openingBalance)} ₽, П = ${schedule.installments.length}`);
console.log(table(['i', 'Месяц', 'Перечисление, ₽'], schedule.installments.map((r) => [String(r.index), MONTHS[r.month - 1] ?? '', rub(r.amount)])));
assert.ok(schedule.total.eq(plan.planned.minus(data.openingBalance)), 'взносы складываются в НСЗпл − НСЗнпф');

// ── 4. Субвенция СМО из НСЗ: форма 1 и решение фонда ──────────────────────────────────────
const { insurer, month: claimMonth } = data.subvention;
const claim = subventionClaim(data.subvention.claim);
console.log(heading(`4. Обоснование величины заявленной субвенции (форма 1): ${insurer}, ${MONTHS[claimMonth - 1]}`));
console.log(formatFormRows(claim.formRows, 'text'));
// The reserve's balance when the claim is decided: the ledger's closing of the month before.
const beforeClaim = reserveYear({ planned: plan.planned, openingBalance: data.openingBalance });
const reserveBalance = beforeClaim.months[claimMonth - 2]?.closing ?? beforeClaim.months[0]!.opening;
const decision = subventionDecision({ ...data.subvention.check, claim: claim.claim, reserveBalance });
const DECISION = { granted: 'предоставить', 'partly-granted': 'предоставить частично', refused: 'отказать' };
console.log(`\nРешение ТФОМС: ${DECISION[decision.status]}; заявлено ${rub(claim.claim)} ₽, подтверждённая потребность ${rub(data.subvention.check.verifiedNeed.toString())} ₽, остаток НСЗ ${rub(reserveBalance)} ₽`);
console.log(`Предоставлено: ${rub(decision.granted)} ₽`);
for (const reason of decision.reasons) console.log(`  • ${reason.text}`);
assert.ok(decision.granted.lte(claim.claim) && decision.granted.lte(reserveBalance), 'субвенция не больше заявки и остатка НСЗ');

// ── 5. Санкции к медицинским организациям и куда идут удержанные средства ─────────────────
interface SanctionsData {
  period: string;
  perCapitaRates: Partial<Record<Setting, string>>;
  cases: CaseInput[];
  proceedsMonth: number;
}
const sanctionsData = JSON.parse(readFileSync(new URL('./data/sanctions-2027.json', import.meta.url), 'utf8')) as SanctionsData;
console.log(heading(`5. Санкции по результатам контроля: Н = РТ × Кно, Сшт = РП × Кшт (${sanctionsData.period})`));
const sanctionRowsOut: string[][] = [];
const rows = sanctionStream(sanctionsData.cases, { perCapitaRates: sanctionsData.perCapitaRates });
const totals = await sanctionTotals(
  (async function* () {
    for await (const row of rows) {
      if (isSanctionErrorRow(row)) {
        sanctionRowsOut.push([row.id ?? String(row.index), '—', '—', '—', `ошибка ${row.error.code}: ${row.error.message.length > 60 ? `${row.error.message.slice(0, 59)}…` : row.error.message}`]);
      } else {
        sanctionRowsOut.push([row.id ?? '', row.details.map((d) => d.code).join(', '), rub(row.nonPayment), rub(row.fine), '']);
      }
      yield row;
    }
  })(),
);
console.log(table(['Случай', 'Коды', 'Неоплата, ₽', 'Штраф, ₽', 'Примечание'], sanctionRowsOut));
console.log(
  `\nИтого: случаев ${totals.cases}, с ошибками ${totals.errors}; неоплата ${rub(totals.nonPayment)} ₽, штрафы ${rub(totals.fine)} ₽`,
);
console.log(
  table(
    ['Раздел', 'Неоплата, ₽', 'Штраф, ₽'],
    (['MEK', 'MEE', 'EKMP'] as const).map((k) => [{ MEK: 'МЭК', MEE: 'МЭЭ', EKMP: 'ЭКМП' }[k], rub(totals.bySection[k].nonPayment), rub(totals.bySection[k].fine)]),
  ),
);
const withheld = totals.nonPayment.plus(totals.fine);
const proceeds = allocateSanctionProceeds(withheld);
console.log(`\nУдержано ${rub(withheld)} ₽ распределяется («Возврат средств в систему ОМС…»):`);
console.log(
  table(
    ['Получатель', 'Сумма, ₽'],
    Object.entries(proceeds.parts).map(([k, v]) => [{ territorialFund: 'ТФОМС — на оплату помощи (50 %)', reserve: 'НСЗ — на повышение качества (35 %)', insurer: 'СМО (15 %)' }[k] ?? k, rub(v)]),
  ),
);
assert.ok(Object.values(proceeds.parts).reduce((a, b) => a.plus(b)).eq(withheld), 'части распределения складываются в сумму');
assert.ok(totals.nonPayment.plus(totals.fine).eq(totals.bySection.MEK.nonPayment.plus(totals.bySection.MEE.nonPayment).plus(totals.bySection.EKMP.nonPayment).plus(totals.bySection.MEK.fine).plus(totals.bySection.MEE.fine).plus(totals.bySection.EKMP.fine)), 'итоги по разделам сходятся');
assert.equal(totals.cases, sanctionsData.cases.length, 'ни один случай не потерян');

// ── 6. Год НСЗ помесячно ─────────────────────────────────────────────────────────────────
const reservePart = proceeds.parts['reserve'];
assert.ok(reservePart !== undefined);
const events: ReserveYearEvent[] = [
  { month: claimMonth, spending: decision.granted, note: `субвенция ${insurer}` },
  { month: sanctionsData.proceedsMonth, income: reservePart, note: 'доля НСЗ в удержанных санкциях' },
  { month: data.depositIncome.month, income: data.depositIncome.amount, note: data.depositIncome.note },
];
const ledger = reserveYear({ planned: plan.planned, openingBalance: data.openingBalance, events, plannedIncome: data.plan.plannedIncome });
console.log(heading('6. Движение средств НСЗ за год (пп. 10, 13, 19; сноска 16)'));
console.log(
  table(
    ['Месяц', 'Начало', 'Доход', 'Сверх плана', 'Перечисление', 'Расход', 'Конец', 'Период'],
    ledger.months.map((m) => [
      MONTHS[m.month - 1] ?? '',
      rub(m.opening),
      rub(m.income),
      rub(m.overflow),
      rub(m.transfer),
      rub(m.spending.minus(m.shortfall)),
      rub(m.closing),
      m.periodStart ? 'новый' : '',
    ]),
  ),
);
console.log(`Итого: доход ${rub(ledger.totals.income)} ₽ (сверх плана ${rub(ledger.totals.overflow)} ₽), перечислено ${rub(ledger.totals.transfer)} ₽, израсходовано ${rub(ledger.totals.spending)} ₽; остаток на конец года ${rub(ledger.closing)} ₽`);
for (const m of ledger.months) {
  assert.ok(m.closing.eq(m.opening.plus(m.income).minus(m.overflow).plus(m.transfer).minus(m.spending.minus(m.shortfall))), `баланс месяца ${m.month}`);
}
assert.ok(ledger.closing.eq(plan.planned), 'к декабрю НСЗ восстановлен до плановой величины');
console.log(`Остаток выше предела ${rub(plan.statutoryCap)} ₽ (326-ФЗ, ст. 26, ч. 6): ${ledger.warnings.length === 0 ? 'ни в одном месяце' : ledger.warnings.map((w) => MONTHS[w.month - 1]).join(', ')}`);
assert.deepEqual(ledger.warnings.map((w) => w.month), ledger.months.filter((m) => m.closing.gt(plan.statutoryCap)).map((m) => m.month), 'предупреждения — ровно месяцы выше предела');

// ── 7. Какую уверенность даёт НСЗ (ненормативный расчёт) ──────────────────────────────────
const risk = reserveAtRisk({ ...data.reserve, levels: ['0.9', '0.95', '0.99'] });
console.log(heading('7. Резерв под риск: VaR и TVaR дефицита (ненормативно, справочно)'));
console.log(`Метод: ${risk.method === 'exact' ? 'точный перебор сочетаний сценариев' : 'статистическое моделирование'}; ожидаемый дефицит ${rub(risk.expectedShortfall)} ₽`);
console.log(
  table(
    ['Уровень доверия', 'VaR, ₽', 'TVaR, ₽', 'Норматив НСЗ, ₽'],
    risk.levels.map((l) => [percent(l.level, 0), rub(l.valueAtRisk), rub(l.tailValueAtRisk), rub(size.total)]),
  ),
);
console.log(`Вероятность, что нормативный НСЗ ${rub(size.total)} ₽ покрывает дефицит: ${percent(risk.normative.coverage, 1)}`);
for (const [a, b] of risk.levels.slice(1).map((l, i) => [risk.levels[i]!, l] as const)) {
  assert.ok(a.valueAtRisk.lte(b.valueAtRisk) && b.tailValueAtRisk.gte(b.valueAtRisk), 'VaR растёт с уровнем, TVaR ≥ VaR');
}

// ── 8. Оценка и рейтинг СМО за год (Приказ ФФОМС № 140н) ─────────────────────────────────
interface SmoYear {
  period: string;
  insurers: { smo: string; data: IndicatorData; violations: SmoViolation[]; otherRegions?: { region: string; scoreExact: string; noViolations: boolean }[] }[];
}
const smoYear = JSON.parse(readFileSync(new URL('./data/smo-2027.json', import.meta.url), 'utf8')) as SmoYear;
const assessments = smoYear.insurers.map((i) => ({ smo: i.smo, result: smoAnnualAssessment({ data: i.data, violations: i.violations }), violations: i.violations }));
const federal = assessments.map((a) => ({
  smo: a.smo,
  monitoring: federalMonitoring({ regions: [{ region: data.region, scoreExact: a.result.scoreExact, noViolations: a.result.noViolations }] }),
}));
const rating = smoRating({ smos: federal.map((f) => ({ smo: f.smo, resultExact: f.monitoring.resultExact })) });
const rankOf = (values: { smo: string; value: Decimal }[]): Map<string, number> =>
  new Map(smoRating({ smos: values.map((v) => ({ smo: v.smo, resultExact: v.value })) }).rows.map((r) => [r.smo, r.rank]));
console.log(heading(`8. Оценка деятельности СМО: ${data.region}, ${smoYear.period}`));
const indicatorRows = Array.from({ length: 10 }, (_, k) => {
  const ranks = rankOf(assessments.map((a) => ({ smo: a.smo, value: a.result.indicators[k]!.adjusted })));
  const name = assessments[0]!.result.indicators[k]!.name;
  return [`${k + 1}. ${name.length > 46 ? `${name.slice(0, 45)}…` : name}`, ...assessments.map((a) => {
    const row = a.result.indicators[k]!;
    return `${rub(row.adjusted, 4)} ×${rub(row.kEff, 1)} (${ranks.get(a.smo)})`;
  })];
});
console.log(
  table(
    ['Показатель (скорректированный, Кэфф, место)', ...assessments.map((a) => a.smo)],
    [
      ...indicatorRows,
      ['Нарушения по перечню санкций', ...assessments.map((a) => (a.violations.length === 0 ? 'нет' : a.violations.map((v) => `п. ${v.point}×${v.count ?? 1}`).join(', ')))],
      ['Оценка (п. 8–9, 14–15)', ...assessments.map((a) => rub(a.result.score, 1))],
      ['Результат мониторинга ФОМС (п. 19–20)', ...federal.map((f) => `${rub(f.monitoring.result, 1)}${f.monitoring.bonusApplied ? ' (×1,1)' : ''}`)],
    ],
  ),
);
console.log('\nРейтинг СМО (п. 21–22):');
console.log(table(['Место', 'СМО', 'Результат', 'Точно'], rating.rows.map((r) => [String(r.rank), r.smo, rub(r.result, 1), rub(r.resultExact, 4)])));
for (let i = 1; i < rating.rows.length; i++) assert.ok(rating.rows[i - 1]!.resultExact.gte(rating.rows[i]!.resultExact), 'рейтинг упорядочен');

// ── 9. Проверка реестра счетов: санкции МЭК, МЭЭ, ЭКМП по таблице (Приказ ФФОМС № 34н) ────
// examples/data/registry: the H-file of a medical organisation for June 2025 (windows-1251), and
// the ZIP a fund receives (H and L files; `oms-calc registry HM770001S77001_2506.zip` reads it).
const registerFile = new URL('./data/registry/HM770001S77001_2506.xml', import.meta.url);
const register = await auditRegistry(createReadStream(registerFile));
console.log(heading('9. Проверка реестра счетов HM770001S77001_2506 (июнь 2025)'));
console.log(`Случаев: ${register.cases}; санкций: ${register.sanctions}; правило для нескольких санкций случая: ${register.combine}`);
const registerClasses = (['MEK', 'MEE', 'EKMP'] as const).map((k) => [{ MEK: 'МЭК', MEE: 'МЭЭ', EKMP: 'ЭКМП' }[k], rub(register.totals[k]), rub(register.totals.recomputed[k])]);
console.log(table(['Вид контроля', 'S_SUM в реестре, ₽', 'По таблице (РТ × Кно), ₽'], registerClasses));
console.log('\nНарушения:');
console.log(
  table(
    ['Правило', 'N_ZAP', 'S_CODE', 'Пункт', 'Ожидается, ₽', 'В реестре, ₽'],
    register.findings.map((f) => [f.rule, f.nZap ?? '', f.sCode ?? '', f.point ?? '', f.expected === undefined ? '' : rub(f.expected), f.actual === undefined ? '' : rub(f.actual)]),
  ),
);
// Checked by hand from the file: case 6 (МЭЭ, п. 2.14, Кно 0,5): РТ = SUMV = 87 368,34 ₽,
// 87 368,34 × 0,5 = 43 684,17 ₽, the file withholds 43 684,16 ₽; case 12: S_SUM 0,00 (п. 2.2, carried
// by the larger sanction of the case, D19) + 26 125,45 (п. 1.10.6) = 26 125,45 ₽ ≠ SANK_IT 26 125,44 ₽.
assert.equal(register.cases, 12, 'случаев в реестре');
assert.equal(register.sanctions, 10, 'санкций в реестре');
assert.deepEqual(register.findings.map((f) => `${f.rule}@${f.nZap}`), ['SANK_SUM_MISMATCH@6', 'SANK_IT_MISMATCH@12'], 'нарушения реестра');
assert.deepEqual([register.findings[0]?.expected?.toFixed(2), register.findings[0]?.actual?.toFixed(2)], ['43684.17', '43684.16'], 'S_SUM случая 6');
assert.deepEqual(
  (['MEK', 'MEE', 'EKMP'] as const).map((k) => [register.totals[k].toFixed(2), register.totals.recomputed[k].toFixed(2)]),
  [['53992.67', '53992.67'], ['43684.16', '43684.17'], ['132650.63', '132650.63']],
  'санкции по видам контроля',
);
assert.equal(register.totals.sankIt.toFixed(2), '230327.45', 'Σ SANK_IT');

// ── 10. Расчётные записки года: HTML для печати (oms-calc/report) ─────────────────────────
const outDir = new URL('./out/', import.meta.url);
mkdirSync(outDir, { recursive: true });
const print = { organisation: `ТФОМС: ${data.region}` };
const notes: Record<string, string> = {
  'reserve-size.html': reserveSizeHtml({ size, input: data.reserve, planned: plan, risk }, { ...print, title: `Расчёт размера НСЗ на ${data.year} год` }),
  'subvention.html': subventionHtml({ claim, decision, insurer, period: `${MONTHS[claimMonth - 1]} ${data.year} г.` }, print),
  'reserve-year.html': reserveYearHtml({ year: ledger, input: { planned: plan.planned, events } }, { ...print, title: `Движение средств НСЗ за ${data.year} год` }),
  'smo-rating.html': smoRatingHtml({ assessments: assessments.map((a) => ({ smo: a.smo, assessment: a.result })), rating, period: smoYear.period }, print),
  'sanction-totals.html': sanctionTotalsHtml({ totals, period: sanctionsData.period }, print),
  'registry-audit.html': registryAuditHtml({ audit: register, source: 'HM770001S77001_2506.xml' }, print),
};
console.log(heading('10. Расчётные записки для печати'));
for (const [name, html] of Object.entries(notes)) {
  writeFileSync(new URL(name, outDir), html);
  assert.ok(html.startsWith('<!DOCTYPE html>') && !/<script/i.test(html), `${name}: самостоятельный документ без скриптов`);
  console.log(`examples/out/${name} (${Math.round(html.length / 1024)} КБ)`);
}
assert.ok(notes['reserve-size.html']?.includes(rub(size.total)), 'в записке о НСЗ — итог, как его пишет formatRubles');
// the ledger's input as JSON, for the command line's workbook of the same year
writeFileSync(new URL('reserve-year.json', outDir), `${JSON.stringify({ planned: plan.planned, openingBalance: data.openingBalance, events, plannedIncome: data.plan.plannedIncome }, null, 2)}\n`);
console.log('Книга Excel того же года: npx oms-calc reserve-year --input examples/out/reserve-year.json --format xlsx --out examples/out/reserve-year.xlsx');

console.log('\nВсе проверки демонстрации пройдены.');
