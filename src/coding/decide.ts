import type { Codebook } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import { topCode } from './merge.js';
import { attributePrior, type AttributePrior } from './prior.js';
import { matchAt, nameSites } from './name-filter.js';
import type { ScannedWords } from '../match/compile.js';
import { DEFAULT_MIN_SCORE } from '../index/counted.js';

/**
 * One decision per segment: which of the top-level codes the rules found is the segment's
 * primary code, and how sure the coder is of each. The rules fire on every word they know, so
 * a paragraph that mentions a benefit, a regulation and a pilot in passing draws three codes of
 * equal standing; a researcher files it under one. The score weighs what the rules found per
 * top-level code:
 *   - how much evidence (the summed rule weights, outside sentences that list the attributes);
 *   - whether it is the segment's strongest code (the primary);
 *   - whether the segment names the attribute in so many words (a definition, "kerumitan");
 *   - whether the context asks about it (the interviewer's question, the section heading);
 *   - how many top-level codes compete in the segment (a literature-review paragraph names
 *     every attribute and is about none).
 * (The segment's length and the code's share of the evidence were tried and left out: on the
 * thesis they separate prose from background, but they would mark every short, plain interview
 * answer as doubtful.) A logistic function of these gives a score in [0, 1], fitted on the
 * development part of the real-text set (bench/gold/seeds, bench/fit-score.js), so a score is
 * the share of such codings the labels confirm there; `node bench/accuracy.js --seeds` prints
 * the calibration table (docs/coding.md quotes it, and says how far it carries to interviews).
 * The codebook prior (prior.ts: what the codebook's own words say each attribute is about, no
 * labelled passage in it) breaks ties for the primary among attributes, and lowers the score of
 * a second attribute it disfavours, so that a passage carries one or two codes, not five.
 */

export interface Evidence {
  strength: number;
  /** The code's share of the segment's evidence (reported to bench/fit-score.js; not a feature). */
  share: number;
  primary: boolean;
  named: boolean;
  context: boolean;
  competing: number;
  /** The segment is a speaker's turn (an interview answer), not a document paragraph. */
  turn: boolean;
}

/** Logistic weights over the features, in the order of `featureVector` (fitted by bench/fit-score.js). */
export const SCORE_WEIGHTS: readonly number[] = [-2.33, 1.79, 0.28, 1.72, 0.98, -0.29, 2.04];

/**
 * The score's features. The last, an interview turn with evidence of its own (not only words
 * inside a list of the attributes), carries what sets interviews apart: a short plain answer
 * with one clear phrase is usually right, where a thesis paragraph with one phrase is not.
 */
export function featureVector(e: Evidence): number[] {
  return [
    1,
    Math.log1p(e.strength),
    e.primary ? 1 : 0,
    e.named ? 1 : 0,
    e.context ? 1 : 0,
    Math.log(Math.max(1, e.competing)),
    e.turn && (e.strength > 0 || e.named || e.context) ? 1 : 0,
  ];
}

export function logistic(weights: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += (weights[i] ?? 0) * x[i]!;
  return 1 / (1 + Math.exp(-z));
}

