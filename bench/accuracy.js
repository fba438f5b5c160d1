#!/usr/bin/env node
// Accuracy of the automatic coder against hand labels (a gold standard), per top-level code
// (the five attributes and the two obstacle groups) and overall: precision, recall, F1, Cohen's
// kappa, and valence agreement where both sides coded the same segment.
//   npm run build && node bench/accuracy.js --study samples/lapak-asik --gold labels.csv [--universe sources|labelled] [--json]
//
// The gold file uses the manual-coding CSV format (source,segment,quote,code,valence,coder,memo)
// and must live outside the study's codings/ folder, so it is not merged into the codings it
// judges. A row with code `none` marks a segment as read and found to hold no code.
// Unit: each (segment, top-level code) is one yes/no decision for each side. Segments judged:
//   sources  (default) every informant segment of every source the gold file names;
//   labelled only segments the gold file names (use `none` rows for the negatives).
// Interviewer turns are never judged (the automatic coder skips them).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const opt = { study: undefined, gold: undefined, universe: 'sources', json: false };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--study') opt.study = process.argv[++i];
  else if (a === '--gold') opt.gold = process.argv[++i];
  else if (a === '--universe') opt.universe = process.argv[++i];
  else if (a === '--json') opt.json = true;
  else {
    console.error(`unknown argument ${a}`);
    opt.study = undefined;
    break;
  }
}
if (!opt.study || !opt.gold || !['sources', 'labelled'].includes(opt.universe)) {
  console.error('usage: node bench/accuracy.js --study DIR --gold FILE.csv [--universe sources|labelled] [--json]');
  process.exit(2);
}

const { openStudy } = await import('../dist/study/open.js');
const { loadMatcher, autoStage } = await import('../dist/pipeline/analyse.js');
const { parseManualCsv, resolveManualRows } = await import('../dist/code/manual-csv.js');
const { SegmentIndex, SourceIndex } = await import('../dist/code/lookup.js');
const { decisions, evaluate } = await import('../dist/code/accuracy.js');
const { Diagnostics, formatDiagnostic, sortDiagnostics } = await import('../dist/util/diagnostics.js');

const opened = await openStudy(resolve(opt.study));
const diags = new Diagnostics();
const { codebook, matcher } = await loadMatcher(opened.study, diags);
const auto = autoStage(opened, matcher);

const codes = new Set(codebook.codes.map((c) => c.id));
codes.add('none');
const rows = parseManualCsv(readFileSync(opt.gold, 'utf8'), opt.gold, 'gold', diags);
const gold = resolveManualRows(rows, { sources: new SourceIndex(opened.sources), segments: new SegmentIndex(opened.segments), codes }, diags);
for (const d of sortDiagnostics(diags.items)) if (d.severity !== 'info') console.error(formatDiagnostic(d));

const codable = opened.segments.filter((s) => !s.interviewer);
const named = opt.universe === 'labelled' ? new Set(gold.map((c) => c.segmentId)) : new Set(gold.map((c) => c.sourceId));
const universe = codable.filter((s) => (opt.universe === 'labelled' ? named.has(s.id) : named.has(s.sourceId))).map((s) => s.id);
const within = new Set(universe);
const tops = codebook.codes.filter((c) => !c.id.includes('.')).map((c) => c.id);
const result = evaluate(universe, tops, decisions(gold.filter((c) => c.code !== 'none'), within), decisions(auto, within));

if (opt.json) {
  const clean = (x) => JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'number' && Number.isNaN(v) ? null : v)));
  console.log(JSON.stringify(clean({ study: opt.study, gold: opt.gold, universe: opt.universe, ...result }), null, 2));
} else {
  const f = (x) => (Number.isNaN(x) ? '   —' : x.toFixed(2).padStart(4));
  const line = (s) => `${s.code.padEnd(20)} ${String(s.tp + s.fn).padStart(5)} ${String(s.tp + s.fp).padStart(5)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${f(s.precision)}  ${f(s.recall)}  ${f(s.f1)}  ${f(s.kappa)}  ${f(s.valenceAgreement)}`;
  console.log(`${opt.study}: ${result.segments} segments judged (${opt.universe}), ${gold.length} gold labels, ${auto.length} automatic codings`);
  console.log(`${'code'.padEnd(20)} ${'gold'.padStart(5)} ${'auto'.padStart(5)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}  ${'P'.padStart(4)}  ${'R'.padStart(4)}  ${'F1'.padStart(4)}  ${'κ'.padStart(4)}  val.`);
  for (const s of result.perCode) console.log(line(s));
  console.log(line({ ...result.micro, code: 'overall (micro)' }));
  console.log(`${'macro'.padEnd(20)} ${''.padStart(5)} ${''.padStart(5)} ${''.padStart(4)} ${''.padStart(4)} ${''.padStart(4)}  ${f(result.macro.precision)}  ${f(result.macro.recall)}  ${f(result.macro.f1)}  ${f(result.macro.kappa)}`);
}
