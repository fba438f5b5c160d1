import { readFile } from 'node:fs/promises';
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

export async function loadCodebook(file: string): Promise<{ codebook?: Codebook; diagnostics: Diagnostic[] }> {
  const path = resolveCodebookPath(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
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
  return cachedLoad(path, file, text, async () => (await import('./parse.js')).parseNamed(path, file, text));
}

