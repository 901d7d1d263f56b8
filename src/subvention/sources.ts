/**
 * Citations of the Порядок предоставления субвенций and its Form 1, shared by the module's files.
 *
 * @module
 */
import { SOURCES } from '../_internal';

/** The title of Приложение 1 to the draft Положение, as it reads in the source. */
export const PORYADOK_TITLE = 'Порядок предоставления субвенций страховым медицинским организациям из средств НСЗ';

/** The Порядок, cited as a document: the paper, its draft Положение, and Приложение 1. */
export const PORYADOK = `${SOURCES.draftRegulation}, приложение 1 «${PORYADOK_TITLE}»`;

/** Form 1 of the Порядок. */
export const FORM_1 = `${PORYADOK}, приложение к Порядку, форма 1 «Обоснование величины заявленной субвенции»`;

/** A point or points of the Порядок, e.g. `point('7.1')` or `point('14', '16')`. */
export const point = (...points: string[]): string =>
  `${PORYADOK}, ${points.length === 1 ? 'п.' : 'пп.'} ${points.join(', ')}`;

/** The same points cited inside a Russian sentence: «п. 7.2 Порядка предоставления субвенций …». */
export const inPoryadok = (...points: string[]): string =>
  `${points.length === 1 ? 'п.' : 'пп.'} ${points.join(', ')} Порядка предоставления субвенций страховым медицинским организациям из средств НСЗ`;
