import type { CodeGroup } from '../model/codebook.js';
import type { Lean, LineOfEvidence, QuoteRef, Verdict, VerdictReason, VerdictSettings } from '../model/conclusion.js';
import type { ValenceCounts } from '../model/evidence.js';
import { toQuote, type Fact, type FactTable } from './facts.js';
import { topDistinct } from './select.js';

export interface Tally {
  counts: ValenceCounts;
  total: number;
  informants: number;
  sources: number;
  witnesses: number;
}

/** Where a line of evidence leans: by simple majority of its non-neutral evidence. */
export function leanOf(counts: ValenceCounts): Lean {
  if (counts.positive + counts.neutral + counts.negative === 0) return 'silent';
  if (counts.positive > counts.negative) return 'favourable';
  if (counts.negative > counts.positive) return 'unfavourable';
  return counts.positive === 0 ? 'neutral' : 'balanced';
}

export interface VerdictDecision {
  verdict: Verdict;
  reason: VerdictReason;
  favourableShare: number | null;
  unfavourableShare: number | null;
}

/**
 * The verdict rule of docs/report.md. Attributes: too little evidence → insufficient; else the
 * favourable (or unfavourable) share of non-neutral evidence against its threshold, with
 * mixed in between; a clear verdict becomes mixed when a group or source kind with enough
 * evidence of its own leans the other way. Obstacles: found when enough evidence says it hinders.
 */
export function decide(group: CodeGroup, t: Tally, groups: readonly LineOfEvidence[], kinds: readonly LineOfEvidence[], s: VerdictSettings): VerdictDecision {
  const valenced = t.counts.positive + t.counts.negative;
  const favourableShare = valenced > 0 ? round(t.counts.positive / valenced) : null;
  const unfavourableShare = valenced > 0 ? round(t.counts.negative / valenced) : null;
  const shares = { favourableShare, unfavourableShare };
  if (group === 'obstacle') {
    return t.counts.negative >= Math.max(1, s.minObstacleCodings)
      ? { verdict: 'found', reason: 'obstacle-reported', ...shares }
      : { verdict: 'not-found', reason: 'obstacle-not-reported', ...shares };
  }
  if (t.total < s.minCodings) return { verdict: 'insufficient', reason: 'too-few-codings', ...shares };
  if (t.witnesses < s.minInformants) return { verdict: 'insufficient', reason: 'too-few-informants', ...shares };
  if (valenced === 0) return { verdict: 'insufficient', reason: 'no-valenced-evidence', ...shares };
  const fav = t.counts.positive / valenced;
  const unfav = t.counts.negative / valenced;
  let clear: 'favourable' | 'unfavourable' | undefined;
  if (fav >= s.favourableShare) clear = 'favourable';
  else if (unfav >= s.unfavourableShare) clear = 'unfavourable';
  if (!clear) return { verdict: 'mixed', reason: 'between-thresholds', ...shares };
  if (s.groupAgreement) {
    const against = clear === 'favourable' ? 'unfavourable' : 'favourable';
    const dissent = (lines: readonly LineOfEvidence[]) => lines.some((l) => l.lean === against && l.counts.positive + l.counts.negative >= s.minGroupCodings);
    if (dissent(groups)) return { verdict: 'mixed', reason: 'groups-disagree', ...shares };
    if (dissent(kinds)) return { verdict: 'mixed', reason: 'kinds-disagree', ...shares };
  }
  return { verdict: clear, reason: clear === 'favourable' ? 'favourable-share' : 'unfavourable-share', ...shares };
}

/** Which valences count against a verdict: these are the negative cases, all of them listed. */
export function againstVerdict(verdict: Verdict): (valence: number) => boolean {
  switch (verdict) {
    case 'favourable':
      return (v) => v < 0;
    case 'unfavourable':
      return (v) => v > 0;
    case 'found':
      return (v) => v > 0;
    default:
      // Mixed rests on both sides (both are quoted as support); insufficient and
      // not-found assert nothing that evidence could contradict.
      return () => false;
  }
}

/** Which valences support a verdict, for choosing the quotes that illustrate it. */
export function forVerdict(verdict: Verdict): (valence: number) => boolean {
  switch (verdict) {
    case 'favourable':
      return (v) => v > 0;
    case 'unfavourable':
    case 'found':
      return (v) => v < 0;
    case 'not-found':
      return (v) => v >= 0;
    default:
      return () => true;
  }
}

