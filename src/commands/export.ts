import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Codebook, Lang } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { qdcText, qdpxBytes } from '../interop/export-files.js';
import { codeStudy } from '../pipeline/run.js';
import { openStudy } from '../study/open.js';
import { exportLanguage } from '../interop/project-out.js';
import { loadCodebook } from '../study/codebook.js';
import { loadStudy } from '../study/load.js';
import { PACKAGE_ROOT, studyDirFor } from '../study/resolve.js';
import { displayPath } from '../util/display-path.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { hasErrors, QiaError } from '../util/diagnostics.js';
import { EXCHANGE_LINES } from '../i18n/commands.js';
import type { CommandResult } from './result.js';

export interface ExportOptions {
  allowOutside?: boolean;
  out?: string;
  lang?: Lang;
}

/** `origin` of everything qia writes: the program and its version, nothing that changes per run. */
function origin(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return `qia ${pkg.version}`;
}

/** A codebook file (YAML or builtin:name) rather than a study folder. */
function isCodebookArg(arg: string | undefined): arg is string {
  if (!arg) return false;
  if (arg.startsWith('builtin:') || /\.ya?ml$/i.test(arg)) return true;
  try {
    return statSync(arg).isFile();
  } catch {
    return false;
  }
}

/** The codebook to export and the language its code names take. */
async function codebookFor(arg: string | undefined, lang: Lang | undefined): Promise<{ codebook?: Codebook; lang: Lang; diagnostics: Diagnostic[] }> {
  if (isCodebookArg(arg)) {
    const { codebook, diagnostics } = await loadCodebook(arg);
    return { ...(codebook ? { codebook } : {}), lang: lang ?? codebook?.languages[0] ?? 'id', diagnostics };
  }
  const { dir } = studyDirFor(arg);
  const loaded = await loadStudy(dir);
  if (!loaded.study) return { lang: lang ?? 'id', diagnostics: loaded.diagnostics };
  const { codebook, diagnostics } = await loadCodebook(loaded.study.codebook);
  const chosen = lang ?? exportLanguage(loaded.study.language, codebook?.languages ?? []);
  return { ...(codebook ? { codebook } : {}), lang: chosen, diagnostics };
}

/**
 * `qia export qdc [study|codebook] [-o file.qdc]` and `qia export qdpx [study] -o file.qdpx`:
 * the codebook, or the whole coded study, for NVivo, ATLAS.ti, MAXQDA and QualCoder.
 */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  const o = opts as ExportOptions;
  const [format, target] = args;
  const out = o.out && o.out !== '-' ? resolve(o.out) : undefined;
  if (format === 'qdc') {
    const { codebook, lang, diagnostics } = await codebookFor(target, o.lang);
    // A codebook with errors would be exported with codes or rules silently missing.
    if (!codebook || hasErrors(diagnostics)) return { diagnostics, exitCode: 1, lang };
    if (codebook.codes.length === 0) {
      return {
        diagnostics: [...diagnostics, { severity: 'error', code: 'export/no-codes', message: 'the codebook has no codes, and a .qdc must hold at least one' }],
        exitCode: 1,
        lang,
      };
    }
    const text = qdcText(codebook, lang, origin());
    if (!out) return { stdout: text, diagnostics, lang };
    await writeFileAtomic(out, text);
    return { stdout: EXCHANGE_LINES.codes(displayPath(out), codebook.codes.length, lang), diagnostics, lang };
  }
  if (format === 'qdpx') {
    if (!out) throw new QiaError('usage/missing-out', 'a .qdpx is a zip file: name it with -o, e.g. `qia export qdpx my-study -o my-study.qdpx`');
    const { dir } = studyDirFor(target);
    const opened = await openStudy(dir, { allowOutside: Boolean(o.allowOutside) });
    // Every coder's codings, the automatic coder's included, each kept apart: not the merged view.
    const { analysis, corpus } = await codeStudy(opened, { merge: 'union', texts: true });
    const result = qdpxBytes({ ...analysis, sources: corpus.sources, segments: corpus.segments }, opened.memos, origin(), o.lang);
    await writeFileAtomic(out, result.bytes);
    const c = result.counts;
    const diagnostics = [...analysis.diagnostics, ...opened.memoDiagnostics, ...result.diagnostics];
    const lang = o.lang ?? opened.study.language;
    return { stdout: EXCHANGE_LINES.qdpx(displayPath(out), c, lang), diagnostics, exitCode: hasErrors(diagnostics) ? 1 : 0, lang };
  }
  throw new QiaError('usage/format', `export format must be qdc or qdpx, not ${format ?? '(none)'}`);
}
