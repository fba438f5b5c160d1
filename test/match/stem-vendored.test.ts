import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stemIn } from '../../src/match/stem.js';
import { ROOT } from '../helpers/cli.js';

/**
 * sastrawijs is vendored (vendor/sastrawijs/README.md) to drop the Babel 6 tail its package
 * declares. The stored list was made with the registry package before vendoring: every word of
 * the shipped codebooks and the Indonesian samples with the stem it gave.
 */
const rows = readFileSync(join(ROOT, 'test/fixtures/stems/sastrawi-id.tsv'), 'utf8')
  .trimEnd()
  .split('\n')
  .map((l) => l.split('\t') as [string, string]);

describe('the vendored Indonesian stemmer', () => {
  it('stems every stored word (codebooks and samples) as the registry package did', () => {
    expect(rows.length).toBeGreaterThan(4000);
    const { Stemmer } = createRequire(import.meta.url)('sastrawijs') as { Stemmer: new () => { stem(w: string): string } };
    const s = new Stemmer();
    const differ = rows.filter(([w, stem]) => s.stem(w) !== stem);
    expect(differ).toEqual([]);
    // Not a list of words stemming to themselves: over a thousand are changed.
    expect(rows.filter(([w, stem]) => w !== stem).length).toBeGreaterThan(1000);
  });

  it('is the package qia loads, with nothing installed beside it', () => {
    const req = createRequire(import.meta.url);
    expect(req.resolve('sastrawijs')).toContain(join('vendor', 'sastrawijs'));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'vendor/sastrawijs/package.json'), 'utf8')) as { dependencies?: unknown; license: string };
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'vendor/sastrawijs/LICENSE'), 'utf8')).toContain('MIT License');
  });

  it('reaches qia’s own stemming: known words of the codebook', () => {
    for (const [w, stem] of [
      ['pelayanan', 'layan'],
      ['memudahkan', 'mudah'],
      ['antrean', 'antre'],
    ] as const) {
      const stored = rows.find(([x]) => x === w);
      if (stored) expect(stored[1]).toBe(stem);
      expect(stemIn('id', w)).toBe(stem);
    }
  });
});
