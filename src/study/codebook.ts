import { DEFAULT_MERGE, isMergeMode, MERGE_MODES } from '../coding/merge.js';
import { loadCodebook } from '../codebook/load.js';
import type { Codebook } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { MergeMode, Study } from '../model/study.js';
import { displayPath } from '../util/display-path.js';
import { Diagnostics, QiaError } from '../util/diagnostics.js';

/** What every pipeline takes from study.yaml before coding: the codebook and the merge mode. */

/** The study's codebook, loaded and checked (not compiled); a codebook with errors stops the run. */
export async function checkedCodebook(study: Study, diags: Diagnostics): Promise<Codebook> {
  const loaded = await loadCodebook(study.codebook);
  for (const d of loaded.diagnostics) diags.add(d);
  const firstError = loaded.diagnostics.find((d) => d.severity === 'error');
  if (!loaded.codebook || firstError) {
    const d: Diagnostic = firstError ?? { severity: 'error', code: 'codebook/invalid', message: `cannot use codebook ${study.codebook}` };
    throw new QiaError(d.code, `${d.message} (the codebook must be fixed before coding; \`qia codebook check\` lists every problem)`, whereOf(d), d.hint);
  }
  return loaded.codebook;
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
  const coding = study.settings['coding'];
  const set = coding && typeof coding === 'object' ? (coding as Record<string, unknown>)['merge'] : undefined;
  if (set === undefined) return DEFAULT_MERGE;
  if (isMergeMode(set)) return set;
  diags.warn('coding/bad-merge-mode', `coding.merge "${String(set)}" is not one of ${MERGE_MODES.join(', ')}; using ${DEFAULT_MERGE}`, { file: displayPath(study.file) });
  return DEFAULT_MERGE;
}

