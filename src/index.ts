/**
 * `oms-calc` — exact, explainable money arithmetic of Russian compulsory medical insurance (ОМС).
 * The root re-exports every module and the shared pieces.
 *
 * @module oms-calc
 */
export * from './shared';
export * from './reserve';
export * from './replenishment';
export * from './subvention';
export * from './sanctions';
export * from './smo-rating';
export * from './registry';
export * from './report';
