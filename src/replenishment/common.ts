/**
 * Pieces shared by the functions of `oms-calc/replenishment`: the calendar-month fields of the
 * inputs, the month names of the traces, and the points of the draft Положение they cite.
 *
 * @module
 */
import * as z from 'zod';
import { issueParams, monthName, show, SOURCES } from '../_internal';

/** The draft Положение о НСЗ (section 4 of the paper), to which the point is appended. */
export const REGULATION: string = SOURCES.draftRegulation;

/** Citations of the points of the draft Положение that this module implements. */
export const POINTS = {
  /** п. 10: the monthly transfer НСЗ_i = (НСЗпл − НСЗнпф) / П. */
  transfer: `${REGULATION}, п. 10`,
  /** Footnote 16 to п. 10: the formation period. */
  period: `${REGULATION}, п. 10, сноска 16`,
} as const;

/** `4 (апрель)`: a calendar month as the traces write it (the names from the library's one table). */
export function monthLabel(month: number): string {
  return `${month} (${monthName(month) || '?'})`;
}

/**
 * A whole number from `min` to `max` (a calendar month, or a number of months). Anything else is
 * one issue whose message names the field and shows the bad value.
 */
export function wholeNumber(what: string, min: number, max: number): z.ZodType<number, number> {
  return z.custom<number>(() => true).transform((value, ctx): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      const code = typeof value !== 'number' ? 'invalid_type' : !Number.isInteger(value) ? 'not_an_integer' : value < min ? 'too_small' : 'too_big';
      const params = { expected: 'integer', minimum: String(min), maximum: String(max), received: show(value) };
      ctx.addIssue({ code: 'custom', message: `${what} must be a whole number from ${min} to ${max}, got ${show(value)}`, params: issueParams(code, params) });
      return z.NEVER;
    }
    return value;
  });
}

/** A calendar month of the fiscal year, 1 (January) … 12 (December). */
export const calendarMonth: z.ZodType<number, number> = wholeNumber('a calendar month', 1, 12);
