#!/usr/bin/env node
// Learning from the researcher (src/coding/learn.ts), cross-validated: how many segments a person
// must code before the learnt classifier beats the codebook's rules alone.
//   npm run build && node bench/learn.js [--held-out] [--json]
//
// Two sets:
//   seeds   the development part of the real-text set (bench/gold/seeds; --held-out adds the
//           held-out part, scored once, never while tuning);
//   lapak-asik  the sample's two coders' files (samples/lapak-asik/codings/coder-a.csv and
//           coder-b.csv, pooled): every segment of the sources they coded, their codes as labels.
// For each set: 5 folds (by a hash of the segment id, so fixed); in each fold the classifier is
// trained on the first N segments of the other folds (in id-hash order: a fixed "reviewed first"
// order), for N = 10, 20, 40, 80, … all, and scored on the fold: macro-F1 over the top-level
// codes, top-1 (its most probable code vs the labels' primary or any label), for
//   rules    the codebook alone (score ≥ min_score),
//   learned          the classifier alone (its likeliest main code, when ≥ 0.5 and not none),
//   rules + learned  the rules' codes plus the classifier's, the primary the classifier's when sure,
//   rules, ranked    the rules' codes, the primary the one of them the classifier finds likeliest.
// Then the time to train on 1,000 segments.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
const opt = { heldOut: process.argv.includes('--held-out'), json: process.argv.includes('--json') };

const { seedSegments, codeSeeds, TOPS } = await import('./lib/seeds.js');
const { loadCodebook } = await dist('study/codebook.js');
const { compileCodebook } = await dist('match/compile.js');
const { featuresOf, trainPrimary, predictPrimary } = await dist('coding/learn.js');
const { DEFAULT_MIN_SCORE } = await dist('index/counted.js');

const top = (c) => c.split('.')[0];
const hash = (s) => createHash('sha256').update(s).digest('hex');

/** Items: { id, features, gold: Set, primary, rules: Map(top → score) } */
async function seedItems(heldOut) {
  const matcher = compileCodebook((await loadCodebook('builtin:rogers')).codebook);
  const items = (await seedSegments()).filter((it) => it.heldOut === heldOut);
  const by = await codeSeeds(items, matcher);
  return items.map((it) => {
    const rules = new Map();
    for (const c of by.get(it.seg.id) ?? []) rules.set(top(c.code), Math.max(rules.get(top(c.code)) ?? 0, c.score));
    const fired = [...rules].filter(([, s]) => s >= DEFAULT_MIN_SCORE).map(([t]) => t);
    return { id: it.seg.id, features: featuresOf(it.seg.text, ['id', 'en'], fired), gold: new Set(it.label.codes.keys()), primary: it.label.primary, rules };
  });
}

async function sampleItems() {
  const { loadCorpus, compile, codingStage } = await import('./lib/corpus.js');
  const { parseManualCsv, resolveManualRows } = await dist('coding/manual.js');
  const { SegmentIndex, SourceIndex } = await dist('coding/lookup.js');
  const { Diagnostics } = await dist('util/diagnostics.js');
  const dir = join(HERE, '..', 'samples/lapak-asik');
  const opened = await loadCorpus(dir);
  const matcher = await compile(opened.codebook);
  const auto = (await codingStage(opened.study))(opened, matcher);
  const codes = new Set(opened.codebook.codes.map((c) => c.id));
  codes.add('none');
  const gold = [];
  for (const f of ['coder-a.csv', 'coder-b.csv']) {
    const file = join(dir, 'codings', f);
    const rows = parseManualCsv(readFileSync(file, 'utf8'), file, 'gold', new Diagnostics());
    gold.push(...resolveManualRows(rows, { sources: new SourceIndex(opened.sources), segments: new SegmentIndex(opened.segments), codes }, new Diagnostics()));
  }
  const named = new Set(gold.map((c) => c.sourceId));
  const bySeg = new Map();
  for (const c of gold) {
    if (!bySeg.has(c.segmentId)) bySeg.set(c.segmentId, new Map());
    if (c.code !== 'none') bySeg.get(c.segmentId).set(top(c.code), (bySeg.get(c.segmentId).get(top(c.code)) ?? 0) + 1);
  }
  const rulesBy = new Map();
  for (const c of auto) {
    if (!rulesBy.has(c.segmentId)) rulesBy.set(c.segmentId, new Map());
    const m = rulesBy.get(c.segmentId);
    m.set(top(c.code), Math.max(m.get(top(c.code)) ?? 0, c.score));
  }
  return opened.segments
    .filter((s) => !s.interviewer && named.has(s.sourceId))
    .map((s) => {
      const g = bySeg.get(s.id) ?? new Map();
      const primary = [...g].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'none';
      const rules = rulesBy.get(s.id) ?? new Map();
      const fired = [...rules].filter(([, v]) => v >= DEFAULT_MIN_SCORE).map(([t]) => t);
      const body = s.text.slice(s.body.start - s.span.start, s.body.end - s.span.start);
      return { id: s.id, features: featuresOf(body, ['id', 'en'], fired), gold: new Set(g.keys()), primary, rules };
    });
}

function macroF1(items, predicted) {
  const f1s = [];
  for (const code of TOPS) {
    let tp = 0,
      fp = 0,
      fn = 0;
    items.forEach((it, i) => {
      const g = it.gold.has(code);
      const a = predicted[i].codes.has(code);
      if (g && a) tp++;
      else if (a) fp++;
      else if (g) fn++;
    });
    if (tp + fp + fn > 0) f1s.push((2 * tp) / (2 * tp + fp + fn));
  }
  return f1s.reduce((a, b) => a + b, 0) / f1s.length;
}
function top1(items, predicted) {
  const coded = items.map((it, i) => [it, predicted[i]]).filter(([it]) => it.primary !== 'none');
  return coded.filter(([it, p]) => p.primary === it.primary).length / coded.length;
}

