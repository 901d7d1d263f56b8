import fc from 'fast-check';

// Reproducible property runs: FC_SEED fixes the seed, FC_NUM_RUNS the number of runs.
const seed = process.env['FC_SEED'];
const numRuns = process.env['FC_NUM_RUNS'];
fc.configureGlobal({
  ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
  ...(numRuns !== undefined && numRuns !== '' ? { numRuns: Number(numRuns) } : {}),
});
