#!/usr/bin/env node
// Throughput of automatic coding, end to end (with --jobs 1 and the default) and for the coding stage alone, with the default
// codebook and with one grown tenfold, against ripgrep over the same files as a reference.
//   npm run build && node --expose-gc bench/code.js [--corpus bench/corpus] [--mb 50] [--codebook codebooks/rogers.yaml]
// Generates the corpus with bench/gen-corpus.js when it is missing or too small. Installs
// ripgrep from Debian (apt-get) when `rg` is missing. Prints a ratio line at the end.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { surfaceTerms } from './lib/surface-terms.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const opt = { corpus: join(ROOT, 'bench/corpus'), mb: 50, codebook: join(ROOT, 'codebooks/rogers.yaml'), runs: 1 };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--corpus') opt.corpus = resolve(process.argv[++i]);
  else if (a === '--mb') opt.mb = Number(process.argv[++i]);
  else if (a === '--codebook') opt.codebook = resolve(process.argv[++i]);
  else {
    console.error('usage: node bench/code.js [--corpus DIR] [--mb 50] [--codebook FILE]');
    process.exit(2);
  }
}
const WORK = join(ROOT, 'bench/results/code');
mkdirSync(WORK, { recursive: true });

// ---- the corpus ----
function sourceFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(join(d, e.name));
    }
  };
  if (existsSync(join(dir, 'sources'))) walk(join(dir, 'sources'));
  return out.sort();
}
let files = sourceFiles(opt.corpus);
let bytes = files.reduce((n, f) => n + statSync(f).size, 0);
if (bytes < opt.mb * 1e6 * 0.95) {
  console.log(`generating a ${opt.mb} MB corpus in ${opt.corpus} …`);
  const g = spawnSync(process.execPath, [join(ROOT, 'bench/gen-corpus.js'), '--mb', String(opt.mb), '--out', opt.corpus], { stdio: 'inherit' });
  if (g.status !== 0) process.exit(2);
  files = sourceFiles(opt.corpus);
  bytes = files.reduce((n, f) => n + statSync(f).size, 0);
}
const MB = bytes / 1e6;
if (!existsSync(opt.codebook)) {
  console.error(`no codebook at ${opt.codebook}; give one with --codebook`);
  process.exit(2);
}

// ---- codebooks: the default, and a copy grown tenfold with synthetic terms ----
const cbDoc = YAML.parse(readFileSync(opt.codebook, 'utf8'));
const terms = surfaceTerms(cbDoc);
let seed = 7;
const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
const syllables = ['ka', 'ri', 'mu', 'so', 'ta', 'ne', 'lo', 'pe', 'ga', 'du', 'wi', 'ban', 'kan', 'ter', 'sem'];
const word = () => Array.from({ length: 3 + Math.floor(rand() * 2) }, () => syllables[Math.floor(rand() * syllables.length)]).join('') + 'q';
const grown = structuredClone(cbDoc);
const ruled = grown.codes.filter((c) => Array.isArray(c.rules) && c.rules.length > 0);
const extra = terms.length * 9;
for (let i = 0; i < extra; i++) {
  const code = ruled[i % ruled.length];
  let r = code.rules.find((x) => x.note === 'synthetic');
  if (!r) code.rules.push((r = { terms: [], note: 'synthetic' }));
  r.terms.push(rand() < 0.3 ? `${word()} ${word()}` : word());
}
const grownFile = join(WORK, 'codebook-x10.yaml');
writeFileSync(grownFile, YAML.stringify(grown));
const termsFile = join(WORK, 'terms.txt');
writeFileSync(termsFile, terms.join('\n') + '\n');
const grownTerms = surfaceTerms(grown);

/** A study sharing the corpus's sources and informants but naming another codebook. */
function studyWith(codebook, name) {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const y = YAML.parse(readFileSync(join(opt.corpus, 'study.yaml'), 'utf8'));
  y.codebook = codebook;
  writeFileSync(join(dir, 'study.yaml'), YAML.stringify(y));
  symlinkSync(join(opt.corpus, 'sources'), join(dir, 'sources'));
  symlinkSync(join(opt.corpus, 'informants.csv'), join(dir, 'informants.csv'));
  return dir;
}
const studies = { base: studyWith(opt.codebook, 'study-base'), x10: studyWith(grownFile, 'study-x10') };
// A codebook that matches nothing: what `qia code` holds when there are no codings to keep.
const noneFile = join(WORK, 'codebook-none.yaml');
writeFileSync(
  noneFile,
  YAML.stringify({
    id: 'none',
    version: '1',
    languages: ['id'],
    codes: [{ id: 'relative_advantage', group: 'attribute', label: { id: 'Keuntungan relatif' }, rules: [{ terms: ['zzqqxx'] }] }],
  }),
);
const noneStudy = studyWith(noneFile, 'study-none');

