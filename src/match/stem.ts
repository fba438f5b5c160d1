import { createRequire } from 'node:module';
import type { Stemmer } from 'sastrawijs';
import { stemmer as porter } from 'stemmer';
import type { Lang } from '../model/codebook.js';

/**
 * Stemming, memoised per language so each distinct word is stemmed once per process.
 *
 * Indonesian: Sastrawi (dictionary-based, through sastrawijs). It was chosen over the Snowball
 * stemmer in @orama/stemmers after comparing both on words from the seed studies
 * (bench/stemmers.js): Snowball strips prefixes it cannot verify (kendala → ndala,
 * media → dia, pemberitaan → ita, peningkatan → ingkat), which merges unrelated words, while
 * Sastrawi only strips an affix when a dictionary root remains, so it errs less often
 * (kerumitan → kerumit, peserta → serta) and an override fixes each such word.
 * English: Porter (the `stemmer` package).
 */

/** Words the Indonesian stemmer gets wrong; a codebook's `stem_overrides` add to these. */
export const BUILTIN_STEM_OVERRIDES: Readonly<Record<string, string>> = {
  kerumitan: 'rumit',
  kerumitannya: 'rumit',
  terkendala: 'kendala',
  memuaskan: 'puas',
  mengeluh: 'keluh',
  mengeluhkan: 'keluh',
  kesiapan: 'siap',
  direplikasi: 'replikasi',
  direplikasikan: 'replikasi',
  diujicobakan: 'ujicoba',
  mengujicobakan: 'ujicoba',
  // Stems that land on a different, frequent word (found by listing the default codebook's
  // terms whose stem differs from the word: bench/stemmers.js prints the same for seed words).
  sebelum: 'sebelum', // not belum (a negation word)
  sebelumnya: 'sebelum',
  peserta: 'peserta', // not serta (and)
  mengeluarkan: 'keluar', // not luar (outside, as in luar negeri)
  dikeluarkan: 'keluar',
  pengeluaran: 'keluar',
  bertentangan: 'bertentangan', // not tentang (about)
  ketentuan: 'ketentuan', // not tentu (of course)
  terasa: 'rasa', // not asa (hope)
  diperbaiki: 'perbaiki', // not baik (good)
  memperbaiki: 'perbaiki',
  perbaikan: 'perbaiki',
  diberlakukan: 'berlaku', // not laku (dilakukan, done)
  memberlakukan: 'berlaku',
  pemberlakuan: 'berlaku',
  perantara: 'perantara', // not antara (between)
  diamati: 'amati', // not amat (very)
  mengamati: 'amati',
  pengamatan: 'amati',
  jelaskan: 'jelaskan', // not jelas (clear), a complexity cue
  dijelaskan: 'jelaskan',
  menjelaskan: 'jelaskan',
  penjelasan: 'jelaskan',
  digunakan: 'gunakan', // not guna (in order to)
  menggunakan: 'gunakan',
  penggunaan: 'gunakan',
  gunakan: 'gunakan',
  pengguna: 'pengguna',
  lemot: 'lemot',
  berkenalan: 'kenal',
  memenuhi: 'penuhi', // not penuh (full)
  dipenuhi: 'penuhi',
  pemenuhan: 'penuhi',
  kurangi: 'kurangi', // not kurang (a negation word)
  mengurangi: 'kurangi',
  dikurangi: 'kurangi',
  pengurangan: 'kurangi',
  berkurang: 'kurangi',
  teratasi: 'atasi', // not atas (above)
  diatasi: 'atasi',
  mengatasi: 'atasi',
  memadai: 'memadai', // not ada
  penurunan: 'turun',
  menurun: 'turun',
  percontohan: 'percontohan', // not contoh (example)
};

/** English words Porter merges with a different, common word. */
const ENGLISH_OVERRIDES: Readonly<Record<string, string>> = { news: 'news' };

