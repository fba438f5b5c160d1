import { mkdir, rename, writeFile, rm } from 'node:fs/promises';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
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

/**
 * A file written piece by piece as the pieces come, through a temporary file renamed into place
 * by `commit`: as writeFileAtomic, for output made over a long run (codings.csv while the
 * sources are coded). Synchronous writes: each piece is written before the next is made, so at
 * most one piece is in memory, and the disk's page cache takes them faster than they are made.
 */
export class AtomicFileWriter {
  private fd: number | undefined;
  private readonly tmp: string;

  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
    this.fd = openSync(this.tmp, 'w');
  }

  write(data: string | Uint8Array): void {
    writeAllSync(this.fd!, typeof data === 'string' ? Buffer.from(data) : data);
  }

  commit(): void {
    closeSync(this.fd!);
    this.fd = undefined;
    renameSync(this.tmp, this.path);
  }

  /** Leaves no trace: after a failure, or when the run is given up. */
  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.tmp, { force: true });
  }
}

/** All of `bytes` written to `fd` (writeSync may write fewer than asked), at `position` or where the file is. */
export function writeAllSync(fd: number, bytes: Uint8Array, position?: number): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position === undefined ? null : position + done);
}
