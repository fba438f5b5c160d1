#!/usr/bin/env node
// Wall time of `qia run` (the whole pipeline into out/) against `qia code` alone: on the
// bundled sample (target: well under a second) and on the benchmark corpus (target: run within
// 1.5x of code).
//   npm run build && node bench/run.js [--corpus bench/corpus] [--mb 50] [--runs 5] [--corpus-runs 1]
// Generates the corpus with bench/gen-corpus.js when it is missing. Each figure is the best of
// its runs (the least disturbed by other work on the machine), with the median alongside.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/qia.js');
const opt = { corpus: join(ROOT, 'bench/corpus'), mb: 50, runs: 5, corpusRuns: 1 };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--corpus') opt.corpus = resolve(process.argv[++i]);
  else if (a === '--mb') opt.mb = Number(process.argv[++i]);
  else if (a === '--runs') opt.runs = Number(process.argv[++i]);
  else if (a === '--corpus-runs') opt.corpusRuns = Number(process.argv[++i]);
  else {
    console.error('usage: node bench/run.js [--corpus DIR] [--mb 50] [--runs 5] [--corpus-runs 1]');
    process.exit(2);
  }
}
const WORK = join(ROOT, 'bench/results/run');
mkdirSync(WORK, { recursive: true });

function sizeOf(dir) {
  let total = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else total += statSync(join(d, e.name)).size;
    }
  };
  if (existsSync(dir)) walk(dir);
  return total;
}

/** One timed CLI run; returns seconds, and fails loudly if the command failed. */
function time(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 30 });
  const s = (performance.now() - t) / 1000;
  if (r.status !== 0 && r.status !== 1) {
    console.error(`qia ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
    process.exit(1);
  }
  return s;
}

function stats(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return { best: sorted[0], median: sorted[Math.floor(sorted.length / 2)] };
}

function measure(label, args, runs) {
  const xs = [];
  for (let i = 0; i < runs; i++) xs.push(time(args));
  const s = stats(xs);
  console.log(`${label.padEnd(34)} best ${s.best.toFixed(2)} s   median ${s.median.toFixed(2)} s   (${runs} run${runs === 1 ? '' : 's'})`);
  return s;
}

const out = (name) => {
  const d = join(WORK, name);
  rmSync(d, { recursive: true, force: true });
  return d;
};

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
const sample = join(ROOT, 'samples/lapak-asik');
const sCode = measure('qia code samples/lapak-asik', ['code', sample, '--out', out('sample-code')], opt.runs);
const sRun = measure('qia run samples/lapak-asik', ['run', sample, '--out', out('sample-run')], opt.runs);
console.log(`sample: run ${sRun.best.toFixed(2)} s (target < 1 s), code ${sCode.best.toFixed(2)} s, run/code ${(sRun.best / sCode.best).toFixed(2)}`);

const sources = join(opt.corpus, 'sources');
if (sizeOf(sources) < opt.mb * 0.9 * 1024 * 1024) {
  console.log(`generating a ${opt.mb} MB corpus in ${opt.corpus} …`);
  const g = spawnSync(process.execPath, [join(ROOT, 'bench/gen-corpus.js'), '--mb', String(opt.mb), '--out', opt.corpus], { stdio: 'inherit' });
  if (g.status !== 0) process.exit(1);
}
const mb = sizeOf(sources) / (1024 * 1024);
console.log(`corpus: ${opt.corpus} (${mb.toFixed(1)} MB of sources)`);
const cCode = measure('qia code <corpus>', ['code', opt.corpus, '--out', out('corpus-code')], opt.corpusRuns);
const cRun = measure('qia run <corpus>', ['run', opt.corpus, '--out', out('corpus-run')], opt.corpusRuns);
const ratio = cRun.best / cCode.best;
console.log(`corpus: run ${cRun.best.toFixed(2)} s, code ${cCode.best.toFixed(2)} s, run/code ${ratio.toFixed(2)} (target <= 1.5)`);
