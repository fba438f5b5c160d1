#!/usr/bin/env node
// `qia compare` over many generated studies against `qia run` on each one after another:
//   npm run build && node bench/compare.js [--studies 200] [--transcripts 10] [--keep DIR] [--no-runs] [--turns 2]
// (--keep: generate into DIR and keep it, so a second run skips generating; --no-runs: skip the
// `qia run` of each study, the longest part, to time the comparison alone; --turns: how many
// times one worker and two take turns, so load from other work falls on both alike)
// Generates the studies with bench/gen-corpus.js (each: --transcripts transcripts of about
// 40 KB, its own seed, case and year) into a temporary folder, then times, each command with an
// empty cache folder of its own (QIA_CACHE_DIR, so every figure is a first analysis, as after
// installing; the codebook shipped compiled with qia still serves):
//   1. `qia run <study> --out …` for each study, one after another (the sum of the studies' own analysis);
//   2. `qia compare <all> --out … --jobs 1` (one worker);
//   3. `qia compare <all> --out …` (one worker per core);
//   4. `qia compare` over a quarter of the studies, for the peak memory against the number of studies.
// Prints wall time, CPU time (all threads) and peak memory of each, and the ratios the issue
// sets targets for: compare with one worker ≤ 1.2× the sum of runs, speed-up ≥ 1.6× on 2 cores.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { folderBytes } from './lib/folder-bytes.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/qia.js');
const HOOK = join(ROOT, 'bench/usage-hook.cjs');
const opt = { studies: 200, transcripts: 10, keep: undefined, runs: true, turns: 2 };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--studies') opt.studies = Number(process.argv[++i]);
  else if (a === '--transcripts') opt.transcripts = Number(process.argv[++i]);
  else if (a === '--keep') opt.keep = resolve(process.argv[++i]);
  else if (a === '--no-runs') opt.runs = false;
  else if (a === '--turns') opt.turns = Number(process.argv[++i]);
  else {
    console.error('usage: node bench/compare.js [--studies 200] [--transcripts 10] [--keep DIR] [--no-runs] [--turns 2]');
    process.exit(2);
  }
}
if (!(opt.studies >= 4) || !(opt.transcripts >= 1) || !(opt.turns >= 1)) {
  console.error('--studies must be at least 4, --transcripts and --turns at least 1');
  process.exit(2);
}

const root = opt.keep ?? mkdtempSync(join(tmpdir(), 'qia-bench-compare-'));
const studiesDir = join(root, 'studies');
const work = join(root, 'out');
mkdirSync(work, { recursive: true });

// 1. The studies: about 40 KB a transcript comes from 60–100 turns.
const names = Array.from({ length: opt.studies }, (_, i) => `s${String(i + 1).padStart(4, '0')}`);
const t0 = performance.now();
let generated = 0;
for (const [i, name] of names.entries()) {
  const dir = join(studiesDir, name);
  try {
    if (readdirSync(join(dir, 'sources/interviews')).length === opt.transcripts) continue;
  } catch {
    // Not generated yet: generate it below.
  }
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'bench/gen-corpus.js'),
      '--mb',
      '100',
      '--files',
      String(opt.transcripts),
      '--turns',
      '60-100',
      '--seed',
      String(i + 1),
      '--case',
      `Generated case ${name}`,
      '--year',
      String(2015 + (i % 9)),
      '--out',
      dir,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`gen-corpus failed for ${name}: ${r.stderr}`);
  generated++;
}
const bytes = folderBytes(studiesDir);
console.log(
  `${opt.studies} studies × ${opt.transcripts} transcripts, ${(bytes / 1024 / 1024).toFixed(1)} MB (${(bytes / opt.studies / opt.transcripts / 1024).toFixed(1)} KB a transcript), in ${studiesDir}${generated ? ` (${generated} generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)` : ''}`,
);
console.log(`cores: ${availableParallelism()}`);