function rulesReading(it) {
  const codes = new Set();
  let primary = 'none',
    best = -1;
  for (const [t, s] of it.rules) {
    if (s < DEFAULT_MIN_SCORE) continue;
    codes.add(t);
    if (s > best) [best, primary] = [s, t];
  }
  return { codes, primary };
}

/** The classifier's reading alone, and beside the rules'. */
function readings(model, it, r) {
  const all = predictPrimary(model, it.features);
  const best = all[0];
  const sure = best && best.code !== 'none' && best.probability >= 0.5 ? best.code : undefined;
  const learned = { codes: new Set(sure ? [sure] : []), primary: sure ?? 'none' };
  const both = { codes: new Set([...r.codes, ...(sure ? [sure] : [])]), primary: sure ?? r.primary };
  // The rules propose, the classifier ranks: the primary is the rules' code it finds likeliest.
  const ranked = all.find((p) => r.codes.has(p.code));
  const rank = { codes: r.codes, primary: ranked ? ranked.code : r.primary };
  return [learned, both, rank];
}

function crossValidate(items, sizes) {
  const order = [...items].sort((a, b) => (hash(a.id) < hash(b.id) ? -1 : 1));
  const fold = (it) => parseInt(hash(`fold:${it.id}`).slice(0, 8), 16) % 5;
  const rules = items.map(rulesReading);
  const rows = [{ n: 0, scheme: 'rules', macroF1: macroF1(items, rules), top1: top1(items, rules) }];
  for (const n of sizes) {
    const learned = new Array(items.length);
    const both = new Array(items.length);
    const rank = new Array(items.length);
    for (let k = 0; k < 5; k++) {
      const trainSet = order.filter((it) => fold(it) !== k).slice(0, n);
      const model = trainPrimary(trainSet.map((it) => ({ features: it.features, codes: it.gold, primary: it.primary })));
      items.forEach((it, i) => {
        if (fold(it) !== k) return;
        [learned[i], both[i], rank[i]] = readings(model, it, rules[i]);
      });
    }
    const used = Math.min(n, Math.round(items.length * 0.8));
    rows.push({ n: used, scheme: 'learned', macroF1: macroF1(items, learned), top1: top1(items, learned) });
    rows.push({ n: used, scheme: 'rules + learned', macroF1: macroF1(items, both), top1: top1(items, both) });
    rows.push({ n: used, scheme: 'rules, ranked', macroF1: macroF1(items, rank), top1: top1(items, rank) });
  }
  return rows;
}

function print(title, rows) {
  console.log(title);
  console.log(`${'trained on'.padStart(10)}  ${'scheme'.padEnd(16)} ${'macro-F1'.padStart(8)} ${'top-1'.padStart(6)}`);
  for (const r of rows)
    console.log(`${String(r.n).padStart(10)}  ${r.scheme.padEnd(16)} ${r.macroF1.toFixed(2).padStart(8)} ${`${Math.round(r.top1 * 100)}%`.padStart(6)}`);
  console.log('');
}

const out = {};
const dev = await seedItems(false);
out.seeds = crossValidate(dev, [10, 20, 40, dev.length]);
const la = await sampleItems();
out['lapak-asik'] = crossValidate(la, [10, 20, la.length]);
if (opt.heldOut) {
  // Held out: trained on the whole development part, scored on the held-out part once.
  const held = await seedItems(true);
  const model = trainPrimary(dev.map((it) => ({ features: it.features, codes: it.gold, primary: it.primary })));
  const rules = held.map(rulesReading);
  const pairs = held.map((it, i) => readings(model, it, rules[i]));
  const learned = pairs.map((p) => p[0]);
  const both = pairs.map((p) => p[1]);
  const rank = pairs.map((p) => p[2]);
  out.heldOut = [
    { n: 0, scheme: 'rules', macroF1: macroF1(held, rules), top1: top1(held, rules) },
    { n: dev.length, scheme: 'learned', macroF1: macroF1(held, learned), top1: top1(held, learned) },
    { n: dev.length, scheme: 'rules + learned', macroF1: macroF1(held, both), top1: top1(held, both) },
    { n: dev.length, scheme: 'rules, ranked', macroF1: macroF1(held, rank), top1: top1(held, rank) },
  ];
}

// Speed: 1,000 segments (the development passages and the sample's segments, repeated).
const pool = [...dev, ...la];
const thousand = Array.from({ length: 1000 }, (_, i) => pool[i % pool.length]).map((it) => ({ features: it.features, codes: it.gold, primary: it.primary }));
trainPrimary(thousand);
const t0 = performance.now();
trainPrimary(thousand);
const ms = performance.now() - t0;
out.train1000ms = ms;

if (opt.json) console.log(JSON.stringify(out, null, 2));
else {
  print(`seeds, development part: ${dev.length} passages, 5-fold cross-validation`, out.seeds);
  print(`lapak-asik, coders a and b pooled: ${la.length} segments, 5-fold cross-validation`, out['lapak-asik']);
  if (out.heldOut) print('seeds, HELD OUT (trained on the whole development part)', out.heldOut);
  console.log(`training on 1,000 segments: ${ms.toFixed(0)} ms`);
}
