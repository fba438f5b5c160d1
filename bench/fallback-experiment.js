#!/usr/bin/env node
// Issue 18 experiment: a learnt fallback for the passages no rule places.
//   npm run build && node bench/fallback-experiment.js [--json] [--held-out]
//
// The rules leave some real passages without any counted code, and on the held-out real study
// those are exactly its misses. This asks whether the naive Bayes of `qia code --learn`
// (src/coding/learn.ts), trained on labelled text this repository ships, can name the attribute
// of such a passage more often than chance. It is trained on
//   - the three samples' gold labels (bench/gold/*.csv, 344 segments written by this project;
//     a segment's main code is the first code its labeller wrote, `none` when read and uncoded),
//   - the development part of the real-text seed labels (bench/gold/seeds/labels.csv; never the
//     held-out part),
// over word stems and stem bigrams only (no `rule:` features: by construction no rule fired on the
// passages it is asked about). For a passage with no counted code (score < coding.min_score
// everywhere) it proposes the attribute (of Rogers' five) it finds likeliest.
//
// Evaluation, with and without the fallback:
//   seeds  leave-one-document-out on the development part: for each seed document, trained on the
//          samples and the other development documents, tested on that document; the figures of
//          `bench/accuracy.js --seeds` (macro-F1, top-1, among codes, and the line "as the
//          held-out real study is judged").
//   samples leave-one-study-out: for each sample study, trained on the other two and the
//          development seeds; macro-F1 as `bench/accuracy.js --all` computes it (every coding, and
//          counting only score >= min_score).
// Variants: the fallback's proposal counted (score = min_score) on every unplaced passage
// ("always"), or only when the classifier is sure it is not `none` ("gated": its likeliest class
// is an attribute with probability >= 0.5, as `qia code --learn` proposes).
// Also reported: how often the favoured attribute is the labels' primary on the attribute passages
// the rules left unplaced (chance among five is 20%; the majority class of those passages too).
//
// --held-out scores the held-out seed passages once, trained on the samples and the whole
// development part: summary lines only.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
const opt = { json: process.argv.includes('--json'), heldOut: process.argv.includes('--held-out') };

const seeds = await import('./lib/seeds.js');
const { seedSegments, codeSeeds, reading, score, scoreAsAuthors, ATTRIBUTES } = seeds;
const { loadCorpus, compile, codingStage } = await import('./lib/corpus.js');
const { parseManualCsv, resolveManualRows } = await dist('coding/manual.js');
const { SegmentIndex, SourceIndex } = await dist('coding/lookup.js');
const { decisions, evaluate } = await dist('coding/accuracy.js');
const { Diagnostics } = await dist('util/diagnostics.js');
const { featuresOf, trainPrimary, predictPrimary } = await dist('coding/learn.js');
const { DEFAULT_MIN_SCORE } = await dist('index/counted.js');
const { loadCodebook } = await dist('study/codebook.js');
const { compileCodebook } = await dist('match/compile.js');

const MIN = DEFAULT_MIN_SCORE;
const LANGS = ['id', 'en'];
const top = (c) => c.split('.')[0];
const GOLD = [
  ['samples/mobile-service', 'bench/gold/mobile-service.csv'],
  ['samples/library-en', 'bench/gold/library-en.csv'],
  ['samples/imigrasi-lampung', 'bench/gold/imigrasi-lampung.csv'],
];

