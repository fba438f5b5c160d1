import type { Code, Codebook, Lang } from '../model/codebook.js';
import { stemWord } from '../match/stem.js';
import { forEachLetterRun, isAsciiLetter } from '../util/letter-runs.js';
import { AsciiWords } from '../util/ascii-words.js';
import type { ScannedWords } from '../match/compile.js';

/**
 * A prior over Rogers' five attributes from the codebook's own words: each attribute's label,
 * definition, inclusion criteria and examples (and its sub-codes'), in every language, plus the
 * names and paraphrases Indonesian theses use for Rogers' attributes, as a bag of stems. A stem
 * that several attributes share counts less (its weight is log(n / attributes using it), so a
 * word in all five counts nothing). No labelled passage went into it: it says what the method's
 * definitions say each attribute is about, which is what a thesis's authors code by.
 *
 * The decision (decide.ts) uses it among the attributes the rules (or the context) found: to
 * choose the primary when the rules' evidence is close, and to tell an attribute the passage is
 * about from one a stray word fired.
 */
export interface AttributePrior {
  /**
   * The prior's weight of each attribute for `text` (attributes with no shared stem are absent);
   * `reading`: also skip the words a reading on the prior alone leaves out (prior-reading.ts).
   */
  weigh(text: string, reading?: boolean): Map<string, number>;
  /**
   * `weigh(text)`, reading the words of `text`'s part from `from` to `to` from the matcher's
   * tokens of that part (`scanned`, still current) instead of the text: each distinct token's
   * words are looked up once per thread. Undefined when it cannot say (a text beyond ASCII, a
   * word across the part's edges, tokens no longer current): the caller weighs the text.
   */
  weighWords(text: string, from: number, to: number, scanned: ScannedWords): Map<string, number> | undefined;
  /**
   * The words of `text` that count for attribute `id`, each stem once (its first occurrence),
   * heaviest first: what a reading from the prior alone stands on (prior-reading.ts).
   */
  evidence(text: string, id: string): PriorWord[];
}

/** A word of a segment that the prior counts for an attribute, with its place in the text. */
export interface PriorWord {
  word: string;
  start: number;
  end: number;
  weight: number;
}

/**
 * How Rogers' attributes are named and paraphrased in Indonesian theses and in English (Rogers
 * 2003, ch. 6, and its usual Indonesian renderings); these are the method's words, not a study's.
 */
const PARAPHRASES: Record<string, string[]> = {
  relative_advantage: [
    'keuntungan relatif keunggulan relatif lebih baik daripada sebelumnya cara lama menggantikan',
    'lebih cepat lebih murah lebih hemat menghemat waktu biaya tenaga menguntungkan keuntungan manfaat efisien efisiensi',
    'relative advantage better than the idea it supersedes economic profitability saving time cost effort',
  ],
  compatibility: [
    'kesesuaian kompatibilitas sesuai dengan nilai norma kebutuhan kebiasaan pengalaman sebelumnya selaras cocok konsisten',
    'compatibility consistent with existing values past experiences needs of potential adopters',
  ],
  complexity: [
    'kerumitan kompleksitas rumit sulit dipahami sulit digunakan mudah dipahami mudah digunakan dimengerti membingungkan keterampilan',
    'complexity difficult to understand and use simple easy',
  ],
  trialability: [
    'triabilitas kemampuan diujicobakan dapat diujicobakan uji coba dicoba terlebih dahulu percobaan skala kecil bertahap',
    'trialability experimented with on a limited basis try trial pilot',
  ],
  observability: [
    'observabilitas kemampuan diamati dapat diamati dapat dilihat hasilnya terlihat tampak nyata orang lain hasil',
    'observability results are visible to others observe seen',
  ],
};

/** Words with no content for the prior (function words of both languages). */
const FUNCTION_WORDS = new Set(
  (
    'yang dan atau dengan untuk dari ini itu dalam pada oleh ke di akan adalah sebagai juga tidak lebih sejauh mana ' +
    'the and or of to in on by is are be as a an with than that this for its it who what'
  ).split(' '),
);

