import fc from 'fast-check';

/**
 * `npm test` must pass or fail the same way on every run (CI reads one verdict), so the
 * property tests draw from a fixed seed there. `npm run fuzz` (QIA_FUZZ set) draws a fresh seed
 * each time to look for new counterexamples; fast-check prints the seed of any failure so it can
 * be replayed with QIA_FUZZ_SEED.
 */
const replay = process.env['QIA_FUZZ_SEED'];
if (replay !== undefined) fc.configureGlobal({ seed: Number(replay) });
else if (process.env['QIA_FUZZ'] === undefined) fc.configureGlobal({ seed: 20261207 });