/** Every informant segment of the sources a sample's gold file names, with labels and the rules' codings. */
async function sampleStudy([dir, goldFile]) {
  const opened = await loadCorpus(join(ROOT, dir));
  const matcher = await compile(opened.codebook);
  const auto = (await codingStage(opened.study))(opened, matcher);
  const codes = new Set(opened.codebook.codes.map((c) => c.id));
  codes.add('none');
  const file = join(ROOT, goldFile);
  const rows = parseManualCsv(readFileSync(file, 'utf8'), file, 'gold', new Diagnostics());
  const gold = resolveManualRows(rows, { sources: new SourceIndex(opened.sources), segments: new SegmentIndex(opened.segments), codes }, new Diagnostics());
  const named = new Set(gold.map((c) => c.sourceId));
  const segs = opened.segments.filter((s) => !s.interviewer && named.has(s.sourceId));
  const bySeg = new Map();
  for (const c of gold) {
    if (c.code === 'none') continue;
    if (!bySeg.has(c.segmentId)) bySeg.set(c.segmentId, []);
    bySeg.get(c.segmentId).push(c);
  }
  const autoBy = new Map();
  for (const c of auto) {
    if (!autoBy.has(c.segmentId)) autoBy.set(c.segmentId, []);
    autoBy.get(c.segmentId).push(c);
  }
  const items = segs.map((s) => {
    const g = bySeg.get(s.id) ?? [];
    const body = s.text.slice(s.body.start - s.span.start, s.body.end - s.span.start);
    return {
      id: `${dir}\u0000${s.id}`,
      seg: s,
      group: dir,
      text: body,
      features: featuresOf(body, LANGS),
      gold: new Map(g.map((c) => [top(c.code), c.valence])),
      // The labeller's first code for the segment is taken as its main one.
      primary: g.length ? top(g[0].code) : 'none',
      auto: autoBy.get(s.id) ?? [],
    };
  });
  return { dir, items, tops: opened.codebook.codes.filter((c) => !c.id.includes('.')).map((c) => c.id), gold };
}

/** The seed passages of one part, with labels and the rules' codings. */
async function seedItems(heldOut) {
  const matcher = compileCodebook((await loadCodebook('builtin:rogers')).codebook);
  const all = (await seedSegments()).filter((it) => it.heldOut === heldOut);
  const by = await codeSeeds(all, matcher);
  return all.map((it) => ({
    ...it,
    id: it.seg.id,
    group: it.seg.sourceId,
    features: featuresOf(it.seg.text, LANGS),
    primary: it.label.primary,
    auto: by.get(it.seg.id) ?? [],
  }));
}

const example = (it) => ({ features: it.features, codes: new Set(), primary: it.primary });

/** The fallback's view of a passage: the attribute it favours, its probability, and whether it is sure. */
function favour(model, it) {
  const all = predictPrimary(model, it.features, 3);
  const attrs = all.filter((p) => ATTRIBUTES.includes(p.code));
  const best = attrs[0];
  const attrMass = attrs.reduce((a, p) => a + p.probability, 0);
  return {
    code: best?.code,
    probability: best?.probability ?? 0,
    share: best ? best.probability / Math.max(attrMass, 1e-12) : 0,
    sure: all[0]?.code === best?.code && (best?.probability ?? 0) >= 0.5,
    because: best?.because ?? [],
  };
}

const VARIANTS = ['rules', 'always', 'gated'];

/**
 * Fallback proposals for one test set, trained on `train`. `attributesOnly`: trained on the
 * examples whose main code is one of the five attributes only (no `none`, no obstacles), so the
 * classifier's whole evidence goes to telling the attributes apart.
 */
function proposals(train, test, placed, attributesOnly = false) {
  const model = trainPrimary((attributesOnly ? train.filter((it) => ATTRIBUTES.includes(it.primary)) : train).map(example));
  const out = new Map();
  for (const it of test) if (!placed(it)) out.set(it.id, favour(model, it));
  return out;
}

// ---------------------------------------------------------------- seeds, leave one document out
const samples = [];
for (const g of GOLD) samples.push(await sampleStudy(g));
const sampleAll = samples.flatMap((s) => s.items);
const dev = await seedItems(false);
const placedSeed = (it) => reading(it.auto, MIN).codes.size > 0;

function seedReadings(items, props, variant) {
  const out = new Map();
  for (const it of items) {
    const r = reading(it.auto, MIN);
    const p = props.get(it.id);
    if (variant !== 'rules' && p && p.code && (variant === 'always' || p.sure)) {
      r.codes.set(p.code, { valence: 0, score: MIN });
      r.primary = p.code;
    }
    out.set(it.id, r);
  }
  return out;
}

