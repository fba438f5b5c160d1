import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * Points qia's disk cache (QIA_CACHE_DIR) at a fresh folder for each test of the file and puts
 * the old value back after; returns a getter for the current test's folder.
 */
export function freshCacheDirPerTest(): () => string {
  let dir = '';
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env['QIA_CACHE_DIR'];
    dir = mkdtempSync(join(tmpdir(), 'qia-cache-test-'));
    process.env['QIA_CACHE_DIR'] = dir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['QIA_CACHE_DIR'];
    else process.env['QIA_CACHE_DIR'] = saved;
  });
  return () => dir;
}