/** The ways Rogers' attributes and the obstacles are named, besides the codebook's own labels. */
const NAMES: Record<string, string[]> = {
  relative_advantage: ['keuntungan relatif', 'keuntungan relative', 'keunggulan relatif', 'relative advantage', 'kelebihan relatif'],
  compatibility: ['kesesuaian', 'kompatibilitas', 'compatibility', 'keserasian', 'kecocokan'],
  complexity: ['kerumitan', 'kompleksitas', 'complexity', 'kesulitan untuk dipahami', 'kesederhanaan'],
  // "uji coba" (trial) is the name Indonesian theses most often give the attribute itself
  // ("keuntungan relatif, kesesuaian, kerumitan, uji coba, dan kemudahan diamati")
  trialability: [
    'kemungkinan dicoba',
    'kemungkinan untuk dicoba',
    'triability',
    'dapat diuji coba',
    'dapat diujicobakan',
    'triabilitas',
    'trialability',
    'kemampuan diuji coba',
    'dapat dicoba',
    'uji coba',
    'ujicoba',
    'keterujian',
    'ketercobaan',
    'kemampuan untuk diuji coba',
    'kemampuan untuk dicoba',
    'dapat dicobakan',
  ],
  observability: [
    'kemudahan diamati',
    'kemudahan untuk diamati',
    'dapat diamati',
    'observabilitas',
    'observability',
    'kemampuan diamati',
    'dapat dilihat hasilnya',
    'keteramatan',
    'kemampuan untuk diamati',
    'mudah diamati',
    'kemudahan untuk dilihat',
  ],
  obstacle_internal: ['kendala internal', 'hambatan internal', 'internal obstacle', 'faktor penghambat internal'],
  obstacle_external: ['kendala eksternal', 'hambatan eksternal', 'external obstacle', 'faktor penghambat eksternal'],
};

export interface Namer {
  /** Whether the text names any attribute. */
  any(text: string): boolean;
  /** Top-level codes the text names. */
  named(text: string): Set<string>;
  /** Top-level codes the text defines ("kemudahan diamati adalah sejauh mana …"). */
  defined(text: string): Set<string>;
  /** Where the text first names `code`, if it does. */
  where(text: string, code: string): { start: number; end: number } | undefined;
  /** What the codebook's own words say each attribute is about (prior.ts). */
  prior?: AttributePrior;
}

/** The top-level codes' names: their labels in every language, and the usual synonyms of Rogers' attributes. */
export function attributeNamer(codebook: Codebook): Namer {
  // Each regex twice: as it reads (lookbehind first), and sticky without the lookbehind, tried
  // only where a name may start (name-filter.ts; the same matches).
  const pats: { code: string; re: Pair; def: Pair }[] = [];
  const all: string[] = [];
  const spelled: string[] = [];
  for (const c of codebook.codes) {
    if (c.id.includes('.')) continue;
    // A code without rules (nor sub-codes with rules) is coded by hand only: a codebook imported
    // from another program, say, names the attributes but asks for no automatic coding.
    if (!codebook.codes.some((d) => (d.id === c.id || d.id.startsWith(`${c.id}.`)) && (d.rules?.length ?? 0) > 0)) continue;
    const names = new Set<string>(NAMES[c.id] ?? []);
    const label = (c as { label?: Record<string, string> | string }).label;
    if (typeof label === 'string') names.add(label.toLowerCase());
    else if (label) for (const v of Object.values(label)) names.add(v.toLowerCase());
    const kept = [...names].filter((n) => n.length >= 5);
    const alts = kept.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
    if (alts.length === 0) continue;
    spelled.push(...kept);
    // the possessive -nya ("keuntungan relatifnya", "kerumitannya") still names it
    const src = `(?:${alts.join('|')})(?:nya)?(?![\\p{L}])`;
    all.push(...alts);
    pats.push({
      code: c.id,
      re: pair(src),
      // the name, a few words at most, then the words of a definition
      def: pair(
        `${src}[\\s*_)(\\p{L}]{0,40}?(?<![\\p{L}])(?:adalah|merupakan|ialah|yaitu|yakni|didefinisikan|diartikan|dimaknai|dipahami sebagai|mengacu pada|merujuk pada|tingkat di mana|derajat|sejauh mana|is the degree|is defined|refers to)(?![\\p{L}])`,
      ),
    });
  }
  // One test says whether any attribute is named: most segments name none, and then nothing
  // else is looked for (this keeps the per-segment cost of naming small). A segment is asked
  // about three or four times (its names, its lists, its definitions): the last answer is kept.
  const any = all.length ? pair(`(?:${all.join('|')})(?:nya)?(?![\\p{L}])`) : undefined;
  const sites = nameSites(spelled);
  const first = (p: Pair, text: string): RegExpExecArray | null => (sites ? matchAt(p.at, text, sites(text)) : p.re.exec(text));
  let lastText: string | undefined;
  let lastAny = false;
  let lastNamedText: string | undefined;
  let lastNamed: ReadonlySet<string> = new Set();
  const anyName = (text: string): boolean => {
    if (text === lastText) return lastAny;
    lastText = text;
    // The regex as it reads: one native pass, about twice as fast as finding the sites, which
    // are looked for only in the few texts that name an attribute.
    return (lastAny = any !== undefined && any.re.test(text));
  };
  return {
    prior: attributePrior(codebook),
    any: anyName,
    named(text: string): Set<string> {
      // A segment's own text is asked for by the namer's callers in turn (auto.ts addNamed, then
      // decideSegment): the last answer is kept, and given as a copy (a caller may add to it).
      if (text === lastNamedText) return new Set(lastNamed);
      const out = new Set<string>();
      if (anyName(text)) for (const p of pats) if (first(p.re, text)) out.add(p.code);
      lastNamedText = text;
      lastNamed = out;
      return new Set(out);
    },
    defined(text: string): Set<string> {
      const out = new Set<string>();
      if (!anyName(text)) return out;
      for (const p of pats) if (first(p.def, text)) out.add(p.code);
      return out;
    },
    where(text: string, code: string) {
      const p = pats.find((x) => x.code === code);
      const m = p && first(p.re, text);
      return m ? { start: m.index, end: m.index + m[0].length } : undefined;
    },
  };
}

