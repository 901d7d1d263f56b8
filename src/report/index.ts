/**
 * `oms-calc/report` — what a fund hands to people: each result as one self-contained HTML
 * document (inline CSS and SVG, no script, nothing fetched), in Russian, for print. Every number
 * goes through the one money formatter; every document carries the library's version, the trace
 * of its figures and the sources it cites. The same results as plain text: `textTable`, `traceText`. A renderer takes a result as its function returned
 * it, or the result's JSON (the output of `oms-calc … --format json`).
 *
 * @module report
 */
export type { DocumentOptions } from './html';
export { reserveSizeHtml, type ReserveSizeDocument } from './reserveSizeHtml';
export { subventionHtml, type SubventionDocument } from './subventionHtml';
export { reserveYearHtml, type ReserveYearDocument } from './reserveYearHtml';
export { smoRatingHtml, type SmoRatingDocument } from './smoRatingHtml';
export { sanctionTotalsHtml, type SanctionTotalsDocument } from './sanctionTotalsHtml';
export { registryAuditHtml, type RegistryAuditDocument } from './registryAuditHtml';
export { tablesHtml, type TablesDocument, type ReportTable, type ReportColumn, type ReportColumnKind } from './tablesHtml';
export { textTable, traceText } from './text';
export * from '../shared';
