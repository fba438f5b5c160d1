import { describe, expect, it } from 'vitest';
import { alphaOf, krippendorffAlpha, prepareAlpha } from '../../../src/conclude/agreement/alpha.js';
import { alphaBootstrap, DEFAULT_DRAWS, DEFAULT_SEED } from '../../../src/conclude/agreement/bootstrap.js';
import { reliabilityData } from '../../../src/conclude/agreement/data.js';
import { Xoshiro128 } from '../../../src/conclude/agreement/prng.js';
import { K2011_C } from './examples.js';

describe('seeded generator', () => {
  it('repeats its stream for a seed, and differs between nearby seeds', () => {
    const take = (seed: number) => {
      const r = new Xoshiro128(seed);
      return Array.from({ length: 8 }, () => r.nextUint32());
    };
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
    for (const x of take(3)) expect(x).toBeGreaterThanOrEqual(0);
  });

  it('fillBelow gives what below gives one at a time', () => {
    const a = new Xoshiro128(42);
    const b = new Xoshiro128(42);
    const out = new Int32Array(1000);
    a.fillBelow(out, 37);
    expect([...out]).toEqual(Array.from({ length: 1000 }, () => b.below(37)));
    expect(Math.max(...out)).toBe(36);
    expect(Math.min(...out)).toBe(0);
  });
});

describe('bootstrap interval of alpha', () => {
  it('resampling every unit once is alpha itself', () => {
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      const p = prepareAlpha(K2011_C, level);
      const identity = Int32Array.from({ length: p.start.length - 1 }, (_, i) => i);
      expect(alphaOf(p, identity).value).toBeCloseTo(krippendorffAlpha(K2011_C, level).value!, 12);
    }
  });

  it('reports its settings, defaults included, and is the same on a rerun', () => {
    const a = alphaBootstrap(K2011_C, 'nominal');
    expect(a).not.toBeNull();
    expect(a).toMatchObject({ draws: DEFAULT_DRAWS, seed: DEFAULT_SEED, confidence: 0.95 });
    expect(alphaBootstrap(K2011_C, 'nominal')).toEqual(a);
    expect(a!.lo).toBeLessThan(0.743);
    expect(a!.hi).toBeGreaterThan(0.743);
    expect(a!.hi).toBeLessThanOrEqual(1);
  });

  it('narrows as the confidence level drops, and moves with the seed', () => {
    const wide = alphaBootstrap(K2011_C, 'interval', { confidence: 0.95, seed: 5 })!;
    const narrow = alphaBootstrap(K2011_C, 'interval', { confidence: 0.5, seed: 5 })!;
    expect(narrow.hi - narrow.lo).toBeLessThan(wide.hi - wide.lo);
    expect(alphaBootstrap(K2011_C, 'interval', { seed: 6 })).not.toEqual(alphaBootstrap(K2011_C, 'interval', { seed: 5 }));
  });

  it('leaves out resamples where alpha is undefined and says how many it kept', () => {
    // Nine units all "a" and one disagreement: many resamples miss the one unit with a "b".
    const rows = Array.from({ length: 10 }, (_, u) => ({ unit: String(u), values: u === 0 ? ['a', 'b'] : ['a', 'a'] }));
    const ci = alphaBootstrap(reliabilityData(['x', 'y'], rows), 'nominal', { draws: 500, seed: 1 })!;
    expect(ci.used).toBeLessThan(500);
    expect(ci.used).toBeGreaterThan(0);
  });

  it('is null when alpha is (no variation), and refuses nonsense settings', () => {
    const same = reliabilityData(['x', 'y'], [{ unit: '1', values: ['a', 'a'] }]);
    expect(alphaBootstrap(same)).toBeNull();
    expect(() => alphaBootstrap(K2011_C, 'nominal', { draws: 0 })).toThrow(/draws/);
    expect(() => alphaBootstrap(K2011_C, 'nominal', { confidence: 1 })).toThrow(/confidence/);
  });
});
