import type { Coding } from '../model/coding.js';
import type { MergeMode } from '../model/study.js';
import type { Diagnostics } from '../util/diagnostics.js';
import type { ReviewDecision } from './review-file.js';
import { segmentNumber } from '../segment/ids.js';

export const MERGE_MODES: readonly MergeMode[] = ['manual-overrides-auto', 'manual-only', 'auto-only', 'union'];
export const DEFAULT_MERGE: MergeMode = 'manual-overrides-auto';

export function isMergeMode(s: unknown): s is MergeMode {
  return typeof s === 'string' && (MERGE_MODES as readonly string[]).includes(s);
}

/** The attribute or obstacle a (sub-)code belongs to: `complexity.ease_of_use` → `complexity`. */
export function topCode(code: string): string {
  const dot = code.indexOf('.');
  return dot === -1 ? code : code.slice(0, dot);
}

/** True when `code` is `ancestor` or one of its sub-codes. */
export function isUnder(code: string, ancestor: string): boolean {
  return code === ancestor || (code.length > ancestor.length && code.startsWith(ancestor) && code.charCodeAt(ancestor.length) === 46);
}

export function isManual(c: Coding): boolean {
  return c.origin !== 'rule';
}

/**
 * Combines automatic and manual codings.
 * - auto-only: the codebook's codings; manual ones ignored.
 * - manual-only: the coders' codings, plus auto codings a researcher accepted in review.csv.
 * - union: both.
 * - manual-overrides-auto: where a segment has any manual coding under a top-level code,
 *   the manual codings for that code replace the auto ones (accepted auto codings stay);
 *   elsewhere the auto codings stand.
 * In every mode, auto codings rejected in review.csv are dropped. Manual codings from several
 * coders are all kept (the coder column tells them apart).
 */
export function mergeCodings(
  auto: readonly Coding[],
  manual: readonly Coding[],
  mode: MergeMode,
  review: readonly ReviewDecision[] = [],
  diags?: Diagnostics,
): Coding[] {
  const bySegment = new Map<string, ReviewDecision[]>();
  for (const d of review) {
    if (d.unplaced) continue; // already reported by checkReview
    let list = bySegment.get(d.segment);
    if (!list) bySegment.set(d.segment, (list = []));
    list.push(d);
  }
  const used = new Set<ReviewDecision>();
  const kept: Coding[] = [];
  const accepted = new Set<Coding>();
  for (const c of auto) {
    const ds = bySegment.get(c.segmentId);
    if (ds) {
      const hits = ds.filter((d) => isUnder(c.code, d.code));
      for (const d of hits) used.add(d);
      if (hits.some((d) => d.decision === 'reject')) continue;
      if (hits.some((d) => d.decision === 'accept')) accepted.add(c);
    }
    kept.push(c);
  }
  if (diags) {
    for (const d of review) {
      if (!used.has(d) && !d.unplaced) diags.info('review/unused', `no automatic coding of ${d.code} in ${d.segment} to ${d.decision}`, { file: d.file, line: d.line }, 'the codebook or the transcript changed since the review; the row can go');
    }
    reportConflicts(review, diags);
  }

  switch (mode) {
    case 'auto-only':
      return kept;
    case 'union':
      return [...kept, ...manual];
    case 'manual-only':
      return [...kept.filter((c) => accepted.has(c)), ...manual];
    case 'manual-overrides-auto': {
      const covered = new Set<string>();
      for (const m of manual) covered.add(`${m.segmentId}\u0000${topCode(m.code)}`);
      return [...kept.filter((c) => accepted.has(c) || !covered.has(`${c.segmentId}\u0000${topCode(c.code)}`)), ...manual];
    }
  }
}

function reportConflicts(review: readonly ReviewDecision[], diags: Diagnostics): void {
  const seen = new Map<string, ReviewDecision>();
  for (const d of review) {
    if (d.unplaced) continue;
    const key = `${d.segment}\u0000${d.code}`;
    const prev = seen.get(key);
    if (prev && prev.decision !== d.decision) {
      diags.warn('review/conflict', `${d.segment} ${d.code} is ${prev.decision}ed on line ${prev.line} and ${d.decision}ed here; reject wins`, { file: d.file, line: d.line });
    }
    seen.set(key, d);
  }
}


const ORIGIN_ORDER: Record<Coding['origin'], number> = { rule: 0, inline: 1, manual: 2, imported: 3 };

/** The one order codings are written in: source id, segment n, code, coder, then position. */
export function compareCodings(a: Coding, b: Coding): number {
  return cmp(a.sourceId, b.sourceId) || segmentNumber(a.segmentId) - segmentNumber(b.segmentId) || compareWithinSegment(a, b);
}

/** compareCodings for two codings of the same segment. */
function compareWithinSegment(a: Coding, b: Coding): number {
  return (
    cmp(a.code, b.code) ||
    cmp(a.coder, b.coder) ||
    a.span.start - b.span.start ||
    a.span.end - b.span.end ||
    ORIGIN_ORDER[a.origin] - ORIGIN_ORDER[b.origin] ||
    a.valence - b.valence
  );
}

/** Plain code-unit comparison: the same order on every machine, whatever its locale. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorts in place into compareCodings' order. Each coding's segment number is read once, not in
 * every comparison (a large study's sort made millions of comparisons, each cutting two ids);
 * Array#sort is stable, so the order is exactly compareCodings'.
 */
export function sortCodings(codings: Coding[]): Coding[] {
  const n = codings.length;
  if (n < 2) return codings;
  const seg = new Float64Array(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    seg[i] = segmentNumber(codings[i]!.segmentId);
    order[i] = i;
  }
  order.sort((x, y) => {
    const a = codings[x]!;
    const b = codings[y]!;
    return cmp(a.sourceId, b.sourceId) || seg[x]! - seg[y]! || compareWithinSegment(a, b);
  });
  const sorted = order.map((i) => codings[i]!);
  for (let i = 0; i < n; i++) codings[i] = sorted[i]!;
  return codings;
}
