#!/usr/bin/env node
// Fits the automatic coder's score (src/coding/decide.ts SCORE_WEIGHTS) on the DEVELOPMENT part
// of the real-text set (bench/gold/seeds; the held-out part is never read here): one example per
// (passage, top-level code the rules found), right when the labels give the passage that code.
// Logistic regression, L2-penalised, by plain gradient descent from zero: deterministic.
// The seeds are documents; the score ran low on interviews (a short plain answer with one clear
// phrase is usually right), so the interview turns of the three samples with hand labels
// (bench/gold/*.csv; tuned material, never the held-out lapak-asik coders) are examples too,
// and the last feature (the segment is a turn) carries what sets them apart; all weights are
// fitted on both together. `--seeds-only` fits on the seeds alone, as before.
//   npm run build && node bench/fit-score.js    # prints the weights to paste into decide.ts
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
const { seedSegments, codeSeeds } = await import('./lib/seeds.js');
const { loadCodebook } = await dist('study/codebook.js');
const { compileCodebook } = await dist('match/compile.js');
const { featureVector, logistic } = await dist('coding/decide.js');

const matcher = compileCodebook((await loadCodebook('builtin:rogers')).codebook);
const items = (await seedSegments()).filter((it) => !it.heldOut);
const labels = new Map(items.map((it) => [it.seg.id, it.label]));
const X = [];
const y = [];
await codeSeeds(items, matcher, {
  inspect: (seg, code, e) => {
    X.push(featureVector(e));
    y.push(labels.get(seg).codes.has(code) ? 1 : 0);
  },
});
const seeds = X.length;
if (!process.argv.includes('--seeds-only')) {
  const { sampleCodings } = await import('./lib/sample-calibration.js');
  const { fileURLToPath } = await import('node:url');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const seen = new Map();
  await sampleCodings(root, {
    inspect: (key, code, e) => {
      if (e.turn) seen.set(`${key}\u0000${code}`, featureVector(e));
    },
  });
  for (const r of await sampleCodings(root)) {
    const x = seen.get(`${r.study}\u0000${r.segment}\u0000${r.code}`);
    if (!x || !r.turn) continue;
    X.push(x);
    y.push(r.right ? 1 : 0);
  }
  console.log(`${seeds} seed examples, ${X.length - seeds} interview examples from the samples`);
}
const d = X[0].length;
let w = new Array(d).fill(0);
const lambda = 0.5;
for (let it = 0; it < 20000; it++) {
  const g = new Array(d).fill(0);
  for (let i = 0; i < X.length; i++) {
    const err = logistic(w, X[i]) - y[i];
    for (let j = 0; j < d; j++) g[j] += err * X[i][j];
  }
  for (let j = 1; j < d; j++) g[j] += lambda * w[j];
  w = w.map((v, j) => v - (0.5 / X.length) * g[j]);
}
let ll = 0;
for (let i = 0; i < X.length; i++) {
  const p = logistic(w, X[i]);
  ll += y[i] ? Math.log(p) : Math.log(1 - p);
}
console.log(`${X.length} examples, ${y.filter(Boolean).length} right; log-likelihood ${ll.toFixed(1)}`);
console.log(`[${w.map((v) => v.toFixed(2)).join(', ')}]`);