// Loaded on first use, through its CommonJS build so that loading stays synchronous: its
// 300 KB dictionary takes a twentieth of a second to parse and build, and a run whose words are
// all in the memo (a cached codebook, cached files) never needs it.
let sastrawi: Stemmer | undefined;
const requireHere = createRequire(import.meta.url);

function sastrawiStemmer(): Stemmer {
  return (sastrawi ??= new (requireHere('sastrawijs') as typeof import('sastrawijs')).Stemmer());
}
const MAX_CACHE = 500_000;
const caches: Record<Lang, Map<string, string>> = { id: new Map(), en: new Map() };

function stemIndonesian(word: string): string {
  const fixed = BUILTIN_STEM_OVERRIDES[word];
  if (fixed !== undefined) return fixed;
  // SOP-nya, server-nya: the possessive written with a hyphen.
  if (/^[^-]+-nya$/.test(word)) return stemIndonesian(word.slice(0, -4));
  // Sastrawi is written for plain words; other hyphenated and numeric tokens stay as they are.
  if (!/^[a-z\u00c0-\u024f]+$/.test(word)) return word;
  const stem = sastrawiStemmer().stem(word);
  // Sastrawi only strips -nya when the rest is in its dictionary, so loanwords keep it
  // (servernya, aplikasinya); the possessive is never part of a root.
  if (stem === word && word.length > 6 && word.endsWith('nya')) return stemIndonesian(word.slice(0, -3));
  return stem;
}

function stemEnglish(word: string): string {
  if (/^[a-z]+['’]s$/.test(word)) return stemEnglish(word.slice(0, -2));
  if (!/^[a-z]+$/.test(word)) return word;
  return ENGLISH_OVERRIDES[word] ?? porter(word);
}

/** The stem of a case-folded word in one language. */
export function stemIn(lang: Lang, word: string): string {
  const cache = caches[lang];
  let s = cache.get(word);
  if (s === undefined) {
    s = lang === 'id' ? stemIndonesian(word) : stemEnglish(word);
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(word, s);
  }
  return s;
}

/** One stem per language, in the order of `langs`. */
export function stemsOf(word: string, langs: readonly Lang[]): string[] {
  const w = word.toLowerCase();
  return langs.map((l) => stemIn(l, w));
}

/**
 * A single stem for display and grouping: the first language (Indonesian first) whose stemmer
 * changes the word, else the word itself. Matching compares stems per language (`stemsOf`).
 */
export function stemWord(word: string, langs: readonly Lang[]): string {
  const w = word.toLowerCase();
  for (const l of langs) {
    const s = stemIn(l, w);
    if (s !== w) return s;
  }
  return w;
}

/** Words stemmed so far, per language: the stemmer's memo as plain data, to carry to another run. */
export type StemTable = Partial<Record<Lang, [word: string, stem: string][]>>;

/** How many words each language's memo holds now (a mark for `stemsSince`). */
export function stemMarks(): Record<Lang, number> {
  return { id: caches.id.size, en: caches.en.size };
}

/** The words stemmed since `marks` (the memo keeps insertion order), or all of them if it was cleared. */
export function stemsSince(marks: Record<Lang, number>): StemTable {
  const out: StemTable = {};
  for (const lang of ['id', 'en'] as const) {
    const cache = caches[lang];
    const skip = cache.size >= marks[lang] ? marks[lang] : 0;
    const list: [string, string][] = [];
    let i = 0;
    for (const entry of cache) if (i++ >= skip) list.push(entry);
    if (list.length) out[lang] = list;
  }
  return out;
}

/**
 * Seed the memo with stems computed by an earlier run of the same stemmer code (the codebook
 * cache's key includes this file), so compiling a cached codebook does not stem its terms again.
 */
export function primeStems(table: StemTable): void {
  for (const lang of ['id', 'en'] as const) {
    const cache = caches[lang];
    for (const [word, stem] of table[lang] ?? []) {
      if (typeof word !== 'string' || typeof stem !== 'string') continue;
      if (cache.size >= MAX_CACHE) return;
      if (!cache.has(word)) cache.set(word, stem);
    }
  }
}
