#!/usr/bin/env node
// Throughput of the codebook matcher (the hot path of automatic coding).
//
//   npm run build && node bench/match.js [--mb 20]
//
// Builds a deterministic corpus (≥ 20 MB) from the seed studies' sentences, cut into
// interview-sized segments, and times Matcher.match over every segment with the default
// codebook and with codebooks grown to about 10× and 100× its terms by synthetic words, phrases
// and globs. Prints MB/s, tokens/s and the cost per token relative to the default codebook; then
// times `rg -F -i -o -f terms.txt` on the same text, when ripgrep is installed, for comparison.
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadCodebook } from '../dist/study/codebook.js';
import { compileCodebook } from '../dist/match/compile.js';
import { tokenize } from '../dist/match/tokenize.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const mbArg = process.argv.indexOf('--mb');
const TARGET_MB = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 20;

// Deterministic PRNG (mulberry32) so every run times the same text.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedSentences() {
  const dirs = [join(ROOT, '..', 'shared', 'seeds'), '/work/shared/seeds', join(ROOT, 'samples')];
  const out = [];
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d, { recursive: true })) {
      if (!/\.(txt|md)$/.test(String(f))) continue;
      const text = readFileSync(join(d, String(f)), 'utf8');
      for (const s of text.split(/(?<=[.!?])\s+|\n{2,}/)) {
        const t = s.replace(/\s+/g, ' ').trim();
        if (t.length > 20 && t.length < 600) out.push(t);
      }
    }
    if (out.length) break;
  }
  if (!out.length) out.push('Aplikasinya mudah digunakan dan tidak perlu antre lagi.', 'Kendalanya server sering down kalau klaim banyak.');
  return out;
}

function buildCorpus() {
  const sentences = seedSentences();
  const rand = rng(42);
  const segments = [];
  let bytes = 0;
  while (bytes < TARGET_MB * 1024 * 1024) {
    const n = 1 + Math.floor(rand() * 6);
    let text = '';
    const spans = [];
    for (let i = 0; i < n; i++) {
      const s = sentences[Math.floor(rand() * sentences.length)];
      if (text) text += ' ';
      spans.push({ start: text.length, end: text.length + s.length });
      text += s;
    }
    segments.push({ text, spans });
    bytes += Buffer.byteLength(text) + 1;
  }
  return { segments, bytes };
}

// Syllables rare in Indonesian and English, so synthetic terms grow the index without adding
// matches: the test is whether a bigger codebook slows the per-token work, not the output.
const SYL = ['qa', 'xo', 'zu', 'vy', 'qi', 'xe', 'zo', 'vu', 'kq', 'xz', 'qo', 'zy', 'vx', 'jq', 'wz', 'yq'];
function pseudoWord(rand) {
  let w = '';
  const n = 3 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) w += SYL[Math.floor(rand() * SYL.length)];
  return w;
}

function countTerms(cb) {
  let n = 0;
  for (const c of cb.codes) {
    for (const r of c.rules ?? []) n += (r.terms?.length ?? 0) + (r.near?.flat().length ?? 0) + (r.unless?.length ?? 0);
    n += (c.valence?.more?.length ?? 0) + (c.valence?.less?.length ?? 0);
  }
  return n;
}

/** The default codebook plus synthetic codes, so it holds about `factor` times the terms. */
function grow(cb, factor) {
  const base = countTerms(cb);
  const rand = rng(factor);
  const extra = [];
  let added = 0;
  let k = 0;
  while (added < base * (factor - 1)) {
    const terms = [];
    for (let i = 0; i < 40; i++) {
      const r = rand();
      if (r < 0.6) terms.push(pseudoWord(rand));
      else if (r < 0.85) terms.push(`${pseudoWord(rand)} ${pseudoWord(rand)}`);
      else if (r < 0.95) terms.push(`${pseudoWord(rand)}*`);
      else terms.push(`*${pseudoWord(rand)}*`);
    }
    added += terms.length;
    extra.push({
      id: `synthetic.c${k}`,
      parent: 'synthetic',
      group: 'other',
      label: { id: `s${k}`, en: `s${k}` },
      definition: {},
      include: [],
      exclude: [],
      examples: [],
      pos: { line: 1, column: 1 },
      rules: [{ id: `synthetic.c${k}#1`, kind: 'terms', terms, scope: 'segment', weight: 1, pos: { line: 1, column: 1 } }],
    });
    k++;
  }
  const root = {
    id: 'synthetic',
    group: 'other',
    label: { id: 'synthetic', en: 'synthetic' },
    definition: {},
    include: [],
    exclude: [],
    examples: [],
    pos: { line: 1, column: 1 },
  };
  return { ...cb, codes: [...cb.codes, root, ...extra] };
}

