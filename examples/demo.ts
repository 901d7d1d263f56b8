/**
 * A fund year through oms-calc, on the sample data of examples/data/fund-year.json:
 * the size of the normed insurance reserve (НСЗ) with its breakdown and trace.
 *
 * Run: npm run demo
 */
import { readFileSync } from 'node:fs';
import { reserveSize, type ReserveSizeInput } from 'oms-calc/reserve';
import { heading, rub, table } from './lib/format';

interface FundYear {
  region: string;
  year: number;
  reserve: ReserveSizeInput;
}

const data = JSON.parse(readFileSync(new URL('./data/fund-year.json', import.meta.url), 'utf8')) as FundYear;

console.log(`oms-calc — финансовый год ТФОМС: ${data.region}, ${data.year}`);

// 1. Размер нормированного страхового запаса
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
for (const [i, step] of size.trace.entries()) {
  console.log(`${String(i + 1).padStart(2)}. ${step.symbol} = ${step.value}\n      ${step.formula}\n      источник: ${step.source}`);
}
