import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detached } from '../../src/util/detach.js';

describe('detached copies', () => {
  it('keep every code unit of any string, lone surrogates, emoji and NUL included', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constantFrom('a', 'é', '😀', '\uD800', '\uDFFF', '\0', 'ß', '中', ' '),
            fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
          ),
          maxLength: 60,
        }),
        (s) => {
          expect(detached(s)).toBe(s);
          const host = `xx${s}yy`;
          expect(detached(host.slice(2, 2 + s.length))).toBe(s);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
