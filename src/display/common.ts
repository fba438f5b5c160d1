import type { Analysis } from '../model/analysis.js';
import type { Lang } from '../model/codebook.js';
import type { Cell, Header, Matrix, MatrixKind } from '../model/matrix.js';
import { codeComparator, codeLabel, topCodes } from '../condense/codes.js';
import { countValences } from '../condense/condense.js';
import { indexAnalysis, type AnalysisIndex, type CodingContext } from '../condense/context.js';
import { byStrength, collapse, kwicOf, shorten } from '../condense/excerpts.js';

export interface DisplayOptions {
  /** Label language (default: the study's language). */
  lang?: Lang;
  /** A prebuilt index, when several displays are built from one Analysis. */
  index?: AnalysisIndex;
}

export interface DisplayContext {
  analysis: Analysis;
  index: AnalysisIndex;
  lang: Lang;
  compareCode: (a: string, b: string) => number;
}

export function displayContext(analysis: Analysis, options: DisplayOptions = {}): DisplayContext {
  return {
    analysis,
    index: options.index ?? indexAnalysis(analysis),
    lang: options.lang ?? analysis.study.language,
    compareCode: codeComparator(analysis.codebook),
  };
}

/** A cell from the codings behind it; count and refs always agree. */
export function cellOf(row: string, column: string, contexts: readonly CodingContext[], text: string): Cell {
  return {
    row,
    column,
    text,
    count: contexts.length,
    counts: countValences(contexts),
    refs: contexts.map((c) => c.ref),
  };
}

/** The strongest of a set of codings (score, then valence strength, then text order). */
export function strongest(contexts: readonly CodingContext[]): CodingContext | undefined {
  return [...contexts].sort(byStrength)[0];
}

/** A one-line gist of the strongest coding: its keyword in context, shortened. */
export function gistOf(contexts: readonly CodingContext[], max = 80): string {
  const best = strongest(contexts);
  if (!best) return '';
  const k = kwicOf(best, 5);
  return shorten(collapse(k.left + k.match + k.right), max);
}

/** The strongest coding's quote in typographic quotes, with who said it. */
export function strongestQuote(contexts: readonly CodingContext[], max = 120): string {
  const best = strongest(contexts);
  if (!best) return '';
  const who = best.informantId ?? best.segment.sourceId;
  return `“${shorten(best.coding.quote || best.segment.text, max)}” (${who})`;
}

/** Top-level code columns: attributes, then (when asked) obstacles, then any other coded top-level code. */
export function codeColumns(ctx: DisplayContext, withObstacles: boolean): Header[] {
  const ids = [...topCodes(ctx.analysis.codebook, 'attribute')];
  if (withObstacles) ids.push(...topCodes(ctx.analysis.codebook, 'obstacle'));
  if (ids.length === 0) {
    // A codebook without groups: fall back to whatever top-level codes were coded.
    const seen = new Set(ctx.index.contexts.map((c) => c.coding.code.split('.')[0]!));
    ids.push(...[...seen].sort(ctx.compareCode));
  }
  return ids.map((id) => ({ id, label: codeLabel(ctx.analysis.codebook, id, ctx.lang) }));
}

/** Group contexts by a key function, keeping text order inside each group. */
export function groupBy<K>(contexts: readonly CodingContext[], key: (c: CodingContext) => K | undefined): Map<K, CodingContext[]> {
  const m = new Map<K, CodingContext[]>();
  for (const c of contexts) {
    const k = key(c);
    if (k === undefined) continue;
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(c);
  }
  return m;
}

export function matrix(kind: MatrixKind, parts: Omit<Matrix, 'kind'>): Matrix {
  return { kind, ...parts };
}
