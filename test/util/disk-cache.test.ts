import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCacheEntry, writeCacheEntry } from '../../src/cache/disk.js';

/**
 * The default cache folder sits in the shared temporary folder: another user must not be able
 * to put entries in front of this user's runs. These tests point TMPDIR at a scratch folder.
 */

const uid = process.getuid?.();
let saved: { tmp: string | undefined; dir: string | undefined };
let tmp: string;

beforeEach(() => {
  saved = { tmp: process.env['TMPDIR'], dir: process.env['QIA_CACHE_DIR'] };
  tmp = mkdtempSync(join(tmpdir(), 'qia-tmpdir-'));
  process.env['TMPDIR'] = tmp;
  delete process.env['QIA_CACHE_DIR'];
});

afterEach(() => {
  for (const [k, v] of [
    ['TMPDIR', saved.tmp],
    ['QIA_CACHE_DIR', saved.dir],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe.skipIf(uid === undefined)('the default cache folder', () => {
  it('is made per user and private, and works', () => {
    writeCacheEntry('probe.json', { n: 1 });
    expect(readCacheEntry('probe.json')).toEqual({ n: 1 });
    const dir = join(tmp, `qia-cache-${uid}`);
    expect(readdirSync(dir)).toEqual(['probe.json']);
    expect(statSync(dir).mode & 0o077).toBe(0);
  });

  it('is not used when others may write to it', () => {
    const dir = join(tmp, `qia-cache-${uid}`);
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    writeCacheEntry('probe.json', { n: 1 });
    expect(readdirSync(dir)).toEqual([]);
    expect(readCacheEntry('probe.json')).toBeUndefined();
  });

  it('is not used when it is a link to somewhere else', () => {
    const elsewhere = mkdtempSync(join(tmp, 'elsewhere-'));
    symlinkSync(elsewhere, join(tmp, `qia-cache-${uid}`));
    writeCacheEntry('probe.json', { n: 1 });
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readCacheEntry('probe.json')).toBeUndefined();
  });
});