/** How often the favoured attribute is right on the attribute passages the rules left unplaced. */
function hitRate(items, props, primaryOf, rightIf) {
  const unplaced = items.filter((it) => props.has(it.id) && ATTRIBUTES.includes(primaryOf(it)));
  const right = unplaced.filter((it) => rightIf(it, props.get(it.id).code)).length;
  const sure = unplaced.filter((it) => props.get(it.id).sure);
  const sureRight = sure.filter((it) => rightIf(it, props.get(it.id).code)).length;
  // The baseline that always says the same attribute, the best one in hindsight.
  const majority = Math.max(0, ...ATTRIBUTES.map((a) => unplaced.filter((it) => rightIf(it, a)).length));
  const noneUnplaced = items.filter((it) => props.has(it.id) && primaryOf(it) === 'none');
  return {
    unplaced: unplaced.length,
    right,
    sure: sure.length,
    sureRight,
    majority,
    noneUnplaced: noneUnplaced.length,
    noneSure: noneUnplaced.filter((it) => props.get(it.id).sure).length,
  };
}

const seedProps = new Map();
const seedPropsAttr = new Map();
for (const doc of [...new Set(dev.map((it) => it.group))].sort()) {
  const test = dev.filter((it) => it.group === doc);
  const train = [...sampleAll, ...dev.filter((it) => it.group !== doc)];
  for (const [k, v] of proposals(train, test, placedSeed)) seedProps.set(k, v);
  for (const [k, v] of proposals(train, test, placedSeed, true)) seedPropsAttr.set(k, v);
}
// As if no rule had fired anywhere: the favoured attribute on every attribute passage, which says
// whether the classifier can tell the attributes apart at all (the unplaced ones are few).
const asIf = { all: new Map(), attributesOnly: new Map() };
for (const doc of [...new Set(dev.map((it) => it.group))].sort()) {
  const test = dev.filter((it) => it.group === doc);
  const train = [...sampleAll, ...dev.filter((it) => it.group !== doc)];
  for (const [k, v] of proposals(train, test, () => false)) asIf.all.set(k, v);
  for (const [k, v] of proposals(train, test, () => false, true)) asIf.attributesOnly.set(k, v);
}
const seedRight = (it, c) => it.label.primary === c;
const seedOut = {
  hit: hitRate(dev, seedProps, (it) => it.label.primary, seedRight),
  hitAttributesOnly: hitRate(dev, seedPropsAttr, (it) => it.label.primary, seedRight),
  variants: {},
};
for (const v of VARIANTS) {
  const r = seedReadings(dev, seedProps, v);
  const s = score(dev, r);
  seedOut.variants[v] = {
    macroF1: s.macroF1,
    top1: s.top1,
    among: s.among,
    noneKeptEmpty: s.noneKeptEmpty,
    asAuthors: scoreAsAuthors(dev, r),
    asAuthorsUnnamed: scoreAsAuthors(
      dev.filter((it) => !it.label.names),
      r,
    ),
  };
}
seedOut.asIf = Object.fromEntries(
  Object.entries(asIf).map(([k, props]) => [
    k,
    hitRate(
      dev,
      props,
      (it) => it.label.primary,
      (it, c) => it.label.primary === c,
    ),
  ]),
);
seedOut.detail = dev
  .filter((it) => seedProps.has(it.id) && it.label.primary !== 'none')
  .map((it) => ({
    id: it.id,
    label: it.label.primary,
    favoured: seedProps.get(it.id).code,
    p: seedProps.get(it.id).probability,
    because: seedProps.get(it.id).because,
  }));