/** A regex as it reads (a name where no letter is before), and sticky without that lookbehind. */
interface Pair {
  re: RegExp;
  at: RegExp;
}

function pair(src: string): Pair {
  return { re: new RegExp(`(?<![\\p{L}])${src}`, 'iu'), at: new RegExp(src, 'iuy') };
}

/** A part of a segment's text (from, to: offsets in it) and the matcher's tokens of it. */
export interface MatchedPart {
  from: number;
  to: number;
  words: ScannedWords;
}

const CONTEXT_RULE = 'question-context';
/** Rule ids of the codings a segment gets from its section heading, or from naming an attribute. */
export const HEADING_RULE = 'heading-context';
export const NAMED_RULE = 'named-attribute';
/** The rule id of a quotation's coding from the lead-in before it (lead-context.ts). */
export const LEAD_RULE = 'lead-context';

/**
 * Scores the codings `out[from..]` of one segment (rule codings and those the question context
 * added). `context`: top-level codes the section heading asks about; `words`: the segment's length.
 */
export function decideSegment(
  out: Coding[],
  from: number,
  body: string,
  /** Where `body` starts in the source, and its sentences (absolute spans). */
  bodyStart: number,
  sentences: readonly { start: number; end: number }[],
  namer: Namer,
  context: ReadonlySet<string>,
  /** Sees each top-level code's evidence (for fitting the weights). */
  inspect?: (segmentId: string, code: string, e: Evidence) => void,
  /** The segment is a speaker's turn (an interview answer). */
  turn = false,
  /** The matcher's tokens of the part of `body` it matched (its spoken words), if still current. */
  matched?: MatchedPart,
): void {
  if (out.length <= from) return;
  const strength = new Map<string, number>();
  const peak = new Map<string, number>();
  const asked = new Set(context);
  // A sentence that lists three or more attributes by name ("keuntungan relatif, kesesuaian,
  // kerumitan, …") is about the theory, not about any one of them: its matches are no evidence.
  const lists = namer.any(body) ? listSentences(sentences, body, bodyStart, namer) : [];
  for (let i = from; i < out.length; i++) {
    const c = out[i]!;
    const t = topCode(c.code);
    if (c.matches.some((m) => m.ruleId === CONTEXT_RULE || m.ruleId === HEADING_RULE || m.ruleId === LEAD_RULE)) {
      asked.add(t);
      if (!strength.has(t)) strength.set(t, 0);
      continue;
    }
    const outside =
      lists.length === 0
        ? 1
        : c.matches.filter((m) => !lists.some((l) => m.span.start >= l.start && m.span.end <= l.end)).length / Math.max(1, c.matches.length);
    strength.set(t, (strength.get(t) ?? 0) + Math.max(0, c.score) * outside);
    peak.set(t, Math.max(peak.get(t) ?? 0, c.score));
  }
  const named = lists.length === 0 ? namer.named(body) : namer.named(outsideOf(body, bodyStart, lists));
  let total = 0;
  for (const v of strength.values()) total += v;
  // The primary: the strongest single code (ties: more evidence overall); a named attribute, or
  // one the context asks about, weighs more.
  const prior = priorShares(namer, body, strength, matched);
  let primary = '';
  let best = -1;
  for (const [t, s] of strength) {
    const weight = (peak.get(t) ?? 0) + 0.01 * s + (named.has(t) ? 2 + PRIOR_WEIGHT : 0) + (asked.has(t) ? 0.5 : 0) + PRIOR_WEIGHT * (prior.get(t) ?? 0);
    if (weight > best) {
      best = weight;
      primary = t;
    }
  }
  const scores = new Map<string, number>();
  for (const [t, s] of strength) {
    const e: Evidence = {
      strength: s,
      share: total > 0 ? s / total : 0,
      primary: t === primary,
      named: named.has(t),
      context: asked.has(t),
      competing: strength.size,
      turn,
    };
    inspect?.(out[from]!.segmentId, t, e);
    scores.set(t, Math.round(logistic(SCORE_WEIGHTS, featureVector(e)) * 100) / 100);
  }
  // A second attribute that the passage neither names nor is asked about, and that the
  // codebook's words favour less than an even share among the attributes found, is most likely
  // a stray word (a passage carries one or two codes, not five; the authors of a study file a
  // passage under one): its score is lowered and, in a document paragraph, kept under the default
  // threshold, so that there it is a suggestion, not a coding. (In an interview turn, whose second
  // codes the samples' labellers and the held-out coders mostly confirm, it is only lowered.)
  for (const [t, v] of scores) {
    if (t === primary || named.has(t) || asked.has(t) || !ATTRIBUTES.has(t)) continue;
    if ((prior.get(t) ?? 0) < 1 / Math.max(1, prior.size)) scores.set(t, Math.min(turn ? 1 : STRAY_CEILING, Math.round(v * STRAY_FACTOR * 100) / 100));
  }
  // A document paragraph that defines an attribute is theory: what else it mentions illustrates
  // the definition ("… lambat diterima di daerah yang jaringan internetnya terbatas"), so the
  // codes it neither defines nor names are suggestions there.
  if (!turn && named.size > 0) {
    const defined = namer.defined(body);
    if (defined.size > 0) for (const [t, v] of scores) if (!defined.has(t) && !named.has(t) && !asked.has(t)) scores.set(t, Math.min(STRAY_CEILING, v));
  }
  // The primary leads: a weaker-looking primary is lifted just above the strongest other code.
  let lead = 0;
  for (const [t, v] of scores) if (t !== primary && v > lead) lead = v;
  if ((scores.get(primary) ?? 0) <= lead) scores.set(primary, Math.min(1, Math.round((lead + 0.01) * 100) / 100));
  for (let i = from; i < out.length; i++) out[i]!.score = scores.get(topCode(out[i]!.code)) ?? 0;
}

