import type { Analysis } from '../model/analysis.js';
import type { Code } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { QuoteRef } from '../model/conclusion.js';
import type { Segment } from '../model/segment.js';
import type { Source, SourceKind } from '../model/source.js';
import { indexAnalysis, type AnalysisIndex } from '../condense/context.js';

/**
 * One coding with the who and where resolved once, so later steps never look them up again.
 * The displays' CodingContext is one, so conclusions reuse the index instead of copying it.
 */
export interface Fact {
  coding: Coding;
  segment?: Segment;
  source?: Source;
  kind: SourceKind;
  /** The informant's id. */
  informantId?: string;
  role?: string;
  group?: string;
  /** Position in the study's text order (the displays' order). */
  order: number;
}

/**
 * Every coding resolved against its segment, source and informant, and filed under its own
 * code and every ancestor code, so a parent's evidence includes its sub-codes' (the way the
 * displays count). Built in one pass over the displays' index: O(codings × depth), and each
 * list is already in text order.
 *
 * A code's facts are listed by position in `all` (which is also each fact's `order`), and what
 * the verdicts count and compare of each fact is copied once into the columns of `table`:
 * scanning a few typed arrays is many times faster than visiting a few hundred thousand
 * objects for every code, and only the facts that are quoted are looked at again.
 */
export interface FactIndex {
  byCode: Map<string, Int32Array>;
  all: Fact[];
  codes: Map<string, Code>;
  /** The codes of the facts by their number in `table.code`. */
  codeIds: string[];
  /** Groups and source kinds present in the study, for naming the silent ones. */
  groups: string[];
  kinds: SourceKind[];
  table: FactTable;
}

/** Per fact, by position: what the verdicts, triangulation and quotes read. */
export interface FactTable {
  valence: Int8Array;
  score: Float64Array;
  /** Dense numbers of the source, the informant (−1: none) and the segment. */
  source: Int32Array;
  informant: Int32Array;
  segment: Int32Array;
  /** The fact's code, numbered by the index in the order codes were first met. */
  code: Int32Array;
  /** Source ids by number. */
  sourceIds: string[];
  sources: number;
  informants: number;
  segments: number;
  /** The fact's group and source kind as numbers into `group.names` and `kind.names` (−1: none). */
  group: Dimension;
  kind: Dimension;
}

/**
 * A way of splitting facts into lines of evidence: the names known in the study first, in
 * their stated order, then any other met among the facts.
 */
export interface Dimension {
  names: string[];
  known: number;
  of: Int32Array;
}

const KIND_ORDER: readonly SourceKind[] = ['interview', 'observation', 'document'];
const GROUP_ORDER = ['provider', 'user', 'partner'];

export function indexFacts(analysis: Analysis, index: AnalysisIndex = indexAnalysis(analysis)): FactIndex {
  const codes = new Map<string, Code>();
  for (const c of analysis.codebook.codes) codes.set(c.id, c);
  // Codings whose segment is gone are left out of the index (and of every display) by the
  // coding stage's report; so they are here, and verdict counts equal the matrices' counts.
  // The contexts are the facts (their `order` is their position), so nothing is copied.
  const all: Fact[] = index.contexts;
  const groupSet = new Set<string>();
  for (const i of analysis.informants) if (i.group) groupSet.add(i.group);
  for (const s of analysis.sources) if (s.group) groupSet.add(s.group);
  const kindSet = new Set<SourceKind>(analysis.sources.map((s) => s.kind));
  const groups = orderBy([...groupSet], GROUP_ORDER);
  const kinds = KIND_ORDER.filter((k) => kindSet.has(k));
  // One pass over the facts (visiting objects is what costs): the table's columns and each
  // fact's code as a number.
  const codeNo = numbers();
  let lastCode: string | undefined;
  let lastNo = -1;
  const table = factTable(all, groups, kinds, (f) => (f.coding.code === lastCode ? lastNo : (lastNo = codeNo((lastCode = f.coding.code)))));
  // Each distinct code once: its chain of ancestors, as numbers of the lists it is filed in.
  const listIds: string[] = [];
  const listNo = new Map<string, number>();
  const chains = codeNo.ids().map((code) =>
    ancestry(code, codes).map((id) => {
      let k = listNo.get(id);
      if (k === undefined) listNo.set(id, (k = listIds.push(id) - 1));
      return k;
    }),
  );
  const chainOf = table.code;
  const sizes = new Int32Array(listIds.length);
  for (let i = 0; i < all.length; i++) for (const k of chains[chainOf[i]!]!) sizes[k]!++;
  const lists = listIds.map((_, k) => new Int32Array(sizes[k]!));
  const filled = new Int32Array(listIds.length);
  for (let i = 0; i < all.length; i++) for (const k of chains[chainOf[i]!]!) lists[k]![filled[k]!++] = i;
  const byCode = new Map<string, Int32Array>(listIds.map((id, k) => [id, lists[k]!]));
  return { byCode, all, codes, codeIds: codeNo.ids(), groups, kinds, table };
}

