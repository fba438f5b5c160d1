#!/usr/bin/env node
// Words a codebook would match by accident: the stemmers (Sastrawi for Indonesian, Porter for
// English) reduce different words to one stem, and a rule matches on stems, so "secara" (by way
// of) reached the codebook word "cara" (a procedure) and "was" reached "wa" (WhatsApp).
//
//   npm run build && node scripts/stem-collisions.js [codebook.yaml|builtin:rogers] [--lang id|en] [--min N] [--all]
//
// Prints, most frequent first, each word of the sample studies, the seed texts (when present)
// and a list of common function words whose stem equals the stem of a different codebook word,
// with that codebook word and where it is used (SINGLE: as a word of its own, so a match fires;
// phrase: only inside a phrase, which needs its neighbours too). Then, with --all, codebook words
// that share one stem among themselves (setuju/tujuan, petugas/tugas). Read the list, and add the
// words whose meaning differs to the codebook's stem_overrides (docs/codebook.md).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const file = args.find((a, i) => !a.startsWith('--') && !['--lang', '--min'].includes(args[i - 1])) ?? 'builtin:rogers';
const lang = flag('--lang', 'id');
const min = Number(flag('--min', '1'));

const { loadCodebook } = await import(join(ROOT, 'dist/study/codebook.js'));
const { stemIn, BUILTIN_STEM_OVERRIDES } = await import(join(ROOT, 'dist/text/stem.js'));
const { codebook } = await loadCodebook(file);
if (!codebook) {
  console.error(`cannot load ${file}`);
  process.exit(2);
}
const overrides = { ...BUILTIN_STEM_OVERRIDES, ...(codebook.stemOverrides ?? {}) };
const stem = (w) => overrides[w] ?? stemIn(lang, w);
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

// Every word the codebook matches on, with where it is used and whether it stands alone.
const used = new Map();
const note = (term, where) => {
  if (term.includes('*')) return; // globs match the surface word, not the stem
  const words = term.toLowerCase().match(WORD) ?? [];
  for (const w of words) {
    const u = used.get(w) ?? used.set(w, { single: false, where: new Set() }).get(w);
    if (words.length === 1) u.single = true;
    u.where.add(where);
  }
};
for (const c of codebook.codes) {
  for (const t of [...(c.unless ?? []), ...(c.valence?.more ?? []), ...(c.valence?.less ?? [])]) note(t, c.id);
  for (const r of c.rules ?? []) {
    for (const t of [...(r.terms ?? []), ...(r.near ?? []).flat(), ...(r.unless ?? []), ...(r.more ?? []), ...(r.less ?? [])]) note(t, r.id);
  }
}
const byStem = new Map();
for (const w of used.keys()) {
  const s = stem(w);
  (byStem.get(s) ?? byStem.set(s, []).get(s)).push(w);
}

// Words to test: the samples, the seeds, and common function words of the language.
const freq = new Map();
const count = (text) => {
  for (const m of text.toLowerCase().matchAll(WORD)) freq.set(m[0], (freq.get(m[0]) ?? 0) + 1);
};
const walk = (dir) => {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) {
      if (f !== 'out' && f !== 'codings') walk(p);
    } else if (/\.(md|txt|vtt|srt|csv)$/.test(f)) count(readFileSync(p, 'utf8'));
  }
};
for (const s of readdirSync(join(ROOT, 'samples'))) if (existsSync(join(ROOT, 'samples', s, 'sources'))) walk(join(ROOT, 'samples', s, 'sources'));
for (const d of [join(ROOT, '..', 'shared', 'seeds'), '/work/shared/seeds']) if (existsSync(d)) walk(d);
const FUNCTION_WORDS = {
  id: 'secara sepanjang selama sejauh sewaktu sesudah setelah sebelum sebagai sebagian seperti sekitar sementara sendiri seluruh semua sejumlah sebanyak setidaknya sedikitnya menurut berikut berikutnya biasanya ternyata kenyataannya menyatakan rasanya kedua ketiga keempat kelima bagian bagi tersebut terhadap terutama tertentu terjadi terdapat termasuk terkait berdasarkan mengenai melalui berarti artinya caranya misalnya contohnya tampaknya kelihatannya sepertinya agaknya adanya berlangsung berjalan berisi meliputi akhirnya awalnya dulunya singkatnya intinya pokoknya tentunya setahu sebisa sekalian sekaligus',
  en: 'was as its it use used uses using different general generally news early easily free hard hardly fine finally real really present presently post posted positive note noted number numbers rise drop reach research sign signal design device broad plan plant table medium media effect affect better well way ways always simply',
};
for (const w of FUNCTION_WORDS[lang].split(' ')) if (!freq.has(w)) freq.set(w, 0);

const rows = [];
for (const [w, n] of freq) {
  if (used.has(w) || (n < min && n !== 0)) continue;
  const hits = (byStem.get(stem(w)) ?? []).filter((h) => h !== w);
  if (hits.length === 0) continue;
  const single = hits.some((h) => used.get(h).single);
  rows.push({ n, w, s: stem(w), single, hits });
}
rows.sort((a, b) => b.n - a.n || (a.w < b.w ? -1 : 1));
console.log(`${rows.length} words share a stem with a different word of ${file} (${lang}); count in samples and seeds, 0 = function-word list`);
for (const r of rows) {
  const shown = r.hits.map((h) => `${h}${used.get(h).single ? ` [${[...used.get(h).where].slice(0, 3).join(' ')}]` : ''}`).join(', ');
  console.log(`${String(r.n).padStart(5)}  ${r.w.padEnd(18)} ${r.s.padEnd(14)} ${r.single ? 'SINGLE' : 'phrase'}  ${shown}`);
}
if (args.includes('--all')) {
  console.log('\ncodebook words that share a stem among themselves:');
  for (const [s, ws] of [...byStem].sort(([a], [b]) => (a < b ? -1 : 1))) if (ws.length > 1) console.log(`  ${s}: ${ws.join(' ')}`);
}