/**
 * How much the codebook prior weighs in choosing the primary among the attributes found: one unit
 * of rule weight at most, so it breaks ties between attributes the rules found equally strongly
 * but does not overrule them (a weight of 8, letting the prior decide, moved 2 development
 * passages the right way but also filed "lebih cepat, tidak perlu antre, dan gampang dipakai"
 * under complexity); naming an attribute still outweighs it.
 */
const PRIOR_WEIGHT = 1;
/** How far a stray second attribute's score is lowered (0.27, a single weak rule, becomes 0.19). */
const STRAY_FACTOR = 0.7;
/**
 * And, in a document paragraph, at most this: just under the default min_score, so a stray is a
 * suggestion there. On the real-text set (documents) the cap lifted macro-F1 against the
 * authors' one attribute per passage (development 0.69 → 0.71, held out 0.68 → 0.70); applied
 * to interview turns too it lowered the samples' pooled macro-F1 at min_score 0.2 from 0.79 to
 * 0.76 and the held-out lapak-asik coders' from 0.63 to 0.60, so turns keep the factor alone.
 */
const STRAY_CEILING = Math.round((DEFAULT_MIN_SCORE - 0.01) * 100) / 100;

/** Rogers' five attributes: the codes the prior speaks of. */
const ATTRIBUTES = new Set(['relative_advantage', 'compatibility', 'complexity', 'trialability', 'observability']);

