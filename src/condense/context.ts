import type { Analysis } from '../model/analysis.js';
import type { Coding } from '../model/coding.js';
import type { EvidenceRef } from '../model/evidence.js';
import type { Informant } from '../model/informant.js';
import type { Segment } from '../model/segment.js';
import type { Source, SourceKind } from '../model/source.js';
import { lineColAt, lineStarts } from '../util/lines.js';

/** Everything a display needs to know about one coding, looked up once. */
export interface CodingContext {
  coding: Coding;
  ref: EvidenceRef;
  segment: Segment;
  source?: Source;
  informant?: Informant;
  /** The informant's id, else the segment's, else the source's. */
  informantId?: string;
  role?: string;
  group?: string;
  kind: SourceKind;
  /** Position in text order over the whole study (source order, then offset). */
  order: number;
}

export interface AnalysisIndex {
  analysis: Analysis;
  /** Codings whose segment exists, in text order. */
  contexts: CodingContext[];
  /** Codings that name a segment the analysis does not have; left out of every display. */
  dangling: Coding[];
  segments: Map<string, Segment>;
  sources: Map<string, Source>;
  informants: Map<string, Informant>;
}

export function codingKey(c: Coding): string {
  return `${c.segmentId}|${c.code}|${c.span.start}-${c.span.end}|${c.coder}`;
}

function compareStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Resolve every coding to its segment, source and informant, and give it a ref with line
 * numbers. Built once per display so lookups stay linear in the number of codings.
 * `lines` gives the line starts of sources whose text the streaming pass let go.
 */
export function indexAnalysis(analysis: Analysis, lines?: ReadonlyMap<string, number[]>): AnalysisIndex {
  const segments = new Map(analysis.segments.map((s) => [s.id, s]));
  const sources = new Map(analysis.sources.map((s) => [s.id, s]));
  const informants = new Map(analysis.informants.map((i) => [i.id, i]));
  const sourceRank = new Map(analysis.sources.map((s, i) => [s.id, i]));
  const starts = new Map<string, number[]>();

  const lineOf = (source: Source | undefined, seg: Segment, offset: number): number => {
    if (!source) return seg.line;
    let ls = starts.get(source.id);
    if (!ls) {
      ls = lines?.get(source.id) ?? lineStarts(source.text);
      starts.set(source.id, ls);
    }
    const line = (source.bodyLine ?? 1) + lineColAt(ls, offset).line - 1;
    // The segmenter's lines are authoritative; never point outside them.
    return Math.min(Math.max(line, seg.line), seg.endLine);
  };

  const contexts: CodingContext[] = [];
  const dangling: Coding[] = [];
  for (const coding of analysis.codings) {
    const segment = segments.get(coding.segmentId);
    if (!segment) {
      dangling.push(coding);
      continue;
    }
    const source = sources.get(segment.sourceId);
    const informantId = segment.informant ?? source?.informant;
    const informant = informantId !== undefined ? informants.get(informantId) : undefined;
    const role = informant?.role || source?.role || undefined;
    const group = informant?.group || source?.group || undefined;
    const end = Math.max(coding.span.start, coding.span.end - 1);
    const ref: EvidenceRef = {
      coding: codingKey(coding),
      segmentId: segment.id,
      sourceId: segment.sourceId,
      code: coding.code,
      valence: coding.valence,
      coder: coding.coder,
      line: lineOf(source, segment, coding.span.start),
      endLine: lineOf(source, segment, end),
    };
    if (informantId !== undefined) ref.informant = informantId;
    // `order` holds the source's rank until the sort below, so the comparator needs no lookup.
    const ctx: CodingContext = { coding, ref, segment, kind: source?.kind ?? 'document', order: sourceRank.get(segment.sourceId) ?? Number.MAX_SAFE_INTEGER };
    if (source) ctx.source = source;
    if (informant) ctx.informant = informant;
    if (informantId !== undefined) ctx.informantId = informantId;
    if (role) ctx.role = role;
    if (group) ctx.group = group;
    contexts.push(ctx);
  }

  contexts.sort(
    (a, b) =>
      a.order - b.order ||
      compareStr(a.segment.sourceId, b.segment.sourceId) ||
      a.coding.span.start - b.coding.span.start ||
      a.coding.span.end - b.coding.span.end ||
      compareStr(a.coding.code, b.coding.code) ||
      compareStr(a.coding.coder, b.coding.coder) ||
      a.coding.valence - b.coding.valence,
  );
  contexts.forEach((c, i) => (c.order = i));
  return { analysis, contexts, dangling, segments, sources, informants };
}
