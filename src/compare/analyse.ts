import { isMainThread } from 'node:worker_threads';
import type { Diagnostic } from '../model/diagnostic.js';
import { codedStudy } from '../commands/study.js';
import { displayPath } from '../util/display-path.js';
import { QiaError } from '../util/diagnostics.js';
import { concludedFrom, concludedStudy, summarizeStudy } from './summarize.js';
import type { StudySummary } from './summary.js';

/** One study to analyse for a comparison: what a worker is sent. */
export interface AnalyseRequest {
  /** Absolute path of the study folder. */
  dir: string;
  /** How the comparison names it (its folder name). */
  id: string;
  /** Also write the study's own out/, as `qia run` does (`qia run a b c`). */
  write: boolean;
  allowOutside: boolean;
}

/** What comes back: the summary, or nothing when the study could not be analysed. */
export interface AnalyseReply {
  id: string;
  summary?: StudySummary;
  diagnostics: Diagnostic[];
  /** `qia run`'s summary of the study, when its out/ was written. */
  stdout?: string;
}

/**
 * Analyses one study with its own codebook and settings, through the same pipeline as `qia run`
 * and on one thread (the comparison spreads studies over the cores instead), and keeps only its
 * summary. A study that cannot be analysed gives its diagnostic and one naming it as left out.
 */
export async function analyseOne(req: AnalyseRequest): Promise<AnalyseReply> {
  try {
    if (req.write) {
      const { runStudy } = await import('../commands/run.js');
      const { result, opened, assembled } = await runStudy(req.dir, { jobs: '1', allowOutside: req.allowOutside });
      const reply: AnalyseReply = {
        id: req.id,
        summary: detached(summarizeStudy(req.id, opened, concludedFrom(assembled))),
        diagnostics: result.diagnostics ?? [],
      };
      if (result.stdout) reply.stdout = result.stdout;
      return reply;
    }
    const { opened, analysis, parts } = await codedStudy(req.dir, { jobs: '1', allowOutside: req.allowOutside });
    const diagnostics = [...analysis.diagnostics, ...opened.verdictDiagnostics];
    return { id: req.id, summary: detached(summarizeStudy(req.id, opened, concludedStudy(opened, { analysis, parts }))), diagnostics };
  } catch (err) {
    const first: Diagnostic =
      err instanceof QiaError
        ? err.toDiagnostic()
        : { severity: 'error', code: 'internal', message: (err as Error)?.message ?? String(err), file: displayPath(req.dir) };
    return { id: req.id, diagnostics: [first, leftOut(req)] };
  }
}

/**
 * A copy that shares nothing with the study's analysis: a quote taken out of a transcript may
 * be a slice that keeps the whole transcript alive, and on one thread (`--jobs 1`) every
 * summary kept would then keep its study's texts. A worker thread's reply is copied anyway on
 * its way to the main thread, so there it is sent as it is.
 */
function detached(s: StudySummary): StudySummary {
  return isMainThread ? (JSON.parse(JSON.stringify(s)) as StudySummary) : s;
}

export function leftOut(req: Pick<AnalyseRequest, 'dir' | 'id'>): Diagnostic {
  return {
    severity: 'error',
    code: 'compare/study-left-out',
    message: `study ${req.id} could not be analysed and is left out of the comparison`,
    file: displayPath(req.dir),
    hint: `\`qia run ${displayPath(req.dir)}\` shows the problem on its own`,
  };
}
