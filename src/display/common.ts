import type { Analysis } from '../model/analysis.js';
import type { EvidenceRef } from '../model/evidence.js';
import type { Lang } from '../model/codebook.js';
import type { Cell, Header, Matrix, MatrixKind, Strength } from '../model/matrix.js';
import { codeComparator, codeLabel, isWithin, topCodes } from '../codebook/codes.js';
import { countValences } from '../condense/condense.js';
import { indexAnalysis, type AnalysisIndex, type CodingContext } from '../index/analysis-index.js';
import { byStrength, collapse, kwicOf, shorten } from '../condense/excerpts.js';
import type { CodingColumns } from '../index/columns.js';

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
  const cell = { row, column, text, count: contexts.length, counts: countValences(contexts) } as Cell;
  return withRefs(cell, () => contexts.map((c) => c.ref));
}

/**
 * Give a cell its `refs`, made on first reading. A report renders counts and a quote per cell
 * and never the links, which are one object per coding; `qia matrix --format json` and the
 * evidence view read them, and get the same array as if it had been made at once. The
 * property is an own, enumerable one in the place it always had, so JSON and key order do
 * not change.
 */
export function withRefs(cell: Cell, make: () => EvidenceRef[]): Cell {
  let made: EvidenceRef[] | undefined;
  Object.defineProperty(cell, 'refs', {
    enumerable: true,
    configurable: true,
    get: () => (made ??= make()),
    set: (v: EvidenceRef[]) => {
      made = v;
    },
  });
  return cell;
}

/**
 * The cells of a row whose columns all stand on the same codings (the checklist's and the
 * obstacles table's): counted once, and linked through one shared refs array, made on demand.
 */
export function sharedCells(
  row: string,
  contexts: readonly CodingContext[],
  texts: readonly (readonly [column: string, text: string])[],
  strength?: Strength,
  counts = countValences(contexts),
): Cell[] {
  let refs: EvidenceRef[] | undefined;
  const make = () => (refs ??= contexts.map((c) => c.ref));
  return texts.map(([column, text]) => {
    const cell = withRefs({ row, column, text, count: contexts.length, counts: { ...counts } } as Cell, make);
    if (strength !== undefined) cell.strength = strength;
    return cell;
  });
}

/** A copy of a cell without its refs, reading none of them (so lazy ones are never made). */
export function withoutRefs(cell: Cell): Omit<Cell, 'refs'> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(cell)) if (k !== 'refs') out[k] = (cell as unknown as Record<string, unknown>)[k];
  return out as unknown as Omit<Cell, 'refs'>;
}

/** A copy of a cell with other refs in their place, reading none of its own. */
export function withOtherRefs(cell: Cell, refs: EvidenceRef[]): Cell {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(cell)) out[k] = k === 'refs' ? refs : (cell as unknown as Record<string, unknown>)[k];
  return out as unknown as Cell;
}

/** The strongest of a set of codings (score, then valence strength, then text order): one scan, no sort. */
export function strongest(contexts: readonly CodingContext[]): CodingContext | undefined {
  let best: CodingContext | undefined;
  for (const c of contexts) if (best === undefined || byStrength(c, best) < 0) best = c;
  return best;
}

/** A one-line gist of the strongest coding: its keyword in context, shortened. */
export function gistOf(contexts: readonly CodingContext[], max = 80): string {
  return gistOfOne(strongest(contexts), max);
}

/** A coding's keyword in context on one line, shortened ('' for none). */
export function gistOfOne(best: CodingContext | undefined, max = 80): string {
  if (!best) return '';
  const k = kwicOf(best, 5);
  return shorten(collapse(k.left + k.match + k.right), max);
}

/** The strongest coding's quote in typographic quotes, with who said it. */
export function strongestQuote(contexts: readonly CodingContext[], max = 120): string {
  return quoteOf(strongest(contexts), max);
}

/** A coding's quote in typographic quotes, with who said it ('' for none). */
export function quoteOf(best: CodingContext | undefined, max = 120): string {
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

/**
 * A function from a code id to the columns it counts under (itself or an ancestor among
 * `columns`), worked out once per distinct code: a study has a handful of codes and a great
 * many codings, so every builder stays linear in the codings.
 */
export function columnsOfCode(columns: readonly Header[]): (code: string) => readonly string[] {
  const memo = new Map<string, readonly string[]>();
  // Neighbouring codings often share a code: the last answer is kept at hand.
  let lastCode: string | undefined;
  let lastCols: readonly string[] = [];
  return (code) => {
    if (code === lastCode) return lastCols;
    let cols = memo.get(code);
    if (!cols) memo.set(code, (cols = columns.filter((col) => isWithin(code, col.id)).map((col) => col.id)));
    lastCode = code;
    return (lastCols = cols);
  };
}

/**
 * The column a code counts under, for columns that are top-level codes (codeColumns): a code
 * lies within one of them at most, so the first found is the only one.
 */
export function topColumn(columns: readonly Header[]): (code: string) => string | undefined {
  const colsOf = columnsOfCode(columns);
  return (code) => colsOf(code)[0];
}

export interface Split {
  /** Every coding under the parent, in text order. */
  all: CodingContext[];
  /** Per child (in the order given), the codings under it. */
  byChild: CodingContext[][];
  /** Codings on the parent itself, or on a sub-code not among the children. */
  rest: CodingContext[];
}

/**
 * The codings under each parent code, split among its children (the first child a code falls
 * under, as a reader of the codebook would file it) and the rest, in one pass over the codings.
 * Given the index's columns (whose positions are these codings), each coding's code is read
 * there as a number.
 */
export function splitUnder(contexts: readonly CodingContext[], parents: readonly { id: string; children: readonly string[] }[], cols?: CodingColumns): Split[] {
  const splits: Split[] = parents.map((p) => ({ all: [], byChild: p.children.map(() => []), rest: [] }));
  const placesOf = (code: string): readonly (readonly [number, number])[] => {
    const found: (readonly [number, number])[] = [];
    parents.forEach((p, i) => {
      if (isWithin(code, p.id)) found.push([i, p.children.findIndex((child) => isWithin(code, child))]);
    });
    return found;
  };
  const file = (c: CodingContext, places: readonly (readonly [number, number])[]) => {
    for (const [i, child] of places) {
      const s = splits[i]!;
      s.all.push(c);
      (child === -1 ? s.rest : s.byChild[child]!).push(c);
    }
  };
  if (cols !== undefined && cols.size === contexts.length) {
    const byCode = cols.codes.map(placesOf);
    const { code } = cols;
    for (let i = 0; i < contexts.length; i++) {
      const places = byCode[code[i]!]!;
      if (places.length > 0) file(contexts[i]!, places);
    }
    return splits;
  }
  const memo = new Map<string, readonly (readonly [number, number])[]>();
  for (const c of contexts) {
    let places = memo.get(c.coding.code);
    if (!places) memo.set(c.coding.code, (places = placesOf(c.coding.code)));
    file(c, places);
  }
  return splits;
}

export function matrix(kind: MatrixKind, parts: Omit<Matrix, 'kind'>): Matrix {
  return { kind, ...parts };
}