/**
 * More words without content, skipped when the prior reads a passage on its own (prior-reading.ts:
 * `weigh(text, true)` and `evidence`), so that "ada" or "mereka" never tips a reading nor stands
 * as the words it rests on. Not used in the bags or in the tie-breaks, whose weights were measured
 * with the list above.
 */
const READING_SKIP = new Set('ada para bagi serta tersebut bahwa namun karena saat mereka kami kita saya semua seluruh pelaksanaan'.split(' '));

export function attributePrior(codebook: Codebook): AttributePrior {
  const langs: readonly Lang[] = codebook.languages.length ? codebook.languages : ['id', 'en'];
  const overrides = codebook.stemOverrides ?? {};
  const stem = (w: string): string => overrides[w] ?? stemWord(w, langs);
  const attributes = codebook.codes.filter((c) => !c.id.includes('.') && c.group === 'attribute');
  const bags = new Map<string, Set<string>>();
  for (const a of attributes) {
    const bag = new Set<string>();
    const add = (s: string): void => {
      for (const w of words(s)) if (!FUNCTION_WORDS.has(w)) bag.add(stem(w));
    };
    for (const c of codebook.codes) if (c.id === a.id || c.id.startsWith(`${a.id}.`)) for (const s of ownWords(c)) add(s);
    for (const s of PARAPHRASES[a.id] ?? []) add(s);
    bags.set(a.id, bag);
  }
  const users = new Map<string, number>();
  for (const bag of bags.values()) for (const s of bag) users.set(s, (users.get(s) ?? 0) + 1);
  const n = bags.size;
  // Each stem that tells attributes apart, with the attributes whose bag holds it (in the bags'
  // order) and its weight: weighing a segment is then a lookup per word, not a pass over the bags.
  const weights = new Map<string, Array<[string, number]>>();
  for (const [s, u] of users) {
    if (u >= n) continue;
    const idf = Math.log(n / u);
    const of: Array<[string, number]> = [];
    for (const [id, bag] of bags) if (bag.has(s)) of.push([id, idf]);
    weights.set(s, of);
  }
  // What each word weighs, looked up once: a study weighs tens of thousands of segments from a
  // vocabulary of a few thousand words. A word maps to its stem's entry (the attributes and
  // weights, and the mark of the last weighing that counted it), or to null when it weighs
  // nothing (a function word, a stem no attribute's bag tells apart). Bounded, so a huge corpus
  // does not grow it without end.
  const entries = new Map<string, StemEntry>();
  for (const [s, of] of weights) entries.set(s, { of, mark: 0 });
  const known = new Map<string, StemEntry | null>();
  let weighing = 0;
  const entryOf = (w: string): StemEntry | null => {
    let e = known.get(w);
    if (e === undefined) {
      e = FUNCTION_WORDS.has(w) ? null : (entries.get(stem(w)) ?? null);
      if (known.size < STEMS_KEPT) known.set(w, e);
    }
    return e;
  };
  // The same entries found in place for a text of ASCII (almost every segment): no lower-cased
  // copy of the text, no word cut out once it is known.
  const ascii = new AsciiWords(entryOf, STEMS_KEPT);
  const tokens = new TokenWeigher(ascii, () => ++weighing);
  return {
    weighWords: (text, from, to, scanned) => tokens.weigh(text, from, to, scanned),
    weigh(text: string, reading = false): Map<string, number> {
      // A prior reading also skips READING_SKIP's words: the rare, opt-in path takes the slow way.
      if (!reading) {
        const fast = new Map<string, number>();
        if (ascii.forEachWord(text, 3, stemCounter(fast, ++weighing))) return fast;
      }
      const out = new Map<string, number>();
      const count = stemCounter(out, ++weighing);
      forEachWord(text.toLowerCase(), (w) => {
        if (!(reading && READING_SKIP.has(w))) count(entryOf(w));
      });
      return out;
    },
    evidence(text: string, id: string): PriorWord[] {
      const out: PriorWord[] = [];
      const seen = new Set<string>();
      // the original text's words, lower-cased one by one, so offsets stay those of `text`
      for (const m of text.matchAll(/\p{L}+/gu)) {
        const w = m[0].toLowerCase();
        if (w.length < 3 || FUNCTION_WORDS.has(w) || READING_SKIP.has(w)) continue;
        const s = stem(w);
        if (seen.has(s)) continue;
        seen.add(s);
        const hit = weights.get(s)?.find(([a]) => a === id);
        if (hit) out.push({ word: m[0], start: m.index, end: m.index + m[0].length, weight: hit[1] });
      }
      // heaviest first; between equals, the earlier word (a stable order)
      return out.sort((a, b) => b.weight - a.weight || a.start - b.start);
    },
  };
}

