"""Writes the example notebooks under examples/. Run: python3 scripts/notebooks.py"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from notebook import write  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "examples")

write(os.path.join(ROOT, "reserve-and-fund-year.ipynb"), [
    ("md", """
# НСЗ территориального фонда: размер, план и год помесячно

Блокнот для ядра Deno. Библиотека подключается так, как её подключает пользователь:
`import … from "npm:oms-calc/reserve"`. Все суммы — строки в рублях с копейками; результаты —
десятичные числа `Decimal`, каждое с расшифровкой `trace`.
"""),
    ("ts", """
import { reserveSize, plannedReserve } from "npm:oms-calc/reserve";
import { replenishmentSchedule, reserveYear } from "npm:oms-calc/replenishment";
import { subventionClaim, subventionDecision } from "npm:oms-calc/subvention";
"""),
    ("md", """
## 1. Размер НСЗ из рисков

НСЗ = ОДБ + ОАП·Цап + ОС·Цс + ОСЗ·Цсз + КЗ (Степанов, Головщинский, 2011, раздел 3). Каждое
отклонение — среднеквадратичное отклонение вариантов прогноза с их вероятностями.
"""),
    ("ts", """
const size = reserveSize({
  income: [
    { value: "9000000000", probability: "0.2" },
    { value: "10000000000", probability: "0.5" },
    { value: "10500000000", probability: "0.3" },
  ],
  ambulatory: { scenarios: [{ value: "1000000", probability: "0.5" }, { value: "1100000", probability: "0.5" }], unitCost: "450" },
  inpatient: { scenarios: [{ value: "200000", probability: "1" }], unitCost: "30000" },
  dayHospital: { scenarios: [{ value: "50000", probability: "1" }], unitCost: "15000" },
  payables: "12500000",
});
// ОДБ = sqrt(0,2725·10¹⁸) = 522 015 325,45; ОАП = 50 000 посещений × 450 = 22 500 000; КЗ = 12 500 000
if (size.total.toString() !== "557015325.45") throw new Error(`НСЗ = ${size.total}`);
size.trace.map((s) => ({ символ: s.symbol, значение: s.value, источник: s.source }));
"""),
    ("md", """
## 2. Плановая величина для закона о бюджете

Не менее 6 % и не более 10 % объёма финансирования территориальной программы, за вычетом резервов
СМО (проект Положения, пп. 6–9).
"""),
    ("ts", """
const plan = plannedReserve({
  required: size.total,
  smoReserves: "40000000",
  programFinancing: "9000000000",
  plannedIncome: "10000000000",
  plannedBaseProgramCost: "9600000000",
});
// x = 557 015 325,45 − 40 000 000 = 517 015 325,45; коридор 540 000 000 … 900 000 000 → поднято до 6 %
if (plan.status !== "raised-to-floor" || plan.planned.toString() !== "540000000") throw new Error(plan.status);
({ плановаяВеличина: plan.planned.toString(), доля: plan.share.toString(), статус: plan.status });
"""),
    ("md", """
## 3. Пополнение и год помесячно

НСЗ_i = (НСЗпл − НСЗнпф) / П (п. 10); последний взнос — остаток, чтобы сумма сошлась до копейки.
В апреле СМО получает субвенцию по форме 1, в сентябре приходит доход от депозита.
"""),
    ("ts", """
const schedule = replenishmentSchedule({ planned: plan.planned, openingBalance: "500000000.00", months: 12 });
if (!schedule.total.eq("40000000")) throw new Error("сумма взносов");

const claim = subventionClaim({
  openingBalance: "10000000", capitationFunds: "800000000", omsIncome: "0", sanctionIncome: "0",
  damagesRecovered: "0", reserveReturns: "0", acceptedInvoices: "900000000", invoicePayments: "790000000",
  administration: "8000000", prevention: "1500000", otherExpenses: "500000",
});
const decision = subventionDecision({
  claim: claim.claim, verifiedNeed: "95000000", reserveBalance: "510000000",
  objectiveCauses: true, misuseFound: false, violationsFound: false, fundsFullySpent: true,
});
const year = reserveYear({
  planned: plan.planned,
  openingBalance: "500000000.00",
  events: [
    { month: 4, spending: decision.granted, note: "субвенция СМО" },
    { month: 9, income: "2500000.00", note: "проценты по депозиту" },
  ],
});
if (!year.closing.eq(plan.planned)) throw new Error("к декабрю НСЗ должен быть восстановлен");
year.months.map((m) => ({ месяц: m.month, начало: m.opening.toString(), перечисление: m.transfer.toString(), расход: m.spending.toString(), доход: m.income.toString(), конец: m.closing.toString() }));
"""),
])
write(os.path.join(ROOT, "smo-rating.ipynb"), [
    ("md", """
