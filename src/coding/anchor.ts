import type { Span } from '../model/span.js';
import { isSpace, trimSpan } from './quote-context.js';

/**
 * Finding a coded quote again after its transcript was edited, in the manner of a W3C
 * TextQuoteSelector: the quote itself, disambiguated by the text just before and after it.
 * Three passes, each tried only when the previous found nothing: exact; ignoring whitespace,
 * case and typographic quote marks; then an approximate match allowing about one edit in five
 * characters. Nothing here guesses silently: the caller learns which pass placed the quote.
 */

export interface QuoteSelector {
  quote: string;
  prefix?: string;
  suffix?: string;
}

export type AnchorMethod = 'exact' | 'normalized' | 'fuzzy';

export interface Anchor {
  span: Span;
  method: AnchorMethod;
  /** Edits between the stored quote and the text found (0 unless fuzzy). */
  distance: number;
  /** More than one place fitted equally well; the first (or the one in `within`) was taken. */
  ambiguous: boolean;
}

export interface AnchorOptions {
  /** Where the quote is expected (e.g. the segment the coder named): places inside it win. */
  within?: Span;
  /** An offset the quote was last seen near: among equals, the nearest wins. */
  hint?: number;
}

/** Quotes shorter than this (after normalising) are only matched exactly or normalised. */
export const MIN_FUZZY_CHARS = 10;
/** Allowed edits per character of the quote in the fuzzy pass. */
export const FUZZY_RATE = 0.2;
/** Upper bound on dynamic-programming cells per quote, so one odd coding cannot stall a run. */
const FUZZY_BUDGET = 60_000_000;

interface Candidate {
  start: number;
  end: number;
  distance: number;
}

export function anchorQuote(text: string, sel: QuoteSelector, opts: AnchorOptions = {}): Anchor | undefined {
  const quote = sel.quote;
  if (quote.trim() === '') return undefined;

  const exact = occurrences(text, quote).map((start) => ({ start, end: start + quote.length, distance: 0 }));
  if (exact.length > 0) return pick(text, exact, sel, opts, 'exact');

  const norm = normalized(text);
  const nq = normalizeString(quote).text.trim();
  if (nq === '') return undefined;
  const loose = occurrences(norm.text, nq).map((i) => toOriginal(norm, i, i + nq.length, 0));
  if (loose.length > 0) return pick(text, loose, sel, opts, 'normalized');

  if (nq.length < MIN_FUZZY_CHARS) return undefined;
  const k = Math.max(1, Math.floor(nq.length * FUZZY_RATE));
  const region = opts.within ? normRegion(norm, opts.within, nq.length + k) : undefined;
  const fuzzy = approximate(norm.text, nq, k, region).map((c) => toOriginal(norm, c.start, c.end, c.distance));
  if (fuzzy.length > 0) return pick(text, fuzzy, sel, opts, 'fuzzy');
  return undefined;
}

function occurrences(hay: string, needle: string, cap = 10_000): number[] {
  const out: number[] = [];
  let i = hay.indexOf(needle);
  while (i !== -1 && out.length < cap) {
    out.push(i);
    i = hay.indexOf(needle, i + 1);
  }
  return out;
}

/** Best candidate: fewest edits, then inside `within`, then best fitting context, then nearest the hint, then first. */
function pick(text: string, cands: Candidate[], sel: QuoteSelector, opts: AnchorOptions, method: AnchorMethod): Anchor {
  const scored = cands.map((c) => {
    const span = trimSpan(text, c);
    return {
      span,
      distance: c.distance,
      inside: opts.within ? span.start >= opts.within.start && span.end <= opts.within.end : false,
      context: contextScore(text, c, sel),
      near: opts.hint === undefined ? 0 : Math.abs(span.start - opts.hint),
    };
  });
  scored.sort(
    (a, b) => a.distance - b.distance || Number(b.inside) - Number(a.inside) || b.context - a.context || a.near - b.near || a.span.start - b.span.start,
  );
  const best = scored[0]!;
  const second = scored.find((s) => s.span.start !== best.span.start);
  const ambiguous =
    second !== undefined &&
    second.distance === best.distance &&
    second.inside === best.inside &&
    second.context === best.context &&
    (opts.hint === undefined || second.near === best.near);
  return { span: best.span, method, distance: best.distance, ambiguous };
}

/** How many characters of the stored prefix and suffix agree with the text around `span`. */
function contextScore(text: string, span: Span, sel: QuoteSelector): number {
  let score = 0;
  const prefix = sel.prefix ?? '';
  for (let i = prefix.length - 1, j = span.start - 1; i >= 0 && j >= 0; i--, j--) {
    if (prefix.charCodeAt(i) !== text.charCodeAt(j)) break;
    score++;
  }
  const suffix = sel.suffix ?? '';
  for (let i = 0, j = span.end; i < suffix.length && j < text.length; i++, j++) {
    if (suffix.charCodeAt(i) !== text.charCodeAt(j)) break;
    score++;
  }
  return score;
}

