#!/usr/bin/env node
// Accuracy of the automatic coder against hand labels (a gold standard), per top-level code
// (the five attributes and the two obstacle groups) and overall: precision, recall, F1, Cohen's
// kappa, and valence agreement where both sides coded the same segment.
//   npm run build && node bench/accuracy.js --study samples/lapak-asik --gold labels.csv [--universe sources|labelled] [--json]
//   node bench/accuracy.js --all [--question-context on|off] [--json]
//
// --all scores the three sample studies that have gold files in bench/gold, then all of them
// pooled (every segment of every study one decision per code; macro-F1 over the pooled table).
// All three have been read while tuning the codebook (imigrasi-lampung was held out for one
// round, see bench/gold/README.md). The held-out estimate now comes from two coders' codings of
// the lapak-asik interviews, kept unread:
//   cat samples/lapak-asik/codings/coder-a.csv > /tmp/la-gold.csv
//   tail -n +2 samples/lapak-asik/codings/coder-b.csv >> /tmp/la-gold.csv
//   node bench/accuracy.js --study samples/lapak-asik --gold /tmp/la-gold.csv --universe labelled | tail -3
// --seeds scores the real-text development set (bench/gold/seeds: passages of published texts):
// per-code precision/recall/F1, macro-F1, top-1, "among codes", a confusion table and a
// calibration table, for the development part and, split, for passages that name their
// attribute and those that do not. `--held-out` adds the held-out part (hash 0–4): never while
// tuning. `--list` prints each development passage's labels beside the coder's reading.
// --question-context off scores the rules alone (study.yaml coding.question_context: false).
// --codebook FILE scores another codebook in place of the studies' own (a draft, or an older
// version: `git show <commit>:codebooks/rogers.yaml > /tmp/old.yaml`), without editing study.yaml.
//
// The gold file uses the manual-coding CSV format (source,segment,quote,code,valence,coder,memo)
// and must live outside the study's codings/ folder, so it is not merged into the codings it
// judges. A row with code `none` marks a segment as read and found to hold no code.
// Unit: each (segment, top-level code) is one yes/no decision for each side. Segments judged:
//   sources  (default) every informant segment of every source the gold file names;
//   labelled only segments the gold file names (use `none` rows for the negatives).
// Interviewer turns are never judged (the automatic coder skips them).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const GOLD_STUDIES = [
  { study: 'samples/mobile-service', gold: 'bench/gold/mobile-service.csv', role: 'tuned' },
  { study: 'samples/library-en', gold: 'bench/gold/library-en.csv', role: 'tuned' },
  { study: 'samples/imigrasi-lampung', gold: 'bench/gold/imigrasi-lampung.csv', role: 'tuned' },
];

const opt = {
  study: undefined,
  gold: undefined,
  universe: 'sources',
  json: false,
  all: false,
  questionContext: undefined,
  codebook: undefined,
  seeds: false,
  heldOut: false,
  list: false,
  minScore: undefined,
};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--study') opt.study = process.argv[++i];
  else if (a === '--gold') opt.gold = process.argv[++i];
  else if (a === '--universe') opt.universe = process.argv[++i];
  else if (a === '--json') opt.json = true;
  else if (a === '--all') opt.all = true;
  else if (a === '--seeds') opt.seeds = true;
  else if (a === '--held-out') opt.heldOut = true;
  else if (a === '--list') opt.list = true;
  else if (a === '--min-score') opt.minScore = Number(process.argv[++i]);
  else if (a === '--question-context') opt.questionContext = process.argv[++i];
  else if (a === '--codebook') opt.codebook = process.argv[++i];
  else {
    console.error(`unknown argument ${a}`);
    opt.study = undefined;
    opt.all = false;
    break;
  }
}
const badQc = opt.questionContext !== undefined && !['on', 'off'].includes(opt.questionContext);
if (opt.seeds) {
  const { runSeeds } = await import('./lib/seeds-report.js');
  await runSeeds(opt);
  process.exit(0);
}
if ((!opt.all && (!opt.study || !opt.gold)) || !['sources', 'labelled'].includes(opt.universe) || badQc) {
  console.error(
    'usage: node bench/accuracy.js (--study DIR --gold FILE.csv | --all) [--universe sources|labelled] [--question-context on|off] [--codebook FILE] [--json]',
  );
  process.exit(2);
}

const { loadCorpus, compile, codingStage } = await import('./lib/corpus.js');
const { parseManualCsv, resolveManualRows } = await import('../dist/coding/manual.js');
const { SegmentIndex, SourceIndex } = await import('../dist/coding/lookup.js');
const { decisions, evaluate } = await import('../dist/coding/accuracy.js');
const { Diagnostics, formatDiagnostic, sortDiagnostics } = await import('../dist/util/diagnostics.js');

