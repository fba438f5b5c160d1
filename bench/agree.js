#!/usr/bin/env node
// Speed of Krippendorff's alpha and its bootstrap interval, against the plain alpha computation
// on the same data (the reference: one pass of the statistic the bootstrap repeats).
//   npm run build && node bench/agree.js [--units 5000] [--coders 2] [--draws 1000] [--runs 7]
// Data: generated reliability data, four categories, each coder agreeing with a latent "true"
// category 80% of the time, 10% of cells missing when there are more than two coders; fixed
// seed, so every run measures the same data. Figures are the median of --runs timed runs after
// one warm-up; the ratio bootstrap / plain says what one interval costs in plain alphas.
import { performance } from 'node:perf_hooks';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? dflt : Number(process.argv[i + 1]);
};
const nUnits = arg('units', 5000);
const nCoders = arg('coders', 2);
const draws = arg('draws', 1000);
const runs = arg('runs', 7);

const { reliabilityData } = await import('../dist/conclude/agreement/data.js');
const { krippendorffAlpha } = await import('../dist/conclude/agreement/alpha.js');
const { alphaBootstrap } = await import('../dist/conclude/agreement/bootstrap.js');
const { agreementStats } = await import('../dist/conclude/agreement/result.js');
const { Xoshiro128 } = await import('../dist/conclude/agreement/prng.js');

const rng = new Xoshiro128(7);
const coders = Array.from({ length: nCoders }, (_, i) => `c${i + 1}`);
const rows = Array.from({ length: nUnits }, (_, u) => {
  const truth = 1 + rng.below(4);
  const values = coders.map(() => {
    if (nCoders > 2 && rng.below(10) === 0) return null;
    return rng.below(10) < 8 ? truth : 1 + rng.below(4);
  });
  return { unit: `u${u + 1}`, values };
});
const data = reliabilityData(coders, rows);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median ms per call; `reps` calls per timed run, so a sub-millisecond call is not all timer noise. */
function time(fn, reps = 1) {
  fn();
  const ts = [];
  let out;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) out = fn();
    ts.push((performance.now() - t0) / reps);
  }
  return { ms: median(ts), out };
}

console.log(`${nCoders} coders × ${nUnits} units, ${draws} bootstrap draws, median of ${runs} runs (node ${process.version})`);
const rowsOut = [];
for (const level of ['nominal', 'ordinal', 'interval', 'ratio']) {
  const plain = time(() => krippendorffAlpha(data, level), 50);
  const boot = time(() => alphaBootstrap(data, level, { draws }));
  rowsOut.push([level, plain.ms, boot.ms, boot.ms / plain.ms, plain.out.value, boot.out]);
}
for (const [level, plain, boot, ratio, alpha, ci] of rowsOut) {
  console.log(
    `${level.padEnd(9)} alpha ${alpha.toFixed(4)}  plain ${plain.toFixed(2).padStart(7)} ms   bootstrap ${boot.toFixed(1).padStart(7)} ms` +
      `   bootstrap / plain ${ratio.toFixed(0).padStart(4)}×   CI [${ci.lo.toFixed(4)}, ${ci.hi.toFixed(4)}]`,
  );
}
const all = time(() => agreementStats(data, { level: 'nominal', bootstrap: { draws } }));
console.log(`every statistic + interval (agreementStats, nominal): ${all.ms.toFixed(1)} ms`);
const worst = Math.max(...rowsOut.map((r) => r[2]));
if (worst >= 1000) {
  console.error(`bootstrap took ${worst.toFixed(0)} ms at its slowest level: the target is well under a second`);
  process.exit(1);
}
