import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { neutralised, unneutralised } from '../../src/render/csv-write.js';

/** The formula guard decides most cells by their first character: the same as its regex for every text. */
describe('the formula guard', () => {
  it('puts an apostrophe before a formula character (after any apostrophes) and nowhere else, round trip intact', () => {
    const lead = fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', ' ', 'a', '1', '', '\n');
    const text = fc.tuple(fc.array(lead, { maxLength: 3 }), fc.string({ maxLength: 6 })).map(([a, b]) => a.join('') + b);
    fc.assert(
      fc.property(text, (s) => {
        const expected = s === '+' || s === '-' || !/^'*[=+\-@\t\r]/.test(s) ? s : `'${s}`;
        expect(neutralised(s)).toBe(expected);
        expect(unneutralised(neutralised(s))).toBe(s);
      }),
      { numRuns: 3000 },
    );
    expect(neutralised('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutralised("''-3")).toBe("'''-3");
    expect(neutralised('kata')).toBe('kata');
  });
});
