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
 */
export interface FactIndex {
  byCode: Map<string, Fact[]>;
  all: Fact[];
  codes: Map<string, Code>;
  /** Groups and source kinds present in the study, for naming the silent ones. */
  groups: string[];
  kinds: SourceKind[];
}

const KIND_ORDER: readonly SourceKind[] = ['interview', 'observation', 'document'];
const GROUP_ORDER = ['provider', 'user', 'partner'];

export function indexFacts(analysis: Analysis, index: AnalysisIndex = indexAnalysis(analysis)): FactIndex {
  const codes = new Map<string, Code>();
  for (const c of analysis.codebook.codes) codes.set(c.id, c);
  const ancestors = new Map<string, string[]>();
  const byCode = new Map<string, Fact[]>();
  // Codings whose segment is gone are left out of the index (and of every display) by the
  // coding stage's report; so they are here, and verdict counts equal the matrices' counts.
  // The contexts are the facts (their `order` is their position), so nothing is copied.
  const all: Fact[] = index.contexts;
  for (const fact of all) {
    let chain = ancestors.get(fact.coding.code);
    if (!chain) ancestors.set(fact.coding.code, (chain = ancestry(fact.coding.code, codes)));
    for (const id of chain) {
      let list = byCode.get(id);
      if (!list) byCode.set(id, (list = []));
      list.push(fact);
    }
  }

  const groupSet = new Set<string>();
  for (const i of analysis.informants) if (i.group) groupSet.add(i.group);
  for (const s of analysis.sources) if (s.group) groupSet.add(s.group);
  const kindSet = new Set<SourceKind>(analysis.sources.map((s) => s.kind));
  return {
    byCode,
    all,
    codes,
    groups: orderBy([...groupSet], GROUP_ORDER),
    kinds: KIND_ORDER.filter((k) => kindSet.has(k)),
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
