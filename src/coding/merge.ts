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

/** Two codes on one line of the codebook tree: the same code, or one a sub-code of the other. */
export function onOneLine(a: string, b: string): boolean {
  return isUnder(a, b) || isUnder(b, a);
}

/**
 * Combines automatic and manual codings. The automatic ones come with the statuses the coders'
 * decision logs gave them (coding/decisions.ts); review.csv's rows apply on top: `reject` makes
 * a coding rejected, `accept` accepts one not yet judged.
 * - auto-only: the codebook's codings; manual ones ignored.
 * - manual-only: the coders' codings, plus the automatic codings a person judged.
 * - union: both.
 * - manual-overrides-auto (the default): in a segment a person coded, their coding replaces the
 *   unjudged automatic codings of the same code and of the codes above and below it in the
 *   tree (`observability.media` replaces `observability` and `observability.media`, never
 *   `observability.visible_results`); each manual coding names what it replaced (`replaces`).
 * Rejected automatic codings stay in the list, with their status, so the audit can show them;
 * counting leaves them out. Manual codings from several coders are all kept.
 */
export function mergeCodings(
  auto: readonly Coding[],
  manual: readonly Coding[],
  mode: MergeMode,
  review: readonly ReviewDecision[] = [],
  diags?: Diagnostics,
): Coding[] {
  const reviewed = applyReviewFile(auto, review, diags);
  switch (mode) {
    case 'auto-only':
      return reviewed;
    case 'union':
      return [...reviewed, ...manual];
    case 'manual-only':
      return [...reviewed.filter((c) => c.status !== 'auto'), ...manual];
    case 'manual-overrides-auto':
      return overridden(reviewed, manual);
  }
}

/** Unjudged automatic codings a manual coding of their segment replaces, dropped; the manual ones say which. */
function overridden(auto: readonly Coding[], manual: readonly Coding[]): Coding[] {
  const bySegment = new Map<string, Coding[]>();
  for (const m of manual) bySegment.set(m.segmentId, [...(bySegment.get(m.segmentId) ?? []), m]);
  const replacedBy = new Map<Coding, string[]>();
  const kept: Coding[] = [];
  for (const c of auto) {
    const covering = c.status === 'auto' ? (bySegment.get(c.segmentId) ?? []).filter((m) => onOneLine(m.code, c.code)) : [];
    if (covering.length === 0) {
      kept.push(c);
      continue;
    }
    for (const m of covering) replacedBy.set(m, [...(replacedBy.get(m) ?? []), c.code]);
  }
  const merged = manual.map((m) => (replacedBy.has(m) ? { ...m, replaces: [...new Set(replacedBy.get(m))].sort() } : m));
  return [...kept, ...merged];
}

/** review.csv's rows on the automatic codings they name (a parent code names its sub-codes too). */
function applyReviewFile(auto: readonly Coding[], review: readonly ReviewDecision[], diags?: Diagnostics): Coding[] {
  if (review.length === 0) return [...auto];
  const bySegment = new Map<string, ReviewDecision[]>();
  for (const d of review) {
    if (d.unplaced) continue; // already reported by checkReview
    bySegment.set(d.segment, [...(bySegment.get(d.segment) ?? []), d]);
  }
  const used = new Set<ReviewDecision>();
  const out = auto.map((c) => {
    const hits = (bySegment.get(c.segmentId) ?? []).filter((d) => isUnder(c.code, d.code));
    for (const d of hits) used.add(d);
    if (hits.some((d) => d.decision === 'reject')) return { ...c, status: 'rejected' as const, reviewer: c.reviewer ?? REVIEW_FILE_REVIEWER };
    if (c.status === 'auto' && hits.some((d) => d.decision === 'accept')) return { ...c, status: 'accepted' as const, reviewer: REVIEW_FILE_REVIEWER };
    return c;
  });
  if (diags) {
    for (const d of review) {
      if (!used.has(d) && !d.unplaced)
        diags.info(
          'review/unused',
          `no automatic coding of ${d.code} in ${d.segment} to ${d.decision}`,
          { file: d.file, line: d.line },
          'the codebook or the transcript changed since the review; the row can go',
        );
    }
    reportConflicts(review, diags);
  }
  return out;
}

/** How codings judged in codings/review.csv name their reviewer. */
export const REVIEW_FILE_REVIEWER = 'review.csv';

function reportConflicts(review: readonly ReviewDecision[], diags: Diagnostics): void {
  const seen = new Map<string, ReviewDecision>();
  for (const d of review) {
    if (d.unplaced) continue;
    const key = `${d.segment}\u0000${d.code}`;
    const prev = seen.get(key);
    if (prev && prev.decision !== d.decision) {
      diags.warn('review/conflict', `${d.segment} ${d.code} is ${prev.decision}ed on line ${prev.line} and ${d.decision}ed here; reject wins`, {
        file: d.file,
        line: d.line,
      });
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