/**
 * Each attribute's share of the codebook prior (prior.ts) among the attributes found in the
 * segment (0 when the prior gives none of them anything); obstacles are absent.
 */
function priorShares(namer: Namer, body: string, strength: ReadonlyMap<string, number>, matched: MatchedPart | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (!namer.prior) return out;
  // The shares only choose between codes: with one code found (it is the primary, and not a
  // stray), or no attribute among them, weighing the words would change nothing.
  if (strength.size < 2) return out;
  let attributes = 0;
  for (const t of strength.keys()) if (ATTRIBUTES.has(t)) attributes++;
  if (attributes === 0) return out;
  const w = (matched && namer.prior.weighWords(body, matched.from, matched.to, matched.words)) ?? namer.prior.weigh(body);
  let sum = 0;
  for (const t of strength.keys()) if (ATTRIBUTES.has(t)) sum += w.get(t) ?? 0;
  for (const t of strength.keys()) if (ATTRIBUTES.has(t)) out.set(t, sum > 0 ? (w.get(t) ?? 0) / sum : 0);
  return out;
}

/** The sentences of a segment that name three or more attributes: lists, not claims. */
export function listSentences(
  sentences: readonly { start: number; end: number }[],
  body: string,
  bodyStart: number,
  namer: Namer,
): readonly { start: number; end: number }[] {
  // A segment is asked twice or three times (for its named attributes, its lead-in, its
  // scores), each time with the same text and sentence list: the last answer is kept.
  const last = lastLists;
  if (last.sentences === sentences && last.namer === namer && last.bodyStart === bodyStart && last.body === body) return last.out;
  const out = findListSentences(sentences, body, bodyStart, namer);
  lastLists = { sentences, body, bodyStart, namer, out };
  return out;
}

let lastLists: {
  sentences: readonly { start: number; end: number }[] | undefined;
  body: string;
  bodyStart: number;
  namer: Namer | undefined;
  out: readonly { start: number; end: number }[];
} = { sentences: undefined, body: '', bodyStart: 0, namer: undefined, out: [] };

function findListSentences(
  sentences: readonly { start: number; end: number }[],
  body: string,
  bodyStart: number,
  namer: Namer,
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  // A short segment that names three or more is a list whatever its punctuation ("a. Relative
  // Advantage; b. Compatibility; …" is cut into sentences at each semicolon).
  for (const s of sentences) {
    const text = body.slice(Math.max(0, s.start - bodyStart), Math.max(0, s.end - bodyStart));
    if (text && namer.named(text).size >= 3) out.push(s);
  }
  if (out.length === 0 && countWords(body) <= 60 && namer.named(body).size >= 3) out.push({ start: bodyStart, end: bodyStart + body.length });
  return out;
}

/** The text of `body` outside the given spans (blanked, so offsets stay). */
function outsideOf(body: string, bodyStart: number, spans: readonly { start: number; end: number }[]): string {
  let t = body;
  for (const s of spans) {
    const a = Math.max(0, s.start - bodyStart);
    const b = Math.min(t.length, s.end - bodyStart);
    if (b > a) t = t.slice(0, a) + ' '.repeat(b - a) + t.slice(b);
  }
  return t;
}

function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const sp = s.charCodeAt(i) <= 32;
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}
