import type { LineAnchor, SourceInfo } from '../model/source.js';
import { lineColAt } from '../util/lines.js';

/** What lineAt needs of a source. */
export type LinePlace = Pick<SourceInfo, 'bodyLine' | 'lineStarts' | 'lineAnchors'>;

/** The last anchor at or before `offset`, by binary search. */
function anchorBefore(anchors: readonly LineAnchor[], offset: number): LineAnchor | undefined {
  let lo = 0;
  let hi = anchors.length - 1;
  let found: LineAnchor | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid]!.offset <= offset) {
      found = anchors[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The line of the file, 1-based as an editor numbers it, of an offset in a source's normalised
 * text: the one way every output (codings.csv, query, --explain, condense, --cell, the report,
 * the segmenter itself) turns a position into a line. For a caption file or a CSV turn table it
 * is the line the words are on, not the cue's timing line nor the line of the joined text.
 */
export function lineAt(source: LinePlace, offset: number): number {
  const here = lineColAt(source.lineStarts, offset).line;
  const anchor = source.lineAnchors && source.lineAnchors.length > 0 ? anchorBefore(source.lineAnchors, offset) : undefined;
  if (!anchor) return source.bodyLine + here - 1;
  return anchor.line + here - lineColAt(source.lineStarts, anchor.offset).line;
}
