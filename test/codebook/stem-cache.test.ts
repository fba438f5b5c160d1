import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshCacheDirPerTest } from '../helpers/cache-dir.js';
import { readCacheEntry } from '../../src/cache/disk.js';
import { loadCodebook } from '../../src/study/codebook.js';
import { primeStems, stemIn, stemMarks, stemsSince } from '../../src/match/stem.js';

const cacheDir = freshCacheDirPerTest();

describe('stems carried by the codebook cache', () => {
  it('stores, with a loaded codebook, the stems of its words exactly as the stemmer gives them', async () => {
    await loadCodebook('builtin:rogers');
    const [file] = readdirSync(cacheDir()).filter((f) => f.endsWith('.json'));
    const entry = readCacheEntry(file!) as { stems?: Record<string, [string, string][]> };
    // A fresh load stems every term word; the words stemmed earlier in this process are not
    // repeated, so the table holds at least the words first met in this load.
    const pairs = entry.stems?.['id'] ?? [];
    expect(pairs.length).toBeGreaterThan(500);
    for (const [word, stem] of pairs) expect(stemIn('id', word)).toBe(stem);
    const cached = await loadCodebook('builtin:rogers');
    expect(cached.codebook?.id).toBe('rogers');
  });

  it('seeds the memo only with words it does not know, and lists what was stemmed since a mark', () => {
    const mark = stemMarks();
    expect(stemIn('id', 'kemudahannya')).toBe(stemIn('id', 'kemudahannya'));
    const since = stemsSince(mark);
    expect(since.id?.some(([w]) => w === 'kemudahannya')).toBe(true);
    // A word never seen takes the seeded stem (proof the seed is used, not recomputed)…
    primeStems({ id: [['zzqprimed', 'zzq']] });
    expect(stemIn('id', 'zzqprimed')).toBe('zzq');
    // …while a word already known keeps its own stem, and malformed rows are ignored.
    const known = stemIn('id', 'pelayanan');
    primeStems({
      id: [
        ['pelayanan', 'wrong'],
        [1 as unknown as string, 'x'],
      ],
    });
    expect(stemIn('id', 'pelayanan')).toBe(known);
  });
});
