import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * qia's cache in the system's temporary folder (`qia-cache/`, or QIA_CACHE_DIR): plain JSON
 * entries under keys that hash everything the value depends on, so an entry is either right
 * or never found. A missing, corrupt or unwritable cache only means the work is done again;
 * QIA_NO_CACHE=1 turns it off.
 */

export function cacheEnabled(): boolean {
  return process.env['QIA_NO_CACHE'] !== '1';
}

function cacheDir(): string {
  return process.env['QIA_CACHE_DIR'] ?? join(tmpdir(), 'qia-cache');
}

/** The entry `name` (a file name made from a key), or undefined when there is none or it is unreadable. */
export function readCacheEntry(name: string): unknown {
  try {
    return JSON.parse(readFileSync(join(cacheDir(), name), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export function writeCacheEntry(name: string, value: unknown): void {
  try {
    mkdirSync(cacheDir(), { recursive: true });
    const file = join(cacheDir(), name);
    // Another qia process (or worker) may write the same entry: each writes its own temporary
    // file and renames it, so a reader never sees half a file.
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
  } catch {
    // a read-only or full temporary folder: run without the cache
  }
}

/**
 * A hash of the code a cached value depends on: qia's own modules (paths relative to `base`,
 * a module's import.meta.url) and the packages it calls, by their entry files. A file that
 * cannot be read is hashed as its name, so the key still changes when it appears.
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
  for (const pkg of packages) {
    try {
      h.update(readFileSync(fileURLToPath(import.meta.resolve(pkg))));
    } catch {
      h.update(`unresolved:${pkg}`);
    }
  }
  return h.digest('hex');
}
