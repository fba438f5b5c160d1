import type { Code, Codebook } from '../model/codebook.js';
import type { QuoteRef } from '../model/conclusion.js';
import { indexAnalysis, type AnalysisIndex } from '../index/analysis-index.js';
import { conclude } from '../conclude/conclude.js';
import type { Conclusions } from '../model/conclusion.js';
import type { CodedStudy } from '../pipeline/run.js';
import type { Assembled } from '../report/assemble.js';
import type { OpenedStudy } from '../study/open.js';
import { codingColumns } from '../index/columns.js';
import { addValence, byRoleOrder, emptyCounts } from '../condense/condense.js';
import { leanOf } from '../conclude/verdicts.js';
import { effectiveValence } from '../codebook/effective-valence.js';
import { parentOf, selfAndAncestors } from '../codebook/codes.js';
import { QUOTES_KEPT, type CaseCell, type CaseRole, type CaseQuote, type CodeMeaning, type StudySummary } from './summary.js';

/**
 * What a summary is made from: the displays' index and the conclusions, and the few counts the
 * report would give. `qia compare` makes only these (concludedStudy), not the whole report data
 * (its displays, audit and informant table), which it would throw away.
 */
export interface Concluded {
  index: AnalysisIndex;
  conclusions: Conclusions;
  /** The codebook's path as the report's audit gives it. */
  codebookPath: string;
  counts: StudySummary['counts'];
}

/** The index and conclusions of a coded study, as assembleReport makes them, and nothing else. */
export function concludedStudy(opened: OpenedStudy, coded: CodedStudy): Concluded {
  const { analysis } = coded;
  const index = indexAnalysis(analysis);
  const conclusions = conclude(analysis, { settings: opened.verdicts, analysisIndex: index });
  // As buildAudit picks it: the first codebook file by path.
  const paths = opened.files
    .filter((f) => f.role === 'codebook')
    .map((f) => f.path)
    .sort();
  return {
    index,
    conclusions,
    codebookPath: paths[0] ?? '',
    counts: { sources: analysis.sources.length, informants: analysis.informants.length, codings: index.contexts.length },
  };
}

/** The same from the report `qia run` assembled when it writes the study's out/. */
export function concludedFrom(assembled: Assembled): Concluded {
  const { report, index, conclusions } = assembled;
  return {
    index,
    conclusions,
    codebookPath: report.audit.codebook.path,
    counts: { sources: report.sourceCount, informants: report.informants.length, codings: report.codingCount },
  };
}

/** One study's analysis reduced to what a comparison needs (src/compare/summary.ts). */
export function summarizeStudy(id: string, opened: OpenedStudy, assembled: Concluded): StudySummary {
  const { study, codebook } = opened;
  const { index } = assembled;
  const witnesses = witnessesByCode(
    index,
    assembled.conclusions.conclusions.map((c) => c.code),
  );
  const roles = rolesByCode(
    index,
    assembled.conclusions.conclusions.filter((c) => c.depth === 0).map((c) => c.code),
  );
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
    const byRole = roles.get(c.code);
    if (byRole) cell.roles = byRole;
    cells[c.code] = cell;
  }
  return {
    id,
    title: study.title,
    case: study.case,
    language: study.language,
    variables: { ...study.variables },
    codebook: { id: codebook.id, version: codebook.version, path: assembled.codebookPath },
    counts: { ...assembled.counts },
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

/**
 * Each informant role's (informants.csv `role`: head, staff, user, partner…) evidence on each
 * top-level code, its sub-codes' included: the rows of the study's own role-ordered matrix
 * (`qia matrix --type role`), counted from the same columns. Every role an informant of the study has
 * is listed, silent ones too, in the matrix's order (head, staff, user, partner, then others
 * alphabetically); evidence without an informant (documents, observations) has no role.
 */
function rolesByCode(index: AnalysisIndex, tops: readonly string[]): Map<string, CaseRole[]> {
  const cols = codingColumns(index);
  const known = new Set<string>();
  for (const i of index.informants.values()) if (i.role) known.add(i.role);
  for (const r of cols.roles) if (r) known.add(r);
  const names = [...known].sort(byRoleOrder);
  const roleNo = new Map(names.map((r, k) => [r, k]));
  const colRole = cols.roles.map((r) => (r ? roleNo.get(r)! : -1));
  const topNo = new Map(tops.map((t, k) => [t, k]));
  // Each distinct code once: the top-level code it counts under (−1: none compared).
  const topOf = cols.codes.map((code) => {
    for (const a of selfAndAncestors(code)) {
      const k = topNo.get(a);
      if (k !== undefined) return k;
    }
    return -1;
  });
  const cells = tops.map(() => names.map(() => ({ counts: emptyCounts(), informants: new Set<number>() })));
  for (let i = 0; i < cols.size; i++) {
    const t = topOf[cols.code[i]!]!;
    const r = cols.role[i]! < 0 ? -1 : colRole[cols.role[i]!]!;
    if (t < 0 || r < 0) continue;
    const cell = cells[t]![r]!;
    addValence(cell.counts, cols.valence[i]!);
    if (cols.informant[i]! >= 0) cell.informants.add(cols.informant[i]!);
  }
  return new Map(
    tops.map((t, k) => [
      t,
      names.map((role, r) => ({ role, lean: leanOf(cells[k]![r]!.counts), counts: cells[k]![r]!.counts, informants: cells[k]![r]!.informants.size })),
    ]),
  );
}
