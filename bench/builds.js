#!/usr/bin/env node
// Two builds of qia side by side, in the same script, taking turns: the check a renovation
// must pass ("within 5 % of before on the same machine in the same run").
//   npm run build && node bench/builds.js --before ../qia-before [--runs 7] [--mb 10]
// `--before` is another checkout of qia, built (`git worktree add ../qia-before <commit> &&
// cd ../qia-before && npm ci && npm run build`). Timed, each the best of its runs with the
// least CPU time beside it (other load on the machine disturbs CPU time less than wall time):
// `qia run` on the bundled sample (rerun, cache warm), `qia code` and `qia run` on a generated
// corpus of --mb megabytes (QIA_NO_CACHE=1, so every run reads, segments and codes everything).
// Prints this build / before for each: under 1.05 holds the line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CPU_HOOK = join(ROOT, 'bench/cpu-usage.cjs');
const opt = { before: '', runs: 7, mb: 10 };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--before') opt.before = resolve(process.argv[++i]);
  else if (a === '--runs') opt.runs = Number(process.argv[++i]);
  else if (a === '--mb') opt.mb = Number(process.argv[++i]);
  else usage();
}
if (!opt.before || !existsSync(join(opt.before, 'bin/qia.js'))) usage();

function usage() {
  console.error('usage: node bench/builds.js --before <another built qia checkout> [--runs 7] [--mb 10]');
  process.exit(2);
}

const WORK = join(ROOT, 'bench/results/builds');
mkdirSync(WORK, { recursive: true });
const corpus = join(ROOT, `bench/corpus-${opt.mb}mb`);
if (!existsSync(join(corpus, 'study.yaml'))) {
  const g = spawnSync(process.execPath, [join(ROOT, 'bench/gen-corpus.js'), '--mb', String(opt.mb), '--out', corpus], { stdio: 'inherit' });
  if (g.status !== 0) process.exit(1);
}

function time(root, args, env) {
  const cpuFile = join(WORK, `cpu-${process.pid}.txt`);
  rmSync(cpuFile, { force: true });
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', CPU_HOOK, join(root, 'bin/qia.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', QIA_BENCH_CPU: cpuFile, ...env },
    maxBuffer: 1 << 30,
  });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0 && r.status !== 1) {
    console.error(`${root}: qia ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
    process.exit(1);
  }
  return { wall, cpu: Number(readFileSync(cpuFile, 'utf8')) };
}

const best = (xs, k) => Math.min(...xs.map((x) => x[k]));
const cases = [
  { label: 'qia run sample (rerun)', args: (o) => ['run', join(ROOT, 'samples/lapak-asik'), '--out', o], env: {} },
  { label: `qia code ${opt.mb} MB corpus`, args: (o) => ['code', corpus, '--out', o], env: { QIA_NO_CACHE: '1' } },
  { label: `qia run ${opt.mb} MB corpus`, args: (o) => ['run', corpus, '--out', o], env: { QIA_NO_CACHE: '1' } },
];
console.log(`node ${process.version}; this build ${ROOT} against ${opt.before}; best of ${opt.runs}, taking turns`);
for (const c of cases) {
  const now = [];
  const before = [];
  for (let i = 0; i < opt.runs; i++) {
    now.push(time(ROOT, c.args(join(WORK, 'now')), c.env));
    before.push(time(opt.before, c.args(join(WORK, 'before')), c.env));
  }
  const [wn, wb, cn, cb] = [best(now, 'wall'), best(before, 'wall'), best(now, 'cpu'), best(before, 'cpu')];
  console.log(
    `${c.label.padEnd(26)} wall ${wn.toFixed(2)} s vs ${wb.toFixed(2)} s (${(wn / wb).toFixed(3)})   cpu ${cn.toFixed(2)} s vs ${cb.toFixed(2)} s (${(cn / cb).toFixed(3)})`,
  );
}
