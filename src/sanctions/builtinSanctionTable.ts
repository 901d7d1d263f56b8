import { annex25 } from './data/tariff-agreement-2025-01-09-annex-25';
import { shippedTable, type SanctionTable } from './table';

/**
 * The built-in coefficient table: «Перечень оснований для отказа в оплате медицинской помощи
 * (уменьшения оплаты медицинской помощи)», Приложение № 25 к тарифному соглашению от 09.01.2025
 * (a regional copy of the federal list of Приказ Минздрава № 231н). Id
 * `tariff-agreement-2025-01-09-annex-25`, in force from 2025-01-01, 70 rows in three sections,
 * with the full Russian wording and Кно and Кшт assigned by decision D4: each row's `basis` says
 * whether its columns come from the layout (two numbers), from the Federal classifier F014, or
 * were inferred (2.16.3, 3.14.x, 3.15.x). It agrees with F014 on every code both carry. It is the
 * default of the `tables` option.
 *
 * Source: Тарифное соглашение от 09.01.2025, прил. 25; Приказ Минздрава № 231н.
 *
 * @example
 * ```ts
 * import { builtinSanctionTable } from 'oms-calc/sanctions';
 *
 * builtinSanctionTable.entries.length;                                   // 70
 * builtinSanctionTable.entries.find((e) => e.code === '3.2.4')?.kno?.toString(); // '1'
 * ```
 */
export const builtinSanctionTable: SanctionTable = /* @__PURE__ */ shippedTable(annex25);
