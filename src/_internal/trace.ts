/**
 * Traces: the ordered steps that produced a result, each with its official symbol, formula,
 * value and source.
 *
 * @module
 */
import type { X } from './decimal';

/** One step of a computation, enough for an auditor to check the figure by hand. */
export interface TraceStep {
  /** The official symbol, in Cyrillic as in the source (e.g. `ОДБ`, `Кно`, `ЧЗЛдост`). */
  symbol: string;
  /** The formula with the numbers substituted or named. */
  formula: string;
  /** The value, as a plain decimal string (or a word for a status). */
  value: string;
  /** The document and point the formula comes from. */
  source: string;
}

/** Collects trace steps in order. */
export class TraceBuilder {
  readonly steps: TraceStep[] = [];

  /** Adds one step and returns the value, so that a computation can be written inline. */
  step<T extends X | string>(symbol: string, formula: string, value: T, source: string): T {
    this.steps.push({ symbol, formula, value: typeof value === 'string' ? value : value.toString(), source });
    return value;
  }

  /** Appends the steps of a sub-computation. */
  include(steps: readonly TraceStep[]): void {
    this.steps.push(...steps);
  }
}

/** Starts a new trace. */
export function trace(): TraceBuilder {
  return new TraceBuilder();
}

/** Citations of the source documents, by their own titles. */
export const SOURCES = {
  /** Степанов И.М., Головщинский К.И. Препринт WP8/2011/07, НИУ ВШЭ, 2011. */
  stepanov: 'Степанов, Головщинский (2011)',
  /** The draft Положение in section 4 of the paper. */
  draftRegulation: 'Степанов, Головщинский (2011), раздел 4, проект Положения о НСЗ',
  /** Приказ ФФОМС от 19.08.2025 № 140н (ред. от 14.05.2026 № 111н). */
  order140n: 'Приказ ФФОМС № 140н',
  /** Приложение № 25 к тарифному соглашению от 09.01.2025 and Приказ Минздрава № 231н. */
  tariffAgreement: 'Тарифное соглашение от 09.01.2025, прил. 25; Приказ Минздрава № 231н',
  /** Newspaper article on the return of sanction money (Volgograd). */
  sanctionMoney: '«Возврат средств в систему ОМС…» (Комсомольская правда, Волгоград)',
} as const;
