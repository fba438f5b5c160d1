#!/usr/bin/env node
// Wall time of `qia run` (the whole pipeline into out/) against `qia code` alone: on the
// bundled sample (target: well under a second) and on the benchmark corpus (target: run within
// 1.5x of code).
//   npm run build && node bench/run.js [--corpus bench/corpus] [--mb 50] [--runs 5] [--corpus-runs 1] [--stages] [--sample-only]
// The sample is timed as a first run (an empty cache folder) and as a rerun, against
// Node starting with nothing to do; --sample-only stops there.
// --stages also times, in this process, what `qia run` does after coding (codings.csv rows, index,
// conclusions, displays, report data, rendering), to show where the difference between the two goes.
// Generates the corpus with bench/gen-corpus.js when it is missing. Each figure is the best of
// its runs (the least disturbed by other work on the machine), with the median alongside; code
// and run take turns, and each figure also gives the least CPU time of its runs (all threads),
// which other load on the machine disturbs less than wall time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { folderBytes } from './lib/folder-bytes.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/qia.js');
const CPU_HOOK = join(ROOT, 'bench/cpu-usage.cjs');
const opt = { corpus: join(ROOT, 'bench/corpus'), mb: 50, runs: 5, corpusRuns: 1, stages: false, sampleOnly: false };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--corpus') opt.corpus = resolve(process.argv[++i]);
  else if (a === '--mb') opt.mb = Number(process.argv[++i]);
  else if (a === '--runs') opt.runs = Number(process.argv[++i]);
  else if (a === '--corpus-runs') opt.corpusRuns = Number(process.argv[++i]);
  else if (a === '--stages') opt.stages = true;
  else if (a === '--sample-only') opt.sampleOnly = true;
  else {
    console.error('usage: node bench/run.js [--corpus DIR] [--mb 50] [--runs 5] [--corpus-runs 1] [--stages] [--sample-only]');
    process.exit(2);
  }
}
const WORK = join(ROOT, 'bench/results/run');
mkdirSync(WORK, { recursive: true });

