import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * qia's cache in the system's temporary folder (`qia-cache-<uid>/`, or QIA_CACHE_DIR): entries
 * under keys that hash everything the value depends on, so an entry is either right or never
 * found. A missing, corrupt or unwritable cache only means the work is done again;
 * QIA_NO_CACHE=1 turns it off.
 */

export function cacheEnabled(): boolean {
  return process.env['QIA_NO_CACHE'] !== '1';
}

/** The folder, or undefined when the default one is not safe to use (see privateFolder). */
function cacheDir(): string | undefined {
  const set = process.env['QIA_CACHE_DIR'];
  if (set) return set;
  const uid = process.getuid?.();
  // Windows has no uid, and its temporary folder is the user's own.
  const dir = join(tmpdir(), uid === undefined ? 'qia-cache' : `qia-cache-${uid}`);
  if (uid === undefined) return dir;
  let safe = checked.get(dir);
  if (safe === undefined) checked.set(dir, (safe = privateFolder(dir, uid)));
  return safe ? dir : undefined;
}

const checked = new Map<string, boolean>();

/**
 * On a shared machine the temporary folder is everyone's, and an entry another user planted
 * would come back as this user's codings. So the folder is made private to its user and used
 * only while it is a real folder (not a link) that this user owns and no one else may write to.
 */
function privateFolder(dir: string, uid: number): boolean {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return false;
  }
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && st.uid === uid && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** The entry `name` (a file name made from a key), or undefined when there is none or it is unreadable. */
export function readCacheEntry(name: string): unknown {
  const bytes = readCacheBytes(name);
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export function writeCacheEntry(name: string, value: unknown): void {
  writeCacheBytes(name, JSON.stringify(value));
}

/**
 * Every entry starts with the sha256 of the rest: an entry changed on disk (by hand, a bad
 * sector, another program) is never served as it is, only made again. The key says whether an
 * entry is the right one; the checksum, whether it is still what was written.
 */
const SUM_BYTES = 32;

/** Entries larger than this are not kept: a cache must not fill the disk for one odd file. */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/** The bytes of entry `name` (which may name a subfolder), or undefined when missing or not what was written. */
export function readCacheBytes(name: string): Buffer | undefined {
  const dir = cacheDir();
  if (dir === undefined) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, name));
  } catch {
    return undefined;
  }
  if (bytes.length < SUM_BYTES) return undefined;
  const data = bytes.subarray(SUM_BYTES);
  return createHash('sha256').update(data).digest().equals(bytes.subarray(0, SUM_BYTES)) ? data : undefined;
}

export function writeCacheBytes(name: string, data: string | Uint8Array): void {
  const dir = cacheDir();
  if (dir === undefined) return;
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (body.length > MAX_ENTRY_BYTES) return;
  try {
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    // Another qia process (or worker) may write the same entry: each writes its own temporary
    // file and renames it, so a reader never sees half a file.
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, Buffer.concat([createHash('sha256').update(body).digest(), body]));
    renameSync(tmp, file);
  } catch {
    // a read-only or full temporary folder: run without the cache
  }
}

/**
 * A hash of the code a cached value depends on: qia's own modules (paths relative to `base`,
 * a module's import.meta.url) and the packages it calls, by their package.json (name and
 * version; a package's entry file is one of several builds, and which one loads depends on how
 * it is loaded). A file that cannot be read is hashed as its name, so the key still changes.
 */
export function codeFingerprint(base: string, files: readonly string[], packages: readonly string[]): string {
  const h = createHash('sha256');
  for (const f of files) {
    try {
      h.update(readFileSync(fileURLToPath(new URL(f, base))));
    } catch {
      h.update(`missing:${f}`);
    }
  }
  h.update(packageFingerprint(packages));
  return h.digest('hex');
}

/**
 * A hash of every file under `dirUrl` (qia's compiled code, or its sources under the tests),
 * by relative path and content: for values that depend on so much of qia that listing the
 * modules by hand would one day miss one.
 */
export function treeFingerprint(dirUrl: URL): string {
  const h = createHash('sha256');
  const walk = (dir: string, rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      h.update(`unreadable:${rel}`);
      return;
    }
    for (const name of names) {
      const abs = join(dir, name);
      let data: Buffer | undefined;
      try {
        data = readFileSync(abs);
      } catch {
        // a folder (EISDIR), or a file that vanished: folders are walked, the rest named
        walk(abs, `${rel}/${name}`);
        continue;
      }
      h.update(`${rel}/${name}\0`).update(data).update('\0');
    }
  };
  walk(fileURLToPath(dirUrl), '');
  return h.digest('hex');
}

/** The package.json of each package (its name and version), found from its entry file. */
export function packageFingerprint(packages: readonly string[]): string {
  const h = createHash('sha256');
  for (const pkg of packages) {
    let dir: string;
    try {
      dir = dirname(fileURLToPath(import.meta.resolve(pkg)));
    } catch {
      h.update(`unresolved:${pkg}`);
      continue;
    }
    for (;;) {
      try {
        const text = readFileSync(join(dir, 'package.json'), 'utf8');
        if ((JSON.parse(text) as { name?: string }).name === pkg) {
          h.update(text);
          break;
        }
      } catch {
        // no package.json here, or not JSON: look further up
      }
      const up = dirname(dir);
      if (up === dir) {
        h.update(`no-package-json:${pkg}`);
        break;
      }
      dir = up;
    }
  }
  return h.digest('hex');
}
