/**
 * The version of oms-calc that the documents print. A constant in the source, so that every
 * runtime (ESM, CommonJS, Deno, a browser bundle) has it without reading package.json; a test
 * (test/report/version.test.ts) fails when it differs from package.json's `version`.
 *
 * @module
 */

/** The library's version, as in package.json. */
export const LIBRARY_VERSION = '0.1.0';
