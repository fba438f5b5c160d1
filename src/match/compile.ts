import { createHash } from 'node:crypto';
import type { Codebook, Matcher } from '../model/codebook.js';
import type { EngineSnapshot, PatternEngine, WordInfo } from './patterns.js';
import { compileRules } from './compiled-codebook.js';
import { SegmentMatcher } from './segment-matcher.js';

/**
 * Compile a codebook into a Matcher: the codebook compiled to plain data (compiled-codebook.ts),
 * matched segment by segment by one SegmentMatcher holding the scratch state (segment-matcher.ts).
 */
export function compileCodebook(codebook: Codebook): Matcher {
  const compiled = compileRules(codebook);
  const segments = new SegmentMatcher(compiled);
  const matcher: Matcher = { codebook, match: (text, base, sentences) => segments.match(text, base, sentences) };
  engines.set(matcher, compiled.engine);
  return matcher;
}

/**
 * compileCodebook, kept for the next study with the same codebook in this thread (see `recent`).
 * The pipeline's own thread compiles through this; a fresh compile stays compileCodebook.
 */
export function compileShared(codebook: Codebook): Matcher {
  const key = contentKey(codebook);
  let matcher = recent.get(key);
  // Most recently used last: the oldest is the one let go.
  if (matcher) recent.delete(key);
  else matcher = compileCodebook(codebook);
  recent.set(key, matcher);
  if (recent.size > RECENT_KEPT) recent.delete(recent.keys().next().value!);
  return matcher;
}

/**
 * The last few codebooks compiled in this thread, by content. A comparison analyses hundreds of
 * studies one after another in each thread, most on the same codebook (the built-in one, or
 * copies of one): each is then compiled once per thread, and the attribute namer and prior, the
 * question-context cues (keyed by the matcher) with it, instead of once per study. A matcher
 * reads only its codebook's codes, and the key is all of the codebook but the path it was read
 * from, so a study gets exactly the matcher its own codebook compiles to. Few are kept, so a
 * batch of many different codebooks does not hold them all.
 */
const recent = new Map<string, Matcher>();
const RECENT_KEPT = 4;

function contentKey(codebook: Codebook): string {
  // Every field but `file` (the audit's path), in the codebook's own key order.
  return createHash('sha256')
    .update(JSON.stringify({ ...codebook, file: '' }))
    .digest('hex');
}

const engines = new WeakMap<Matcher, PatternEngine>();

/** The pattern engine of a compiled matcher, as data (for the codebook cache's tables). */
export function engineSnapshot(matcher: Matcher): EngineSnapshot | undefined {
  return engines.get(matcher)?.snapshot();
}

/**
 * The words a matcher read in its last `match` call (its token buffer), for a caller that reads
 * the same text again (the codebook prior): `stamp` says which call they are of, `current()`
 * whether they still are (the next call overwrites them).
 */
export interface ScannedWords {
  readonly stamp: number;
  readonly count: number;
  readonly words: readonly WordInfo[];
  current(): boolean;
}

/** How many texts a matcher has read (moves on with each `match` call); -1 for a matcher not compiled here. */
export function scanStamp(matcher: Matcher): number {
  return engines.get(matcher)?.scans ?? -1;
}

/** The words of the matcher's last `match` call, or undefined for a matcher not compiled here. */
export function scannedWords(matcher: Matcher): ScannedWords | undefined {
  const engine = engines.get(matcher);
  if (!engine) return undefined;
  const stamp = engine.scans;
  const buf = engine.lastBuffer();
  return { stamp, count: buf.count, words: buf.words, current: () => engine.scans === stamp };
}