/** Dense numbers for ids, in the order first asked for. */
function numbers(): ((id: string) => number) & { count: () => number; ids: () => string[] } {
  const m = new Map<string, number>();
  const no = (id: string) => {
    let k = m.get(id);
    if (k === undefined) m.set(id, (k = m.size));
    return k;
  };
  return Object.assign(no, { count: () => m.size, ids: () => [...m.keys()] });
}

/** The columns of FactTable, in one pass over the facts; `codeOf` numbers each fact's code into `code`. */
export function factTable(all: readonly Fact[], groups: readonly string[], kinds: readonly string[], codeOf: (f: Fact) => number): FactTable {
  const n = all.length;
  const valence = new Int8Array(n);
  const score = new Float64Array(n);
  const source = new Int32Array(n);
  const informant = new Int32Array(n);
  const segment = new Int32Array(n);
  const code = new Int32Array(n);
  const sourceNo = numbers();
  const informantNo = numbers();
  const segmentNo = numbers();
  const group = dimension(groups, n);
  const kind = dimension(kinds, n);
  let lastSource: string | undefined;
  let lastSegment: string | undefined;
  let lastInformant: string | undefined;
  let s = -1;
  let g = -1;
  let h = -1;
  for (let i = 0; i < n; i++) {
    const f = all[i]!;
    const c = f.coding;
    valence[i] = c.valence;
    score[i] = c.score;
    // Facts of one source, and of one segment, mostly come together: a look-up per run.
    if (c.sourceId !== lastSource) s = sourceNo((lastSource = c.sourceId));
    source[i] = s;
    if (c.segmentId !== lastSegment) g = segmentNo((lastSegment = c.segmentId));
    segment[i] = g;
    if (f.informantId !== lastInformant) {
      lastInformant = f.informantId;
      h = lastInformant === undefined ? -1 : informantNo(lastInformant);
    }
    informant[i] = h;
    group.of[i] = f.group === undefined ? -1 : group.number(f.group);
    kind.of[i] = kind.number(f.kind);
    code[i] = codeOf(f);
  }
  return {
    valence,
    score,
    source,
    informant,
    segment,
    code,
    sourceIds: sourceNo.ids(),
    sources: sourceNo.count(),
    informants: informantNo.count(),
    segments: segmentNo.count(),
    group: group.done(),
    kind: kind.done(),
  };
}

function dimension(known: readonly string[], n: number): { of: Int32Array; number: (name: string) => number; done: () => Dimension } {
  const names = [...known];
  const no = new Map(names.map((name, i) => [name, i]));
  const of = new Int32Array(n);
  let last: string | undefined;
  let lastNo = -1;
  return {
    of,
    number(name) {
      if (name === last) return lastNo;
      let k = no.get(name);
      if (k === undefined) {
        no.set(name, (k = names.length));
        names.push(name);
      }
      last = name;
      return (lastNo = k);
    },
    done: () => ({ names, known: known.length, of }),
  };
}

/** The code and its ancestors: from the codebook's parent links, else from the dotted id. */
export function ancestry(code: string, codes: ReadonlyMap<string, Code>): string[] {
  const out: string[] = [];
  let id: string | undefined = code;
  const seen = new Set<string>();
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    out.push(id);
    const known = codes.get(id);
    if (known) id = known.parent;
    else {
      const dot = id.lastIndexOf('.');
      id = dot > 0 ? id.slice(0, dot) : undefined;
    }
  }
  return out;
}

export function toQuote(f: Fact): QuoteRef {
  const q: QuoteRef = {
    segmentId: f.coding.segmentId,
    sourceId: f.coding.sourceId,
    code: f.coding.code,
    valence: f.coding.valence,
    coder: f.coding.coder,
    quote: (f.coding.quote || f.segment?.text || '').replace(/\s+/g, ' ').trim(),
    kind: f.kind,
  };
  if (f.informantId !== undefined) q.informant = f.informantId;
  if (f.role !== undefined) q.role = f.role;
  if (f.group !== undefined) q.group = f.group;
  if (f.segment) {
    q.line = f.segment.line;
    q.endLine = f.segment.endLine;
  }
  return q;
}

/** Known keys first in their given order, then the rest alphabetically. */
export function orderBy(keys: string[], known: readonly string[]): string[] {
  return [...keys].sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    if (ia !== ib) return (ia < 0 ? known.length : ia) - (ib < 0 ? known.length : ib);
    return cmp(a, b);
  });
}

/** Code-point comparison: locale-independent, so output is the same on every machine. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
