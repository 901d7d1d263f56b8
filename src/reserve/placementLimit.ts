import * as z from 'zod';
import { amount, decimal, D, kopecks, parseInput, SOURCES, trace, ZERO, type DecimalInput, type TraceStep, type X } from '../_internal';

const SOURCE = `${SOURCES.stepanov}, раздел 1, размещение НСЗ в финансовые инструменты`;

/** The reasons as the trace's formula names them. */
const WHY = {
  NO_CONSENT: 'нет согласования с Федеральным фондом ОМС',
  ARREARS: 'есть задолженность по финансированию территориальной программы',
} as const;

/** Input of {@link placementLimit}. */
export interface PlacementLimitInput {
  /** The reserve formed in the established order, rubles. */
  balance: DecimalInput;
  /** The share that may be placed, in [0, 0.5]; default 0.5 (the regulation's 50 %). */
  share?: DecimalInput | undefined;
  /** Whether the territorial programme has financing arrears; then nothing may be placed. */
  arrears?: boolean | undefined;
  /** Whether the Federal fund has agreed to the placement; default `true` (given). Without it nothing may be placed. */
  consent?: boolean | undefined;
}

/** Schema of {@link PlacementLimitInput}. */
export const PlacementLimitInputSchema: z.ZodType<
  { balance: X; share?: X | undefined; arrears?: boolean | undefined; consent?: boolean | undefined },
  PlacementLimitInput
> = z.strictObject({
  balance: amount,
  share: decimal({ min: 0, max: '0.5' }).optional(),
  arrears: z.boolean().optional(),
  consent: z.boolean().optional(),
});

/**
 * Why nothing may be placed:
 * - `NO_CONSENT` — the Federal fund has not agreed to the placement (раздел 1, ограничение 1);
 * - `ARREARS` — the territorial programme has financing arrears (раздел 1, условия размещения).
 */
export type PlacementRefusalCode = 'NO_CONSENT' | 'ARREARS';

/** One reason why the limit is zero. */
export interface PlacementRefusal {
  /** Stable machine-readable code. */
  code: PlacementRefusalCode;
  /** The reason in Russian. */
  text: string;
  /** The document and point, as in the trace. */
  source: string;
}

/** Result of {@link placementLimit}. */
export interface PlacementLimit {
  /** The most that may be placed in deposits or government securities, rubles (kopecks). */
  limit: X;
  /** Whether anything may be placed at all (consent given and no arrears). */
  allowed: boolean;
  /** Why nothing may be placed, in the order of the source; empty when placement is allowed. */
  reasons: PlacementRefusal[];
  /** How the figure was obtained. */
  trace: TraceStep[];
}

/**
 * The most of the reserve that may be placed, on a short-term basis, in bank deposits or
 * government securities: not more than 50 % of the reserve formed, and nothing without the
 * Federal fund's consent or while the territorial programme has financing arrears.
 *
 * Source: Степанов, Головщинский (2011), раздел 1 (условия размещения: отсутствие задолженности,
 * краткосрочная основа; ограничения 1) согласование с ФОМС и 2) не более 50 %); раздел 4, проект
 * Положения, п. 5 (краткосрочные депозиты, ГЦБ).
 *
 * @param input - the balance, the share (≤ 0.5), whether there are arrears, whether the Federal fund consented
 * @returns the limit in rubles, rounded to kopecks, and the reasons when it is zero
 * @throws {@link OmsCalcError} `INVALID_INPUT` for a negative balance or a share outside [0, 0.5]
 * @example
 * ```ts
 * import { placementLimit } from 'oms-calc/reserve';
 *
 * placementLimit({ balance: '1000000000.01' }).limit.toString(); // '500000000.01' (half, rounded half up)
 * placementLimit({ balance: '1000000000', arrears: true }).limit.toString(); // '0'
 * placementLimit({ balance: '1000000000', consent: false }).reasons[0]?.code; // 'NO_CONSENT'
 * ```
 */
export function placementLimit(input: PlacementLimitInput): PlacementLimit {
  const v = parseInput(PlacementLimitInputSchema, input, 'placementLimit');
  const t = trace();
  const share = v.share ?? new D('0.5');
  const reasons: PlacementRefusal[] = [];
  if (v.consent === false) {
    reasons.push({ code: 'NO_CONSENT', text: 'Нет согласования размещения с Федеральным фондом ОМС: средства НСЗ не размещаются.', source: `${SOURCE}, ограничение 1 (согласование с ФОМС)` });
  }
  if (v.arrears === true) {
    reasons.push({ code: 'ARREARS', text: 'Есть задолженность по финансированию территориальной программы ОМС: средства НСЗ не размещаются.', source: `${SOURCE}, условия размещения (отсутствие задолженности)` });
  }
  const allowed = reasons.length === 0;
  const limit = allowed
    ? t.step('Лимит размещения', `НСЗ × доля = ${v.balance.toString()} × ${share.toString()}, округлено до копеек; на краткосрочной основе, по согласованию с ФОМС`, kopecks(v.balance.times(share)), `${SOURCE}, п. 2 (не более 50 %)`)
    : t.step('Лимит размещения', `размещение не допускается: ${reasons.map((r) => WHY[r.code]).join('; ')}`, ZERO, reasons.map((r) => r.source).join('; '));
  return { limit, allowed, reasons, trace: t.steps };
}
