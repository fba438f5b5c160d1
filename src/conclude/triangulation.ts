import type { Divergence, LineOfEvidence, Triangulation, TriangulationDimension, TriangulationStatus } from '../model/conclusion.js';
import type { Fact } from './facts.js';
import { leanOf, pickQuotes, TallyAcc, type Tally } from './verdicts.js';

/** One line of evidence per key present in the study, silent ones included, in the given order. */
export function linesBy(facts: readonly Fact[], keys: readonly string[], keyOf: (f: Fact) => string | undefined): LineOfEvidence[] {
  return summarise(facts, [{ keys, keyOf }])[1]![0]!;
}

export interface Dimension {
  keys: readonly string[];
  keyOf: (f: Fact) => string | undefined;
}

/**
 * The overall tally and the lines of evidence of each dimension, in a single pass over the
 * facts (a top-level code of a large study has a great many).
 */
export function summarise(facts: readonly Fact[], dims: readonly Dimension[]): [Tally, LineOfEvidence[][]] {
  const overall = new TallyAcc();
  const buckets = dims.map((d) => new Map<string, TallyAcc>(d.keys.map((k) => [k, new TallyAcc()])));
  for (const f of facts) {
    overall.add(f);
    for (let i = 0; i < dims.length; i++) {
      const k = dims[i]!.keyOf(f);
      if (k === undefined) continue;
      const m = buckets[i]!;
      let acc = m.get(k);
      if (!acc) m.set(k, (acc = new TallyAcc()));
      acc.add(f);
    }
  }
  const lines = buckets.map((m) =>
    [...m].map(([key, acc]): LineOfEvidence => {
      const t = acc.result();
      return { key, counts: t.counts, total: t.total, lean: leanOf(t.counts), informants: t.informants, sources: t.sources };
    }),
  );
  return [overall.result(), lines];
}

/**
 * diverges: one line leans favourable and another unfavourable; single-source: at most one
 * line has any evidence; converges: two or more lines speak and none points the other way.
 */
export function dimensionStatus(lines: readonly LineOfEvidence[]): TriangulationStatus {
  const leans = new Set(lines.map((l) => l.lean));
  if (leans.has('favourable') && leans.has('unfavourable')) return 'diverges';
  return lines.filter((l) => l.total > 0).length <= 1 ? 'single-source' : 'converges';
}

export function dimension(lines: LineOfEvidence[]): TriangulationDimension {
  return { status: dimensionStatus(lines), lines, silent: lines.filter((l) => l.total === 0).map((l) => l.key) };
}

/** Source triangulation over informant groups, method triangulation over source kinds. */
export function triangulate(facts: readonly Fact[], groups: LineOfEvidence[], kinds: LineOfEvidence[], quotesPerSide = 2): Triangulation {
  const source = dimension(groups);
  const method = dimension(kinds);
  const divergences: Divergence[] = [
    ...divergencesOf('group', source, facts, (f) => f.group, quotesPerSide),
    ...divergencesOf('kind', method, facts, (f) => f.kind, quotesPerSide),
  ];
  let status: TriangulationStatus;
  if (source.status === 'diverges' || method.status === 'diverges') status = 'diverges';
  else if (source.status === 'converges' || method.status === 'converges') status = 'converges';
  else status = 'single-source';
  return { status, source, method, divergences };
}

function divergencesOf(
  dim: Divergence['dimension'],
  d: TriangulationDimension,
  facts: readonly Fact[],
  keyOf: (f: Fact) => string | undefined,
  n: number,
): Divergence[] {
  if (d.status !== 'diverges') return [];
  const out: Divergence[] = [];
  const fav = d.lines.filter((l) => l.lean === 'favourable');
  const unfav = d.lines.filter((l) => l.lean === 'unfavourable');
  for (const a of fav) {
    for (const b of unfav) {
      out.push({
        dimension: dim,
        favourable: { key: a.key, quotes: pickQuotes(facts.filter((f) => keyOf(f) === a.key), n, (v) => v > 0) },
        unfavourable: { key: b.key, quotes: pickQuotes(facts.filter((f) => keyOf(f) === b.key), n, (v) => v < 0) },
      });
    }
  }
  return out;
}
