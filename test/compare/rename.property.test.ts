import fc from 'fast-check';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseOne } from '../../src/compare/analyse.js';
import { buildComparison } from '../../src/compare/build.js';
import type { StudySummary } from '../../src/compare/summary.js';
import { renderCompareCsv, renderCompareJson, renderCompareMd } from '../../src/render/compare.js';
import { renderCompareHtml } from '../../src/render/compare-html.js';
import { ROOT } from '../helpers/cli.js';

const SAMPLES = ['imigrasi-lampung', 'lapak-asik', 'library-en', 'mobile-service'];
const summaries: StudySummary[] = [];

beforeAll(async () => {
  for (const id of SAMPLES) {
    const r = await analyseOne({ dir: join(ROOT, 'samples', id), id, write: false, allowOutside: false });
    summaries.push(r.summary!);
  }
}, 120_000);

function everything(s: readonly StudySummary[]): string {
  const { comparison } = buildComparison(s);
  return [
    renderCompareJson(comparison),
    renderCompareMd(comparison),
    renderCompareHtml(comparison),
    renderCompareCsv(comparison, 'meta'),
    renderCompareCsv(comparison, 'roles'),
  ].join('\n\u0000\n');
}

/** Every whole-word occurrence of a study's name replaced by its new name. */
function relabel(text: string, names: ReadonlyMap<string, string>): string {
  const pattern = new RegExp(`(?<![\\w-])(${[...names.keys()].map((k) => k.replace(/[-]/g, '\\-')).join('|')})(?![\\w-])`, 'g');
  return text.replace(pattern, (m) => names.get(m)!);
}

describe('renaming or reordering the studies', () => {
  it('changes nothing but the labels, in every format', () => {
    const base = everything(summaries);
    const name = fc.stringMatching(/^[a-z][a-z0-9]{2,8}$/).map((s) => `k${s}`);
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 4, maxLength: 4 }), fc.func(fc.integer()), (newNames, key) => {
        const names = new Map(SAMPLES.map((id, i) => [id, newNames[i]!]));
        const renamed = summaries.map((s) => ({ ...s, id: names.get(s.id)! }));
        // Any order at all: sorted by an arbitrary function of the summary.
        const shuffled = renamed
          .map((s, i) => ({ s, k: key(i) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.s);
        expect(everything(shuffled)).toBe(relabel(base, names));
      }),
      { numRuns: 25 },
    );
  });

  it('the order named never matters (every permutation of the four)', () => {
    const base = everything(summaries);
    fc.assert(
      fc.property(fc.shuffledSubarray(summaries, { minLength: 4, maxLength: 4 }), (order) => {
        expect(everything(order)).toBe(base);
      }),
      { numRuns: 24 },
    );
  });

  it('a subset compares the same cases the same way whatever their order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(summaries, { minLength: 2, maxLength: 4 }), (subset) => {
        const sorted = [...subset].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(everything(subset)).toBe(everything(sorted));
      }),
      { numRuns: 30 },
    );
  });
});
