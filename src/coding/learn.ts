import type { Coding } from '../model/coding.js';
import type { Lang, Valence } from '../model/codebook.js';
import type { Segment } from '../model/segment.js';
import { foldCase, scanWords } from '../match/tokenize.js';
import { stemWord } from '../match/stem.js';
import { topCode } from './merge.js';
import { PRIOR_RULE } from './prior-reading.js';

/**
 * Learning from the researcher: a small, transparent classifier trained on the segments a person
 * has coded or judged, proposing a top-level code for the rest, with a probability and the
 * words that weighed most. A multinomial naive Bayes over the segment's main code (`none`, for
 * segments a person read and left uncoded, is a class too), over word stems, stem bigrams and
 * the codebook's own findings (`rule:<code>`: the rules found that code there); each feature
 * counted once per segment, Laplace smoothing, class priors from the training counts.
 * Deterministic: no sampling, features visited in sorted order.
 *
 * Why naive Bayes: it trains in one pass (1,000 segments in a few milliseconds), works with a
 * few dozen examples, and every proposal can be explained as "these words are k times more
 * common in segments the researcher coded so".
 */

/** The coder of every learned proposal (codings.csv's `coder` column). */
export const LEARNED_CODER = 'learned';

export interface Example {
  /** Features of the segment (featuresOf). */
  features: string[];
  /** Top-level codes a person gave it (empty: read and found to hold none of them). */
  codes: ReadonlySet<string>;
  /** The code the segment is mainly about, `none` when it holds none (trainPrimary). */
  primary?: string;
}

export interface Proposal {
  code: string;
  probability: number;
  /** Features of the segment that argued most for the code, strongest first. */
  because: string[];
}

/**
 * Function words: they say nothing of an attribute, and a classifier trained on a few dozen
 * segments would otherwise explain itself by "tidak" and "dari". Negations stay (in bigrams:
 * "tidak ribet" is not "ribet").
 */
const STOP = new Set(
  (
    'yang dan di ke dari itu ini ada untuk dengan pada juga akan atau karena jadi kalau saya kami kita mereka dia ia ya sudah ' +
    'bisa dapat lebih sangat saja lagi masih kan sih pun nya oleh bahwa dalam para serta agar supaya tersebut adalah merupakan ' +
    'the a an and or of to in on at for with by from is are was were be been it this that these those we they he she i you as but so'
  ).split(' '),
);
const NEGATION = new Set(['tidak', 'tak', 'belum', 'bukan', 'nggak', 'gak', 'ga', 'kurang', 'tanpa', 'not', 'no', 'never']);

/** Stems, stem bigrams and the codebook's findings of a segment. */
export function featuresOf(text: string, langs: readonly Lang[], ruleCodes: Iterable<string> = []): string[] {
  const stems: string[] = [];
  scanWords(text, (s, e) => {
    const w = foldCase(text.slice(s, e));
    if (w.length < 2 || /^\d+$/.test(w) || STOP.has(w)) return;
    stems.push(NEGATION.has(w) ? w : stemWord(w, langs));
  });
  const out = stems.filter((w) => !NEGATION.has(w));
  for (let i = 1; i < stems.length; i++) out.push(`${stems[i - 1]} ${stems[i]}`);
  for (const c of ruleCodes) out.push(`rule:${c}`);
  return out;
}

/** A multinomial naive Bayes over the segment's main code, `none` among the classes. */
export interface PrimaryModel {
  classes: { code: string; prior: number; logp: Map<string, number>; unseen: number }[];
}

export function trainPrimary(examples: readonly Example[]): PrimaryModel {
  const vocab = new Set<string>();
  for (const e of examples) for (const f of e.features) vocab.add(f);
  const v = vocab.size + 1;
  const labels = [...new Set(examples.map((e) => e.primary ?? 'none'))].sort();
  const classes = labels.map((code) => {
    const counts = new Map<string, number>();
    let total = 0;
    let n = 0;
    for (const e of examples) {
      if ((e.primary ?? 'none') !== code) continue;
      n++;
      for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
      total += new Set(e.features).size;
    }
    const norm = Math.log(total + v);
    const logp = new Map<string, number>();
    for (const f of [...counts.keys()].sort()) logp.set(f, Math.log(counts.get(f)! + 1) - norm);
    return { code, prior: Math.log(n / examples.length), logp, unseen: -norm };
  });
  return { classes };
}

/**
 * Each class's probability for a segment (softmax of the naive Bayes log-posteriors; each
 * feature counted once, features never seen in training left out), with the features that
 * argued most for it over the other classes on average.
 */
export function predictPrimary(model: PrimaryModel, features: readonly string[], explain = 3): Proposal[] {
  const uniq = [...new Set(features)].sort().filter((f) => model.classes.some((c) => c.logp.has(f)));
  // Naive Bayes counts correlated words (a stem and the bigrams holding it) as independent and
  // so is far too sure of itself; the evidence of a long segment is tempered toward that of
  // sixteen features, which keeps its probabilities usable as scores.
  const temper = Math.min(1, 4 / Math.sqrt(Math.max(1, uniq.length)));
  const logits = model.classes.map((c) => {
    let z = 0;
    for (const f of uniq) z += c.logp.get(f) ?? c.unseen;
    return c.prior + z * temper;
  });
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  const k = model.classes.length;
  return model.classes
    .map((c, i) => {
      const parts: [string, number][] = [];
      for (const f of uniq) {
        const own = c.logp.get(f) ?? c.unseen;
        let others = 0;
        for (const o of model.classes) if (o !== c) others += o.logp.get(f) ?? o.unseen;
        const w = own - others / Math.max(1, k - 1);
        if (w > 0) parts.push([f, w]);
      }
      parts.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      return { code: c.code, probability: exps[i]! / sum, because: parts.slice(0, explain).map((p) => p[0]) };
    })
    .sort((a, b) => b.probability - a.probability || (a.code < b.code ? -1 : 1));
}

