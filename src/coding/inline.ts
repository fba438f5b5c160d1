import type { Coding } from '../model/coding.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { Source } from '../model/source.js';
import type { Diagnostics } from '../util/diagnostics.js';
import { quoteContext, trimSpan } from './quote-context.js';
import type { SegmentIndex } from './lookup.js';

/** The coder of a source's inline tags: front matter `coder`, else "inline". */
export function inlineCoder(source: Source): string {
  const c = source.meta['coder'];
  return typeof c === 'string' && c.trim() !== '' ? c.trim() : 'inline';
}

/**
 * Codings from `{{code+}}…{{/}}` tags, which the readers already removed from the text and kept
 * in `Source.inlineTags` with spans in the text without tags. A tag is a manual coding written
 * where the words are, so it moves with the text by construction and needs no re-anchoring.
 */
export function inlineCodings(
  sources: Iterable<Source>,
  segments: SegmentIndex,
  codes: ReadonlySet<string>,
  diags: Diagnostics,
  fileOf: (source: Source) => string = (s) => s.path,
): Coding[] {
  const out: Coding[] = [];
  for (const source of sources) {
    if (!source.inlineTags || source.inlineTags.length === 0) continue;
    const file = fileOf(source);
    const coder = inlineCoder(source);
    for (const tag of source.inlineTags) {
      const where = { file, line: tag.line, column: tag.column };
      if (!codes.has(tag.code)) {
        diags.error(
          'coding/unknown-code',
          `inline tag names unknown code "${tag.code}"`,
          where,
          didYouMean(tag.code, codes, 'see `qia codebook show` for the code ids'),
        );
        continue;
      }
      const span = trimSpan(source.text, tag.span);
      if (span.end <= span.start) {
        diags.warn('coding/empty-tag', `inline tag {{${tag.code}}} encloses no text`, where, 'put the coded words between the opening and the closing tag');
        continue;
      }
      const seg = segments.locate(source.id, span);
      if (!seg) {
        diags.warn('coding/unanchored', `inline tag {{${tag.code}}} is outside every segment (front matter or a heading?)`, where);
        continue;
      }
      const q = quoteContext(source.text, span);
      const coding: Coding = {
        segmentId: seg.id,
        sourceId: source.id,
        code: tag.code,
        valence: tag.valence,
        coder,
        origin: 'inline',
        status: 'manual',
        span,
        quote: q.quote,
        prefix: q.prefix,
        suffix: q.suffix,
        matches: [],
        cues: [],
        score: 1,
        from: { file, line: tag.line },
      };
      if (tag.memo) coding.memo = tag.memo.trim();
      out.push(coding);
    }
  }
  return out;
}