/** Universe, gold and automatic decisions of one study, keys prefixed so studies can be pooled. */
async function judge(studyDir, goldFile, prefix = '') {
  const opened = await loadCorpus(studyDir, { codebook: opt.codebook });
  const diags = new Diagnostics();
  const codebook = opened.codebook;
  const matcher = await compile(codebook);
  const auto = (await codingStage(opened.study))(opened, matcher, opt.questionContext === undefined ? undefined : opt.questionContext === 'on');
  const codes = new Set(codebook.codes.map((c) => c.id));
  codes.add('none');
  const rows = parseManualCsv(readFileSync(goldFile, 'utf8'), goldFile, 'gold', diags);
  const gold = resolveManualRows(rows, { sources: new SourceIndex(opened.sources), segments: new SegmentIndex(opened.segments), codes }, diags);
  for (const d of sortDiagnostics(diags.items)) if (d.severity !== 'info') console.error(formatDiagnostic(d));
  const codable = opened.segments.filter((s) => !s.interviewer);
  const named = opt.universe === 'labelled' ? new Set(gold.map((c) => c.segmentId)) : new Set(gold.map((c) => c.sourceId));
  const universe = codable.filter((s) => (opt.universe === 'labelled' ? named.has(s.id) : named.has(s.sourceId))).map((s) => s.id);
  const within = new Set(universe);
  const tops = codebook.codes.filter((c) => !c.id.includes('.')).map((c) => c.id);
  const pre = (m) => new Map([...m].map(([k, v]) => [prefix + k, v]));
  return {
    universe: universe.map((id) => prefix + id),
    tops,
    gold: pre(
      decisions(
        gold.filter((c) => c.code !== 'none'),
        within,
      ),
    ),
    auto: pre(
      decisions(
        auto.filter((c) => c.score >= (opt.minScore ?? 0)),
        within,
      ),
    ),
    goldLabels: gold.length,
    autoCodings: auto.length,
  };
}

const f = (x) => (Number.isNaN(x) ? '   —' : x.toFixed(2).padStart(4));
const line = (s) =>
  `${s.code.padEnd(20)} ${String(s.tp + s.fn).padStart(5)} ${String(s.tp + s.fp).padStart(5)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${f(s.precision)}  ${f(s.recall)}  ${f(s.f1)}  ${f(s.kappa)}  ${f(s.valenceAgreement)}`;
function table(title, result) {
  console.log(title);
  console.log(
    `${'code'.padEnd(20)} ${'gold'.padStart(5)} ${'auto'.padStart(5)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}  ${'P'.padStart(4)}  ${'R'.padStart(4)}  ${'F1'.padStart(4)}  ${'κ'.padStart(4)}  val.`,
  );
  for (const s of result.perCode) console.log(line(s));
  console.log(line({ ...result.micro, code: 'overall (micro)' }));
  console.log(
    `${'macro'.padEnd(20)} ${''.padStart(5)} ${''.padStart(5)} ${''.padStart(4)} ${''.padStart(4)} ${''.padStart(4)}  ${f(result.macro.precision)}  ${f(result.macro.recall)}  ${f(result.macro.f1)}  ${f(result.macro.kappa)}`,
  );
}
const clean = (x) => JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'number' && Number.isNaN(v) ? null : v)));

if (!opt.all) {
  const j = await judge(opt.study, opt.gold);
  const result = evaluate(j.universe, j.tops, j.gold, j.auto);
  if (opt.json) console.log(JSON.stringify(clean({ study: opt.study, gold: opt.gold, universe: opt.universe, ...result }), null, 2));
  else table(`${opt.study}: ${result.segments} segments judged (${opt.universe}), ${j.goldLabels} gold labels, ${j.autoCodings} automatic codings`, result);
} else {
  const parts = [];
  for (const g of GOLD_STUDIES) parts.push({ ...g, ...(await judge(join(HERE, '..', g.study), join(HERE, '..', g.gold), `${g.study}\u0000`)) });
  const studies = parts.map((p) => ({
    study: p.study,
    role: p.role,
    goldLabels: p.goldLabels,
    autoCodings: p.autoCodings,
    ...evaluate(p.universe, p.tops, p.gold, p.auto),
  }));
  const merge = (key) => new Map(parts.flatMap((p) => [...p[key]]));
  const pooled = evaluate(
    parts.flatMap((p) => p.universe),
    parts[0].tops,
    merge('gold'),
    merge('auto'),
  );
  const qc = opt.questionContext ?? 'as in study.yaml';
  if (opt.json) console.log(JSON.stringify(clean({ universe: opt.universe, questionContext: qc, studies, pooled }), null, 2));
  else {
    for (const s of studies) {
      table(`${s.study} (${s.role}): ${s.segments} segments judged (${opt.universe}), ${s.goldLabels} gold labels, ${s.autoCodings} automatic codings`, s);
      console.log('');
    }
    table(`pooled: ${pooled.segments} segments`, pooled);
    console.log('');
    console.log(
      `macro-F1 (question context ${qc}): ${studies.map((s) => `${s.study.replace('samples/', '')} ${f(s.macro.f1).trim()}${s.role === 'held out' ? ' (held out)' : ''}`).join(', ')}, pooled ${f(pooled.macro.f1).trim()}`,
    );
  }
  if (!opt.json && opt.codebook === undefined && opt.questionContext === undefined) {
    // How far the score means what it says on interviews (it was fitted on the seeds' documents
    // and these interview turns: bench/fit-score.js).
    const { sampleCodings, bins } = await import('./lib/sample-calibration.js');
    const rows = await sampleCodings(join(HERE, '..'));
    console.log('');
    console.log('score calibration on these labels (each segment × top-level code the coder gave, by its strongest coding)');
    for (const [name, set] of [
      ['interview turns', rows.filter((r) => r.turn)],
      ['documents and notes', rows.filter((r) => !r.turn)],
    ]) {
      console.log(
        `${name}: ${bins(set)
          .map((b) => `${b.lo.toFixed(1)}–${Math.min(1, b.hi).toFixed(1)} ${b.n}${b.n ? ` (${Math.round((100 * b.right) / b.n)}%)` : ''}`)
          .join(', ')}`,
      );
    }
  }
}