/** Who judged a coding: a person's coding, or an automatic one a person accepted, changed or rejected. */
export function personJudged(c: Coding): boolean {
  return c.status !== 'auto';
}

export interface LearnResult {
  /** New automatic codings (coder `learned`) for segments no person has read. */
  proposals: Coding[];
  /** Segments trained on. */
  trained: number;
  codes: string[];
}

/**
 * Trains on every codable segment of the sources a person coded or judged (a segment there
 * without a person's coding is an example of `none`), and proposes its likeliest main code
 * (probability ≥ `threshold`, not `none`) for each segment of the other sources, when the rules
 * did not already give that code. `codings`: the study's merged codings (who judged what); `rules`: the automatic
 * codings as the rules proposed them, before any decision (their top-level codes are features).
 */
export function learnCodings(
  segments: readonly Segment[],
  codings: readonly Coding[],
  rules: readonly Coding[],
  langs: readonly Lang[],
  threshold = 0.5,
): LearnResult {
  const fired = new Map<string, Set<string>>();
  for (const c of rules) {
    // A reading from the codebook prior is a guess where no rule fired, not a rule's finding:
    // neither a feature nor a reason to withhold the classifier's own proposal.
    if (c.matches.some((m) => m.ruleId === PRIOR_RULE)) continue;
    let l = fired.get(c.segmentId);
    if (!l) fired.set(c.segmentId, (l = new Set()));
    l.add(topCode(c.code));
  }
  const NONE = new Set<string>();
  const bySeg = new Map<string, Coding[]>();
  for (const c of codings) {
    let l = bySeg.get(c.segmentId);
    if (!l) bySeg.set(c.segmentId, (l = []));
    l.push(c);
  }
  const valences = new Map<string, number>();
  const examples: Example[] = [];
  const rest: Segment[] = [];
  // A source a person coded was read whole: its segments without a person's coding are examples
  // of `none`. The segments of sources nobody has coded are the rest, to propose codes for.
  const read = new Set<string>();
  for (const c of codings) if (personJudged(c)) read.add(c.sourceId);
  for (const seg of segments) {
    if (seg.interviewer) continue;
    const cs = bySeg.get(seg.id) ?? [];
    if (!read.has(seg.sourceId)) {
      rest.push(seg);
      continue;
    }
    const given = new Map<string, number>();
    for (const c of cs) {
      if (c.status === 'rejected' || c.status === 'auto') continue;
      const t = topCode(c.code);
      given.set(t, (given.get(t) ?? 0) + 1);
      valences.set(t, (valences.get(t) ?? 0) + c.valence);
    }
    // The main code: the one most codings of the segment give (ties: codebook order is not known here, so by name).
    const primary = [...given].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'none';
    examples.push({ features: featuresOf(bodyOf(seg), langs, fired.get(seg.id) ?? NONE), codes: new Set(given.keys()), primary });
  }
  const model = trainPrimary(examples);
  const proposals: Coding[] = [];
  for (const seg of rest) {
    const found = fired.get(seg.id) ?? NONE;
    const ranking = predictPrimary(model, featuresOf(bodyOf(seg), langs, found));
    const best = ranking[0];
    // The rules propose, the classifier ranks: of the codes the rules gave, the one it finds
    // likeliest becomes the segment's primary (the highest score), if it was not already.
    const ranked = ranking.find((p) => found.has(p.code));
    if (ranked) promote(bySeg.get(seg.id) ?? [], ranked.code, examples.length);
    for (const p of best ? [best] : []) {
      if (p.code === 'none' || p.probability < threshold || found.has(p.code)) continue;
      const sum = valences.get(p.code) ?? 0;
      const valence: Valence = sum > 0 ? 1 : sum < 0 ? -1 : 0;
      proposals.push({
        segmentId: seg.id,
        sourceId: seg.sourceId,
        code: p.code,
        valence,
        coder: LEARNED_CODER,
        origin: 'rule',
        status: 'auto',
        span: seg.body,
        quote: bodyOf(seg),
        prefix: '',
        suffix: '',
        matches: [],
        cues: [],
        score: Math.round(p.probability * 100) / 100,
        memo: `learned from ${examples.length} segments a person coded; weighed most: ${p.because.join(', ')}`,
      });
    }
  }
  return { proposals, trained: examples.length, codes: model.classes.map((c) => c.code).filter((c) => c !== 'none') };
}

/** Lifts the unjudged automatic codings of `code` just above the segment's other codings. */
function promote(cs: readonly Coding[], code: string, trained: number): void {
  let lead = 0;
  let own = 0;
  for (const c of cs) {
    if (c.status !== 'auto') continue;
    if (topCode(c.code) === code) own = Math.max(own, c.score);
    else lead = Math.max(lead, c.score);
  }
  if (own > lead) return;
  const lifted = Math.min(1, Math.round((lead + 0.01) * 100) / 100);
  for (const c of cs) {
    if (c.status !== 'auto' || topCode(c.code) !== code) continue;
    c.score = lifted;
    c.memo = `${c.memo ? `${c.memo}; ` : ''}primary by what was learnt from ${trained} segments a person coded`;
  }
}

function bodyOf(seg: Segment): string {
  return seg.text.slice(seg.body.start - seg.span.start, seg.body.end - seg.span.start);
}