/** Strongest first (the matcher's score), then text order; facts by position, which is their order. */
function strongerFirst(t: FactTable): (a: number, b: number) => number {
  const score = t.score;
  return (a, b) => score[b]! - score[a]! || a - b;
}

/**
 * Up to `n` quotes, strongest first, one per segment, spread across informants before a
 * second quote from the same person is taken. Deterministic: ties fall back to text order.
 * Linear in the number of facts (no full sort), since large studies have many.
 */
export function pickQuotes(all: readonly Fact[], facts: Int32Array, t: FactTable, n: number, keep: (valence: number) => boolean = () => true): QuoteRef[] {
  const stronger = strongerFirst(t);
  // The strongest fact of each witness: an informant, else (numbered past every informant) a source.
  const bestPerWho = new Int32Array(t.informants + t.sources).fill(-1);
  const whos: number[] = [];
  for (let j = 0; j < facts.length; j++) {
    const p = facts[j]!;
    if (!keep(t.valence[p]!)) continue;
    const i = t.informant[p]!;
    const who = i >= 0 ? i : t.informants + t.source[p]!;
    const cur = bestPerWho[who]!;
    if (cur < 0) whos.push(who);
    if (cur < 0 || stronger(p, cur) < 0) bestPerWho[who] = p;
  }
  const segmentOf = (p: number) => t.segment[p]!;
  const first = topDistinct(
    whos.map((w) => bestPerWho[w]!),
    n,
    stronger,
    segmentOf,
  );
  if (first.length < n) {
    const used = new Set(first.map(segmentOf));
    const rest: number[] = [];
    for (let j = 0; j < facts.length; j++) {
      const p = facts[j]!;
      if (keep(t.valence[p]!) && !used.has(t.segment[p]!)) rest.push(p);
    }
    first.push(...topDistinct(rest, n - first.length, stronger, segmentOf));
  }
  return first.map((p) => toQuote(all[p]!));
}

/** Every fact against the verdict, in text order, one per segment and valence. */
export function listNegativeCases(all: readonly Fact[], facts: Int32Array, t: FactTable, verdict: Verdict): QuoteRef[] {
  const against = againstVerdict(verdict);
  const out: QuoteRef[] = [];
  // Per valence (−1, 0, +1), the segments already listed.
  const listed: (Uint8Array | undefined)[] = [undefined, undefined, undefined];
  for (let j = 0; j < facts.length; j++) {
    const p = facts[j]!;
    const v = t.valence[p]!;
    if (!against(v)) continue;
    const seen = (listed[v + 1] ??= new Uint8Array(t.segments));
    const g = t.segment[p]!;
    if (seen[g] === 1) continue;
    seen[g] = 1;
    out.push(toQuote(all[p]!));
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * A running tally of facts, by position. Sources and informants are counted distinct through
 * the table's numbers, a byte per source or informant, rather than sets of their ids: a large
 * study adds every coding to several tallies.
 */
export class TallyAcc {
  readonly counts: ValenceCounts = { positive: 0, neutral: 0, negative: 0 };
  total = 0;
  private informants = 0;
  private sources = 0;
  private anonymous = 0;
  private readonly seenSource: Uint8Array;
  private readonly seenInformant: Uint8Array;
  /** Sources seen with a fact that has no informant: each is a witness of its own. */
  private readonly seenAnonymous: Uint8Array;

  constructor(private readonly table: FactTable) {
    this.seenSource = new Uint8Array(table.sources);
    this.seenInformant = new Uint8Array(table.informants);
    this.seenAnonymous = new Uint8Array(table.sources);
  }

  add(p: number): void {
    const t = this.table;
    const v = t.valence[p]!;
    if (v > 0) this.counts.positive++;
    else if (v < 0) this.counts.negative++;
    else this.counts.neutral++;
    this.total++;
    const s = t.source[p]!;
    if (this.seenSource[s] === 0) {
      this.seenSource[s] = 1;
      this.sources++;
    }
    const i = t.informant[p]!;
    if (i >= 0) {
      if (this.seenInformant[i] === 0) {
        this.seenInformant[i] = 1;
        this.informants++;
      }
    } else if (this.seenAnonymous[s] === 0) {
      this.seenAnonymous[s] = 1;
      this.anonymous++;
    }
  }

  result(): Tally {
    return {
      counts: { ...this.counts },
      total: this.total,
      informants: this.informants,
      sources: this.sources,
      witnesses: this.informants + this.anonymous,
    };
  }
}
