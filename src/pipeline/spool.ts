import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAllSync } from '../util/write-atomic.js';

/**
 * Bytes set aside on disk until their turn comes: a temporary file written at its end and read
 * back by position. Made on first use; `close` removes it.
 */
export class Spool {
  private fd: number | undefined;
  private dir: string | undefined;
  private size = 0;

  /** Appends `bytes`; returns where they are. */
  put(bytes: Uint8Array): { offset: number; length: number } {
    if (this.fd === undefined) {
      this.dir = mkdtempSync(join(tmpdir(), 'qia-spool-'));
      this.fd = openSync(join(this.dir, 'rows'), 'w+', 0o600);
    }
    const at = { offset: this.size, length: bytes.length };
    writeAllSync(this.fd, bytes, this.size);
    this.size += bytes.length;
    return at;
  }

  get(at: { offset: number; length: number }): Uint8Array {
    const out = Buffer.allocUnsafe(at.length);
    let done = 0;
    while (done < at.length) {
      const n = readSync(this.fd!, out, done, at.length - done, at.offset + done);
      if (n === 0) throw new Error('the spool file ended early');
      done += n;
    }
    return out;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.fd = undefined;
    this.dir = undefined;
  }
}
