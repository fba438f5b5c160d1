import type { SourceInfo, SourceKind } from '../model/source.js';
import type { AnalysisIndex, CodingContext } from './analysis-index.js';

/**
 * What the displays, the heatmap and the conclusions read of each coding of an index, copied
 * once into typed columns by the coding's position. Each of them then counts over a few arrays
 * of numbers instead of visiting a few hundred thousand objects and filling a list per cell,
 * and only the codings it quotes are looked at again. Names are numbered in the order first
 * met, so they come in text order.
 */
export interface CodingColumns {
  size: number;
  valence: Int8Array;
  score: Float64Array;
  /** Numbers into `codes`, `sources`, `informants`, `roles`, `groups` and `kinds` (−1: none). */
  code: Int32Array;
  codes: string[];
  /** By the segment's source id: in text order a source's codings come together. */
  source: Int32Array;
  /** The source object of each source number (undefined when the index has none for its id), and its id. */
  sources: (SourceInfo | undefined)[];
  sourceIds: string[];
  /** By the coding's own source id, as the conclusions name sources. */
  codingSource: Int32Array;
  codingSources: string[];
  /** By the coding's segment id. */
  segment: Int32Array;
  segments: number;
  informant: Int32Array;
  informants: string[];
  role: Int32Array;
  roles: string[];
  group: Int32Array;
  groups: string[];
  kind: Int32Array;
  kinds: SourceKind[];
}

const built = new WeakMap<AnalysisIndex, CodingColumns>();

/** The columns of an index, made on first asking and shared by every display built from it. */
export function codingColumns(index: AnalysisIndex): CodingColumns {
  let cols = built.get(index);
  if (cols === undefined || cols.size !== index.contexts.length) built.set(index, (cols = columnsOf(index.contexts)));
  return cols;
}

function columnsOf(contexts: readonly CodingContext[]): CodingColumns {
  const n = contexts.length;
  const valence = new Int8Array(n);
  const score = new Float64Array(n);
  const code = new Int32Array(n);
  const source = new Int32Array(n);
  const codingSource = new Int32Array(n);
  const segment = new Int32Array(n);
  const informant = new Int32Array(n);
  const role = new Int32Array(n);
  const group = new Int32Array(n);
  const kind = new Int32Array(n);
  const codes = numbering<string>();
  const sourceIds = numbering<string>();
  const sources: (SourceInfo | undefined)[] = [];
  const codingSources = numbering<string>();
  const informants = numbering<string>();
  const roles = numbering<string>();
  const groups = numbering<string>();
  const kinds = numbering<SourceKind>();
  // Neighbouring codings mostly share a segment, hence a source and a speaker: who and where
  // are numbered again only when the segment changes, and only what changed. A segment's
  // codings all lie in its source's run of the text order, so segments are numbered (in the
  // order first met, as by id) through a small map of the current source's segments.
  let lastSegment: unknown;
  let lastSourceId: string | undefined;
  let lastInformant: string | undefined;
  let lastRole: string | undefined;
  let lastGroup: string | undefined;
  let lastKind: SourceKind | undefined;
  let lastCode: string | undefined;
  let lastCodingSource: string | undefined;
  let segmentsHere = new Map<unknown, number>();
  let segmentCount = 0;
  let c = -1;
  let cs = -1;
  let sg = -1;
  let s = -1;
  // −2: not yet numbered (the first coding's undefined must still be looked at).
  let i1 = -2;
  let r = -2;
  let g = -2;
  let k = -1;
  for (let i = 0; i < n; i++) {
    const x = contexts[i]!;
    const coding = x.coding;
    valence[i] = coding.valence;
    score[i] = coding.score;
    if (coding.code !== lastCode) c = codes.no((lastCode = coding.code));
    code[i] = c;
    if (coding.sourceId !== lastCodingSource) cs = codingSources.no((lastCodingSource = coding.sourceId));
    codingSource[i] = cs;
    if (x.segment !== lastSegment) {
      const seg = x.segment;
      lastSegment = seg;
      if (seg.sourceId !== lastSourceId) {
        lastSourceId = seg.sourceId;
        const before = sourceIds.size();
        s = sourceIds.no(seg.sourceId);
        if (s === before) sources.push(x.source);
        segmentsHere = new Map();
      }
      let no = segmentsHere.get(seg);
      if (no === undefined) segmentsHere.set(seg, (no = segmentCount++));
      sg = no;
      if (x.informantId !== lastInformant || i1 === -2) i1 = (lastInformant = x.informantId) === undefined ? -1 : informants.no(lastInformant);
      if (x.role !== lastRole || r === -2) r = (lastRole = x.role) === undefined ? -1 : roles.no(lastRole);
      if (x.group !== lastGroup || g === -2) g = (lastGroup = x.group) === undefined ? -1 : groups.no(lastGroup);
      if (x.kind !== lastKind) k = kinds.no((lastKind = x.kind));
    }
    source[i] = s;
    segment[i] = sg;
    informant[i] = i1;
    role[i] = r;
    group[i] = g;
    kind[i] = k;
  }
  return {
    size: n,
    valence,
    score,
    code,
    codes: codes.names,
    source,
    sources,
    sourceIds: sourceIds.names,
    codingSource,
    codingSources: codingSources.names,
    segment,
    segments: segmentCount,
    informant,
    informants: informants.names,
    role,
    roles: roles.names,
    group,
    groups: groups.names,
    kind,
    kinds: kinds.names,
  };
}

function numbering<T>(): { no: (name: T) => number; size: () => number; names: T[] } {
  const m = new Map<T, number>();
  const names: T[] = [];
  return {
    no(name) {
      let k = m.get(name);
      if (k === undefined) m.set(name, (k = names.push(name) - 1));
      return k;
    },
    size: () => names.length,
    names,
  };
}
