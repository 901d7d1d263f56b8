/**
 * `oms-calc/subvention` — Form 1 «Обоснование величины заявленной субвенции» of an insurer (СМО)
 * claiming a subvention from the territorial fund's normed insurance reserve, the fund's decision
 * on the claim, and the rendering of the form as a text table or CSV.
 *
 * @module subvention
 */
export {
  subventionClaim,
  SubventionClaimInputSchema,
  type SubventionClaimInput,
  type ParsedSubventionClaimInput,
  type SubventionClaim,
  type SubventionFormRow,
  type SubventionLine,
} from './subventionClaim';
export {
  subventionDecision,
  SubventionDecisionInputSchema,
  type SubventionDecisionInput,
  type ParsedSubventionDecisionInput,
  type SubventionDecision,
  type SubventionDecisionStatus,
  type SubventionReason,
  type SubventionReasonCode,
  type SubventionReasonAmounts,
} from './subventionDecision';
export {
  formatFormRows,
  FormRowSchema,
  FormatFormRowsOptionsSchema,
  type FormRow,
  type ParsedFormRow,
  type FormRowsFormat,
  type FormatFormRowsOptions,
  type ParsedFormatFormRowsOptions,
} from './formatFormRows';
export * from '../shared';
