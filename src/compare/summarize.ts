import type { Code, Codebook } from '../model/codebook.js';
import type { QuoteRef } from '../model/conclusion.js';
import type { AnalysisIndex } from '../index/analysis-index.js';
import type { Assembled } from '../report/assemble.js';
import type { OpenedStudy } from '../study/open.js';
import { effectiveValence } from '../codebook/effective-valence.js';
import { parentOf, selfAndAncestors } from '../codebook/codes.js';
import { QUOTES_KEPT, type CaseCell, type CaseQuote, type CodeMeaning, type StudySummary } from './summary.js';

/** One study's analysis reduced to what a comparison needs (src/compare/summary.ts). */
export function summarizeStudy(id: string, opened: OpenedStudy, assembled: Assembled): StudySummary {
  const { study, codebook } = opened;
  const { report, index } = assembled;
  const witnesses = witnessesByCode(index, assembled.conclusions.conclusions.map((c) => c.code));
  const cells: Record<string, CaseCell> = {};
  for (const c of assembled.conclusions.conclusions) {
    const w = witnesses.get(c.code) ?? { informants: new Set<string>(), sources: new Set<string>() };
    const cell: CaseCell = {
      code: c.code,
      verdict: c.verdict,
      reason: c.reason,
      counts: { ...c.counts },
      total: c.total,
      favourableShare: c.favourableShare,
      informants: c.informants,
      sources: c.sources,
      informantIds: [...w.informants].sort(),
      sourceIds: [...w.sources].sort(),
      support: c.support.slice(0, QUOTES_KEPT).map(quoteOf),
      against: c.negativeCases.slice(0, QUOTES_KEPT).map(quoteOf),
      againstTotal: c.negativeCases.length,
    };
    if (c.triangulation) {
      cell.roles = c.triangulation.source.lines.map((l) => ({ group: l.key, lean: l.lean, counts: { ...l.counts }, informants: l.informants }));
    }
    cells[c.code] = cell;
  }
  return {
    id,
    title: study.title,
    case: study.case,
    language: study.language,
    variables: { ...study.variables },
    codebook: { id: codebook.id, version: codebook.version, path: report.audit.codebook.path },
    counts: { sources: report.sourceCount, informants: report.informants.length, codings: report.codingCount },
    codes: codeMeanings(codebook),
    cells,
  };
}

export function codeMeanings(codebook: Codebook): CodeMeaning[] {
  return codebook.codes.map((c: Code) => ({
    id: c.id,
    group: c.group,
    parent: c.parent ?? parentOf(c.id) ?? null,
    inverted: effectiveValence(c, codebook.codes).inverted,
    label: { ...c.label },
  }));
}

function quoteOf(q: QuoteRef): CaseQuote {
  const out: CaseQuote = { source: q.sourceId, line: q.line ?? 0, valence: q.valence, code: q.code, quote: q.quote };
  if (q.informant) out.informant = q.informant;
  if (q.role) out.role = q.role;
  if (q.group) out.group = q.group;
  return out;
}

/** The informants and sources behind each code's counted evidence, its sub-codes' included. */
function witnessesByCode(index: AnalysisIndex, codes: readonly string[]): Map<string, { informants: Set<string>; sources: Set<string> }> {
  const out = new Map<string, { informants: Set<string>; sources: Set<string> }>();
  for (const code of codes) out.set(code, { informants: new Set(), sources: new Set() });
  for (const ctx of index.contexts) {
    for (const code of selfAndAncestors(ctx.coding.code)) {
      const w = out.get(code);
      if (!w) continue;
      if (ctx.informantId) w.informants.add(ctx.informantId);
      w.sources.add(ctx.segment.sourceId);
    }
  }
  return out;
}
