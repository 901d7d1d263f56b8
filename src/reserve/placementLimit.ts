import { z } from 'zod';
import { amount, decimal, D, kopecks, parseInput, SOURCES, trace, ZERO, type DecimalInput, type TraceStep, type X } from '../_internal';

const SOURCE = `${SOURCES.stepanov}, раздел 1, размещение НСЗ в финансовые инструменты`;

/**
 * Input of {@link placementLimit}.
 *
 * @example
 * ```ts
 * import { placementLimit, type PlacementLimitInput } from 'oms-calc/reserve';
 *
 * const input: PlacementLimitInput = { balance: '800000000', share: '0.3', arrears: false };
 * placementLimit(input).limit.toString(); // '240000000'
 * ```
 */
export interface PlacementLimitInput {
  /** The reserve formed in the established order, rubles. */
  balance: DecimalInput;
  /** The share that may be placed, in [0, 0.5]; default 0.5 (the regulation's 50 %). */
  share?: DecimalInput | undefined;
  /** Whether the territorial programme has financing arrears; then nothing may be placed. */
  arrears?: boolean | undefined;
}

/**
 * Schema of {@link PlacementLimitInput}.
 *
 * @example
 * ```ts
 * import { PlacementLimitInputSchema } from 'oms-calc/reserve';
 *
 * PlacementLimitInputSchema.safeParse(JSON.parse('{ "balance": "800000000", "share": "0.3" }')).success; // true
 * const bad = PlacementLimitInputSchema.safeParse(JSON.parse('{ "balance": "800000000", "share": "0.6", "arrears": "no" }'));
 * bad.error?.issues.map((i) => i.path.join('.')); // ['share', 'arrears']
 * ```
 */
export const PlacementLimitInputSchema: z.ZodType<{ balance: X; share?: X | undefined; arrears?: boolean | undefined }, PlacementLimitInput> = z.strictObject({
  balance: amount,
  share: decimal({ min: 0, max: '0.5' }).optional(),
  arrears: z.boolean().optional(),
});

/**
 * Result of {@link placementLimit}.
 *
 * @example
 * ```ts
 * import { placementLimit, type PlacementLimit } from 'oms-calc/reserve';
 *
 * const p: PlacementLimit = placementLimit({ balance: '800000000' });
 * p.limit.toString();   // '400000000'
 * p.trace[0]?.formula;  // 'НСЗ × доля = 800000000 × 0.5, округлено до копеек'
 * ```
 */
export interface PlacementLimit {
  /** The most that may be placed in deposits or government securities, rubles (kopecks). */
  limit: X;
  /** How the figure was obtained. */
  trace: TraceStep[];
}

/**
 * The most of the reserve that may be placed in bank deposits or government securities: not more
 * than 50 % of the reserve formed, with the Federal fund's consent, and nothing while the
 * territorial programme has financing arrears.
 *
 * Source: Степанов, Головщинский (2011), раздел 1 (ограничения при размещении средств НСЗ в
 * банковские депозиты и ГЦБ, пп. 1–2); раздел 4, проект Положения, п. 5.
 *
 * @param input - the balance, the share (≤ 0.5) and whether there are arrears
 * @returns the limit in rubles, rounded to kopecks
 * @throws {@link OmsCalcError} `INVALID_INPUT` for a negative balance or a share outside [0, 0.5]
 * @example
 * ```ts
 * import { placementLimit } from 'oms-calc/reserve';
 *
 * placementLimit({ balance: '1000000000.01' }).limit.toString(); // '500000000.01' (half, rounded half up)
 * placementLimit({ balance: '1000000000', arrears: true }).limit.toString(); // '0'
 * ```
 */
export function placementLimit(input: PlacementLimitInput): PlacementLimit {
  const v = parseInput(PlacementLimitInputSchema, input, 'placementLimit');
  const t = trace();
  const share = v.share ?? new D('0.5');
  const limit =
    v.arrears === true
      ? t.step('Лимит размещения', 'есть задолженность по финансированию территориальной программы: размещение не допускается', ZERO, `${SOURCE}`)
      : t.step('Лимит размещения', `НСЗ × доля = ${v.balance.toString()} × ${share.toString()}, округлено до копеек`, kopecks(v.balance.times(share)), `${SOURCE}, п. 2 (не более 50 %)`);
  return { limit, trace: t.steps };
}