# Оценка деятельности СМО и рейтинг (Приказ ФФОМС № 140н)

Блокнот для ядра Deno: десять показателей СМО за квартал, годовая оценка с коэффициентом
эффективности Кэфф, результат мониторинга ФОМС и рейтинг. Показатели — в процентах, 4 знака;
оценка публикуется с одним знаком (решения D6, D7 в `docs/decisions.md`).
"""),
    ("ts", """
import { smoIndicators, smoAnnualAssessment, federalMonitoring, smoRating } from "npm:oms-calc/smo-rating";
"""),
    ("md", """
## Квартал

Не представленные сведения дают показатель 0 (п. 7), нули не входят в среднее (п. 9). Показатель 8
в I квартале считается по своей формуле: (1 − (ДТ / СЧпо − 1/12 × 190 %)) × 100.
"""),
    ("ts", """
const q1 = smoIndicators({
  quarter: 1,
  data: {
    reliableInsured: 990, insured: 1000,          // 1: 99,0000
    appealsResolved: 45, appeals: 50,             // 2: 90,0000
    unclosedAdvances: "150000", invoicedTotal: "1000000", // 8: (1 − (0,15 − 0,158333…)) × 100 = 100,8333
  },
});
// показатели 1, 2 и 8 рассчитаны, остальные 0 (сведения не представлены);
// оценка = (99 + 90 + 100,8333) / 3 = 96,6111
if (q1.scoreExact.toString() !== "96.6111" || q1.score.toString() !== "96.6") throw new Error(q1.scoreExact.toString());
q1.indicators.map((i) => ({ номер: i.number, значение: i.value.toString(), причина: i.reason ?? "" }));
"""),
    ("md", """
## Год с Кэфф, мониторинг и рейтинг

Кэфф = 0,9 при одном нарушении пунктов перечня санкций, указанных для показателя, 0,8 при двух и
более; 1,1 для всех показателей, если нарушений не выявлено совсем (пп. 12–15).
"""),
    ("ts", """
const data = {
  reliableInsured: 990, insured: 1000, appealsResolved: 45, appeals: 50,
  advanceRequestsCompliant: 12, advanceRequests: 12,
};
const clean = smoAnnualAssessment({ data, violations: [] });
const fined = smoAnnualAssessment({ data, violations: [{ point: "4.1", count: 1 }] });
// без нарушений: (99 × 1,1 + 90 × 1,1 + 100 × 1,1) / 3 = 105,9667
// нарушение п. 4.1 снижает только показатель 7: (99 + 90 + 90) / 3 = 93,0000
if (clean.scoreExact.toString() !== "105.9667" || fined.scoreExact.toString() !== "93") throw new Error(`${clean.scoreExact} ${fined.scoreExact}`);

const alpha = federalMonitoring({ regions: [{ region: "Условная область", scoreExact: clean.scoreExact, noViolations: clean.noViolations }] });
const beta = federalMonitoring({ regions: [{ region: "Условная область", scoreExact: fined.scoreExact, noViolations: fined.noViolations }] });
const rating = smoRating({ smos: [{ smo: "СМО «Бета»", resultExact: beta.resultExact }, { smo: "СМО «Альфа»", resultExact: alpha.resultExact }] });
if (rating.rows[0]?.smo !== "СМО «Альфа»") throw new Error("рейтинг");
rating.rows.map((r) => ({ место: r.rank, смо: r.smo, результат: r.result.toString() }));
"""),
])
write(os.path.join(ROOT, "sanctions.ipynb"), [
    ("md", """
# Санкции к медицинским организациям: Кно и Кшт

Блокнот для ядра Deno. Неоплата Н = РТ × Кно, штраф Сшт = РП × Кшт по коду нарушения из перечня
(Приложение № 25 к тарифному соглашению от 09.01.2025; Приказ Минздрава № 231н). Таблица
коэффициентов — данные с версией и датой действия.
"""),
    ("ts", """
import { builtinSanctionTable, findViolation, caseSanction, sanctionStream, sanctionTotals, allocateSanctionProceeds } from "npm:oms-calc/sanctions";
const v = findViolation("3.2.3");
({ таблица: builtinSanctionTable.id, кодов: builtinSanctionTable.entries.length, код: v.code, Кно: v.kno?.toString(), Кшт: v.ksht?.toString() });
"""),
    ("md", """
## Один случай

Несколько нарушений в одном случае: неоплата — наибольшая из неоплат (не больше тарифа), штрафы
складываются (решение D5).
"""),
    ("ts", """
