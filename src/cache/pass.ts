import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Codebook } from '../model/codebook.js';
import type { Planned } from '../sources/read.js';
import { sourceIdOf } from '../sources/read.js';
import { cacheEnabled, packageFingerprint, readCacheBytes, treeFingerprint, writeCacheBytes } from './disk.js';
import { keptWhole } from '../pipeline/source-keys.js';
import type { PassSettings, SourcePass } from '../pipeline/source-pass.js';

/**
 * A small study's files, each as passed through read → segment → code, kept in qia's cache so a
 * rerun with the same inputs neither compiles the codebook into a matcher, nor loads the
 * stemmer, nor codes a file again. On a sample study those three are most of what `qia run`
 * costs beyond starting Node; a supervisor regenerating matrices, or a researcher changing one
 * transcript or a coder file, pays only for what changed.
 *
 * An entry is right or never found: its key hashes the file's bytes, its place in the plan,
 * everything in the study that reaches the pass (study.yaml, informants, codebook, options, the
 * working folder that diagnostics are written relative to), all of qia's code and the versions
 * of the libraries that read and stem. Each file has one entry per kind of pass, under its study
 * and path, replaced when its key changes, so the cache grows with the studies, not with the
 * reruns.
 * Entries are V8's structured-clone bytes, the form worker threads hand passes over in, so a
 * hit is the same data as a pass made now.
 */

/** Libraries whose version can change a pass: the readers, the front-matter parser, the stemmers. */
const PASS_PACKAGES = ['yaml', 'csv-parse', 'mammoth', 'unpdf', 'sastrawijs', 'stemmer'];

let codeHash: string | undefined;

function codeFingerprint(): string {
  // This module's folder is src/pipeline or dist/pipeline; the hash covers the folder above it.
  return (codeHash ??= createHash('sha256')
    .update(treeFingerprint(new URL('../', import.meta.url)))
    .update(packageFingerprint(PASS_PACKAGES))
    .update(process.versions.v8)
    .digest('hex'));
}

interface Entry {
  key: string;
  pass: SourcePass;
}

export class PassCache {
  private constructor(
    private readonly settings: PassSettings,
    private readonly studyKey: string,
    private readonly folder: string,
  ) {}

  /** The cache for this run, or undefined when QIA_NO_CACHE=1. */
  static open(settings: PassSettings, codebook: Codebook): PassCache | undefined {
    if (!cacheEnabled()) return undefined;
    const { study, informants, interviewer, code } = settings;
    const studyKey = createHash('sha256')
      .update(codeFingerprint())
      .update('\0')
      .update(process.cwd())
      .update('\0')
      .update(JSON.stringify([study, informants, codebook, interviewer, code]))
      .digest('hex');
    const folder = `passes/${createHash('sha256').update(study.root).digest('hex').slice(0, 32)}`;
    return new PassCache(settings, studyKey, folder);
  }

  /**
   * The pass of `planned` from the cache, or made by `make` (given the bytes read here, so a
   * miss reads the file once) and kept for next time.
   */
  async pass(planned: Planned, make: (bytes?: Uint8Array) => Promise<SourcePass>): Promise<SourcePass> {
    let bytes: Buffer;
    try {
      const abs = join(this.settings.study.root, planned.rel);
      // As readOne: only a regular file is read (a named pipe would block the read).
      if (!(await stat(abs)).isFile()) return make();
      bytes = await readFile(abs);
    } catch {
      // `make` tries to read the file itself and reports why it cannot
      return make();
    }
    const whole = keptWhole(this.settings, { id: sourceIdOf(planned.rel), path: planned.rel });
    const key = createHash('sha256')
      .update(this.studyKey)
      .update('\0')
      .update(JSON.stringify([planned, whole]))
      .update('\0')
      .update(bytes)
      .digest('hex');
    // One slot per file and kind of pass: coded or only read (`qia sources`), kept whole (for
    // manual codings) or not, interviewer turns coded or not, so running one command after
    // another does not throw the other's entry away.
    const { code, interviewer } = this.settings;
    const kind = `${code ? 'c' : '-'}${whole ? 'w' : '-'}${interviewer ? 'i' : '-'}`;
    const name = `${this.folder}/${createHash('sha256').update(planned.rel).digest('hex').slice(0, 32)}${kind}.bin`;
    const hit = readEntry(name);
    if (hit?.key === key) return hit.pass;
    const pass = await make(bytes);
    // A file that could not be read is not kept: the next run should try it again.
    if (pass.info) writeCacheBytes(name, serialize({ key, pass } satisfies Entry));
    return pass;
  }
}

function readEntry(name: string): Entry | undefined {
  const bytes = readCacheBytes(name);
  if (bytes === undefined) return undefined;
  try {
    const v = deserialize(bytes) as Partial<Entry> | null;
    if (v && typeof v.key === 'string' && v.pass && typeof v.pass === 'object' && Array.isArray(v.pass.auto)) return v as Entry;
  } catch {
    // a truncated or foreign file: made again
  }
  return undefined;
}