function timeMatcher(matcher, segments) {
  // One warm-up pass fills the word cache, as a long coding run would; then time a full pass.
  for (const s of segments.slice(0, 2000)) matcher.match(s.text, 0, s.spans);
  // CPU time of this process, best of three passes: the figure least disturbed by other load.
  let best = Infinity;
  let hits = 0;
  for (let run = 0; run < 3; run++) {
    hits = 0;
    const c0 = process.cpuUsage();
    for (const s of segments) hits += matcher.match(s.text, 0, s.spans).length;
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return { ms: best, hits };
}

const { codebook, diagnostics } = await loadCodebook('builtin:rogers');
if (!codebook) {
  console.error(diagnostics);
  process.exit(1);
}
const { segments, bytes } = buildCorpus();
let tokens = 0;
for (const s of segments.slice(0, 5000)) tokens += tokenize(s.text).length;
const sampleBytes = segments.slice(0, 5000).reduce((n, s) => n + Buffer.byteLength(s.text) + 1, 0);
const tokensTotal = Math.round((tokens / sampleBytes) * bytes);
const mb = bytes / 1024 / 1024;
console.log(`corpus: ${mb.toFixed(1)} MB, ${segments.length} segments, ~${(tokensTotal / 1e6).toFixed(2)} M tokens (node ${process.version})`);

let baseNsPerToken = 0;
for (const factor of [1, 10, 100]) {
  const cb = factor === 1 ? codebook : grow(codebook, factor);
  const t0 = Date.now();
  const matcher = compileCodebook(cb);
  const compileMs = Date.now() - t0;
  const { ms, hits } = timeMatcher(matcher, segments);
  const nsPerToken = (ms * 1e6) / tokensTotal;
  if (factor === 1) baseNsPerToken = nsPerToken;
  console.log(
    `codebook ×${String(factor).padEnd(3)} ${String(countTerms(cb)).padStart(6)} terms  compile ${String(compileMs).padStart(5)} ms  ` +
      `${(mb / (ms / 1000)).toFixed(1).padStart(6)} MB/s  ${(tokensTotal / (ms / 1000) / 1e6).toFixed(2)} M tokens/s  ` +
      `${nsPerToken.toFixed(0)} ns/token (×${(nsPerToken / baseNsPerToken).toFixed(2)})  ${hits} code matches`,
  );
}

// ripgrep on the same text with the default codebook's literal terms, for scale.
const rg = spawnSync('rg', ['--version']);
if (rg.status === 0) {
  const dir = mkdtempSync(join(tmpdir(), 'qia-bench-'));
  const corpusFile = join(dir, 'corpus.txt');
  writeFileSync(corpusFile, segments.map((s) => s.text).join('\n') + '\n');
  const terms = new Set();
  for (const c of codebook.codes) {
    const all = [
      ...(c.rules ?? []).flatMap((r) => [...(r.terms ?? []), ...(r.near?.flat() ?? []), ...(r.unless ?? [])]),
      ...(c.valence?.more ?? []),
      ...(c.valence?.less ?? []),
    ];
    for (const t of all) {
      const lit = t.replace(/\*/g, '').trim();
      if (lit) terms.add(lit);
    }
  }
  const termsFile = join(dir, 'terms.txt');
  writeFileSync(termsFile, [...terms].join('\n') + '\n');
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync('rg', ['-F', '-i', '-o', '-f', termsFile, corpusFile], { maxBuffer: 1 << 30 });
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  console.log(`ripgrep: rg -F -i -o -f terms.txt (${terms.size} literal terms): ${(mb / (best / 1000)).toFixed(1)} MB/s (best of 3)`);
  rmSync(dir, { recursive: true, force: true });
} else {
  console.log('ripgrep: not installed, comparison skipped');
}
