import type { Codebook } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { cachedLoad } from '../cache/codebook.js';

/**
 * A codebook from its text (read by the caller, src/study/codebook.ts), parsed and checked, or
 * served from qia's cache when this text was loaded before.
 */
export async function loadCodebookText(path: string, name: string, text: string): Promise<{ codebook?: Codebook; diagnostics: Diagnostic[] }> {
  return cachedLoad(path, name, text, async () => (await import('./parse.js')).parseNamed(path, name, text));
}
