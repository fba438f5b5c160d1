import type { CountingPolicy } from '../model/analysis.js';
import type { Coding } from '../model/coding.js';
import type { CodingStatus } from '../model/decision.js';

/**
 * Which of a study's codings count, and as how many pieces of evidence: rejected codings never
 * count; with `requireReview` neither do automatic codings no person has judged; and unless
 * every coder is to be counted, the codings of one segment with one code and one valence are
 * one piece of evidence, shown by the strongest of them (a person's own before a judged
 * automatic one before an unjudged one) with every coder listed.
 */

export interface Counted {
  coding: Coding;
  /** Every coder behind this piece of evidence, in name order (one unless several agreed). */
  coders: string[];
}

export const DEFAULT_COUNTING: CountingPolicy = { perEvidence: true, requireReview: false };

export function counts(c: Coding, policy: CountingPolicy): boolean {
  return c.status !== 'rejected' && !(c.status === 'auto' && (policy.requireReview || isSuggestion(c, policy)));
}

/** The default `coding.min_score`: codings the dev set finds right fewer than 1 in 5 times. */
export const DEFAULT_MIN_SCORE = 0.2;

/** An unjudged automatic coding scored under the study's min_score: listed for review, not counted. */
export function isSuggestion(c: Coding, policy: Pick<CountingPolicy, 'minScore'>): boolean {
  return c.status === 'auto' && c.origin === 'rule' && c.score < (policy.minScore ?? DEFAULT_MIN_SCORE);
}

/** A person's own first, then what a person judged, then the codebook's unjudged proposal. */
const SHOWN_FIRST: Record<CodingStatus, number> = { manual: 0, accepted: 1, changed: 1, auto: 2, rejected: 3 };

/** `codings` in the pipeline's order (by source, segment, code, coder): the pieces of evidence, in that order. */
export function countedCodings(codings: readonly Coding[], policy: CountingPolicy): { counted: Counted[]; excluded: Coding[] } {
  const counted: Counted[] = [];
  const excluded: Coding[] = [];
  // The codings of one segment and code come together: one piece of evidence per valence among them.
  let group = '';
  let byValence = new Map<number, Counted>();
  for (const c of codings) {
    if (!counts(c, policy)) {
      excluded.push(c);
      continue;
    }
    if (!policy.perEvidence) {
      counted.push({ coding: c, coders: [c.coder] });
      continue;
    }
    const key = `${c.segmentId}\u0000${c.code}`;
    if (key !== group) {
      group = key;
      byValence = new Map();
    }
    const same = byValence.get(c.valence);
    if (!same) {
      const piece = { coding: c, coders: [c.coder] };
      byValence.set(c.valence, piece);
      counted.push(piece);
      continue;
    }
    if (!same.coders.includes(c.coder)) same.coders.push(c.coder);
    same.coders.sort();
    if (SHOWN_FIRST[c.status] < SHOWN_FIRST[same.coding.status]) same.coding = c;
  }
  return { counted, excluded };
}
