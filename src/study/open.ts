import type { Codebook } from '../model/codebook.js';
import type { AuditFile, VerdictSettings } from '../model/conclusion.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Memo } from '../model/evidence.js';
import type { Informant } from '../model/informant.js';
import type { Study } from '../model/study.js';
import type { CoderFile } from '../coding/manual.js';
import type { ReviewDecision } from '../coding/review-file.js';
import type { LoggedDecision } from '../coding/decision-log.js';
import { displayPath } from '../util/display-path.js';
import { Diagnostics, QiaError } from '../util/diagnostics.js';
import { studyCodebook, type CodebookSource } from './codebook.js';
import { loadStudy, type LoadedStudy } from './load.js';
import { readResearcherFiles } from './researcher-files.js';
import { auditPath } from './resolve.js';
import { hashed } from './researcher-files.js';
import { locateInStudyYaml, resolveVerdictSettings } from './verdict-settings.js';

/**
 * A study's inputs, every one but the sources read once, here, and handed on as plain data:
 * study.yaml and its settings, the informants, the codebook, the coders' files and the review
 * file, the memos, and the hash of each for the audit trail. Below the commands only the source
 * readers and the cache touch the disk.
 */
export interface OpenedStudy {
  study: Study;
  informants: Informant[];
  codebook: Codebook;
  /** The codebook's file as read, so a worker thread loads the same codebook without reading it. */
  codebookSource: CodebookSource;
  /** The verdict rule's thresholds from study.yaml, defaults filled in. */
  verdicts: VerdictSettings;
  coderFiles: CoderFile[];
  review: ReviewDecision[];
  /** Each coder's decision log, as written (undone decisions still in it). */
  decisionLogs: LoggedDecision[][];
  memos: Memo[];
  /** Every input but the sources, hashed as read. */
  files: AuditFile[];
  /** Problems with study.yaml, the informants, the codebook and the coders' and review files. */
  diagnostics: Diagnostic[];
  /** Problems with the verdict settings: shown by the commands that draw verdicts. */
  verdictDiagnostics: Diagnostic[];
  /** Problems with the memos: shown by the commands that show memos. */
  memoDiagnostics: Diagnostic[];
}

/**
 * Open the study in `dir`. Throws QiaError only when study.yaml itself is missing or unusable,
 * or the codebook has errors (unless `lenientCodebook`, for commands that do not code); every
 * other problem is a diagnostic and the rest still loads.
 */
export async function openStudy(dir: string, options: { lenientCodebook?: boolean; allowOutside?: boolean } = {}): Promise<OpenedStudy> {
  const loaded = await loadStudy(dir, { allowOutside: options.allowOutside ?? false });
  const study = usable(loaded);
  const diags = new Diagnostics();
  for (const d of loaded.diagnostics) diags.add(d);
  const { codebook, source } = await studyCodebook(study, diags, options.lenientCodebook ?? false);
  const researcher = await readResearcherFiles(study.root, codebook, study.allowOutside);
  const verdicts = resolveVerdictSettings(study.settings['verdicts'], displayPath(study.file), locateInStudyYaml(loaded.text ?? ''));
  for (const f of researcher.coderFiles) for (const d of f.diags.items) diags.add(d);
  for (const d of [...researcher.reviewDiagnostics, ...researcher.decisionDiagnostics]) diags.add(d);
  return {
    study,
    informants: loaded.informants,
    codebook,
    codebookSource: source,
    verdicts: verdicts.settings,
    coderFiles: researcher.coderFiles,
    review: researcher.review,
    decisionLogs: researcher.decisionLogs,
    memos: researcher.memos,
    files: [...loaded.files, hashed(auditPath(study.root, source.path), 'codebook', source.bytes), ...researcher.files],
    diagnostics: diags.items,
    verdictDiagnostics: verdicts.diagnostics,
    memoDiagnostics: researcher.memoDiagnostics,
  };
}

/** The study of a load, or a QiaError when study.yaml itself cannot be used. */
function usable(loaded: LoadedStudy): Study {
  if (loaded.study) return loaded.study;
  const fatal = loaded.diagnostics.find((d) => d.severity === 'error' && d.code.startsWith('study/')) ?? loaded.diagnostics.find((d) => d.severity === 'error');
  const where: { file?: string; line?: number; column?: number } = {};
  if (fatal?.file !== undefined) where.file = fatal.file;
  if (fatal?.line !== undefined) where.line = fatal.line;
  if (fatal?.column !== undefined) where.column = fatal.column;
  throw new QiaError(fatal?.code ?? 'study/invalid', fatal?.message ?? 'study.yaml cannot be used', where, fatal?.hint);
}
