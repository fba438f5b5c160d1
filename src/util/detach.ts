/**
 * A string with the same characters that shares no storage with the one it was cut from.
 * In V8 a slice of 13 or more code units points into its parent and keeps all of it alive;
 * a streaming run drops each source's text after coding it, so what it keeps must be copies.
 *
 * A round trip through UTF-8 gives one flat string (one object for the garbage collector to
 * move, where a concatenation then a slice leaves two) and is the faster of the two. It would
 * replace a lone surrogate, so text with any surrogate (emoji included) takes the concatenation.
 */
const SURROGATE = /[\uD800-\uDFFF]/;

export function detached(s: string): string {
  if (s.length < 13) return s;
  return SURROGATE.test(s) ? (' ' + s).slice(1) : Buffer.from(s, 'utf8').toString('utf8');
}

// Matched words and cues repeat across thousands of codings, and every coding is kept to the
// end of a run: one shared copy of each text instead of a copy per coding. Bounded, so it never
// grows without limit.
const SHARED_TEXTS = 50_000;
const sharedTexts = new Map<string, string>();

/** A detached copy of `s`, the same string object for every equal text asked for. */
export function sharedCopy(s: string): string {
  const known = sharedTexts.get(s);
  if (known !== undefined) return known;
  if (sharedTexts.size >= SHARED_TEXTS) sharedTexts.clear();
  const copy = detached(s);
  sharedTexts.set(copy, copy);
  return copy;
}
