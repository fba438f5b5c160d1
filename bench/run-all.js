#!/usr/bin/env node
// Every benchmark in one go, each in its own process so one cannot warm up or slow down the
// next:  npm run bench  [-- --quick]
// `--quick` uses a 10 MB corpus instead of 50 MB (for a check that the scripts still run; the
// figures quoted in the docs come from the full run). Each script prints its own figures and
// the ratio against its reference (ripgrep, a naive split, `qia code`); this runner only
// orders them, generates the shared corpus once, and ends with the wall time of each.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { folderBytes } from './lib/folder-bytes.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const quick = process.argv.includes('--quick');
const mb = quick ? 10 : 50;
const corpus = join(ROOT, quick ? 'bench/corpus-quick' : 'bench/corpus');

const node = process.execPath;
const steps = [];
if (folderBytes(join(corpus, 'sources')) < mb * 1e6 * 0.95) {
  steps.push(['generate corpus', [join(ROOT, 'bench/gen-corpus.js'), '--mb', String(mb), '--out', corpus]]);
}
steps.push(
  ['read + segment', [join(ROOT, 'bench/segment.js'), corpus]],
  ['matcher', [join(ROOT, 'bench/match.js'), '--mb', quick ? '5' : '20']],
  ['automatic coding', ['--expose-gc', join(ROOT, 'bench/code.js'), '--corpus', corpus, '--mb', String(mb)]],
  ['qia run vs qia code', [join(ROOT, 'bench/run.js'), '--corpus', corpus, '--mb', String(mb)]],
);
// Scaling: 10 and 100 MB (2 MB and a smaller doubling base with --quick).
steps.push(['scale: sizes, doubling', [join(ROOT, 'bench/scale.js'), ...(quick ? ['--mb', '2', '--base-files', '40', '--base-informants', '20'] : [])]]);
steps.push(['qia compare over many studies', [join(ROOT, 'bench/compare.js'), '--studies', quick ? '8' : '200']]);
for (const s of ['mobile-service', 'imigrasi-lampung', 'library-en']) {
  steps.push([`accuracy ${s}`, [join(ROOT, 'bench/accuracy.js'), '--study', join(ROOT, 'samples', s), '--gold', join(ROOT, 'bench/gold', `${s}.csv`)]]);
}

const times = [];
let failed = 0;
for (const [name, args] of steps) {
  console.log(`\n=== ${name}: node ${args.map((a) => a.replace(ROOT, '')).join(' ')}`);
  const t0 = performance.now();
  const r = spawnSync(node, args, { stdio: 'inherit', cwd: ROOT });
  const secs = (performance.now() - t0) / 1000;
  times.push([name, secs, r.status]);
  if (r.status !== 0) failed++;
}
console.log('\n=== summary');
for (const [name, secs, status] of times) {
  console.log(`${name.padEnd(28)} ${secs.toFixed(1).padStart(7)} s${status === 0 ? '' : `  (exit ${status})`}`);
}
process.exit(failed > 0 ? 1 : 0);
