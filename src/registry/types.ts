/**
 * The shapes of `oms-calc/registry`: the items read from a register of invoices, the findings of
 * its audit and the audit's result.
 *
 * @module
 */
import type { TraceStep, X } from '../_internal';

/**
 * The class of control a sanction comes from (classifier F006, by S_TIP): `MEK` — медико-
 * экономический контроль, `MEE` — медико-экономическая экспертиза, `EKMP` — экспертиза качества
 * медицинской помощи.
 */
export type ControlClass = 'MEK' | 'MEE' | 'EKMP';

/** The title of a register (ZGLV), as written in the file; absent elements are absent. */
export interface RegistryHeader {
  /** ZGLV/VERSION, the version of the format. */
  version?: string | undefined;
  /** ZGLV/DATA, the date of the file. */
  date?: string | undefined;
  /** ZGLV/FILENAME, the file's name without extension. */
  filename?: string | undefined;
  /** ZGLV/SD_Z, the number of Z_SL the file declares. */
  sdZ?: string | undefined;
}

/**
 * One item of {@link readRegistry}: the invoice (SCHET, with the file's title), one finished case
 * (Z_SL), or one bad element.
 */
export type RegistryItem = RegistrySchet | RegistryCase | RegistryMalformed;

/**
 * The invoice of a register (SCHET) with the file's title (ZGLV). Values are the elements' text,
 * trimmed, as written in the file; money stays a decimal string (build a Decimal when needed).
 */
export interface RegistrySchet {
  /** `'schet'`. */
  kind: 'schet';
  /** The line of the file where the SCHET element opens. */
  line: number;
  /** The title of the file (ZGLV). */
  header: RegistryHeader;
  /** CODE, the invoice's code. */
  code?: string | undefined;
  /** CODE_MO, the medical organisation. */
  codeMo?: string | undefined;
  /** YEAR of the reporting period. */
  year?: string | undefined;
  /** MONTH of the reporting period. */
  month?: string | undefined;
  /** NSCHET, the invoice's number. */
  nschet?: string | undefined;
  /** DSCHET, the invoice's date. */
  dschet?: string | undefined;
  /** PLAT, the payer (the insurer or the fund). */
  plat?: string | undefined;
  /** SUMMAV, the amount presented for payment, rubles. */
  summav?: string | undefined;
  /** SUMMAP, the amount accepted for payment, rubles. */
  summap?: string | undefined;
  /** SANK_MEK, the sanctions of МЭК, rubles. */
  sankMek?: string | undefined;
  /** SANK_MEE, the sanctions of МЭЭ, rubles. */
  sankMee?: string | undefined;
  /** SANK_EKMP, the sanctions of ЭКМП, rubles. */
  sankEkmp?: string | undefined;
}

/** One part of a finished case (SL): its id and its amount. */
export interface RegistrySl {
  /** The line of the file where the SL element opens. */
  line: number;
  /** SL_ID, the id of the part within its case. */
  slId?: string | undefined;
  /** TARIF, the tariff, rubles. */
  tarif?: string | undefined;
  /** SUM_M, the amount of the part, rubles. */
  sumM?: string | undefined;
}

/** One sanction of a finished case (SANK): the result of one act of control. */
export interface RegistrySank {
  /** The line of the file where the SANK element opens. */
  line: number;
  /** S_CODE, the sanction's id, unique within its case. */
  sCode?: string | undefined;
  /** S_SUM, the amount withheld, rubles. */
  sSum?: string | undefined;
  /** S_TIP, the type of control (classifier F006). */
  sTip?: string | undefined;
  /** SL_ID, the parts of the case the sanction names; empty when it names the whole case. */
  slId: string[];
  /** S_OSN, the reason: F014's Kod (not the point number). */
  sOsn?: string | undefined;
  /** DATE_ACT, the date of the act. */
  dateAct?: string | undefined;
  /** NUM_ACT, the number of the act. */
  numAct?: string | undefined;
  /** CODE_EXP, the experts. */
  codeExp: string[];
  /** S_COM, a comment. */
  sCom?: string | undefined;
  /** S_IST, the source of the sanction. */
  sIst?: string | undefined;
}

/**
 * One finished case (Z_SL) with its parts (SL) and all its sanctions (SANK), and the N_ZAP of
 * its ZAP. Values are the elements' text, trimmed, as written in the file.
 */
