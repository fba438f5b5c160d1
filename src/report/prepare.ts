import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RowMaker } from '../render/coding-rows.js';
import type { Analysis } from '../model/analysis.js';
import type { Lang } from '../model/codebook.js';
import type { Audit, Conclusions } from '../model/conclusion.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { MergeMode } from '../model/study.js';
import { buildAudit } from '../conclude/audit.js';
import { collectAuditFiles } from '../study/hashes.js';
import { conclude } from '../conclude/conclude.js';
import { locateInStudyYaml, resolveVerdictSettings } from '../conclude/settings.js';
import { indexAnalysis, type AnalysisIndex } from '../index/analysis-index.js';
import { readMemos } from '../study/memos.js';
import { streamStudy, type StreamedStudy } from '../pipeline/stream.js';
import { displayPath } from '../util/display-path.js';
import { PACKAGE_ROOT } from '../study/resolve.js';
import { reportLanguage } from '../study/report-settings.js';
import { buildReport, type Report } from './build.js';

export interface Prepared {
  analysis: Analysis;
  index: AnalysisIndex;
  /** Rows of codings.csv, with line numbers for sources whose text was let go. */
  rows: RowMaker;
  conclusions: Conclusions;
  audit: Audit;
  report: Report;
  merge: MergeMode;
  /** The analysis's diagnostics plus those about the verdict settings. */
  diagnostics: Diagnostic[];
}

export interface PrepareOptions {
  lang?: Lang;
  /** Threads for reading and coding (see `qia code --jobs`). */
  jobs?: number;
}

let version: string | undefined;

export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/**
 * From a study folder to a report: the coding pipeline, then conclusions over it, the audit of
 * every input, and the report data in one language. The only disk work here is reading.
 */
export async function prepareReport(dir: string, options: PrepareOptions = {}): Promise<Prepared> {
  // The same reading and coding as `qia code` (worker threads on a large study), letting each
  // source's text go as there: quotes are on the codings, line numbers come from the line
  // starts, keyword-in-context needs only the coded segments' text, and the counts of segments
  // and of sources per informant come with the passes.
  const streamed = await streamStudy(dir, options.jobs === undefined ? { codedText: true } : { codedText: true, jobs: options.jobs });
  return reportFrom(streamed, options);
}

/** Everything after coding: conclusions, audit, memos and the report data. */
export async function reportFrom(streamed: StreamedStudy, options: PrepareOptions = {}): Promise<Prepared> {
  const { analysis, parts, rows, lines } = streamed;
  const studyText = await readFile(analysis.study.file, 'utf8').catch(() => '');
  const verdicts = resolveVerdictSettings(analysis.study.settings['verdicts'], displayPath(analysis.study.file), locateInStudyYaml(studyText));
  const lang = options.lang ?? reportLanguage(analysis.study) ?? analysis.study.language;
  const index = indexAnalysis(analysis, lines);
  const conclusions = conclude(analysis, { settings: verdicts.settings, analysisIndex: index });
  const audit = buildAudit({
    analysis,
    toolVersion: toolVersion(),
    verdicts: verdicts.settings,
    merge: parts.mode,
    reportLanguage: lang,
    files: await collectAuditFiles(analysis),
    segmentCount: streamed.segmentCount,
  });
  const memos = await readMemos(analysis.study.root, analysis.codebook);
  const report = buildReport(analysis, { lang, conclusions, audit, index, memos: memos.memos, speakers: streamed.speakers });
  return { analysis, index, rows, conclusions, audit, report, merge: parts.mode, diagnostics: [...analysis.diagnostics, ...verdicts.diagnostics, ...memos.diagnostics] };
}