/**
 * weighWords of the prior: the words of a part of a text read from the matcher's tokens of it,
 * the rest of the text read in place. Each token's words (runs of ASCII letters of 3 or more)
 * are looked up once per token, in order, keeping only those that weigh something.
 */
class TokenWeigher {
  private readonly byToken = new WeakMap<object, StemEntry[]>();

  constructor(
    private readonly ascii: AsciiWords<StemEntry | null>,
    private readonly nextMark: () => number,
  ) {}

  weigh(text: string, from: number, to: number, scanned: ScannedWords): Map<string, number> | undefined {
    // The same condition as weigh's fast path (every character ASCII), and no run of letters
    // across the part's edges (there the text and the tokens would cut different words).
    if (!scanned.current() || NON_ASCII.test(text)) return undefined;
    if (from > 0 && isAsciiLetter(text.charCodeAt(from - 1)) && isAsciiLetter(text.charCodeAt(from))) return undefined;
    if (to < text.length && to > 0 && isAsciiLetter(text.charCodeAt(to - 1)) && isAsciiLetter(text.charCodeAt(to))) return undefined;
    const out = new Map<string, number>();
    // Each stem counts once per text, in the order of the text, as weigh counts them.
    const count = stemCounter(out, this.nextMark());
    this.ascii.forEachWord(text, 3, count, 0, from);
    const { words } = scanned;
    for (let k = 0; k < scanned.count; k++) {
      const list = this.entriesOf(words[k]!);
      for (let j = 0; j < list.length; j++) count(list[j]!);
    }
    this.ascii.forEachWord(text, 3, count, to, text.length);
    return out;
  }

  private entriesOf(token: { surface: string }): StemEntry[] {
    let list = this.byToken.get(token);
    if (list === undefined) {
      const found: StemEntry[] = [];
      this.ascii.forEachWord(token.surface, 3, (e) => {
        if (e !== null) found.push(e);
      });
      this.byToken.set(token, (list = found));
    }
    return list;
  }
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Adds each entry's weights to `out`, each stem once per weighing: `mark`, new for every
 * weighing, is left on an entry once it has counted.
 */
function stemCounter(out: Map<string, number>, mark: number): (e: StemEntry | null) => void {
  return (e) => {
    if (e === null || e.mark === mark) return;
    e.mark = mark;
    for (const [id, idf] of e.of) out.set(id, (out.get(id) ?? 0) + idf);
  };
}

interface StemEntry {
  of: Array<[string, number]>;
  mark: number;
}

const STEMS_KEPT = 200_000;

/** What the codebook says a code is, in every language: label, definition, inclusion criteria, examples (not the exclusions: they name other codes' words). */
function ownWords(c: Code): string[] {
  const out: string[] = [...Object.values(c.label), ...Object.values(c.definition), ...c.include, ...c.examples];
  for (const l of Object.values(c.includeByLang ?? {})) out.push(...l);
  for (const l of Object.values(c.examplesByLang ?? {})) out.push(...l);
  return out.filter((s): s is string => typeof s === 'string');
}

function words(s: string): string[] {
  const out: string[] = [];
  forEachWord(s.toLowerCase(), (w) => out.push(w));
  return out;
}

/** Calls `f` with each run of letters of three code units or more in `s` (the words `words` keeps). */
function forEachWord(s: string, f: (w: string) => void): void {
  forEachLetterRun(s, (start, end) => {
    if (end - start >= 3) f(s.slice(start, end));
  });
}
