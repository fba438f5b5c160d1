import { describe, expect, it } from 'vitest';
import { growingPercent, HEAP_GROWING_PERCENT } from '../../src/pipeline/heap-growth.js';

describe('how far qia code lets its heaps grow (QIA_HEAP_GROWING_PERCENT)', () => {
  it('takes a whole number of percent, 0 for V8 its own heuristics', () => {
    expect(growingPercent('0')).toBe(0);
    expect(growingPercent(' 35 ')).toBe(35);
    expect(growingPercent('100')).toBe(100);
  });

  it('keeps the default when unset or not a whole number', () => {
    for (const v of [undefined, '', 'x', '-5', '1.5', '12345']) expect(growingPercent(v)).toBe(HEAP_GROWING_PERCENT);
  });
});
