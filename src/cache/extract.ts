import { createHash } from 'node:crypto';
import { cacheEnabled, codeFingerprint, readCacheEntry, writeCacheEntry } from './disk.js';
import type { ReadResult } from '../sources/reader.js';

/**
 * The text extracted from a Word or PDF file, kept in qia's cache under the hash of the file's
 * bytes and of the code that extracts it (the reader, the normaliser, the library). Loading
 * mammoth alone costs a small study a tenth of a second on every run, and a thesis's documents
 * rarely change between runs; a changed file, reader or library is a new key, never a stale hit.
 */

const READERS = { docx: { files: ['../sources/docx.js', '../sources/normalize.js'], pkg: 'mammoth' }, pdf: { files: ['../sources/pdf.js', '../sources/normalize.js'], pkg: 'unpdf' } } as const;
const fingerprints = new Map<string, string>();

function fingerprint(kind: keyof typeof READERS): string {
  let f = fingerprints.get(kind);
  if (f === undefined) fingerprints.set(kind, (f = codeFingerprint(import.meta.url, READERS[kind].files, [READERS[kind].pkg])));
  return f;
}

function isReadResult(v: unknown): v is ReadResult {
  const r = v as ReadResult | undefined;
  return typeof r === 'object' && r !== null && typeof r.text === 'string' && typeof r.bodyLine === 'number' && Array.isArray(r.problems);
}

export async function cachedExtraction(kind: keyof typeof READERS, bytes: Uint8Array, extract: () => Promise<ReadResult>): Promise<ReadResult> {
  if (!cacheEnabled()) return extract();
  const key = createHash('sha256').update(fingerprint(kind)).update('\0').update(bytes).digest('hex');
  const name = `${kind}-${key}.json`;
  const hit = readCacheEntry(name);
  if (isReadResult(hit)) return hit;
  const result = await extract();
  writeCacheEntry(name, result);
  return result;
}