/** One timed CLI run; returns wall seconds and CPU seconds, and fails loudly if the command failed. */
function time(args, env = {}, argv = [BIN, ...args]) {
  const cpuFile = join(WORK, `cpu-${process.pid}.txt`);
  rmSync(cpuFile, { force: true });
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', CPU_HOOK, ...argv], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', QIA_BENCH_CPU: cpuFile, ...env },
    maxBuffer: 1 << 30,
  });
  const s = (performance.now() - t) / 1000;
  if (r.status !== 0 && r.status !== 1) {
    console.error(`qia ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
    process.exit(1);
  }
  const cpu = existsSync(cpuFile) ? Number(readFileSync(cpuFile, 'utf8')) : NaN;
  return { wall: s, cpu };
}

function stats(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return { best: sorted[0], median: sorted[Math.floor(sorted.length / 2)] };
}

function report(label, xs) {
  const s = stats(xs.map((x) => x.wall));
  s.cpu = stats(xs.map((x) => x.cpu)).best;
  console.log(
    `${label.padEnd(34)} best ${s.best.toFixed(2)} s   median ${s.median.toFixed(2)} s   cpu ${s.cpu.toFixed(2)} s   (${xs.length} run${xs.length === 1 ? '' : 's'})`,
  );
  return s;
}

/** `qia code` and `qia run` in turn, so a change in the machine's load touches both alike. */
function measurePair(code, run, runs) {
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    a.push(time(code.args, typeof code.env === 'function' ? code.env() : code.env));
    b.push(time(run.args, typeof run.env === 'function' ? run.env() : run.env));
  }
  return [report(code.label, a), report(run.label, b)];
}

const out = (name) => {
  const d = join(WORK, name);
  rmSync(d, { recursive: true, force: true });
  return d;
};

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
// The reference: Node starting and stopping with nothing to do, the floor under any CLI.
const node = report(
  'node -e 0 (reference)',
  Array.from({ length: opt.runs }, () => time([], {}, ['-e', '0'])),
);
const sample = join(ROOT, 'samples/lapak-asik');
// A first run after installing finds qia's cache empty (the default codebook is loaded at build
// time, nothing else: Word text, the files' passes): an empty cache folder each time gives that
// run. A rerun finds every file's pass cached.
const emptyCaches = [];
const emptyCache = () => {
  emptyCaches.push(mkdtempSync(join(tmpdir(), 'qia-bench-cache-')));
  return { QIA_CACHE_DIR: emptyCaches.at(-1) };
};
const [sCold, sRun] = measurePair(
  { label: 'qia run sample, first run', args: ['run', sample, '--out', out('sample-cold')], env: emptyCache },
  { label: 'qia run sample, rerun', args: ['run', sample, '--out', out('sample-run')] },
  opt.runs,
);
const [sCode] = measurePair(
  { label: 'qia code sample, rerun', args: ['code', sample, '--out', out('sample-code')] },
  { label: 'qia --version', args: ['--version'] },
  opt.runs,
);
console.log(
  `sample: run ${sRun.best.toFixed(2)} s rerun (target < 1 s), ${sCold.best.toFixed(2)} s as a first run; code ${sCode.best.toFixed(2)} s; ` +
    `run/code ${(sRun.best / sCode.best).toFixed(2)}; rerun/node start-up ${(sRun.best / node.best).toFixed(1)}`,
);
for (const d of emptyCaches) rmSync(d, { recursive: true, force: true });
if (opt.sampleOnly) process.exit(0);

const sources = join(opt.corpus, 'sources');
if (folderBytes(sources) < opt.mb * 0.9 * 1024 * 1024) {
  console.log(`generating a ${opt.mb} MB corpus in ${opt.corpus} …`);
  const g = spawnSync(process.execPath, [join(ROOT, 'bench/gen-corpus.js'), '--mb', String(opt.mb), '--out', opt.corpus], { stdio: 'inherit' });
  if (g.status !== 0) process.exit(1);
}
const mb = folderBytes(sources) / (1024 * 1024);
console.log(`corpus: ${opt.corpus} (${mb.toFixed(1)} MB of sources)`);
const [cCode, cRun] = measurePair(
  { label: 'qia code <corpus>', args: ['code', opt.corpus, '--out', out('corpus-code')] },
  { label: 'qia run <corpus>', args: ['run', opt.corpus, '--out', out('corpus-run')] },
  opt.corpusRuns,
);
const ratio = cRun.best / cCode.best;
console.log(
  `corpus: run ${cRun.best.toFixed(2)} s, code ${cCode.best.toFixed(2)} s, run/code ${ratio.toFixed(2)} (target <= 1.5; cpu ${(cRun.cpu / cCode.cpu).toFixed(2)})`,
);

if (opt.stages) {
  const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
  const { openStudy } = await dist('study/open.js');
  const { codeStudy } = await dist('pipeline/run.js');
  const { codingsCsvChunks, RowMaker } = await dist('render/coding-rows.js');
  const { assembleReport } = await dist('report/assemble.js');
  const { reportFiles } = await dist('commands/run.js');
  const laps = [];
  let t = performance.now();
  let cpu = process.cpuUsage();
  const lap = (name) => {
    const now = performance.now();
    const c = process.cpuUsage(cpu);
    laps.push([name, (now - t) / 1000, (c.user + c.system) / 1e6]);
    t = now;
    cpu = process.cpuUsage();
  };
  const opened = await openStudy(opt.corpus);
  const coded = await codeStudy(opened);
  lap('open, read, segment, code (as qia run does)');
  let bytes = 0;
  const rows = new RowMaker(coded.analysis);
  for (const chunk of codingsCsvChunks(coded.analysis.codings.map((c) => rows.row(c)))) bytes += chunk.length;
  lap('codings.csv rows (written, not timed here)');
  const assembled = assembleReport(opened, coded);
  lap('index, conclusions, audit, report data');
  for (const [, text] of reportFiles(coded.analysis, assembled)) bytes += text.length;
  lap('rendering (matrices, report md/html/json)');
  console.log(`stages on ${coded.analysis.codings.length} codings, ${bytes} bytes of output (wall, cpu of all threads):`);
  for (const [name, s, c] of laps) console.log(`  ${name.padEnd(52)} ${s.toFixed(2)} s   cpu ${c.toFixed(2)} s`);
}
