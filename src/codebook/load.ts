import { join } from 'node:path';
import type { Codebook } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { DEFAULT_CODEBOOK, PACKAGE_ROOT } from '../study/resolve.js';
import { cachedLoad } from '../cache/codebook.js';

/** `builtin:<name>` names a codebook shipped in codebooks/; anything else is a path. */
export function resolveCodebookPath(file: string): string {
  if (file === 'builtin:rogers') return DEFAULT_CODEBOOK;
  if (file.startsWith('builtin:')) return join(PACKAGE_ROOT, 'codebooks', `${file.slice('builtin:'.length)}.yaml`);
  return file;
}

/**
 * A codebook from its text (read by the caller, src/study/codebook.ts), parsed and checked, or
 * served from qia's cache when this text was loaded before.
 */
export async function loadCodebookText(path: string, name: string, text: string): Promise<{ codebook?: Codebook; diagnostics: Diagnostic[] }> {
  return cachedLoad(path, name, text, async () => (await import('./parse.js')).parseNamed(path, name, text));
}
