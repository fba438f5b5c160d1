import { createHash } from 'node:crypto';
import type { Codebook } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { primeStems, stemMarks, stemsSince, type StemTable } from '../text/stem.js';
import { cacheEnabled, codeFingerprint, readCacheEntry, writeCacheEntry } from '../util/disk-cache.js';

/**
 * Parsing the default codebook with positions and checking every term against the stemmer
 * costs more than coding a whole sample study, and the file rarely changes between runs. So
 * the result of a load (codebook and diagnostics, plain data) is kept in the system's temporary
 * folder under a key made of the codebook's text, its path and the loader's own code: an edited
 * codebook, another path or a new qia build is a new key, never a stale hit. A missing, corrupt
 * or unwritable cache only means the codebook is parsed again (src/util/disk-cache.ts).
 *
 * The entry also keeps the stems of the words the load looked up (Sastrawi is the slowest part
 * of compiling the codebook, in every process and worker): a hit seeds the stemmer's memo with
 * them, so the matcher is built without stemming its terms again.
 */

export interface LoadResult {
  codebook?: Codebook;
  diagnostics: Diagnostic[];
}

interface CacheEntry extends LoadResult {
  stems?: StemTable;
}

const LOADER_FILES = ['./load.js', './regex-safety.js', '../text/stem.js', '../text/patterns.js'];
const STEMMER_PACKAGES = ['sastrawijs', 'stemmer'];
let loaderHash: string | undefined;

function loaderFingerprint(): string {
  // The stemmers' code too: another version may stem differently.
  return (loaderHash ??= codeFingerprint(import.meta.url, LOADER_FILES, STEMMER_PACKAGES));
}

function keyOf(path: string, name: string, text: string): string {
  return createHash('sha256').update(loaderFingerprint()).update('\0').update(path).update('\0').update(name).update('\0').update(text).digest('hex');
}

export function cachedLoad(path: string, name: string, text: string, load: () => LoadResult): LoadResult {
  if (!cacheEnabled()) return load();
  const entryName = `codebook-${keyOf(path, name, text)}.json`;
  const hit = readCacheEntry(entryName) as CacheEntry | undefined;
  if (hit && typeof hit === 'object' && Array.isArray(hit.diagnostics)) {
    if (hit.stems && typeof hit.stems === 'object') primeStems(hit.stems);
    const out: LoadResult = { diagnostics: hit.diagnostics };
    if (hit.codebook) out.codebook = hit.codebook;
    return out;
  }
  const marks = stemMarks();
  const result = load();
  writeCacheEntry(entryName, { ...result, stems: stemsSince(marks) } satisfies CacheEntry);
  return result;
}
