#!/usr/bin/env node
// Fits the automatic coder's score (src/coding/decide.ts SCORE_WEIGHTS) on the DEVELOPMENT part
// of the real-text set (bench/gold/seeds; the held-out part is never read here): one example per
// (passage, top-level code the rules found), right when the labels give the passage that code.
// Logistic regression, L2-penalised, by plain gradient descent from zero: deterministic.
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
