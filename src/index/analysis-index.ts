import type { Analysis } from '../model/analysis.js';
import type { Coding } from '../model/coding.js';
import type { EvidenceRef } from '../model/evidence.js';
import type { Informant } from '../model/informant.js';
import type { CodedSegment } from '../model/segment.js';
import type { SourceInfo, SourceKind } from '../model/source.js';
import { lineAt } from '../segment/lines.js';
import { countedCodings } from './counted.js';

/** Everything a display needs to know about one coding, looked up once. */
export interface CodingContext {
  coding: Coding;
  ref: EvidenceRef;
  segment: CodedSegment;
  source?: SourceInfo;
  informant?: Informant;
  /** The informant's id, else the segment's, else the source's. */
  informantId?: string;
  role?: string;
  group?: string;
  kind: SourceKind;
  /** Position in text order over the whole study (source order, then offset). */
  order: number;
  /** Every coder behind this piece of evidence (src/index/counted.ts), in name order. */
  coders: string[];
}

export interface AnalysisIndex {
  analysis: Analysis;
  /** Codings whose segment exists, in text order. */
  contexts: CodingContext[];
  /** Codings that name a segment the analysis does not have; left out of every display. */
  dangling: Coding[];
  /** Codings that do not count (rejected; unjudged ones when the study requires review), in the pipeline's order. */
  excluded: Coding[];
  segments: Map<string, CodedSegment>;
  sources: Map<string, SourceInfo>;
  informants: Map<string, Informant>;
}

export function codingKey(c: Coding): string {
  return `${c.segmentId}|${c.code}|${c.span.start}-${c.span.end}|${c.coder}`;
}

function compareStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The line of an offset inside a coded segment: the segmenter's lines are authoritative, so never outside them. */
export function lineIn(source: SourceInfo | undefined, seg: CodedSegment, offset: number): number {
  if (!source) return seg.line;
  return Math.min(Math.max(lineAt(source, offset), seg.line), seg.endLine);
}

/**
 * A coding of the index. Its ref (a key string and two line look-ups) is made when first
 * asked for: a report shows a few hundred quotes from hundreds of thousands of codings, and
 * only `qia matrix --format json` and the digest link every one.
 */
class IndexedCoding implements CodingContext {
  source?: SourceInfo;
  informant?: Informant;
  informantId?: string;
  role?: string;
  group?: string;
  private made?: EvidenceRef;

  constructor(
    readonly coding: Coding,
    readonly coders: string[],
    readonly segment: CodedSegment,
    readonly kind: SourceKind,
    public order: number,
  ) {}

  get ref(): EvidenceRef {
    return (this.made ??= this.makeRef());
  }

  private makeRef(): EvidenceRef {
    const { coding, segment, source } = this;
    const end = Math.max(coding.span.start, coding.span.end - 1);
    const ref: EvidenceRef = {
      coding: codingKey(coding),
      segmentId: segment.id,
      sourceId: segment.sourceId,
      code: coding.code,
      valence: coding.valence,
      coder: coding.coder,
      line: lineIn(source, segment, coding.span.start),
      endLine: lineIn(source, segment, end),
    };
    if (this.informantId !== undefined) ref.informant = this.informantId;
    if (this.coders.length > 1) ref.coders = this.coders;
    return ref;
  }
}

/**
 * Segments by id. Codings come in the segments' order (the pass codes them so), so the next
 * coded segment is looked for a few places ahead of the last one first: only when it is not
 * there is the map of every segment made. Segment ids are unique (a source's id and a number).
 */
function segmentFinder(segments: readonly CodedSegment[]): ((id: string) => CodedSegment | undefined) & { byId: () => Map<string, CodedSegment> } {
  let map: Map<string, CodedSegment> | undefined;
  const byId = () => {
    if (!map) {
      map = new Map();
      for (const s of segments) map.set(s.id, s);
    }
    return map;
  };
  let next = 0;
  const find = (id: string): CodedSegment | undefined => {
    if (map) return map.get(id);
    for (let i = next; i < next + 4 && i < segments.length; i++) {
      if (segments[i]!.id === id) {
        next = i + 1;
        return segments[i];
      }
    }
    return byId().get(id);
  };
  return Object.assign(find, { byId });
}

/**
 * Resolve every coding to its segment, source and informant, in text order; its ref with line
 * numbers comes on demand. Built once and shared by every display so lookups stay linear in
 * the number of codings.
 */
export function indexAnalysis(analysis: Analysis): AnalysisIndex {
  const segmentOf = segmentFinder(analysis.segments);
  const sources = new Map(analysis.sources.map((s) => [s.id, s]));
  const informants = new Map(analysis.informants.map((i) => [i.id, i]));
  const sourceRank = new Map(analysis.sources.map((s, i) => [s.id, i]));

  const contexts: IndexedCoding[] = [];
  const dangling: Coding[] = [];
  const { counted, excluded } = countedCodings(analysis.codings, analysis.counting);
  // Codings come segment by segment: who and where are looked up once per segment.
  let lastId: string | undefined;
  let segment: CodedSegment | undefined;
  let source: SourceInfo | undefined;
  let informantId: string | undefined;
  let informant: Informant | undefined;
  let role: string | undefined;
  let group: string | undefined;
  let rank = 0;
  for (const { coding, coders } of counted) {
    if (coding.segmentId !== lastId) {
      lastId = coding.segmentId;
      segment = segmentOf(coding.segmentId);
      if (segment) {
        source = sources.get(segment.sourceId);
        informantId = segment.informant ?? source?.informant;
        informant = informantId !== undefined ? informants.get(informantId) : undefined;
        role = informant?.role || source?.role || undefined;
        group = informant?.group || source?.group || undefined;
        rank = sourceRank.get(segment.sourceId) ?? Number.MAX_SAFE_INTEGER;
      }
    }
    if (!segment) {
      dangling.push(coding);
      continue;
    }
    // `order` holds the source's rank until the sort below, so the comparator needs no lookup.
    const ctx = new IndexedCoding(coding, coders, segment, source?.kind ?? 'document', rank);
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
  return {
    analysis,
    contexts,
    dangling,
    excluded,
    get segments() {
      return segmentOf.byId();
    },
    sources,
    informants,
  };
}
