#!/usr/bin/env node
// How `qia code` scales, in one run, against ripgrep on the same files:
//   npm run build && node bench/scale.js [--mb 10,100] [--big] [--runs 1] [--skip-scaling] [--skip-sizes]
// 1. Throughput: corpora of each --mb size (bench/gen-corpus.js, one informant per transcript, as
//    in a large interview project), `qia code` (QIA_NO_CACHE=1) with --jobs 1 and with all cores:
//    wall time, CPU time (every thread), peak resident memory, MB/s, and the ratio of its wall time
//    to `rg -j1 -F -i -o -w -f terms.txt` (terms: the codebook's surface terms) over the same
//    sources. --big adds 1000 MB, generated on the fly and deleted afterwards. `qia code` bounds
//    its heaps' growth (src/pipeline/heap-growth.ts): QIA_HEAP_GROWING_PERCENT=0 in the
//    environment measures it with V8's own heuristics instead.
// 2. Scaling: from a base corpus (--base-files transcripts, --base-informants informants), double
//    sources, then informants, then segments per source, each separately, and print each cost
//    ratio (CPU time, one core) against the base; a step linear in that input gives about 2,
//    the target is <= 2.2. Informants doubled with the same sources shows a step that costs
//    sources × informants (it should cost nearly nothing: ratio about 1).
// Each figure is the best of --runs runs (the least disturbed by other work on the machine).
// Corpora live in bench/results/scale/ and are reused when their parameters match.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { surfaceTerms } from './lib/surface-terms.js';
import { folderBytes } from './lib/folder-bytes.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/qia.js');
const HOOK = join(ROOT, 'bench/usage-hook.cjs');
const GEN = join(ROOT, 'bench/gen-corpus.js');
const WORK = join(ROOT, 'bench/results/scale');

const usage = 'usage: node bench/scale.js [--mb 10,100] [--big] [--runs 1] [--base-files 200] [--base-informants 100] [--skip-scaling] [--skip-sizes]';
const opt = { mb: [10, 100], big: false, runs: 1, baseFiles: 200, baseInformants: 100, scaling: true, sizes: true };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--mb') opt.mb = process.argv[++i].split(',').map(Number);
  else if (a === '--big') opt.big = true;
  else if (a === '--runs') opt.runs = Number(process.argv[++i]);
  else if (a === '--base-files') opt.baseFiles = Number(process.argv[++i]);
  else if (a === '--base-informants') opt.baseInformants = Number(process.argv[++i]);
  else if (a === '--skip-scaling') opt.scaling = false;
  else if (a === '--skip-sizes') opt.sizes = false;
  else if (a === '--help' || a === '-h') {
    console.log(usage);
    process.exit(0);
  } else {
    console.error(usage);
    process.exit(2);
  }
}
if (opt.mb.some((x) => !(x > 0)) || !(opt.runs >= 1) || !(opt.baseFiles >= 1) || !(opt.baseInformants >= 1)) {
  console.error(usage);
  process.exit(2);
}
mkdirSync(WORK, { recursive: true });

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');

/** A generated corpus in WORK/name, made again only when its generator arguments changed. */
function corpus(name, args) {
  const dir = join(WORK, name);
  const stamp = join(WORK, `${name}.args`);
  const want = JSON.stringify(args);
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== want || !existsSync(join(dir, 'study.yaml'))) {
    rmSync(stamp, { force: true });
    const g = spawnSync(process.execPath, [GEN, ...args, '--out', dir], { encoding: 'utf8' });
    if (g.status !== 0) {
      console.error(g.stderr);
      process.exit(1);
    }
    writeFileSync(stamp, want);
  }
  return { dir, bytes: folderBytes(join(dir, 'sources')) };
}

/** One `qia code` run: wall and CPU seconds, peak RSS in MB, and the number of codings written. */
function qiaCode(dir, jobs) {
  const usageFile = join(WORK, `usage-${process.pid}.json`);
  const out = join(WORK, 'out');
  rmSync(usageFile, { force: true });
  rmSync(out, { recursive: true, force: true });
  const args = ['--require', HOOK, BIN, 'code', dir, '--out', out, ...(jobs ? ['--jobs', String(jobs)] : [])];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: '1', QIA_NO_CACHE: '1', QIA_BENCH_USAGE: usageFile },
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) {
    console.error(`qia code ${dir} exited ${r.status}\n${(r.stderr ?? '').slice(-2000)}`);
    process.exit(1);
  }
  const u = JSON.parse(readFileSync(usageFile, 'utf8'));
  let codings = NaN;
  const csv = join(out, 'codings.csv');
  if (existsSync(csv)) codings = csvRecords(readFileSync(csv, 'utf8')) - 1;
  return { wall, cpu: u.cpu, rssMb: u.maxRssKb / 1024, codings };
}