export interface RegistryCase {
  /** `'case'`. */
  kind: 'case';
  /** The line of the file where the Z_SL element opens. */
  line: number;
  /** ZAP/N_ZAP, the number of the record. */
  nZap?: string | undefined;
  /** ZAP/PR_NOV, 0 for a new record, 1 for a corrected one. */
  prNov?: string | undefined;
  /** IDCASE, the case's id within the file. */
  idcase?: string | undefined;
  /** USL_OK, the conditions of care (1 стационар, 2 дневной стационар, 3 амбулаторно, 4 скорая). */
  uslOk?: string | undefined;
  /** DATE_Z_1, the first day of the case. */
  dateZ1?: string | undefined;
  /** DATE_Z_2, the last day of the case. */
  dateZ2?: string | undefined;
  /** IDSP, the method of payment. */
  idsp?: string | undefined;
  /** SUMV, the amount presented for payment, rubles. */
  sumv?: string | undefined;
  /** OPLATA: 0 not decided, 1 paid in full, 2 refused, 3 partly paid. */
  oplata?: string | undefined;
  /** SUMP, the amount accepted for payment, rubles. */
  sump?: string | undefined;
  /** SANK_IT, the total of the sanctions, rubles. */
  sankIt?: string | undefined;
  /** The parts of the case, in file order. */
  sl: RegistrySl[];
  /** The sanctions, in file order. */
  sank: RegistrySank[];
}

/**
 * A bad element: a value that breaks the format, a missing required element, or an XML error.
 * The case it belongs to is still read and yielded.
 */
export interface RegistryMalformed {
  /** `'malformed'`. */
  kind: 'malformed';
  /** The line of the file where the problem is. */
  line: number;
  /** The element at fault (e.g. `'SUMV'`), or `'XML'` for an error of the XML itself. */
  element: string;
  /** The N_ZAP of the record, when the problem is inside one. */
  nZap?: string | undefined;
  /** The IDCASE of the case, when the problem is inside one and the IDCASE is known. */
  idcase?: string | undefined;
  /** The S_CODE of the sanction, when the problem is inside one. */
  sCode?: string | undefined;
  /** The bad value, as written (shortened), where there is one. */
  value?: string | undefined;
  /** What is wrong, in Russian, citing the format. */
  message: string;
}

/**
 * The stable code of a rule the audit checks (`registry.md` §3). A code never changes meaning;
 * new codes may be added.
 *
 * - `SANK_SUM_MISMATCH` — S_SUM ≠ the non-payment of its point, РТ × Кно (combined per D19).
 * - `SANK_IT_MISMATCH` — Σ S_SUM of the case ≠ SANK_IT.
 * - `SUMP_MISMATCH` — SUMV − SUMP − SANK_IT ≠ 0.
 * - `OPLATA_MISMATCH` — OPLATA disagrees with SANK_IT (1: SANK_IT = 0; 2: SANK_IT = SUMV; 3: 0 < SANK_IT < SUMV).
 * - `SCHET_SUM_MISMATCH` — SUMMAV ≠ Σ SUMV or SUMMAP ≠ Σ SUMP.
 * - `SCHET_SANK_MISMATCH` — SANK_MEK, SANK_MEE or SANK_EKMP ≠ Σ S_SUM of that class.
 * - `UNKNOWN_OSN` — S_OSN is not a Kod of F014 on DATE_ACT.
 * - `UNKNOWN_S_TIP` — S_TIP is not a type of control (F006) on DATE_ACT.
 * - `UNKNOWN_SL_ID` — a sanction names an SL_ID the case does not have.
 * - `DUPLICATE_SANK` — two sanctions of one case with the same (S_OSN, S_SUM, S_TIP).
 * - `DUPLICATE_S_CODE` — two sanctions of one case with the same S_CODE.
 * - `ZERO_MEK_SANK` — a МЭК sanction with S_SUM = 0 on a case with SUMV ≠ 0.
 * - `SD_Z_MISMATCH` — ZGLV/SD_Z ≠ the number of Z_SL in the file.
 * - `MALFORMED` — an element's value breaks the format, a required element is missing, or the
 *   XML is broken there (D21).
 */