const rates = { hospital: "3120.60", ambulatory: "1843.20" };
const c = caseSanction({ date: "2025-06-01", tariff: "118000.00", setting: "hospital", violations: ["3.1.5", "3.2.4"] }, { perCapitaRates: rates });
// неоплата = max(118 000 × 1, 118 000 × 1) = 118 000; штрафы = 3 120,60 × 3 + 3 120,60 × 3 = 18 723,60
if (c.nonPayment.toString() !== "118000" || c.fine.toString() !== "18723.6") throw new Error(`${c.nonPayment} ${c.fine}`);
c.details.map((d) => ({ код: d.code, раздел: d.section, Кно: d.kno?.toString() ?? "—", Кшт: d.ksht?.toString() ?? "—", неоплата: d.nonPayment.toString(), штраф: d.fine.toString() }));
"""),
    ("md", """
## Реестр случаев потоком

Плохая строка становится строкой с ошибкой — ни один случай не теряется. Доля НСЗ (35 %) в
удержанных средствах — доход резерва для `reserveYear`.
"""),
    ("ts", """
const cases = [
  { id: "1", date: "2025-03-01", tariff: "48950.00", setting: "hospital" as const, violations: ["3.2.3"] },
  { id: "2", date: "2025-03-02", tariff: "1250.40", setting: "ambulatory" as const, violations: ["1.4.1"] },
  { id: "3", date: "2025-03-03", tariff: "-1", setting: "ambulatory" as const, violations: ["1.2"] },
];
const totals = await sanctionTotals(sanctionStream(cases, { perCapitaRates: rates }));
// 44 055,00 + 1 250,40 = 45 305,40 неоплаты; штраф 3 120,60; одна строка с ошибкой
if (totals.cases !== 3 || totals.errors !== 1 || totals.nonPayment.toString() !== "45305.4") throw new Error(JSON.stringify(totals));
const split = allocateSanctionProceeds(totals.nonPayment.plus(totals.fine));
if (!Object.values(split.parts).reduce((a, b) => a.plus(b)).eq(totals.nonPayment.plus(totals.fine))) throw new Error("части не сходятся");
Object.fromEntries(Object.entries(split.parts).map(([k, x]) => [k, x.toString()]));
"""),
])
write(os.path.join(ROOT, "registry.ipynb"), [
    ("md", """
# Реестр счетов: проверка санкций МЭК, МЭЭ, ЭКМП до копейки

Блокнот для ядра Deno. Реестр счетов (H-файл, Приказ ФФОМС № 34н) читается потоком; каждая
санкция SANK сверяется с таблицей коэффициентов: S_SUM = РТ × Кно, где РТ — сумма SL, названных
в SL_ID (без SL_ID — SUMV случая), а пункт перечня — по коду S_OSN классификатора F014 на дату
акта. Проверяются и суммы реестра: SANK_IT, SUMP, OPLATA, итоги счёта SCHET.
"""),
    ("ts", """
import { auditRegistry, readRegistry } from "npm:oms-calc/registry";
"""),
    ("md", """
## Маленький реестр из трёх случаев

1. Стационар, SUMV 48 950,00; МЭЭ (S_TIP 51), S_OSN 244 = п. 2.14, Кно 0,5: 48 950,00 × 0,5 = 24 475,00.
2. Два SL: 30 000,00 + 12 500,50 = 42 500,50; ЭКМП (S_TIP 71), S_OSN 258 = п. 3.2.4, Кно 1, только по
   SL_ID 2: 12 500,50 × 1 = 12 500,50.
3. Поликлиника, SUMV 1 250,40; МЭК (S_TIP 1), S_OSN 205 = п. 1.4.2, Кно 1: должно быть 1 250,40, а в
   реестре 1 250,00 — это и найдёт проверка.

Счёт: SUMMAV = 48 950,00 + 42 500,50 + 1 250,40 = 92 700,90; SUMMAP = 24 475,00 + 30 000,00 + 0,40 = 54 475,40.
"""),
    ("ts", """
const zap = (n: number, uslOk: number, sl: [string, string][], sumv: string, oplata: number, sump: string, sank: string, sankIt: string) =>
  `<ZAP><N_ZAP>${n}</N_ZAP><PR_NOV>0</PR_NOV><PACIENT><ID_PAC>${n}</ID_PAC><VPOLIS>3</VPOLIS><NPOLIS>770000000000000${n}</NPOLIS></PACIENT>` +
  `<Z_SL><IDCASE>${n}</IDCASE><USL_OK>${uslOk}</USL_OK><DATE_Z_1>2025-06-02</DATE_Z_1><DATE_Z_2>2025-06-10</DATE_Z_2>` +
  sl.map(([id, sum]) => `<SL><SL_ID>${id}</SL_ID><DS1>I10</DS1><TARIF>${sum}</TARIF><SUM_M>${sum}</SUM_M></SL>`).join("") +
  `<IDSP>33</IDSP><SUMV>${sumv}</SUMV><OPLATA>${oplata}</OPLATA><SUMP>${sump}</SUMP>${sank}<SANK_IT>${sankIt}</SANK_IT></Z_SL></ZAP>`;