let timedRuns = 0;
function timed(args) {
  const usage = join(work, `usage-${process.pid}.json`);
  const cache = join(work, `cache-${++timedRuns}`);
  const load = loadavg()[0];
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--require', HOOK, BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', QIA_CACHE_DIR: cache, QIA_BENCH_USAGE: usage },
    maxBuffer: 1 << 30,
  });
  const wall = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`qia ${args.slice(0, 3).join(' ')} … exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const u = JSON.parse(readFileSync(usage, 'utf8'));
  rmSync(cache, { recursive: true, force: true });
  return { wall, cpu: u.cpu, rssMb: u.maxRssKb / 1024, load };
}

const dirs = names.map((n) => join(studiesDir, n));
const fmt = (x) => `${x.wall.toFixed(1)} s wall, ${x.cpu.toFixed(1)} s CPU, peak ${x.rssMb.toFixed(0)} MB`;

// 2. qia run on each study, one after another.
const runs = { wall: 0, cpu: 0, rssMb: 0 };
for (const d of opt.runs ? dirs : []) {
  const x = timed(['run', d, '--out', join(work, 'run-out')]);
  runs.wall += x.wall;
  runs.cpu += x.cpu;
  runs.rssMb = Math.max(runs.rssMb, x.rssMb);
}
if (opt.runs) console.log(`qia run × ${opt.studies}, one after another:      ${fmt(runs)} (largest of one run)`);

// 3. and 4. qia compare with one worker (--jobs 1) and with one per core, taking turns: on a
// shared machine the load changes from minute to minute, and taking turns lets it fall on both.
// CPU time per study is the steadier figure there; "cores kept busy" is CPU time per wall second.
const N = availableParallelism();
const ones = [];
const alls = [];
const perStudy = (x) =>
  `${((x.cpu / opt.studies) * 1000).toFixed(0)} ms CPU a study, ${(x.cpu / x.wall).toFixed(2)} cores busy, load ${x.load.toFixed(1)} before`;
for (let t = 0; t < opt.turns; t++) {
  const one = timed(['compare', ...dirs, '--out', join(work, 'compare-1'), '--jobs', '1']);
  console.log(`qia compare, one worker:                 ${fmt(one)} (${perStudy(one)})`);
  const all = timed(['compare', ...dirs, '--out', join(work, 'compare-n'), '--jobs', String(N)]);
  console.log(`qia compare, ${N} workers:                  ${fmt(all)} (${perStudy(all)})`);
  ones.push(one);
  alls.push(all);
}
const best = (xs, k) => xs.reduce((a, x) => (x[k] < a[k] ? x : a));
const one = best(ones, 'wall');
const all = best(alls, 'wall');
const same = readFileSync(join(work, 'compare-1', 'compare.json'), 'utf8') === readFileSync(join(work, 'compare-n', 'compare.json'), 'utf8');

// 5. Memory against the number of studies: a quarter of them, one worker.
const quarter = timed(['compare', ...dirs.slice(0, Math.ceil(dirs.length / 4)), '--out', join(work, 'compare-q'), '--jobs', '1']);
console.log(`qia compare, ${Math.ceil(dirs.length / 4)} studies, one worker:     ${fmt(quarter)}`);

console.log('');
if (opt.runs)
  console.log(`compare (one worker) / sum of runs:  ${(one.wall / runs.wall).toFixed(2)}× wall, ${(one.cpu / runs.cpu).toFixed(2)}× CPU   (target ≤ 1.2×)`);
console.log(
  `speed-up of ${N} workers over one:      ${ones.map((o, i) => (o.wall / alls[i].wall).toFixed(2)).join('×, ')}× turn by turn, ${(one.wall / all.wall).toFixed(2)}× best against best (target ≥ 1.6× on 2 cores)`,
);
console.log(
  `CPU of ${N} workers over one:         ${(alls.reduce((a, x) => a + x.cpu, 0) / ones.reduce((a, x) => a + x.cpu, 0)).toFixed(2)}× (what more threads cost in all)`,
);
console.log(
  `peak memory, ${opt.studies} studies vs ${Math.ceil(dirs.length / 4)}:       ${one.rssMb.toFixed(0)} MB vs ${quarter.rssMb.toFixed(0)} MB (${(((one.rssMb - quarter.rssMb) / (opt.studies - Math.ceil(dirs.length / 4))) * 1024).toFixed(0)} KB per further study)`,
);
console.log(`one worker and ${availableParallelism()} give the same compare.json: ${same ? 'yes' : 'NO'}`);
if (!opt.keep) rmSync(root, { recursive: true, force: true });