// ---- normalised text: whitespace runs collapsed, case folded, typographic marks made plain ----

interface Normalized {
  text: string;
  /** map[i] = offset in the original text of normalised character i; map[text.length] = original length. */
  map: Int32Array;
}

const PLAIN: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '.',
};

export function normalizeString(s: string): Normalized {
  const out: string[] = [];
  const map = new Int32Array(s.length + 1);
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      if (!inSpace) {
        out.push(' ');
        map[n++] = i;
        inSpace = true;
      }
      continue;
    }
    inSpace = false;
    const ch = s[i]!;
    const lower = ch.toLowerCase();
    out.push(PLAIN[ch] ?? (lower.length === 1 ? lower : ch));
    map[n++] = i;
  }
  map[n] = s.length;
  return { text: out.join(''), map: map.subarray(0, n + 1) };
}

// The last text normalised, so several codings against one source pay for it once.
let cache: { text: string; norm: Normalized } | undefined;

function normalized(text: string): Normalized {
  if (cache?.text !== text) cache = { text, norm: normalizeString(text) };
  return cache.norm;
}

function toOriginal(norm: Normalized, start: number, end: number, distance: number): Candidate {
  const s = norm.map[start]!;
  const e = end > start ? norm.map[end - 1]! + 1 : s;
  return { start: s, end: e, distance };
}

/** The normalised range covering an original span, widened by `pad` characters. */
function normRegion(norm: Normalized, span: Span, pad: number): Span {
  const lo = lowerBound(norm.map, span.start);
  const hi = lowerBound(norm.map, span.end);
  return { start: Math.max(0, lo - pad), end: Math.min(norm.text.length, hi + pad) };
}

function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---- approximate matching ----

/**
 * Every best place where `pattern` occurs in `text` with at most `k` edits. Candidate windows
 * come from the pigeonhole rule (with k edits, one of k+1 disjoint pieces of the pattern still
 * occurs exactly), then each window is checked by Sellers' dynamic programme, so a long source
 * costs about as much as the places that could match. `region` (when given) is tried first.
 */
export function approximate(text: string, pattern: string, k: number, region?: Span): Candidate[] {
  if (region) {
    const inRegion = approximateIn(text, pattern, k, region);
    if (inRegion.length > 0) return inRegion;
  }
  return approximateIn(text, pattern, k, { start: 0, end: text.length });
}

function approximateIn(text: string, pattern: string, k: number, region: Span): Candidate[] {
  const m = pattern.length;
  const pieces = k + 1;
  const size = Math.floor(m / pieces);
  if (size < 1) return [];
  const windows: Span[] = [];
  const hay = text.slice(region.start, region.end);
  for (let p = 0; p < pieces; p++) {
    const off = p * size;
    const piece = pattern.slice(off, p === pieces - 1 ? m : off + size);
    for (const at of occurrences(hay, piece, 50_000)) {
      const pos = at + region.start;
      windows.push({ start: Math.max(region.start, pos - off - k), end: Math.min(region.end, pos - off + m + k) });
    }
  }
  if (windows.length === 0) return [];
  windows.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }
  let cells = 0;
  for (const w of merged) cells += (w.end - w.start) * m;
  if (cells > FUZZY_BUDGET) return [];

  let best = k + 1;
  let found: Candidate[] = [];
  for (const w of merged) {
    for (const c of sellers(text, pattern, k, w)) {
      if (c.distance < best) {
        best = c.distance;
        found = [c];
      } else if (c.distance === best) found.push(c);
    }
  }
  return dedupe(found);
}

/** Sellers' algorithm with the start of each alignment carried along; returns local minima ≤ k. */
function sellers(text: string, pattern: string, k: number, w: Span): Candidate[] {
  const m = pattern.length;
  const cost = new Int32Array(m + 1);
  const from = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    from[i] = w.start;
  }
  const out: Candidate[] = [];
  for (let j = w.start; j < w.end; j++) {
    const c = text.charCodeAt(j);
    let diag = cost[0]!;
    let diagFrom = from[0]!;
    cost[0] = 0;
    from[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      const up = cost[i]!;
      const upFrom = from[i]!;
      let v = diag + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      let f = diagFrom;
      if (up + 1 < v) {
        v = up + 1;
        f = upFrom;
      }
      if (cost[i - 1]! + 1 < v) {
        v = cost[i - 1]! + 1;
        f = from[i - 1]!;
      }
      cost[i] = v;
      from[i] = f;
      diag = up;
      diagFrom = upFrom;
    }
    if (cost[m]! <= k) out.push({ start: from[m]!, end: j + 1, distance: cost[m]! });
  }
  // Neighbouring end positions describe the same place; keep the cheapest of each run.
  const runs: Candidate[] = [];
  for (const c of out) {
    const last = runs[runs.length - 1];
    if (last && c.start < last.end) {
      if (c.distance < last.distance) runs[runs.length - 1] = c;
    } else runs.push(c);
  }
  return runs;
}

function dedupe(cs: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const key = `${c.start}:${c.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