/** Records in a CSV text: line breaks outside quotes (a quote may hold several lines). */
function csvRecords(text) {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) n++;
  }
  return n;
}

/** Best of `runs` (least wall, least CPU, least peak: each the least disturbed by other load). */
function best(runs, f) {
  const xs = Array.from({ length: runs }, f);
  return {
    wall: Math.min(...xs.map((x) => x.wall)),
    cpu: Math.min(...xs.map((x) => x.cpu)),
    rssMb: Math.min(...xs.map((x) => x.rssMb)),
    codings: xs[0].codings,
  };
}

// ---- ripgrep with the codebook's surface terms (as bench/code.js) ----
const terms = surfaceTerms(YAML.parse(readFileSync(join(ROOT, 'codebooks/rogers.yaml'), 'utf8')));
const termsFile = join(WORK, 'terms.txt');
writeFileSync(termsFile, terms.join('\n') + '\n');
const hasRg = spawnSync('rg', ['--version']).status === 0;

const hasTime = existsSync('/usr/bin/time');

/**
 * ripgrep on one thread over the sources: wall and CPU seconds (CPU from /usr/bin/time when
 * present; a loaded machine inflates wall time, not CPU time). `word`: with -w, as the issue's
 * target names it; without, the faster comparison the issue first measured.
 */
function ripgrep(dir, word) {
  if (!hasRg) return { wall: NaN, cpu: NaN };
  const rgArgs = ['-j1', '-F', '-i', '-o', ...(word ? ['-w'] : []), '-f', termsFile, join(dir, 'sources')];
  const [cmd, args] = hasTime ? ['/usr/bin/time', ['-f', '%U %S', '-o', join(WORK, 'rg-time.txt'), 'rg', ...rgArgs]] : ['rg', rgArgs];
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`rg failed: ${r.stderr}`);
  const cpu = hasTime
    ? readFileSync(join(WORK, 'rg-time.txt'), 'utf8')
        .trim()
        .split(/\s+/)
        .slice(-2)
        .map(Number)
        .reduce((a, b) => a + b, 0)
    : NaN;
  return { wall, cpu };
}

const bestRg = (dir, word) => {
  const xs = Array.from({ length: opt.runs }, () => ripgrep(dir, word));
  return { wall: Math.min(...xs.map((x) => x.wall)), cpu: Math.min(...xs.map((x) => x.cpu)) };
};

const cores = cpus().length;
console.log(
  `node ${process.version}, ${cores} cores, ${hasRg ? spawnSync('rg', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] : 'ripgrep not installed'}, ${terms.length} surface terms`,
);

