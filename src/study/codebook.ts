import { codingSetting } from './coding-setting.js';
import { readStdin, STDIN_NAME, STDIO } from '../util/stdio.js';
import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_MERGE, isMergeMode, MERGE_MODES } from '../coding/merge.js';
import { join } from 'node:path';
import { loadCodebookText } from '../codebook/load.js';
import { DEFAULT_CODEBOOK, PACKAGE_ROOT } from './resolve.js';
import { checkInside, OUTSIDE_HINT, refusalText, within } from '../util/boundary.js';
import type { Codebook } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { MergeMode, Study } from '../model/study.js';
import { displayPath } from '../util/display-path.js';
import { Diagnostics, QiaError } from '../util/diagnostics.js';

/** A codebook's file as read: enough to load it again elsewhere (a worker thread) without reading it. */
export interface CodebookSource {
  /** Absolute path of the YAML file. */
  path: string;
  /** As the study or the command line named it (`builtin:rogers`, or the path). */
  name: string;
  text: string;
  bytes: Uint8Array;
}

export interface LoadedCodebook {
  codebook?: Codebook;
  diagnostics: Diagnostic[];
  /** Undefined when the file could not be read. */
  source?: CodebookSource;
}

/** The study's codebook file: a shipped one, or one inside the study folder (unless --allow-outside), and a regular file. */
async function studyCodebookFile(study: Study): Promise<LoadedCodebook> {
  if (!within(PACKAGE_ROOT, study.codebook)) {
    const checked = await checkInside(study.root, study.codebook, study.allowOutside);
    if (checked.refused && checked.refused !== 'missing') {
      return {
        diagnostics: [
          {
            severity: 'error',
            code: 'study/outside-study',
            message: `codebook ${displayPath(study.codebook)} is not read: ${refusalText(checked.refused)}`,
            file: displayPath(study.file),
            hint: OUTSIDE_HINT,
          },
        ],
      };
    }
  }
  return loadCodebook(study.codebook);
}

/** `builtin:<name>` names a codebook shipped in codebooks/; anything else is a path. */
export function resolveCodebookPath(file: string): string {
  if (file === 'builtin:rogers') return DEFAULT_CODEBOOK;
  if (file.startsWith('builtin:')) return join(PACKAGE_ROOT, 'codebooks', `${file.slice('builtin:'.length)}.yaml`);
  return file;
}

/** Read a codebook file (or `builtin:<name>`) and load it: parsed and checked, or from qia's cache. */
export async function loadCodebook(file: string): Promise<LoadedCodebook> {
  if (file === STDIO) {
    // `qia codebook check -`: a codebook piped in, named <stdin> in diagnostics.
    const bytes = await readStdin();
    const source: CodebookSource = { path: STDIN_NAME, name: STDIN_NAME, text: bytes.toString('utf8'), bytes };
    return { ...(await loadCodebookText(STDIN_NAME, STDIN_NAME, source.text)), source };
  }
  const path = resolveCodebookPath(file);
  let bytes: Buffer;
  try {
    // Only a regular file: a named pipe named as a codebook would block the read for ever.
    if (!(await stat(path)).isFile()) throw new Error('not a regular file');
    bytes = await readFile(path);
  } catch {
    return {
      diagnostics: [
        {
          severity: 'error',
          code: 'codebook/not-found',
          message: `cannot read codebook ${file}`,
          file: path,
          hint: 'check the path, or use builtin:rogers for the default Rogers codebook',
        },
      ],
    };
  }
  const source: CodebookSource = { path, name: file, text: bytes.toString('utf8'), bytes };
  return { ...(await loadCodebookText(path, file, source.text)), source };
}

/**
 * The study's codebook, loaded and checked (not compiled). A codebook with errors stops the run,
 * unless `lenient` (commands that only read the texts): then what loaded is used, or an empty
 * codebook in the study's language.
 */
export async function studyCodebook(study: Study, diags: Diagnostics, lenient = false): Promise<{ codebook: Codebook; source: CodebookSource }> {
  const loaded = await studyCodebookFile(study);
  for (const d of loaded.diagnostics) diags.add(d);
  const firstError = loaded.diagnostics.find((d) => d.severity === 'error');
  if (lenient && (!loaded.codebook || !loaded.source || firstError)) {
    const codebook = loaded.codebook ?? { id: '', version: '', languages: [study.language], codes: [], file: study.codebook };
    return { codebook, source: loaded.source ?? { path: study.codebook, name: study.codebook, text: '', bytes: new Uint8Array() } };
  }
  if (!loaded.codebook || !loaded.source || firstError) {
    const d: Diagnostic = firstError ?? { severity: 'error', code: 'codebook/invalid', message: `cannot use codebook ${study.codebook}` };
    throw new QiaError(d.code, `${d.message} (the codebook must be fixed before coding; \`qia codebook check\` lists every problem)`, whereOf(d), d.hint);
  }
  return { codebook: loaded.codebook, source: loaded.source };
}

function whereOf(d: Diagnostic): { file?: string; line?: number; column?: number } {
  const w: { file?: string; line?: number; column?: number } = {};
  if (d.file !== undefined) w.file = d.file;
  if (d.line !== undefined) w.line = d.line;
  if (d.column !== undefined) w.column = d.column;
  return w;
}

/** `--merge`, else study.yaml `coding.merge`, else manual-overrides-auto. */
export function mergeModeOf(study: Study, override: MergeMode | undefined, diags: Diagnostics): MergeMode {
  if (override) return override;
  const set = codingSetting(study.settings, 'merge');
  if (set === undefined) return DEFAULT_MERGE;
  if (isMergeMode(set)) return set;
  diags.warn('coding/bad-merge-mode', `coding.merge "${String(set)}" is not one of ${MERGE_MODES.join(', ')}; using ${DEFAULT_MERGE}`, {
    file: displayPath(study.file),
  });
  return DEFAULT_MERGE;
}
