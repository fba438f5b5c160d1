#!/usr/bin/env node
// Differential check of the matcher against another build of qia: the same random segments
// (words of the codebook's rules and cues, negations, contrast words, stops, random sentence
// spans and offsets) through both builds' compileCodebook, one matcher reused per build as in a
// run; any difference in the CodeMatch lists fails with the segment. For renovations of match/.
//   npm run build && node bench/match-diff.js --before ../qia-before [--runs 1500]
// `--before` is another built checkout (see bench/builds.js).
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const opt = { before: '', runs: 1500 };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--before') opt.before = resolve(process.argv[++i]);
  else if (a === '--runs') opt.runs = Number(process.argv[++i]);
  else opt.before = '';
}
if (!opt.before || !existsSync(join(opt.before, 'dist/match/compile.js'))) {
  console.error('usage: node bench/match-diff.js --before <another built qia checkout> [--runs 1500]');
  process.exit(2);
}

const build = async (root) => ({
  load: (await import(join(root, 'dist/study/codebook.js'))).loadCodebook,
  compile: (await import(join(root, 'dist/match/compile.js'))).compileCodebook,
});
const now = await build(ROOT);
const before = await build(opt.before);
const files = [
  'builtin:rogers',
  ...readdirSync(join(ROOT, 'codebooks'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(ROOT, 'codebooks', f)),
];

/** The words segments are made of: every alternative of every term and cue, globs filled in. */
function vocabulary(codebook) {
  const words = new Set(['tidak', 'tapi', 'namun', 'bukan', 'tanpa', 'not', 'but', 'sekarang', 'sudah', '.', ',', '?', '\n']);
  const add = (t) => t.split('|').forEach((alt) => words.add(alt.replace(/\*/g, 'an').trim()));
  for (const c of codebook.codes) {
    for (const r of c.rules ?? []) [...(r.terms ?? []), ...(r.near ?? []).flat(), ...(r.unless ?? []), ...(r.more ?? []), ...(r.less ?? [])].forEach(add);
    [...(c.valence?.more ?? []), ...(c.valence?.less ?? []), ...(c.unless ?? [])].forEach(add);
  }
  return [...words].filter(Boolean);
}

let checked = 0;
for (const file of files) {
  const a = (await now.load(file)).codebook;
  const b = (await before.load(file)).codebook;
  if (!a || !b) {
    console.log(`skipped ${file}: it does not load in both builds`);
    continue;
  }
  const mNow = now.compile(a);
  const mBefore = before.compile(b);
  const segment = fc.record({
    words: fc.array(fc.constantFrom(...vocabulary(a)), { maxLength: 80 }),
    cuts: fc.array(fc.nat(2000), { maxLength: 8 }),
    base: fc.nat(1000),
  });
  fc.assert(
    fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
      for (const { words, cuts, base } of segments) {
        const text = words.join(' ');
        const points = [...new Set([0, ...cuts.map((c) => c % (text.length + 1)), text.length])].sort((x, y) => x - y);
        const spans = points.slice(1).map((end, i) => ({ start: base + points[i], end: base + end }));
        for (const sentences of [spans, []]) {
          const x = JSON.stringify(mNow.match(text, base, sentences));
          const y = JSON.stringify(mBefore.match(text, base, sentences));
          if (x !== y) throw new Error(`${file}: the builds differ on ${JSON.stringify(text)} (base ${base})\nthis build: ${x}\nbefore:     ${y}`);
        }
        checked++;
      }
    }),
    { numRuns: opt.runs, seed: 19 },
  );
  console.log(`${file}: identical`);
}
console.log(`${checked} segments matched alike by both builds (each with and without sentence spans)`);