export type FindingRule =
  | 'SANK_SUM_MISMATCH'
  | 'SANK_IT_MISMATCH'
  | 'SUMP_MISMATCH'
  | 'OPLATA_MISMATCH'
  | 'SCHET_SUM_MISMATCH'
  | 'SCHET_SANK_MISMATCH'
  | 'UNKNOWN_OSN'
  | 'UNKNOWN_S_TIP'
  | 'UNKNOWN_SL_ID'
  | 'DUPLICATE_SANK'
  | 'DUPLICATE_S_CODE'
  | 'ZERO_MEK_SANK'
  | 'SD_Z_MISMATCH'
  | 'MALFORMED';

/**
 * One broken rule: where it is (the case, the sanction, the line), the amounts compared, and a
 * Russian message citing the rule.
 */
export interface Finding {
  /** The rule broken. */
  rule: FindingRule;
  /** N_ZAP of the record. */
  nZap?: string | undefined;
  /** IDCASE of the case. */
  idcase?: string | undefined;
  /** S_CODE of the sanction, where the rule is about one. */
  sCode?: string | undefined;
  /** The point of the list (F014's Osn, e.g. `'3.2.1'`), where the rule is about a sanction whose S_OSN is known. */
  point?: string | undefined;
  /** The element at fault, for `MALFORMED` and the invoice's rules (e.g. `'SUMV'`, `'SANK_MEK'`). */
  element?: string | undefined;
  /** What the rule expects, rubles. */
  expected?: X | undefined;
  /** What the file has, rubles. */
  actual?: X | undefined;
  /** The line of the file. */
  line?: number | undefined;
  /** What is wrong, in Russian, citing the rule and its source. */
  message: string;
}

/** Amounts by class of control: МЭК, МЭЭ, ЭКМП. */
export interface ClassAmounts {
  /** МЭК. */
  MEK: X;
  /** МЭЭ. */
  MEE: X;
  /** ЭКМП. */
  EKMP: X;
}

/**
 * The sanctions of one point of the list (F014's Osn): how many, what the file withholds, what
 * the table gives.
 */
export interface PointTotals {
  /** The number of sanctions with this point. */
  sanctions: number;
  /** Σ S_SUM as in the file, rubles. */
  actual: X;
  /** Σ of the recomputed S_SUM, rubles. */
  recomputed: X;
}

/**
 * The totals of an audit: S_SUM by class (as in the file) and the recomputed amounts beside
 * them, by point, and the case sums.
 */
export interface RegistryTotals {
  /** Σ S_SUM of the МЭК sanctions, as in the file. */
  MEK: X;
  /** Σ S_SUM of the МЭЭ sanctions, as in the file. */
  MEE: X;
  /** Σ S_SUM of the ЭКМП sanctions, as in the file. */
  EKMP: X;
  /** The same, recomputed from the table (РТ × Кно, combined per D19); a sanction that cannot be recomputed adds nothing. */
  recomputed: ClassAmounts;
  /** By point of the list (F014's Osn), in the list's order; `'0'` for S_OSN 0 (examined, no defect). */
  byPoint: Record<string, PointTotals>;
  /** Σ SUMV of the cases. */
  sumv: X;
  /** Σ SUMP of the cases. */
  sump: X;
  /** Σ SANK_IT of the cases. */
  sankIt: X;
  /** The fines (РП × Кшт) of the sanctions' points by class, when `perCapitaRates` were given; reported, not compared. */
  fines?: ClassAmounts | undefined;
}

/** The result of {@link auditRegistry}. */
export interface RegistryAudit {
  /** The number of finished cases (Z_SL) read. */
  cases: number;
  /** The number of sanctions (SANK) read. */
  sanctions: number;
  /** Every broken rule, in file order (the invoice's rules last); at most `maxFindings` of them. */
  findings: Finding[];
  /** The number of findings by rule, all of them counted even beyond `maxFindings`. */
  byRule: Partial<Record<FindingRule, number>>;
  /** Whether `findings` was cut at `maxFindings`. */
  truncated: boolean;
  /** The policy for several sanctions of one case that the amounts were checked against (D5, D19). */
  combine: 'max' | 'sum-capped';
  /** Where Кно came from: the coefficient table in force, or F014's own K_NO. */
  coefficients: 'table' | 'f014';
  /** The sums. */
  totals: RegistryTotals;
  /** How the totals were obtained. */
  trace: TraceStep[];
}
