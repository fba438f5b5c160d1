import type { Analysis } from '../model/analysis.js';
import type { Lang } from '../model/codebook.js';
import type { Audit, AuditFile, Conclusions } from '../model/conclusion.js';
import { buildAudit } from '../conclude/audit.js';
import { agreementSection } from '../conclude/agreement/section.js';
import { conclude } from '../conclude/conclude.js';
import { indexAnalysis, type AnalysisIndex } from '../index/analysis-index.js';
import type { CodedStudy } from '../pipeline/run.js';
import type { OpenedStudy } from '../study/open.js';
import { reportLanguage } from '../study/report-settings.js';
import { toolVersion } from '../study/resolve.js';
import { buildReport, type Report } from './build.js';

export interface Assembled {
  index: AnalysisIndex;
  conclusions: Conclusions;
  audit: Audit;
  report: Report;
}

/**
 * Everything after coding, from data already in hand: the index the displays count over, the
 * conclusions, the audit of every input (hashed when it was read) and the report data in one
 * language. Reads nothing.
 */
export function assembleReport(opened: OpenedStudy, coded: CodedStudy, options: { lang?: Lang } = {}): Assembled {
  const { analysis, parts } = coded;
  const lang = options.lang ?? reportLanguage(analysis.study) ?? analysis.study.language;
  const index = indexAnalysis(analysis);
  const conclusions = conclude(analysis, { settings: opened.verdicts, analysisIndex: index });
  const audit = buildAudit({
    analysis,
    toolVersion: toolVersion(),
    verdicts: opened.verdicts,
    merge: parts.mode,
    reportLanguage: lang,
    files: auditFiles(opened.files, analysis),
    segmentCount: analysis.segmentCount,
  });
  const report = buildReport(analysis, { lang, conclusions, audit, index, memos: opened.memos, speakers: analysis.speakers });
  const agreement = agreementSection(opened, coded, lang);
  if (agreement) report.agreement = agreement;
  return { index, conclusions, audit, report };
}

/** The study's inputs and its sources, each path once (the first role it was read in wins). */
function auditFiles(inputs: readonly AuditFile[], analysis: Analysis): AuditFile[] {
  const seen = new Set<string>();
  const out: AuditFile[] = [];
  const add = (f: AuditFile) => {
    if (seen.has(f.path)) return;
    seen.add(f.path);
    out.push(f);
  };
  const first: readonly AuditFile['role'][] = ['study', 'informants', 'codebook'];
  for (const role of first) for (const f of inputs) if (f.role === role) add(f);
  for (const s of analysis.sources) add({ path: s.path, role: 'source', sha256: s.hash, bytes: s.bytes });
  for (const f of inputs) if (!first.includes(f.role)) add(f);
  return out;
}
