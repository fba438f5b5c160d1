import type { Excerpt, Kwic } from '../model/evidence.js';
import type { CodingContext } from '../index/analysis-index.js';

export interface ExcerptOptions {
  /** How many excerpts to keep (default 3). */
  max?: number;
  /** Token-set Jaccard at or above which two quotes count as near-duplicates (default 0.8). */
  near?: number;
  /** Words of context either side of the keyword (default 6). */
  window?: number;
  /** Longest quote kept, in characters, cut at a word boundary (default 240). */
  quoteChars?: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function tokenSet(text: string): Set<string> {
  return new Set((text.toLowerCase().match(WORD) ?? []) as string[]);
}

/** |A ∩ B| / |A ∪ B|; two empty sets are identical (1). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Shorten to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export function shorten(text: string, max: number): string {
  const t = collapse(text);
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '') + '…';
}

/**
 * Strongest first: the matcher's score, then a directed valence before a neutral one, then
 * text order. A total order, so the same codings always give the same excerpts.
 */
export function byStrength(a: CodingContext, b: CodingContext): number {
  return b.coding.score - a.coding.score || Math.abs(b.coding.valence) - Math.abs(a.coding.valence) || a.order - b.order;
}

/**
 * The last `n` words before the keyword, keeping the space (or its absence) right before
 * it, so `left + match + right` reads as the source does.
 */
function lastWords(text: string, n: number): string {
  const t = text.replace(/\s+/g, ' ').replace(/^ /, '');
  const m = new RegExp(`(?:\\S+ ){0,${n}}\\S*$`).exec(t)!;
  return (m.index > 0 ? '… ' : '') + m[0];
}

function firstWords(text: string, n: number): string {
  const t = text.replace(/\s+/g, ' ').replace(/ $/, '');
  const m = new RegExp(`^\\S*(?: \\S+){0,${n}}`).exec(t)!;
  return m[0] + (m[0].length < t.length ? ' …' : '');
}

/**
 * The matched words with a few words either side, taken from the source text but never
 * beyond the segment, so a reader sees the words that made the coding fire. `left` and
 * `right` keep their spacing: `left + match + right` is the text as written.
 */
export function kwicOf(ctx: CodingContext, window = 6): Kwic {
  const { coding, segment } = ctx;
  const inside = coding.matches
    .filter((m) => m.span.start >= segment.span.start && m.span.end <= segment.span.end)
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const first = inside[0];
  if (!first) {
    const words = collapse(coding.quote || segment.text).split(' ');
    return { left: '', match: words.slice(0, 2 * window + 1).join(' ') + (words.length > 2 * window + 1 ? ' …' : ''), right: '' };
  }
  // The segment's own words, offsets made relative to where it starts in the source.
  const text = segment.text;
  const base = segment.span.start;
  const lo = Math.max(segment.body.start, segment.span.start);
  return {
    left: lastWords(text.slice(lo - base, first.span.start - base), window),
    match: collapse(text.slice(first.span.start - base, first.span.end - base)),
    right: firstWords(text.slice(first.span.end - base, segment.span.end - base), window),
  };
}

export function toExcerpt(ctx: CodingContext, opts: ExcerptOptions = {}): Excerpt {
  const ex: Excerpt = {
    ref: ctx.ref,
    sourceKind: ctx.kind,
    quote: shorten(ctx.coding.quote || ctx.segment.text, opts.quoteChars ?? 240),
    kwic: kwicOf(ctx, opts.window ?? 6),
    score: ctx.coding.score,
  };
  if (ctx.role) ex.role = ctx.role;
  return ex;
}

/**
 * Pick representative excerpts: rank by strength, then take one per informant in turn
 * (round-robin, informants ordered by their strongest quote) so one talkative informant
 * cannot fill the list, skipping any quote too close to one already taken.
 */
export function selectExcerpts(candidates: readonly CodingContext[], opts: ExcerptOptions = {}): Excerpt[] {
  const max = opts.max ?? 3;
  const near = opts.near ?? 0.8;
  if (max <= 0) return [];
  const ranked = [...candidates].sort(byStrength);
  const buckets = new Map<string, CodingContext[]>();
  for (const c of ranked) {
    const who = c.informantId ?? `source:${c.segment.sourceId}`;
    let b = buckets.get(who);
    if (!b) buckets.set(who, (b = []));
    b.push(c);
  }
  const queues = [...buckets.values()];
  const taken: CodingContext[] = [];
  const takenTokens: Set<string>[] = [];
  let progress = true;
  while (taken.length < max && progress) {
    progress = false;
    for (const q of queues) {
      if (taken.length >= max) break;
      while (q.length > 0) {
        const c = q.shift()!;
        const tokens = tokenSet(c.coding.quote || c.segment.text);
        if (takenTokens.some((t) => jaccard(t, tokens) >= near)) continue;
        taken.push(c);
        takenTokens.push(tokens);
        progress = true;
        break;
      }
    }
  }
  return taken.map((c) => toExcerpt(c, opts));
}
