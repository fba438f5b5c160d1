import type { Codebook, Matcher } from '../model/codebook.js';
import type { EngineSnapshot, PatternEngine } from './patterns.js';
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

const engines = new WeakMap<Matcher, PatternEngine>();

/** The pattern engine of a compiled matcher, as data (for the codebook cache's tables). */
export function engineSnapshot(matcher: Matcher): EngineSnapshot | undefined {
  return engines.get(matcher)?.snapshot();
}
