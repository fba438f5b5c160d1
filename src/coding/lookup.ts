import type { Segment } from '../model/segment.js';
import type { Source } from '../model/source.js';
import type { Span } from '../model/span.js';
import { anchorQuote, type QuoteSelector } from './anchor.js';

/** Segments by id and, per source, in text order for locating a span. */
export class SegmentIndex {
  private readonly ids = new Map<string, Segment>();
  private readonly bySource = new Map<string, Segment[]>();

  constructor(segments: Iterable<Segment>) {
    for (const s of segments) {
      this.ids.set(s.id, s);
      let list = this.bySource.get(s.sourceId);
      if (!list) this.bySource.set(s.sourceId, (list = []));
      list.push(s);
    }
    for (const list of this.bySource.values()) list.sort((a, b) => a.span.start - b.span.start);
  }

  get(id: string): Segment | undefined {
    return this.ids.get(id);
  }

  ofSource(sourceId: string): readonly Segment[] {
    return this.bySource.get(sourceId) ?? [];
  }

  /**
   * The segment a span belongs to: the one it overlaps most (a quote running over a turn
   * boundary goes with the turn holding most of it); for an empty span, the one containing it.
   */
  locate(sourceId: string, span: Span): Segment | undefined {
    const list = this.bySource.get(sourceId);
    if (!list || list.length === 0) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid]!.span.start <= span.start) lo = mid;
      else hi = mid - 1;
    }
    let best: Segment | undefined;
    let bestOverlap = -1;
    for (let i = lo; i < list.length; i++) {
      const s = list[i]!;
      if (s.span.start > span.end) break;
      const overlap = Math.min(s.span.end, span.end) - Math.max(s.span.start, span.start);
      const contains = s.span.start <= span.start && span.start < s.span.end;
      if (overlap > bestOverlap || (overlap === bestOverlap && contains)) {
        best = s;
        bestOverlap = overlap;
      }
    }
    if (best && (bestOverlap > 0 || (best.span.start <= span.start && span.start <= best.span.end))) return best;
    return undefined;
  }
}

/** Sources by id, and by the ways a researcher may write one: the file path, with or without `sources/` or extension. */
export class SourceIndex {
  private readonly keys = new Map<string, Source>();
  readonly all: readonly Source[];

  constructor(sources: readonly Source[]) {
    this.all = sources;
    for (const s of sources) {
      for (const k of [s.path, stripExt(s.path), s.id]) this.keys.set(k, s);
    }
    // The id wins over a path that happens to look like another source's id.
    for (const s of sources) this.keys.set(s.id, s);
  }

  get(id: string): Source | undefined {
    return this.keys.get(id);
  }

  find(ref: string): Source | undefined {
    const clean = ref.trim().replace(/\\/g, '/').replace(/^\.\//, '');
    return (
      this.keys.get(clean) ??
      this.keys.get(stripExt(clean)) ??
      this.keys.get(clean.replace(/^sources\//, '')) ??
      this.keys.get(stripExt(clean.replace(/^sources\//, '')))
    );
  }
}

function stripExt(p: string): string {
  const slash = p.lastIndexOf('/');
  const dot = p.lastIndexOf('.');
  return dot > slash + 1 ? p.slice(0, dot) : p;
}

const METHOD_RANK = { exact: 0, normalized: 1, fuzzy: 2 } as const;

/**
 * The segment of a source whose words hold a quote: the closest match (exact before normalised
 * before approximate, fewer edits first), then the one nearest segment number `near` (where the
 * quote was last seen). For a decision or review row whose segment id no longer fits its words.
 */
export function segmentByQuote<S extends Pick<Segment, 'text' | 'n'>>(candidates: readonly S[], sel: QuoteSelector, near: number): S | undefined {
  let best: { segment: S; rank: number; distance: number } | undefined;
  for (const seg of candidates) {
    const a = anchorQuote(seg.text, sel);
    if (!a) continue;
    const rank = METHOD_RANK[a.method];
    const better =
      !best ||
      rank < best.rank ||
      (rank === best.rank && (a.distance < best.distance || (a.distance === best.distance && Math.abs(seg.n - near) < Math.abs(best.segment.n - near))));
    if (better) best = { segment: seg, rank, distance: a.distance };
  }
  return best?.segment;
}
