import type { Coding } from '../model/coding.js';
import type { Lang, Valence } from '../model/codebook.js';
import type { Segment } from '../model/segment.js';
import { foldCase, scanWords } from '../match/tokenize.js';
import { stemWord } from '../match/stem.js';
import { topCode } from './merge.js';

/**
 * Learning from the researcher: a small, transparent classifier trained on the segments a person
 * has coded or judged, proposing top-level codes for the rest, each with a probability and the
 * words that weighed most. One multinomial naive Bayes per top-level code (the code against
 * every other segment a person read), over word stems, stem bigrams and the codebook's own
 * findings (`rule:<code>`: the rules found that code there). Laplace smoothing; class priors from
 * the training counts. Deterministic: no sampling, features visited in sorted order.
 *
 * Why naive Bayes: it trains in one pass (1,000 segments in a few milliseconds), works with a
 * few dozen examples, and every proposal can be explained as "these words are k times more
 * common in segments the researcher coded so".
 */

export interface Example {
  /** Features of the segment (featuresOf). */
  features: string[];
  /** Top-level codes a person gave it (empty: read and found to hold none of them). */
  codes: ReadonlySet<string>;
}

export interface CodeModel {
  code: string;
  /** log P(code) − log P(not code). */
  prior: number;
  /** Per feature: log P(f | code) − log P(f | not code), for every feature seen in training. */
  weight: Map<string, number>;
  /** The same for a feature never seen with the class (smoothing mass alone). */
  unseen: number;
  positives: number;
}

export interface Model {
  codes: CodeModel[];
  examples: number;
}

export interface Proposal {
  code: string;
  probability: number;
  /** Features of the segment that argued most for the code, strongest first. */
  because: string[];
}

/** Stems, stem bigrams and the codebook's findings of a segment. */
export function featuresOf(text: string, langs: readonly Lang[], ruleCodes: Iterable<string> = []): string[] {
  const stems: string[] = [];
  scanWords(text, (s, e) => {
    const w = foldCase(text.slice(s, e));
    if (w.length < 2 || /^\d+$/.test(w)) return;
    stems.push(stemWord(w, langs));
  });
  const out = stems.slice();
  for (let i = 1; i < stems.length; i++) out.push(`${stems[i - 1]} ${stems[i]}`);
  for (const c of ruleCodes) out.push(`rule:${c}`);
  return out;
}

/** Trains one classifier per code seen among the examples (or given in `codes`). */
export function train(examples: readonly Example[], codes?: readonly string[]): Model {
  const all = codes ?? [...new Set(examples.flatMap((e) => [...e.codes]))].sort();
  const vocab = new Set<string>();
  for (const e of examples) for (const f of e.features) vocab.add(f);
  const v = vocab.size + 1;
  const models: CodeModel[] = [];
  for (const code of all) {
    const pos = new Map<string, number>();
    const neg = new Map<string, number>();
    let posTotal = 0;
    let negTotal = 0;
    let posN = 0;
    for (const e of examples) {
      const yes = e.codes.has(code);
      if (yes) posN++;
      const m = yes ? pos : neg;
      for (const f of e.features) m.set(f, (m.get(f) ?? 0) + 1);
      if (yes) posTotal += e.features.length;
      else negTotal += e.features.length;
    }
    const negN = examples.length - posN;
    const lp = Math.log(posTotal + v);
    const ln = Math.log(negTotal + v);
    const weight = new Map<string, number>();
    for (const f of [...vocab].sort()) {
      const w = Math.log((pos.get(f) ?? 0) + 1) - lp - (Math.log((neg.get(f) ?? 0) + 1) - ln);
      weight.set(f, w);
    }
    models.push({ code, prior: Math.log((posN + 0.5) / (negN + 0.5)), weight, unseen: -lp + ln, positives: posN });
  }
  return { codes: models, examples: examples.length };
}

/**
 * The probability of each code for a segment's features, with the features that weighed most.
 * Each feature counts once (a long segment repeating a word would otherwise swamp the prior),
 * and the evidence is averaged over the segment's length scale so probabilities stay usable as
 * scores rather than all being 0 or 1.
 */
export function predict(model: Model, features: readonly string[], explain = 3): Proposal[] {
  const uniq = [...new Set(features)].sort();
  const out: Proposal[] = [];
  for (const m of model.codes) {
    if (m.positives === 0) continue;
    let z = 0;
    const parts: [string, number][] = [];
    for (const f of uniq) {
      const w = m.weight.get(f);
      if (w === undefined) continue;
      z += w;
      if (w > 0) parts.push([f, w]);
    }
    // Naive Bayes overcounts correlated features (a stem and the bigrams holding it): tempered
    // by the square root of the number of features, the probabilities are less extreme.
    const known = uniq.filter((f) => m.weight.has(f)).length;
    const logit = m.prior + z / Math.sqrt(Math.max(1, known));
    parts.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    out.push({ code: m.code, probability: 1 / (1 + Math.exp(-logit)), because: parts.slice(0, explain).map((p) => p[0]) });
  }
  return out.sort((a, b) => b.probability - a.probability || (a.code < b.code ? -1 : 1));
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
 * Trains on every segment with a person's coding or judgement, and proposes codes (probability
 * ≥ `threshold`) for the codable segments nobody has read that the rules did not already give
 * that code. `codings`: the study's merged codings (who judged what); `rules`: the automatic
 * codings as the rules proposed them, before any decision (their top-level codes are features).
 */
export function learnCodings(segments: readonly Segment[], codings: readonly Coding[], rules: readonly Coding[], langs: readonly Lang[], threshold = 0.5): LearnResult {
  const fired = new Map<string, Set<string>>();
  for (const c of rules) {
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
  for (const seg of segments) {
    if (seg.interviewer) continue;
    const cs = bySeg.get(seg.id) ?? [];
    if (!cs.some(personJudged)) {
      rest.push(seg);
      continue;
    }
    const given = new Set<string>();
    for (const c of cs) {
      if (c.status === 'rejected' || c.status === 'auto') continue;
      const t = topCode(c.code);
      given.add(t);
      valences.set(t, (valences.get(t) ?? 0) + c.valence);
    }
    examples.push({ features: featuresOf(bodyOf(seg), langs, fired.get(seg.id) ?? NONE), codes: given });
  }
  const model = train(examples);
  const proposals: Coding[] = [];
  for (const seg of rest) {
    const found = fired.get(seg.id) ?? NONE;
    for (const p of predict(model, featuresOf(bodyOf(seg), langs, found))) {
      if (p.probability < threshold || found.has(p.code)) continue;
      const sum = valences.get(p.code) ?? 0;
      const valence: Valence = sum > 0 ? 1 : sum < 0 ? -1 : 0;
      proposals.push({
        segmentId: seg.id,
        sourceId: seg.sourceId,
        code: p.code,
        valence,
        coder: 'learned',
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
  return { proposals, trained: examples.length, codes: model.codes.map((m) => m.code) };
}

function bodyOf(seg: Segment): string {
  return seg.text.slice(seg.body.start - seg.span.start, seg.body.end - seg.span.start);
}