// ---------------------------------------------------------------- samples, leave one study out
const placedSample = (min) => (it) => it.auto.some((c) => (c.score ?? 0) >= min);
const sampleOut = { hit: {}, hitAttributesOnly: {}, variants: {}, asIf: {} };
const sampleFirst = (it) => [...it.gold.keys()].find((c) => ATTRIBUTES.includes(c)) ?? it.primary;
const sampleRight = (it, c) => it.gold.has(c);
for (const attributesOnly of [false, true]) {
  const props = new Map();
  for (const s of samples) {
    const train = [...samples.filter((o) => o !== s).flatMap((o) => o.items), ...dev];
    for (const [k, v] of proposals(train, s.items, () => false, attributesOnly)) props.set(k, v);
  }
  sampleOut.asIf[attributesOnly ? 'attributesOnly' : 'all'] = hitRate(
    sampleAll,
    props,
    (it) => [...it.gold.keys()].find((c) => ATTRIBUTES.includes(c)) ?? it.primary,
    (it, c) => it.gold.has(c),
  );
}
for (const min of [0, MIN]) {
  const props = new Map();
  for (const s of samples) {
    const train = [...samples.filter((o) => o !== s).flatMap((o) => o.items), ...dev];
    for (const [k, v] of proposals(train, s.items, placedSample(min))) props.set(k, v);
  }
  sampleOut.hit[min] = hitRate(sampleAll, props, sampleFirst, sampleRight);
  const attr = new Map();
  for (const s of samples) {
    const train = [...samples.filter((o) => o !== s).flatMap((o) => o.items), ...dev];
    for (const [k, v] of proposals(train, s.items, placedSample(min), true)) attr.set(k, v);
  }
  sampleOut.hitAttributesOnly[min] = hitRate(sampleAll, attr, sampleFirst, sampleRight);
  for (const v of VARIANTS) {
    const parts = samples.map((s) => {
      const universe = s.items.map((it) => it.id);
      const gold = new Map();
      const auto = new Map();
      for (const it of s.items) {
        for (const [c, val] of it.gold) gold.set(`${it.id}\u0000${c}`, val);
        for (const [k, val] of decisions(it.auto.filter((c) => (c.score ?? 0) >= min))) auto.set(`${s.dir}\u0000${k}`, val);
        const p = props.get(it.id);
        if (v !== 'rules' && p && p.code && (v === 'always' || p.sure)) auto.set(`${it.id}\u0000${p.code}`, 0);
      }
      return { universe, gold, auto, tops: s.tops };
    });
    const per = parts.map((p) => evaluate(p.universe, p.tops, p.gold, p.auto).macro.f1);
    const pooled = evaluate(
      parts.flatMap((p) => p.universe),
      parts[0].tops,
      new Map(parts.flatMap((p) => [...p.gold])),
      new Map(parts.flatMap((p) => [...p.auto])),
    ).macro.f1;
    sampleOut.variants[`${v}@${min}`] = { per, pooled };
  }
}

// ---------------------------------------------------------------- held out, once
let heldOut;
if (opt.heldOut) {
  const held = await seedItems(true);
  const props = proposals([...sampleAll, ...dev], held, placedSeed);
  heldOut = { variants: {} };
  for (const v of VARIANTS) {
    const r = seedReadings(held, props, v);
    const s = score(held, r);
    heldOut.variants[v] = {
      macroF1: s.macroF1,
      top1: s.top1,
      among: s.among,
      noneKeptEmpty: s.noneKeptEmpty,
      asAuthors: scoreAsAuthors(held, r),
      asAuthorsUnnamed: scoreAsAuthors(
        held.filter((it) => !it.label.names),
        r,
      ),
    };
  }
  heldOut.hit = hitRate(
    held,
    props,
    (it) => it.label.primary,
    (it, c) => it.label.primary === c,
  );
}

// ---------------------------------------------------------------- report
const pct = (x) => (Number.isNaN(x) ? '—' : `${Math.round(x * 100)}%`);
const f2 = (x) => (Number.isNaN(x) ? '—' : x.toFixed(2));
const line = (name, s) =>
  `${name.padEnd(8)} macro-F1 ${f2(s.macroF1)}, top-1 ${pct(s.top1)}, among codes ${pct(s.among)}, passages without an attribute left uncoded ${pct(s.noneKeptEmpty)}; ` +
  `as the held-out real study is judged (${s.asAuthors.passages}): macro-F1 ${f2(s.asAuthors.macroF1)}, top-1 ${pct(s.asAuthors.top1)}, among ${pct(s.asAuthors.among)}; ` +
  `not naming it (${s.asAuthorsUnnamed.passages}): ${f2(s.asAuthorsUnnamed.macroF1)}, ${pct(s.asAuthorsUnnamed.top1)}, ${pct(s.asAuthorsUnnamed.among)}`;