const sank = (code: string, sum: string, tip: number, osn: number, slId = "") =>
  `<SANK><S_CODE>${code}</S_CODE><S_SUM>${sum}</S_SUM><S_TIP>${tip}</S_TIP>${slId && `<SL_ID>${slId}</SL_ID>`}<S_OSN>${osn}</S_OSN>` +
  `<DATE_ACT>2025-07-10</DATE_ACT><NUM_ACT>А-1</NUM_ACT><S_COM>Акт экспертизы</S_COM><S_IST>1</S_IST></SANK>`;
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<ZL_LIST><ZGLV><VERSION>3.2</VERSION><DATA>2025-07-05</DATA><FILENAME>HM770001S77001_2506</FILENAME><SD_Z>3</SD_Z></ZGLV>
<SCHET><CODE>1</CODE><CODE_MO>770001</CODE_MO><YEAR>2025</YEAR><MONTH>6</MONTH><NSCHET>1</NSCHET><DSCHET>2025-07-05</DSCHET><PLAT>77001</PLAT>
<SUMMAV>92700.90</SUMMAV><SUMMAP>54475.40</SUMMAP><SANK_MEK>1250.00</SANK_MEK><SANK_MEE>24475.00</SANK_MEE><SANK_EKMP>12500.50</SANK_EKMP></SCHET>
${zap(1, 1, [["1", "48950.00"]], "48950.00", 3, "24475.00", sank("1", "24475.00", 51, 244), "24475.00")}
${zap(2, 1, [["1", "30000.00"], ["2", "12500.50"]], "42500.50", 3, "30000.00", sank("1", "12500.50", 71, 258, "2"), "12500.50")}
${zap(3, 3, [["1", "1250.40"]], "1250.40", 3, "0.40", sank("1", "1250.00", 1, 205), "1250.00")}
</ZL_LIST>`;
const kinds: string[] = [];
for await (const item of readRegistry([xml])) kinds.push(item.kind);
// один счёт SCHET и три случая Z_SL, по одному элементу на каждый
if (kinds.join() !== "schet,case,case,case") throw new Error(kinds.join());
({ элементы: kinds.join(", ") });
"""),
    ("md", """
## Проверка

Одна находка: S_SUM случая 3 на 0,40 ₽ меньше, чем даёт таблица. Остальные правила соблюдены:
Σ S_SUM = SANK_IT, SUMV − SUMP − SANK_IT = 0, OPLATA = 3 (частичная оплата), итоги счёта по видам
контроля равны суммам санкций.
"""),
    ("ts", """
const audit = await auditRegistry([xml]);
if (audit.cases !== 3 || audit.sanctions !== 3) throw new Error(`${audit.cases} ${audit.sanctions}`);
if (audit.findings.length !== 1 || audit.findings[0].rule !== "SANK_SUM_MISMATCH" || audit.findings[0].nZap !== "3") throw new Error(JSON.stringify(audit.byRule));
if (audit.findings[0].expected?.toFixed(2) !== "1250.40" || audit.findings[0].actual?.toFixed(2) !== "1250.00") throw new Error("S_SUM случая 3");
audit.findings.map((f) => ({ правило: f.rule, N_ZAP: f.nZap, пункт: f.point, ожидается: f.expected?.toFixed(2), вРеестре: f.actual?.toFixed(2), строка: f.line }));
"""),
    ("ts", """
const t = audit.totals;
// МЭК: 1 250,00 в реестре, 1 250,40 по таблице; МЭЭ 24 475,00; ЭКМП 12 500,50
if (t.MEK.toFixed(2) !== "1250.00" || t.recomputed.MEK.toFixed(2) !== "1250.40" || !t.MEE.eq(t.recomputed.MEE) || t.EKMP.toFixed(2) !== "12500.50") throw new Error("итоги");
(["MEK", "MEE", "EKMP"] as const).map((k) => ({ вид: { MEK: "МЭК", MEE: "МЭЭ", EKMP: "ЭКМП" }[k], вРеестре: t[k].toFixed(2), поТаблице: t.recomputed[k].toFixed(2) }));
"""),
    ("md", """
## Файл фонда

Настоящий реестр приходит ZIP-архивом (H-файл и L-файл персональных данных) в windows-1251.
Библиотека читает байты потоком и кодировку берёт из пролога XML — например,
`auditRegistry((await Deno.open("HM770001S77001_2506.xml")).readable)`. Командная строка читает и
ZIP, распаковывая его по мере чтения, и пишет находки в CSV для Excel:

    oms-calc registry HM770001S77001_2506.zip --out findings.csv
"""),
])
print("notebooks written")
