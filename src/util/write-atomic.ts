import { mkdir, rename, writeFile, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/**
 * Write through a temporary file in the same folder, then rename: a crash or a failed run
 * never leaves a half-written output behind, and a reader never sees one. `data` may come in
 * pieces, so a large file need not be held in memory whole.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string> | Iterable<Uint8Array>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
