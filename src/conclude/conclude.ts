import type { Analysis } from '../model/analysis.js';
import type { AnalysisIndex } from '../index/analysis-index.js';
import type { Conclusion, Conclusions, VerdictSettings } from '../model/conclusion.js';
import { DEFAULT_VERDICT_SETTINGS } from '../study/verdict-settings.js';
import { ancestry, indexFacts, type FactIndex } from './facts.js';
import { saturation } from './saturation.js';
import { summarise, triangulate } from './triangulation.js';
import { decide, forVerdict, listNegativeCases, pickQuotes } from './verdicts.js';
import type { QuoteRef, Verdict } from '../model/conclusion.js';

export interface ConcludeOptions {
  settings?: VerdictSettings;
  /** Quotes shown as support for each verdict. */
  supportQuotes?: number;
  /** A prebuilt index of facts, when the caller already has one. */
  index?: FactIndex;
  /** The displays' index, so facts are built from it rather than resolved again. */
  analysisIndex?: AnalysisIndex;
}

/**
 * Conclusion drawing: a verdict for every code of the codebook (top-level codes also get
 * triangulation), every negative case, and saturation over sources. Pure: same analysis in,
 * same conclusions out.
 */
export function conclude(analysis: Analysis, options: ConcludeOptions = {}): Conclusions {
  const settings = options.settings ?? { ...DEFAULT_VERDICT_SETTINGS };
  const index = options.index ?? indexFacts(analysis, options.analysisIndex);
  const conclusions: Conclusion[] = [];
  for (const code of analysis.codebook.codes) {
    const facts = index.byCode.get(code.id) ?? NONE;
    const [t, [groups, kinds]] = summarise(facts, index.table, [index.table.group, index.table.kind]);
    const d = decide(code.group, t, groups, kinds, settings);
    const depth = ancestry(code.id, index.codes).length - 1;
    const c: Conclusion = {
      code: code.id,
      group: code.group,
      depth,
      verdict: d.verdict,
      reason: d.reason,
      counts: t.counts,
      total: t.total,
      reviewed: reviewedAmong(facts, index),
      informants: t.informants,
      sources: t.sources,
      witnesses: t.witnesses,
      favourableShare: d.favourableShare,
      unfavourableShare: d.unfavourableShare,
      support: supportFor(d.verdict, facts, index, options.supportQuotes ?? 3),
      negativeCases: listNegativeCases(index.all, facts, index.table, d.verdict),
    };
    if (code.parent !== undefined) c.parent = code.parent;
    if (depth === 0) c.triangulation = triangulate(index.all, facts, index.table, groups, kinds);
    conclusions.push(c);
  }
  return { settings, conclusions, saturation: saturation(analysis, index) };
}

const NONE = new Int32Array(0);

/** How many of these facts a person made or judged. */
function reviewedAmong(facts: Int32Array, index: FactIndex): number {
  let n = 0;
  for (const p of facts) if (index.all[p]!.coding.status !== 'auto') n++;
  return n;
}

/** A mixed verdict is illustrated from both sides; any other from the side it rests on. */
function supportFor(verdict: Verdict, facts: Int32Array, index: FactIndex, n: number): QuoteRef[] {
  if (verdict !== 'mixed') return pickQuotes(index.all, facts, index.table, n, forVerdict(verdict));
  const half = Math.max(1, Math.ceil(n / 2));
  return [...pickQuotes(index.all, facts, index.table, half, (v) => v > 0), ...pickQuotes(index.all, facts, index.table, half, (v) => v < 0)];
}
