import type { Lang } from '../model/codebook.js';
import { buildDigest } from '../condense/digest.js';
import { renderDigestJson, renderDigestMd } from '../render/digest.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import type { CommandResult } from './result.js';
import { codedStudy } from './study.js';

export interface CondenseOptions {
  format?: 'md' | 'json';
  lang?: Lang;
  out?: string;
}

/** `qia condense [study]`: the digest per code (counts, spread, sub-codes, excerpts, memos). */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const o = opts as CondenseOptions;
  const { analysis, opened } = await codedStudy(args[0], { allowOutside: Boolean(opts['allowOutside']) });
  const digest = buildDigest(analysis, { lang: o.lang ?? analysis.study.language, memos: opened.memos });
  const text = o.format === 'json' ? renderDigestJson(digest) : renderDigestMd(digest);
  const all = [...analysis.diagnostics, ...opened.memoDiagnostics];
  // `-o -` is standard output, as everywhere in qia.
  if (o.out && o.out !== '-') {
    await writeFileAtomic(o.out, text);
    return { diagnostics: all, lang: digest.lang };
  }
  return { stdout: text, diagnostics: all, lang: digest.lang };
}