// ---- 1. throughput and memory by corpus size ----
if (opt.sizes) {
  console.log('\n== throughput and peak memory (qia code, QIA_NO_CACHE=1; one informant per transcript) ==');
  console.log('ripgrep, one thread: "rg -w" is rg -j1 -F -i -o -w -f terms.txt, "rg" the same without -w; ×: qia wall / rg wall (cpu / cpu)');
  const sizes = [...opt.mb, ...(opt.big ? [1000] : [])];
  const peaks = [];
  for (const mb of sizes) {
    const name = `corpus-${mb}mb`;
    const c = corpus(name, ['--mb', String(mb), '--informants', 'per-file']);
    const inMb = c.bytes / 1024 / 1024;
    const rgW = bestRg(c.dir, true);
    const rg = bestRg(c.dir, false);
    console.log(
      `${fmt(inMb)} MB: rg -w ${fmt(rgW.wall, 2)} s wall, ${fmt(rgW.cpu, 2)} s cpu (${fmt(inMb / rgW.cpu)} MB/s of cpu); rg ${fmt(rg.wall, 2)} s wall, ${fmt(rg.cpu, 2)} s cpu (${fmt(inMb / rg.cpu)} MB/s of cpu)`,
    );
    console.log('  jobs  wall s   cpu s  MB/s wall  MB/s cpu  peak MB  peak/MB in  × rg -w wall (cpu)  × rg wall (cpu)  codings');
    for (const jobs of [1, cores]) {
      const r = best(opt.runs, () => qiaCode(c.dir, jobs));
      peaks.push({ mb, jobs, rss: r.rssMb });
      const x = (q) => `${fmt(r.wall / q.wall, 2)} (${fmt(r.cpu / q.cpu, 2)})`;
      console.log(
        `  ${String(jobs).padStart(4)}  ${fmt(r.wall, 2).padStart(6)}  ${fmt(r.cpu, 2).padStart(6)}  ${fmt(inMb / r.wall).padStart(9)}  ${fmt(inMb / r.cpu).padStart(8)}  ${fmt(r.rssMb, 0).padStart(7)}  ${fmt(r.rssMb / inMb, 2).padStart(10)}  ${x(rgW).padStart(18)}  ${x(rg).padStart(15)}  ${r.codings}`,
      );
    }
    // The 1 GB corpus is made for this run only: 1 GB left in bench/results is not wanted.
    if (mb >= 1000) {
      rmSync(c.dir, { recursive: true, force: true });
      rmSync(join(WORK, `${name}.args`), { force: true });
    }
  }
  // Against the smallest corpus with as many threads: the target is for all cores, one core shown too.
  for (const jobs of [cores, 1]) {
    const byJobs = peaks.filter((p) => p.jobs === jobs);
    const lo = byJobs[0];
    for (const p of byJobs.slice(1))
      console.log(
        `peak memory ${p.mb} MB / ${lo.mb} MB (${jobs === cores ? 'all cores' : 'one core'}): ${fmt(p.rss / lo.rss, 2)}${jobs === cores ? ' (target ≤ 1.5)' : ''}`,
      );
  }
  console.log('targets at 100 MB: ≥ 20 MB/s on all cores (2), ≤ 2.5× rg -j1; at 1 GB: peak < 600 MB');
}

// ---- 2. doubling each input separately ----
if (opt.scaling) {
  const f = opt.baseFiles;
  const n = opt.baseInformants;
  const huge = ['--mb', '100000'];
  const cases = [
    // One transcript: start-up and the codebook, the fixed cost the marginal ratios leave out.
    { label: 'floor (1 source)', args: [...huge, '--files', '1', '--informants', String(n)] },
    { label: 'base', args: [...huge, '--files', String(f), '--informants', String(n)] },
    { label: '2× sources', args: [...huge, '--files', String(2 * f), '--informants', String(n)] },
    { label: '2× informants', args: [...huge, '--files', String(f), '--informants', String(2 * n)] },
    { label: '2× segments/source', args: [...huge, '--files', String(f), '--informants', String(n), '--turns', '40-120'] },
    // The same sources with 10× the informants: a step costing sources × informants shows here.
    { label: '10× informants', args: [...huge, '--files', String(f), '--informants', String(10 * n)] },
  ];
  console.log(`\n== scaling (qia code --jobs 1, QIA_NO_CACHE=1; base: ${f} transcripts, ${n} informants) ==`);
  console.log('case                 MB in  codings   wall s   cpu s  peak MB  cost ×base (cpu)  marginal ×base  input ×base (MB)');
  let floor;
  let base;
  for (const k of cases) {
    const c = corpus(`scaling-${k.label.replace(/[^a-z0-9]+/gi, '-')}`, k.args);
    const r = best(opt.runs, () => qiaCode(c.dir, 1));
    const inMb = c.bytes / 1024 / 1024;
    if (!floor) {
      floor = r;
      console.log(
        `${k.label.padEnd(19)}${fmt(inMb).padStart(6)}  ${String(r.codings).padStart(7)}  ${fmt(r.wall, 2).padStart(7)}  ${fmt(r.cpu, 2).padStart(6)}  ${fmt(r.rssMb, 0).padStart(7)}`,
      );
      continue;
    }
    base ??= { ...r, inMb };
    // Marginal: CPU above the one-transcript floor, so fixed start-up does not flatter the ratio.
    const marginal = (r.cpu - floor.cpu) / (base.cpu - floor.cpu);
    console.log(
      `${k.label.padEnd(19)}${fmt(inMb).padStart(6)}  ${String(r.codings).padStart(7)}  ${fmt(r.wall, 2).padStart(7)}  ${fmt(r.cpu, 2).padStart(6)}  ${fmt(r.rssMb, 0).padStart(7)}  ${fmt(r.cpu / base.cpu, 2).padStart(16)}  ${fmt(marginal, 2).padStart(14)}  ${fmt(inMb / base.inMb, 2).padStart(16)}`,
    );
  }
  console.log('target: cost ratio ≤ 2.2 for 2× sources or segments (marginal: linear gives about the input ratio); informants alone should cost about 1×');
}
