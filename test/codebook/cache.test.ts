import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshCacheDirPerTest } from '../helpers/cache-dir.js';
import { loadCodebook as loadFile } from '../../src/study/codebook.js';

/** The load as the cache gives it, without the file's bytes the study keeps for its audit. */
async function loadCodebook(file: string) {
  const { source: _, ...loaded } = await loadFile(file);
  return loaded;
}
import { parseCodebook } from '../../src/codebook/parse.js';
import { DEFAULT_CODEBOOK } from '../../src/study/resolve.js';

const SMALL = (term: string) => `id: tiny
version: "1"
languages: [id]
codes:
  - id: complexity
    group: attribute
    label: { id: Kerumitan }
    rules:
      - terms: [${term}]
`;

const cacheDir = freshCacheDirPerTest();

describe('the codebook load cache', () => {
  it('gives the same codebook and diagnostics from the cache as from parsing', async () => {
    const first = await loadCodebook('builtin:rogers');
    expect(readdirSync(cacheDir()).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const second = await loadCodebook('builtin:rogers');
    expect(second).toStrictEqual(first);
    const fresh = parseCodebook(readFileSync(DEFAULT_CODEBOOK, 'utf8'), DEFAULT_CODEBOOK);
    if (fresh.codebook) fresh.codebook.file = 'builtin:rogers';
    expect(second).toStrictEqual(fresh);
  });

  it('never serves a stale entry when the codebook is edited, and survives a corrupt entry', async () => {
    const file = join(cacheDir(), 'codebook.yaml');
    writeFileSync(file, SMALL('rumit'));
    const a = await loadCodebook(file);
    expect(a.codebook?.codes[0]?.rules?.[0]).toBeDefined();
    writeFileSync(file, SMALL('"(a)\\\\1"').replace('terms: ["(a)\\\\1"]', 'regex: "(a)\\\\1"'));
    const b = await loadCodebook(file);
    expect(b.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    for (const f of readdirSync(cacheDir()).filter((f) => f.endsWith('.json'))) writeFileSync(join(cacheDir(), f), '{ not json');
    const c = await loadCodebook(file);
    expect(c).toStrictEqual(b);
  });
});
