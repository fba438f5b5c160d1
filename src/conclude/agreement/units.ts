import type { Segment } from '../../model/segment.js';
import type { SourceInfo } from '../../model/source.js';
import type { Span } from '../../model/span.js';
import { lineAt } from '../../segment/lines.js';

/**
 * The units a study's coders are compared on (docs/agreement.md, "Units"):
 *
 * - `segment`: a speaker turn, or a paragraph of a document or field note (the unit of coding);
 * - `sentence`: each sentence of a segment (`Segment.sentences`); a coding applies to every
 *   sentence its span overlaps;
 * - `paragraph`: a segment's text cut at blank lines (a long answer typed in several paragraphs
 *   gives several); a coding applies to every paragraph its span overlaps;
 * - `source`: a whole transcript, note or document.
 */
export const UNIT_KINDS = ['segment', 'sentence', 'paragraph', 'source'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface StudyUnit {
  /** `<segment id>` for segments, `<segment id>#<n>` for its nth sentence, `<segment id>¶<n>` for its nth paragraph, the source id for a source. */
  id: string;
  sourceId: string;
  /** The segments the unit lies in (one, or every segment of a source). */
  segmentIds: string[];
  /** True when every segment of the unit is an interviewer turn (not coded automatically). */
  interviewer: boolean;
  span: Span;
  /** 1-based lines in the file. */
  line: number;
  endLine: number;
  /** The unit's words (a turn's without its speaker label; '' for a whole source). */
  text: string;
}

export type UnitSource = Pick<SourceInfo, 'id' | 'bodyLine' | 'lineStarts' | 'lineAnchors'>;

/** The units of a kind, in source and text order, and a way to find the units a coded span falls in. */
export class UnitIndex {
  readonly units: StudyUnit[] = [];
  private readonly bySegment = new Map<string, StudyUnit[]>();
  private readonly bySource = new Map<string, StudyUnit>();

  constructor(
    readonly kind: UnitKind,
    segments: readonly Segment[],
    sources: readonly UnitSource[],
  ) {
    const src = new Map(sources.map((s) => [s.id, s]));
    const line = (sourceId: string, offset: number, fallback: number) => {
      const s = src.get(sourceId);
      return s ? lineAt(s, offset) : fallback;
    };
    for (const seg of segments) {
      const pieces = kind === 'sentence' ? sentencesOf(seg) : kind === 'paragraph' ? paragraphsOf(seg) : [seg.span];
      if (kind === 'source') {
        const whole = this.bySource.get(seg.sourceId);
        if (whole) {
          whole.segmentIds.push(seg.id);
          whole.interviewer &&= seg.interviewer;
          whole.span = { start: whole.span.start, end: seg.span.end };
          whole.endLine = seg.endLine;
        } else {
          const u: StudyUnit = {
            id: seg.sourceId,
            sourceId: seg.sourceId,
            segmentIds: [seg.id],
            interviewer: seg.interviewer,
            span: { ...seg.span },
            line: seg.line,
            endLine: seg.endLine,
            text: '',
          };
          this.bySource.set(seg.sourceId, u);
          this.units.push(u);
        }
        continue;
      }
      const list: StudyUnit[] = pieces.map((span, i) => ({
        id: kind === 'segment' ? seg.id : `${seg.id}${kind === 'sentence' ? '#' : '¶'}${i + 1}`,
        sourceId: seg.sourceId,
        segmentIds: [seg.id],
        interviewer: seg.interviewer,
        span,
        line: kind === 'segment' ? seg.line : line(seg.sourceId, span.start, seg.line),
        endLine: kind === 'segment' ? seg.endLine : line(seg.sourceId, Math.max(span.start, span.end - 1), seg.endLine),
        // A turn's words without its speaker label; a sentence or paragraph as it is.
        text:
          kind === 'segment'
            ? seg.text.slice(seg.body.start - seg.span.start, seg.body.end - seg.span.start)
            : seg.text.slice(span.start - seg.span.start, span.end - seg.span.start),
      }));
      this.bySegment.set(seg.id, list);
      this.units.push(...list);
    }
  }

  /** The units a coding on `segmentId` over `span` applies to: those it overlaps, else the one holding its start. */
  unitsOf(segmentId: string, sourceId: string, span: Span): StudyUnit[] {
    if (this.kind === 'source') {
      const u = this.bySource.get(sourceId);
      return u ? [u] : [];
    }
    const list = this.bySegment.get(segmentId);
    if (!list) return [];
    if (this.kind === 'segment' || list.length === 1) return list;
    const hit = list.filter((u) => u.span.start < span.end && span.start < u.span.end);
    if (hit.length > 0) return hit;
    const holding = list.findLast((u) => u.span.start <= span.start);
    return [holding ?? list[0]!];
  }

  /** Every unit of one segment (for a source unit, the source's). */
  ofSegment(segmentId: string, sourceId: string): StudyUnit[] {
    if (this.kind === 'source') {
      const u = this.bySource.get(sourceId);
      return u ? [u] : [];
    }
    return this.bySegment.get(segmentId) ?? [];
  }
}

/** A segment's sentences; one that has none (an empty turn) is one unit of its body. */
function sentencesOf(seg: Segment): Span[] {
  return seg.sentences.length > 0 ? seg.sentences.map((s) => ({ ...s })) : [{ ...seg.body }];
}

/** A segment's text cut at blank lines, each piece without the white space around it. */
function paragraphsOf(seg: Segment): Span[] {
  const out: Span[] = [];
  const text = seg.text;
  const blank = /\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+/g;
  let from = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: seg.span.start + a, end: seg.span.start + b });
  };
  for (const m of text.matchAll(blank)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out.length > 0 ? out : [{ ...seg.span }];
}
