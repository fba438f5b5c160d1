import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCodebook, engineSnapshot } from '../../src/match/compile.js';
import { loadCodebook } from '../../src/study/codebook.js';
import { parseCodebook } from '../../src/codebook/parse.js';
import { attachEngine, attachedEngine } from '../../src/match/tables.js';
import { cueCodebook, cueMatcherOf } from '../../src/coding/question-context.js';
import type { Codebook } from '../../src/model/codebook.js';
import { DEFAULT_CODEBOOK } from '../../src/study/resolve.js';
import { PatternEngine } from '../../src/match/patterns.js';
import { freshCacheDirPerTest } from '../helpers/cache-dir.js';
import { ROOT } from '../helpers/cli.js';

/**
 * The codebook cache carries the compiled pattern engines (of the codebook and of its
 * question-context cues), so a run restores them instead of stemming every term. A restored
 * matcher must be the matcher a fresh compile makes: same matches, same rule ids, same order.
 */

freshCacheDirPerTest();

function fresh(): Codebook {
  return parseCodebook(readFileSync(DEFAULT_CODEBOOK, 'utf8'), DEFAULT_CODEBOOK).codebook!;
}

/** Every paragraph of the four samples' Markdown transcripts. */
function paragraphs(): string[] {
  const out: string[] = [];
  for (const study of readdirSync(join(ROOT, 'samples'))) {
    const dir = join(ROOT, 'samples', study, 'sources');
    for (const f of readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.md'))) {
      out.push(
        ...readFileSync(join(dir, f), 'utf8')
          .split(/\n\s*\n/)
          .filter((p) => p.trim() !== ''),
      );
    }
  }
  return out;
}

describe('compiled matcher tables', () => {
  it('a matcher restored from the tables codes every sample paragraph as a fresh compile does', () => {
    const plain = compileCodebook(fresh());
    const cb = fresh();
    attachEngine(cb, engineSnapshot(compileCodebook(fresh()))!);
    const restored = compileCodebook(cb);
    const texts = paragraphs();
    expect(texts.length).toBeGreaterThan(300);
    let coded = 0;
    for (const t of texts) {
      const a = plain.match(t, 0, [{ start: 0, end: t.length }]);
      expect(restored.match(t, 0, [{ start: 0, end: t.length }])).toStrictEqual(a);
      if (a.length) coded++;
    }
    expect(coded).toBeGreaterThan(100);
  });

  it('a restored engine takes new terms as a fresh engine does, ids and all', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'layanan',
            'pelayanan',
            'rumit',
            'antre*',
            '*nya',
            'tidak perlu antre',
            'easy to use',
            'mudah',
            'memudahkan',
            'x*y',
            '!!',
            'jemput bola',
          ),
          { minLength: 1, maxLength: 12 },
        ),
        fc.array(fc.constantFrom('kemudahan', 'antrean', 'use', 'jemput', 'bola*', '*rumit*', 'layan', '???', 'mudah sekali'), { maxLength: 8 }),
        (first, later) => {
          const a = new PatternEngine(['id', 'en']);
          for (const t of first) a.add(t);
          const b = PatternEngine.restore(a.snapshot(), ['id', 'en']);
          const idsA = later.map((t) => a.add(t));
          const idsB = later.map((t) => b.add(t));
          expect(idsB).toEqual(idsA);
          expect(b.snapshot()).toStrictEqual(a.snapshot());
          expect(b.patternTerms).toEqual(a.patternTerms);
          const text = 'Kemudahan layanan: tidak perlu antre, antreannya pendek; jemput bola, easy to use. Rumitnya x-ray? xay';
          const found = (e: PatternEngine) => {
            const out: number[][] = [];
            e.occurrences(e.scan(text), (p, f, l) => out.push([p, f, l]));
            return out;
          };
          expect(found(b)).toEqual(found(a));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a codebook from the cache brings its tables, and its cue matcher is the fresh one', async () => {
    await loadCodebook(DEFAULT_CODEBOOK); // made and kept
    const { codebook } = await loadCodebook(DEFAULT_CODEBOOK); // from the cache
    expect(attachedEngine(codebook!)).toBeDefined();
    const cues = cueMatcherOf(compileCodebook(codebook!));
    const plainCues = compileCodebook(cueCodebook(fresh()));
    for (const t of paragraphs().slice(0, 200))
      expect(cues.match(t, 0, [{ start: 0, end: t.length }])).toStrictEqual(plainCues.match(t, 0, [{ start: 0, end: t.length }]));
  });
});
