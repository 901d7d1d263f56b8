import { annex25 } from './data/tariff-agreement-2025-01-09-annex-25';
import { f014From20210525 } from './data/f014-2021-05-25';
import { shippedF014, type F014Table } from './f014';

/**
 * The Federal classifier F014 «Классификатор причин отказа (частичного отказа) в оплате
 * медицинской помощи», the 71 rows valid from 2021-05-25 (Kod 201–271, the points of the list of
 * Приказ Минздрава № 231н) with K_NO (Кно) and K_SH (Кшт) as published, and the wording of each
 * point from Тарифное соглашение от 09.01.2025, прил. 25, where it has the point (2.3.x–2.6 have
 * none). The default of every `f014` option. Load the current classifier with `defineF014` or
 * `parseF014Xml` (`oms-calc/registry`).
 *
 * Source: Классификатор F014 (ФФОМС), rows valid from 2021-05-25.
 *
 * @example
 * ```ts
 * import { builtinF014 } from 'oms-calc/sanctions';
 *
 * builtinF014.entries.length;                        // 71
 * builtinF014.entries.find((e) => e.kod === 241)?.osn; // '2.11'
 * ```
 */
export const builtinF014: F014Table = /* @__PURE__ */ shippedF014(
  f014From20210525,
  new Map(annex25.entries.map((e) => [e.code, e.title] as const)),
);
