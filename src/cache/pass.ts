import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { cacheEnabled, packageFingerprint, readCacheBytes, treeFingerprint, writeCacheBytes } from './disk.js';

/**
 * A small study's files, each as the pipeline passed it (read, segmented, coded), kept in qia's
 * cache so a rerun with the same inputs neither compiles the codebook into a matcher, nor loads
 * the stemmer, nor codes a file again. On a sample study those three are most of what `qia run`
 * costs beyond starting Node; a supervisor regenerating matrices, or a researcher changing one
 * transcript or a coder file, pays only for what changed.
 *
 * An entry is right or never found: its key hashes the file's bytes, what the caller says the
 * pass of this file depends on, everything the caller says reaches every pass of the study
 * (study.yaml, informants, codebook, options), the working folder that diagnostics are written
 * relative to, all of qia's code and the versions of the libraries that read and stem. Each file
 * has one entry per slot (the kind of pass), under its study and path, replaced when its key
 * changes, so the cache grows with the studies, not with the reruns. Entries are V8's
 * structured-clone bytes, the form worker threads hand passes over in, so a hit is the same data
 * as a pass made now.
 */

/** Libraries whose version can change a pass: the readers, the front-matter parser, the stemmers, the regex engine. */
const PASS_PACKAGES = ['yaml', 'csv-parse', 'mammoth', 'unpdf', 'sastrawijs', 'stemmer', 're2js'];

let codeHash: string | undefined;

function codeFingerprint(): string {
  // This module's folder is src/cache or dist/cache; the hash covers the folder above it.
  return (codeHash ??= createHash('sha256')
    .update(treeFingerprint(new URL('../', import.meta.url)))
    .update(packageFingerprint(PASS_PACKAGES))
    .update(process.versions.v8)
    .digest('hex'));
}

interface Entry<T> {
  key: string;
  value: T;
}

export class PassCache<T> {
  private constructor(
    private readonly root: string,
    private readonly studyKey: string,
    private readonly folder: string,
  ) {}

  /** The cache of the study in `root`, whose every pass depends on `study`; undefined when QIA_NO_CACHE=1. */
  static open<T>(root: string, study: unknown): PassCache<T> | undefined {
    if (!cacheEnabled()) return undefined;
    const studyKey = createHash('sha256').update(codeFingerprint()).update('\0').update(process.cwd()).update('\0').update(JSON.stringify(study)).digest('hex');
    const folder = `passes/${createHash('sha256').update(root).digest('hex').slice(0, 32)}`;
    return new PassCache<T>(root, studyKey, folder);
  }

  /**
   * The pass of the file `rel` in `slot` from the cache, or made by `make` (given the bytes read
   * here, so a miss reads the file once) and kept for next time when `keep` says so. `depends`:
   * what else this file's pass depends on.
   */
  async pass(
    rel: string,
    slot: string,
    depends: unknown,
    make: (bytes?: Uint8Array) => Promise<T>,
    keep: (value: T) => boolean,
    isValue: (v: unknown) => v is T,
  ): Promise<T> {
    let bytes: Buffer;
    try {
      const abs = join(this.root, rel);
      // As the readers: only a regular file is read (a named pipe would block the read).
      if (!(await stat(abs)).isFile()) return make();
      bytes = await readFile(abs);
    } catch {
      // `make` tries to read the file itself and reports why it cannot
      return make();
    }
    const key = createHash('sha256').update(this.studyKey).update('\0').update(JSON.stringify(depends)).update('\0').update(bytes).digest('hex');
    const name = `${this.folder}/${createHash('sha256').update(rel).digest('hex').slice(0, 32)}${slot}.bin`;
    const hit = readEntry(name, isValue);
    if (hit?.key === key) return hit.value;
    const value = await make(bytes);
    if (keep(value)) writeCacheBytes(name, serialize({ key, value } satisfies Entry<T>));
    return value;
  }
}

function readEntry<T>(name: string, isValue: (v: unknown) => v is T): Entry<T> | undefined {
  const bytes = readCacheBytes(name);
  if (bytes === undefined) return undefined;
  try {
    const v = deserialize(bytes) as Partial<Entry<unknown>> | null;
    if (v && typeof v.key === 'string' && isValue(v.value)) return { key: v.key, value: v.value };
  } catch {
    // a truncated or foreign file: made again
  }
  return undefined;
}
