import type { Analysis } from '../model/analysis.js';
import type { Evidence, GroupingKind, SubcodeTally, ValenceCounts } from '../model/evidence.js';
import { SOURCE_KINDS } from '../model/source.js';
import { codeComparator, isWithin, selfAndAncestors } from '../codebook/codes.js';
import { indexAnalysis, type AnalysisIndex, type CodingContext } from '../index/analysis-index.js';
import { selectExcerpts, type ExcerptOptions } from './excerpts.js';

export interface CondenseOptions extends ExcerptOptions {
  /** Groupings to produce, in this order (default: case, group, role, kind, informant). */
  by?: GroupingKind[];
  /** Only these codes (and, by roll-up, whatever falls under them). Default: every code coded. */
  codes?: string[];
}

export const ALL_GROUPINGS: readonly GroupingKind[] = ['case', 'group', 'role', 'kind', 'informant'];

/** Roles in the order a thesis lists them: the office first, then those it serves and works with. */
export const ROLE_ORDER: readonly string[] = ['head', 'staff', 'user', 'partner'];
export const GROUP_ORDER: readonly string[] = ['provider', 'user', 'partner'];

export function emptyCounts(): ValenceCounts {
  return { positive: 0, neutral: 0, negative: 0 };
}

export function addValence(c: ValenceCounts, v: number): void {
  if (v > 0) c.positive++;
  else if (v < 0) c.negative++;
  else c.neutral++;
}

export function countValences(contexts: readonly { coding: { valence: number } }[]): ValenceCounts {
  const c = emptyCounts();
  for (const x of contexts) addValence(c, x.coding.valence);
  return c;
}

/** The key a coding falls under for one grouping, or undefined when it has none (e.g. a document has no informant). */
export function groupingKey(ctx: CodingContext, by: GroupingKind, caseName: string): string | undefined {
  switch (by) {
    case 'case':
      return caseName;
    case 'informant':
      return ctx.informantId;
    case 'role':
      return ctx.role;
    case 'group':
      return ctx.group;
    case 'kind':
      return ctx.kind;
  }
}

function byKnownOrder(order: readonly string[]): (a: string, b: string) => number {
  // A rank table rather than indexOf: a large study sorts thousands of informant ids.
  const rank = new Map<string, number>();
  order.forEach((k, i) => {
    if (!rank.has(k)) rank.set(k, i);
  });
  return (a, b) => {
    const ia = rank.get(a) ?? -1;
    const ib = rank.get(b) ?? -1;
    if (ia !== -1 || ib !== -1) return (ia === -1 ? order.length : ia) - (ib === -1 ? order.length : ib) || (a < b ? -1 : a > b ? 1 : 0);
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

/** Roles as every output orders them: head, staff, user, partner, then others alphabetically. */
export const byRoleOrder: (a: string, b: string) => number = byKnownOrder(ROLE_ORDER);

/** How keys of one grouping are ordered in every output. */
export function keyComparator(analysis: Analysis, by: GroupingKind): (a: string, b: string) => number {
  switch (by) {
    case 'role':
      return byRoleOrder;
    case 'group':
      return byKnownOrder(GROUP_ORDER);
    case 'kind':
      return byKnownOrder(SOURCE_KINDS);
    case 'informant':
      return byKnownOrder(analysis.informants.map((i) => i.id));
    case 'case':
      return () => 0;
  }
}

function distinctSorted(values: Iterable<string | undefined>): string[] {
  return [...new Set([...values].filter((v): v is string => v !== undefined))].sort();
}

/** Tally the sub-codes (every level below `code`) that the codings fall under. */
export function tallySubcodes(code: string, contexts: readonly CodingContext[], compare: (a: string, b: string) => number): SubcodeTally[] {
  const tallies = new Map<string, SubcodeTally>();
  for (const ctx of contexts) {
    for (const sub of selfAndAncestors(ctx.coding.code)) {
      if (sub === code || !isWithin(sub, code)) continue;
      let t = tallies.get(sub);
      if (!t) tallies.set(sub, (t = { code: sub, counts: emptyCounts(), total: 0 }));
      addValence(t.counts, ctx.coding.valence);
      t.total++;
    }
  }
  return [...tallies.values()].sort((a, b) => compare(a.code, b.code));
}

/** One Evidence from the codings behind it (already in text order). */
export function evidenceOf(
  code: string,
  by: GroupingKind,
  key: string,
  contexts: readonly CodingContext[],
  compare: (a: string, b: string) => number,
  opts: ExcerptOptions = {},
): Evidence {
  return {
    code,
    by,
    key,
    counts: countValences(contexts),
    total: contexts.length,
    informants: distinctSorted(contexts.map((c) => c.informantId)),
    sources: distinctSorted(contexts.map((c) => c.segment.sourceId)),
    refs: contexts.map((c) => c.ref),
    excerpts: selectExcerpts(contexts, opts),
    subcodes: tallySubcodes(code, contexts, compare),
  };
}

/**
 * Data condensation: for each code (rolled up over its sub-codes) and each grouping key, what
 * was coded, in which direction, by how many informants and sources, and the strongest quotes.
 * Pure: the same Analysis and options always give the same Evidence[], in the same order.
 */
export function condense(analysis: Analysis, options: CondenseOptions = {}, index: AnalysisIndex = indexAnalysis(analysis)): Evidence[] {
  const groupings = options.by ?? [...ALL_GROUPINGS];
  const compareCode = codeComparator(analysis.codebook);
  const wanted = options.codes;
  const buckets = new Map<string, Map<GroupingKind, Map<string, CodingContext[]>>>();

  for (const ctx of index.contexts) {
    for (const code of selfAndAncestors(ctx.coding.code)) {
      if (wanted && !wanted.some((w) => isWithin(code, w))) continue;
      let perCode = buckets.get(code);
      if (!perCode) buckets.set(code, (perCode = new Map()));
      for (const by of groupings) {
        const key = groupingKey(ctx, by, analysis.study.case);
        if (key === undefined) continue;
        let perKey = perCode.get(by);
        if (!perKey) perCode.set(by, (perKey = new Map()));
        let list = perKey.get(key);
        if (!list) perKey.set(key, (list = []));
        list.push(ctx);
      }
    }
  }

  const out: Evidence[] = [];
  for (const code of [...buckets.keys()].sort(compareCode)) {
    const perCode = buckets.get(code)!;
    for (const by of groupings) {
      const perKey = perCode.get(by);
      if (!perKey) continue;
      for (const key of [...perKey.keys()].sort(keyComparator(analysis, by))) {
        out.push(evidenceOf(code, by, key, perKey.get(key)!, compareCode, options));
      }
    }
  }
  return out;
}
