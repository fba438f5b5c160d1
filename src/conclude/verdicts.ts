import type { CodeGroup } from '../model/codebook.js';
import type { Lean, LineOfEvidence, QuoteRef, Verdict, VerdictReason, VerdictSettings } from '../model/conclusion.js';
import type { ValenceCounts } from '../model/evidence.js';
import { toQuote, type Fact } from './facts.js';
import { topDistinct } from './select.js';

export interface Tally {
  counts: ValenceCounts;
  total: number;
  informants: number;
  sources: number;
  witnesses: number;
}

/** A running tally; sets only for what must be counted distinct. */
export class TallyAcc {
  readonly counts: ValenceCounts = { positive: 0, neutral: 0, negative: 0 };
  total = 0;
  private readonly informants = new Set<string>();
  private readonly sources = new Set<string>();
  private readonly anonymous = new Set<string>();

  add(f: Fact): void {
    const v = f.coding.valence;
    if (v > 0) this.counts.positive++;
    else if (v < 0) this.counts.negative++;
    else this.counts.neutral++;
    this.total++;
    this.sources.add(f.coding.sourceId);
    if (f.informantId !== undefined) this.informants.add(f.informantId);
    else this.anonymous.add(f.coding.sourceId);
  }

  result(): Tally {
    return {
      counts: { ...this.counts },
      total: this.total,
      informants: this.informants.size,
      sources: this.sources.size,
      witnesses: this.informants.size + this.anonymous.size,
    };
  }
}

/** Counts by valence, and how many distinct people and sources stand behind them. */
export function tally(facts: readonly Fact[]): Tally {
  const acc = new TallyAcc();
  for (const f of facts) acc.add(f);
  return acc.result();
}

/** Where a line of evidence leans: by simple majority of its non-neutral evidence. */
export function leanOf(counts: ValenceCounts): Lean {
  if (counts.positive + counts.neutral + counts.negative === 0) return 'silent';
  if (counts.positive > counts.negative) return 'favourable';
  if (counts.negative > counts.positive) return 'unfavourable';
  return counts.positive === 0 ? 'neutral' : 'balanced';
}

export interface Decision {
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
export function decide(group: CodeGroup, t: Tally, groups: readonly LineOfEvidence[], kinds: readonly LineOfEvidence[], s: VerdictSettings): Decision {
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
    const dissent = (lines: readonly LineOfEvidence[]) =>
      lines.some((l) => l.lean === against && l.counts.positive + l.counts.negative >= s.minGroupCodings);
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

const strongerFirst = (a: Fact, b: Fact) => b.coding.score - a.coding.score || a.order - b.order;

function* matching(facts: readonly Fact[], keep: (f: Fact) => boolean): Iterable<Fact> {
  for (const f of facts) if (keep(f)) yield f;
}

/**
 * Up to `n` quotes, strongest first, one per segment, spread across informants before a
 * second quote from the same person is taken. Deterministic: ties fall back to text order.
 * Linear in the number of facts (no full sort), since large studies have many.
 */
export function pickQuotes(facts: readonly Fact[], n: number, keep: (valence: number) => boolean = () => true): QuoteRef[] {
  const bestPerWho = new Map<string, Fact>();
  for (const f of facts) {
    if (!keep(f.coding.valence)) continue;
    const who = f.informantId ?? `source:${f.coding.sourceId}`;
    const cur = bestPerWho.get(who);
    if (!cur || strongerFirst(f, cur) < 0) bestPerWho.set(who, f);
  }
  const first = topDistinct(bestPerWho.values(), n, strongerFirst, (f) => f.coding.segmentId);
  if (first.length >= n) return first.map(toQuote);
  const used = new Set(first.map((f) => f.coding.segmentId));
  const later = topDistinct(
    matching(facts, (f) => keep(f.coding.valence) && !used.has(f.coding.segmentId)),
    n - first.length,
    strongerFirst,
    (f) => f.coding.segmentId,
  );
  return [...first, ...later].map(toQuote);
}

/** Every fact against the verdict, in text order, one per segment and valence. */
export function listNegativeCases(facts: readonly Fact[], verdict: Verdict): QuoteRef[] {
  const against = againstVerdict(verdict);
  const seen = new Set<string>();
  const out: QuoteRef[] = [];
  for (const f of facts) {
    if (!against(f.coding.valence)) continue;
    const key = `${f.coding.segmentId}\u0000${f.coding.valence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(toQuote(f));
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