const hitLine = (h) =>
  `unplaced attribute passages ${h.unplaced}: favoured attribute right ${h.right} (${pct(h.right / h.unplaced)}; chance 20%, always the commonest ${pct(h.majority / h.unplaced)}); ` +
  `sure on ${h.sure}, right ${h.sureRight}; unplaced passages without an attribute ${h.noneUnplaced}, sure (a false code when gated) on ${h.noneSure}`;

if (opt.json) console.log(JSON.stringify({ seeds: seedOut, samples: sampleOut, heldOut }, null, 2));
else {
  console.log(`counted codings: score >= ${MIN}; fallback proposals scored ${MIN} (counted) in the "always" and "gated" variants\n`);
  console.log(`seeds, development part, leave one document out (${dev.length} passages; trained on ${sampleAll.length} sample segments + the other documents)`);
  console.log(hitLine(seedOut.hit));
  console.log(`  trained on attribute examples only: ${hitLine(seedOut.hitAttributesOnly)}`);
  for (const v of VARIANTS) console.log(line(v, seedOut.variants[v]));
  for (const [k, h] of Object.entries(seedOut.asIf))
    console.log(
      `as if no rule had fired (${k === 'all' ? 'trained on every class' : 'trained on attribute examples only'}): every attribute passage ${h.unplaced}, favoured right ${h.right} (${pct(h.right / h.unplaced)}; always the commonest ${pct(h.majority / h.unplaced)}); sure on ${h.sure}, right ${h.sureRight}`,
    );
  console.log('each unplaced attribute passage: label → favoured (probability; words that weighed most)');
  for (const d of seedOut.detail)
    console.log(`  ${d.label === d.favoured ? ' ' : '✗'} ${d.id} ${d.label} → ${d.favoured} (${d.p.toFixed(2)}; ${d.because.join(', ')})`);
  console.log('');
  console.log(`samples, leave one study out (${sampleAll.length} segments; trained on the other two studies + ${dev.length} development passages)`);
  for (const [k, h] of Object.entries(sampleOut.asIf))
    console.log(
      `as if no rule had fired (${k === 'all' ? 'trained on every class' : 'trained on attribute examples only'}): every segment with an attribute ${h.unplaced}, favoured attribute among its labels ${h.right} (${pct(h.right / h.unplaced)}; always the commonest ${pct(h.majority / h.unplaced)}); sure on ${h.sure}, right ${h.sureRight}`,
    );
  for (const min of [0, MIN]) {
    console.log(`rules counted at score >= ${min}: ${hitLine(sampleOut.hit[min]).replace('passages', 'segments')}`);
    console.log(`  trained on attribute examples only: ${hitLine(sampleOut.hitAttributesOnly[min]).replace('passages', 'segments')}`);
    for (const v of VARIANTS) {
      const s = sampleOut.variants[`${v}@${min}`];
      console.log(`  ${v.padEnd(8)} macro-F1 ${samples.map((x, i) => `${x.dir.replace('samples/', '')} ${f2(s.per[i])}`).join(', ')}, pooled ${f2(s.pooled)}`);
    }
  }
  if (heldOut) {
    console.log('');
    console.log('seeds, HELD OUT (trained on the samples and the whole development part; summary lines only)');
    for (const v of VARIANTS) console.log(line(v, heldOut.variants[v]));
    console.log(
      `unplaced attribute passages ${heldOut.hit.unplaced}: favoured attribute right ${heldOut.hit.right}; sure on ${heldOut.hit.sure}, right ${heldOut.hit.sureRight}`,
    );
  }
}
