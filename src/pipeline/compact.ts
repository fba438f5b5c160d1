import type { Coding } from '../model/coding.js';
import type { RuleMatch } from '../model/codebook.js';
import type { CodedSegment } from '../model/segment.js';
import { sharedCopy } from '../util/detach.js';
import type { SourcePass } from './source-pass.js';

/**
 * Every coding is kept until the end of a run, so what each one holds is what memory grows by.
 * A pass that comes back from a worker thread (as JSON) has a fresh string for every field of
 * every coding: the same code, rule id and matched word thousands of times over. And a coding's
 * quote is a copy of words its segment, kept too, already holds.
 *
 * Here, in the main thread, each pass is made to share: repeated texts become one string each,
 * and a quote becomes a slice of its segment's kept text (in V8 a slice of 13 or more characters
 * points into its parent instead of copying it). The characters are the same, so every output is
 * byte-identical; only the storage is shared.
 *
 * Sources kept whole are left as they are: their codings already point into the source's text.
 */
export function compactPass(pass: SourcePass): SourcePass {
  if (pass.whole || !pass.info) return pass;
  const segments = new Map<string, CodedSegment>();
  for (const s of pass.coded) segments.set(s.id, s);
  const sourceId = pass.info.id;
  for (const list of [pass.auto, pass.inline]) for (const c of list) compactCoding(c, sourceId, segments.get(c.segmentId));
  return pass;
}

function compactCoding(c: Coding, sourceId: string, segment: CodedSegment | undefined): void {
  if (c.sourceId === sourceId) c.sourceId = sourceId;
  c.code = sharedCopy(c.code);
  c.coder = sharedCopy(c.coder);
  c.origin = sharedCopy(c.origin) as Coding['origin'];
  c.status = sharedCopy(c.status) as Coding['status'];
  if (segment) {
    if (c.segmentId === segment.id) c.segmentId = segment.id;
    const start = c.span.start - segment.span.start;
    const end = c.span.end - segment.span.start;
    if (start >= 0 && end <= segment.text.length && end - start === c.quote.length) {
      const slice = segment.text.slice(start, end);
      if (slice === c.quote) c.quote = slice;
    }
  }
  shareMatches(c.matches);
  shareMatches(c.cues);
}

function shareMatches(ms: RuleMatch[]): void {
  for (const m of ms) {
    m.ruleId = sharedCopy(m.ruleId);
    m.text = sharedCopy(m.text);
  }
}
