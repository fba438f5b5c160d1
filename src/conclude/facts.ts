import type { Analysis } from '../model/analysis.js';
import type { Code } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { QuoteRef } from '../model/conclusion.js';
import type { CodedSegment } from '../model/segment.js';
import type { SourceInfo, SourceKind } from '../model/source.js';
import { codingColumns, type CodingColumns } from '../index/columns.js';
import { indexAnalysis, lineIn, type AnalysisIndex } from '../index/analysis-index.js';

/**
 * One coding with the who and where resolved once, so later steps never look them up again.
 * The displays' CodingContext is one, so conclusions reuse the index instead of copying it.
 */
export interface Fact {
  coding: Coding;
  segment?: CodedSegment;
  source?: SourceInfo;
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
  // The index's typed columns (one pass over its objects, shared with the displays) give the
  // table's columns and each fact's code as a number, in the order codes were first met.
  const cols = codingColumns(index);
  const table = factTable(cols, groups, kinds);
  const codeIds = cols.codes;
  // Each distinct code once: its chain of ancestors, as numbers of the lists it is filed in.
  const listIds: string[] = [];
  const listNo = new Map<string, number>();
  const chains = codeIds.map((code) =>
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
  return { byCode, all, codes, codeIds, groups, kinds, table };
}

/**
 * FactTable from the index's columns: valence, score, code, segment and informant are the
 * columns themselves (read, never written); sources are numbered by the coding's own source
 * id; groups and kinds are renumbered so the study's known names come first.
 */
export function factTable(cols: CodingColumns, groups: readonly string[], kinds: readonly string[]): FactTable {
  const n = cols.size;
  const group = dimension(groups, n);
  const kind = dimension(kinds, n);
  // Names met among the facts are numbered in the order first met, as the columns number them.
  const groupNo = Int32Array.from(cols.groups, (name) => group.number(name));
  const kindNo = Int32Array.from(cols.kinds, (name) => kind.number(name));
  for (let i = 0; i < n; i++) {
    const g = cols.group[i]!;
    group.of[i] = g < 0 ? -1 : groupNo[g]!;
    kind.of[i] = kindNo[cols.kind[i]!]!;
  }
  return {
    valence: cols.valence,
    score: cols.score,
    source: cols.codingSource,
    informant: cols.informant,
    segment: cols.segment,
    code: cols.code,
    sourceIds: cols.codingSources,
    sources: cols.codingSources.length,
    informants: cols.informants.length,
    segments: cols.segments,
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
    // The lines of the quoted words, counted as codings.csv, qia query and --cell count them.
    q.line = lineIn(f.source, f.segment, f.coding.span.start);
    q.endLine = lineIn(f.source, f.segment, Math.max(f.coding.span.start, f.coding.span.end - 1));
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