// ---- end to end: the CLI as a child process, wall time, CPU time and peak RSS from /usr/bin/time -v ----
function endToEnd(dir, jobs) {
  const out = join(WORK, 'out');
  const args = [join(ROOT, 'bin/qia.js'), 'code', dir, '--out', out, ...(jobs ? ['--jobs', String(jobs)] : [])];
  const hasTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) {
    console.error(r.stderr.slice(-2000));
    throw new Error(`qia code failed with ${r.status}`);
  }
  const num = (re) => {
    const m = re.exec(r.stderr ?? '');
    return m ? Number(m[1]) : NaN;
  };
  const cpuMs = (num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/)) * 1000;
  const csv = readFileSync(join(out, 'codings.csv'), 'utf8');
  return {
    ms,
    cpuMs,
    peakMB: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
    codings: csv.split('\n').length - 2,
    csvMB: Buffer.byteLength(csv) / 1e6,
  };
}

// ---- the coding stage alone, in process, segments already loaded, CPU time of this thread ----
async function stageOnly(dir) {
  const { loadCorpus, compile, codingStage } = await import('./lib/corpus.js');
  const opened = await loadCorpus(dir);
  const matcher = await compile(opened.codebook);
  const stage = await codingStage(opened.study);
  const autoStage = (part, m) => stage(part, m);
  const chars = opened.sources.reduce((n, s) => n + s.text.length, 0);
  autoStage(opened, matcher); // warm up on the whole corpus once, so the timed pass runs optimised code
  globalThis.gc?.();
  const before = process.memoryUsage();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const codings = autoStage(opened, matcher);
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const ms = (c.user + c.system) / 1000;
  globalThis.gc?.();
  const after = process.memoryUsage();
  const codable = opened.segments.filter((s) => !s.interviewer).length;
  return {
    ms,
    wallMs,
    chars,
    segments: opened.segments.length,
    codable,
    codings: codings.length,
    heapMB: after.heapUsed / 2 ** 20,
    codingsMB: (after.heapUsed - before.heapUsed) / 2 ** 20,
    rssMB: after.rss / 2 ** 20,
  };
}

// ---- the coding stage across worker threads, as `qia code` spreads files over cores ----
// Each thread opens the study and keeps a share of the sources balanced by size (not timed),
// then all start together and code file by file, handing each file's codings off as `qia code`'s
// workers do (bench/code-stage-worker.js); the figure is the corpus over the wall time until the
// last thread is done. One thread through the same harness gives the scaling.
async function stageThreads(dir, threads) {
  const { Worker } = await import('node:worker_threads');
  const { loadCorpus } = await import('./lib/corpus.js');
  const opened = await loadCorpus(dir);
  const sizes = opened.sources.map((s) => ({ id: s.id, n: s.text.length })).sort((a, b) => b.n - a.n || (a.id < b.id ? -1 : 1));
  const shares = Array.from({ length: threads }, () => ({ ids: [], n: 0 }));
  for (const s of sizes) {
    const least = shares.reduce((a, b) => (b.n < a.n ? b : a));
    least.ids.push(s.id);
    least.n += s.n;
  }
  const workers = shares.map((sh) => new Worker(new URL('./code-stage-worker.js', import.meta.url), { workerData: { dir, share: sh.ids } }));
  await Promise.all(
    workers.map(
      (w) =>
        new Promise((res, rej) => {
          w.once('message', res);
          w.once('error', rej);
        }),
    ),
  );
  const t0 = performance.now();
  const done = await Promise.all(
    workers.map(
      (w) =>
        new Promise((res, rej) => {
          w.once('message', res);
          w.once('error', rej);
          w.postMessage('go');
        }),
    ),
  );
  const wallMs = performance.now() - t0;
  await Promise.all(workers.map((w) => w.terminate()));
  return { wallMs, codings: done.reduce((n, d) => n + d.codings, 0), slowestMs: Math.max(...done.map((d) => d.ms)) };
}

