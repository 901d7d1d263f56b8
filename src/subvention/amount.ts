/**
 * The amount of a Form 1 line or of a decision.
 *
 * @module
 */
import type { z } from 'zod';
import { decimal, type DecimalInput, type X } from '../_internal';

/**
 * Rubles and kopecks: ≥ 0, at most 2 decimal places, below 10¹⁸ ₽ — so that every line of the
 * form, a sum of such amounts, stays exact in the library's 40-digit decimal context.
 */
export const formAmount: z.ZodType<X, DecimalInput> = decimal({ min: 0, max: '999999999999999999.99', maxPlaces: 2 });
