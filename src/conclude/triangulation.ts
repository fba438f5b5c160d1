import type { Divergence, LineOfEvidence, Triangulation, TriangulationDimension, TriangulationStatus } from '../model/conclusion.js';
import type { Dimension, Fact, FactTable } from './facts.js';
import { leanOf, pickQuotes, TallyAcc, type Tally } from './verdicts.js';

/**
 * The overall tally and the lines of evidence of each dimension, in a single pass over the
 * facts (given by position; a top-level code of a large study has a great many). Each
 * dimension gives a line for every name the study knows, silent ones included, in their
 * order, then one for any other name met among these facts, in the order first met.
 */
export function summarise(facts: Int32Array, t: FactTable, dims: readonly Dimension[]): [Tally, LineOfEvidence[][]] {
  const overall = new TallyAcc(t);
  const accs = dims.map((d) => d.names.map((_, k) => (k < d.known ? new TallyAcc(t) : undefined)));
  const others = dims.map((): number[] => []);
  for (let j = 0; j < facts.length; j++) {
    const p = facts[j]!;
    overall.add(p);
    for (let i = 0; i < dims.length; i++) {
      const k = dims[i]!.of[p]!;
      if (k < 0) continue;
      let acc = accs[i]![k];
      if (!acc) {
        accs[i]![k] = acc = new TallyAcc(t);
        others[i]!.push(k);
      }
      acc.add(p);
    }
  }
  const lines = dims.map((d, i) => {
    const order = [...d.names.keys()].slice(0, d.known).concat(others[i]!);
    return order.map((k): LineOfEvidence => {
      const r = accs[i]![k]!.result();
      return { key: d.names[k]!, counts: r.counts, total: r.total, lean: leanOf(r.counts), informants: r.informants, sources: r.sources };
    });
  });
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
export function triangulate(
  all: readonly Fact[],
  facts: Int32Array,
  t: FactTable,
  groups: LineOfEvidence[],
  kinds: LineOfEvidence[],
  quotesPerSide = 2,
): Triangulation {
  const source = dimension(groups);
  const method = dimension(kinds);
  const divergences: Divergence[] = [
    ...divergencesOf('group', source, all, facts, t, t.group, quotesPerSide),
    ...divergencesOf('kind', method, all, facts, t, t.kind, quotesPerSide),
  ];
  return { status: overallStatus(source.status, method.status), source, method, divergences };
}

/**
 * Diverges when either dimension does; converges only when both do; when one converges and the
 * other rests on a single line (only staff spoke, say) the whole is `one-dimension`, never
 * "converges" beside "single source"; single-source when both are.
 */
export function overallStatus(source: TriangulationStatus, method: TriangulationStatus): TriangulationStatus {
  if (source === 'diverges' || method === 'diverges') return 'diverges';
  if (source === 'converges' && method === 'converges') return 'converges';
  if (source === 'converges' || method === 'converges') return 'one-dimension';
  return 'single-source';
}

function divergencesOf(
  dim: Divergence['dimension'],
  d: TriangulationDimension,
  all: readonly Fact[],
  facts: Int32Array,
  t: FactTable,
  by: Dimension,
  n: number,
): Divergence[] {
  if (d.status !== 'diverges') return [];
  const out: Divergence[] = [];
  const fav = d.lines.filter((l) => l.lean === 'favourable');
  const unfav = d.lines.filter((l) => l.lean === 'unfavourable');
  const on = (key: string) => {
    const k = by.names.indexOf(key);
    return facts.filter((p) => by.of[p] === k);
  };
  for (const a of fav) {
    for (const b of unfav) {
      out.push({
        dimension: dim,
        favourable: { key: a.key, quotes: pickQuotes(all, on(a.key), t, n, (v) => v > 0) },
        unfavourable: { key: b.key, quotes: pickQuotes(all, on(b.key), t, n, (v) => v < 0) },
      });
    }
  }
  return out;
}
