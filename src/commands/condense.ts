import type { Analysis } from '../model/analysis.js';
import type { Lang } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Memo } from '../model/evidence.js';
import { buildDigest } from '../condense/digest.js';
import { analyseStudy } from '../pipeline/analyse.js';
import { readMemos as readMemoFolder } from '../study/memos.js';
import { renderDigestJson, renderDigestMd } from '../render/digest.js';
import { resolveStudyDir } from '../study/resolve.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import type { CommandResult } from './result.js';

/** The study folder named on the command line (or the default), read, segmented and coded. */
export async function loadAnalysis(studyArg: string | undefined): Promise<{ dir: string; analysis: Analysis }> {
  const { dir } = resolveStudyDir(studyArg);
  return { dir, analysis: await analyseStudy(dir) };
}

/** Read `<study>/memos/*.md`; a missing folder means no memos. */
export async function readMemos(dir: string, analysis: Analysis): Promise<{ memos: Memo[]; diagnostics: Diagnostic[] }> {
  return readMemoFolder(dir, analysis.codebook);
}

export interface CondenseOptions {
  format?: 'md' | 'json';
  lang?: Lang;
  out?: string;
}

/** `qia condense [study]`: the digest per code (counts, spread, sub-codes, excerpts, memos). */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const o = opts as CondenseOptions;
  const { dir, analysis } = await loadAnalysis(args[0]);
  const { memos, diagnostics } = await readMemos(dir, analysis);
  const digest = buildDigest(analysis, { lang: o.lang ?? analysis.study.language, memos });
  const text = o.format === 'json' ? renderDigestJson(digest) : renderDigestMd(digest);
  const all = [...analysis.diagnostics, ...diagnostics];
  if (o.out) {
    await writeFileAtomic(o.out, text);
    return { diagnostics: all };
  }
  return { stdout: text, diagnostics: all };
}