// ---- reference: ripgrep with the codebook's surface terms ----
function ensureRg() {
  if (spawnSync('rg', ['--version']).status === 0) return true;
  console.log('installing ripgrep (apt-get) …');
  spawnSync('apt-get', ['update'], { stdio: 'inherit' });
  spawnSync('apt-get', ['install', '-y', 'ripgrep'], { stdio: 'inherit' });
  return spawnSync('rg', ['--version']).status === 0;
}
function ripgrep(list, threads) {
  const f = join(WORK, `terms-${list.length}.txt`);
  writeFileSync(f, list.join('\n') + '\n');
  const t0 = performance.now();
  const r = spawnSync('rg', ['-F', '-i', '-o', '-c', '-j', String(threads), '-f', f, join(opt.corpus, 'sources')], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  const hits = r.stdout.split('\n').reduce((n, l) => n + (Number(l.slice(l.lastIndexOf(':') + 1)) || 0), 0);
  return { ms, hits };
}

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');
const rate = (ms) => MB / (ms / 1000);
console.log(`corpus: ${files.length} files, ${fmt(MB)} MB (${opt.corpus})`);
console.log(`codebook: ${opt.codebook} (${terms.length} surface terms); grown: ${grownTerms.length} terms`);

const { availableParallelism } = await import('node:os');
console.log(`cores: ${availableParallelism()} (the default --jobs for a study above 2 MB)`);
const results = {};
for (const [name, dir] of Object.entries(studies)) {
  const one = endToEnd(dir, 1);
  const dflt = endToEnd(dir, undefined);
  const stage = await stageOnly(dir);
  results[name] = { one, dflt, stage };
  console.log(`\n[${name === 'base' ? 'codebook as shipped' : 'codebook grown tenfold'}]`);
  for (const [label, e] of [
    ['--jobs 1', one],
    ['default ', dflt],
  ]) {
    console.log(
      `  qia code ${label}   : ${fmt(e.ms / 1000, 2)} s wall  ${fmt(rate(e.ms))} MB/s  (CPU ${fmt(e.cpuMs / 1000, 1)} s)  peak RSS ${fmt(e.peakMB, 0)} MB  ${e.codings} codings (${fmt(e.csvMB)} MB of csv)`,
    );
  }
  console.log(
    `  stage, one heap     : ${fmt(stage.ms / 1000, 2)} s CPU (${fmt(stage.wallMs / 1000, 2)} s wall)  ${fmt(rate(stage.ms))} MB/s  ${fmt(stage.codable / (stage.ms / 1000), 0)} codable segments/s (${stage.codable} of ${stage.segments})  ${stage.codings} codings`,
  );
  console.log(
    `  memory in process   : heap ${fmt(stage.heapMB, 0)} MB after coding with every text loaded (codings add ${fmt(stage.codingsMB, 0)} MB), RSS ${fmt(stage.rssMB, 0)} MB`,
  );
  if (name === 'base') {
    const cores = availableParallelism();
    const one = await stageThreads(dir, 1);
    const all = cores > 1 ? await stageThreads(dir, cores) : one;
    results.threads = { one, all, cores };
    console.log(
      `  stage, file by file : ${fmt(one.wallMs / 1000, 2)} s wall  ${fmt(rate(one.wallMs))} MB/s  ${one.codings} codings (worker harness, codings handed off per file)`,
    );
    console.log(
      `  stage, ${cores} threads   : ${fmt(all.wallMs / 1000, 2)} s wall  ${fmt(rate(all.wallMs))} MB/s  ${all.codings} codings, ${fmt(one.wallMs / all.wallMs, 2)}× one thread`,
    );
  }
}
const none = endToEnd(noneStudy, 1);
console.log(`\n[a codebook that matches nothing: memory without codings]`);
console.log(
  `  qia code --jobs 1   : ${fmt(none.ms / 1000, 2)} s wall  ${fmt(rate(none.ms))} MB/s  (CPU ${fmt(none.cpuMs / 1000, 1)} s)  peak RSS ${fmt(none.peakMB, 0)} MB  ${none.codings} codings`,
);

if (ensureRg()) {
  const rg1 = ripgrep(terms, 1);
  const rgN = ripgrep(terms, 0);
  const rgX = ripgrep(grownTerms, 1);
  console.log(`\n[ripgrep -F -i -o -f terms.txt]`);
  console.log(`  one thread          : ${fmt(rg1.ms / 1000, 2)} s  ${fmt(rate(rg1.ms))} MB/s  ${rg1.hits} hits`);
  console.log(`  all threads         : ${fmt(rgN.ms / 1000, 2)} s  ${fmt(rate(rgN.ms))} MB/s`);
  console.log(`  grown terms, 1 thr. : ${fmt(rgX.ms / 1000, 2)} s  ${fmt(rate(rgX.ms))} MB/s`);
  const stage = rate(results.base.stage.ms);
  const stageX = rate(results.x10.stage.ms);
  const e2e = rate(results.base.dflt.ms);
  // The stage as qia code runs it is file by file (a worker hands each file's codings off);
  // the one-heap figure also pays for keeping every coding of the corpus, and its CPU time
  // includes the collector's helper threads.
  const fileByFile = rate(results.threads.one.wallMs);
  const threads = rate(results.threads.all.wallMs);
  console.log(
    `\nratio: coding stage file by file ${fmt(fileByFile)} MB/s (one thread) / ripgrep (1 thread) ${fmt(rate(rg1.ms))} MB/s = ${fmt(fileByFile / rate(rg1.ms), 2)} ` +
      `(one heap: ${fmt(stage)} MB/s = ${fmt(stage / rate(rg1.ms), 2)}; target ≥ 0.20); ` +
      `tenfold codebook ${fmt(stageX)} MB/s in one heap = ${fmt(stageX / stage, 2)} of the shipped codebook's speed; ` +
      `30 MB/s: one thread ${fileByFile >= 30 ? 'met' : 'NOT met'}, ${results.threads.cores} threads ${fmt(threads)} MB/s ${threads >= 30 ? 'met' : 'NOT met'} ` +
      `(ratio to ripgrep on all threads ${fmt(threads / rate(rgN.ms), 2)}); ` +
      `qia code end to end (default jobs) ${fmt(e2e)} MB/s, peak RSS ${fmt(results.base.dflt.peakMB, 0)} MB for ${fmt(results.base.dflt.csvMB)} MB of codings.csv`,
  );
} else {
  console.log('\nripgrep unavailable: no reference ratio');
}
