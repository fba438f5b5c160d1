import { createHash } from 'node:crypto';
import { cacheEnabled, codeFingerprint, readCacheEntry, writeCacheEntry } from './disk.js';

/**
 * What is extracted from a file's bytes (the text of a Word or PDF file), kept in qia's cache
 * under the hash of the bytes and of the code that extracts it: the reader's modules and its
 * library, which the caller names. Loading mammoth alone costs a small study a tenth of a second
 * on every run, and a thesis's documents rarely change between runs; a changed file, reader or
 * library is a new key, never a stale hit.
 */
export interface Extractor<T> {
  /** Names the entries (`docx`, `pdf`). */
  kind: string;
  /** The modules that extract, relative to `base` (the caller's import.meta.url), and their library. */
  base: string;
  files: readonly string[];
  packages: readonly string[];
  /** Whether a cached value has the shape of T (an entry from an older qia may not). */
  isValue: (v: unknown) => v is T;
}

const fingerprints = new Map<string, string>();

function fingerprint(x: Extractor<unknown>): string {
  let f = fingerprints.get(x.kind);
  if (f === undefined) fingerprints.set(x.kind, (f = codeFingerprint(x.base, x.files, x.packages)));
  return f;
}

/** `depends`: what else the value depends on (the limits a reader was given). */
export async function cachedExtraction<T>(x: Extractor<T>, bytes: Uint8Array, extract: () => Promise<T>, depends: unknown = null): Promise<T> {
  if (!cacheEnabled()) return extract();
  const key = createHash('sha256').update(fingerprint(x)).update('\0').update(JSON.stringify(depends)).update('\0').update(bytes).digest('hex');
  const name = `${x.kind}-${key}.json`;
  const hit = readCacheEntry(name);
  if (x.isValue(hit)) return hit;
  const result = await extract();
  writeCacheEntry(name, result);
  return result;
}
