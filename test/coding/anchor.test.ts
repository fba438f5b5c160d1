import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchorQuote, normalizeString } from '../../src/coding/anchor.js';
import { quoteContext } from '../../src/coding/quote-context.js';

const TEXT = [
  'P: Bagaimana menurut Ibu prosesnya?',
  'S1: Menurut saya prosesnya lebih cepat, tidak perlu antre di kantor lagi.',
  'P: Ada kendala?',
  'S1: Kadang server down kalau klaim sedang banyak. Prosesnya lebih cepat kalau sinyal bagus.',
].join('\n');

function at(text: string, quote: string, nth = 0) {
  let i = -1;
  for (let n = 0; n <= nth; n++) i = text.indexOf(quote, i + 1);
  return { start: i, end: i + quote.length };
}

describe('anchorQuote', () => {
  it('places an unchanged quote exactly', () => {
    const a = anchorQuote(TEXT, { quote: 'server down' });
    expect(a?.method).toBe('exact');
    expect(TEXT.slice(a!.span.start, a!.span.end)).toBe('server down');
    expect(a?.ambiguous).toBe(false);
  });

  it('uses prefix and suffix to choose between repeated quotes', () => {
    const second = at(TEXT, 'lebih cepat', 1);
    const sel = quoteContext(TEXT, second);
    const a = anchorQuote(TEXT, sel);
    expect(a?.span).toEqual(second);
    expect(a?.ambiguous).toBe(false);
  });

  it('prefers the occurrence inside the named segment', () => {
    const lineStart = TEXT.indexOf('S1: Kadang');
    const a = anchorQuote(TEXT, { quote: 'lebih cepat' }, { within: { start: lineStart, end: TEXT.length } });
    expect(a?.span).toEqual(at(TEXT, 'lebih cepat', 1));
  });

  it('flags a repeated quote without context as ambiguous and takes the first', () => {
    const a = anchorQuote(TEXT, { quote: 'lebih cepat' });
    expect(a?.ambiguous).toBe(true);
    expect(a?.span).toEqual(at(TEXT, 'lebih cepat'));
  });

  it('survives re-wrapped lines, changed case and curly quotes', () => {
    const edited = TEXT.replace('tidak perlu antre di kantor', 'Tidak   perlu\nantre di “kantor”');
    const a = anchorQuote(edited, { quote: 'tidak perlu antre di "kantor"' });
    expect(a?.method).toBe('normalized');
    expect(edited.slice(a!.span.start, a!.span.end)).toBe('Tidak   perlu\nantre di “kantor”');
  });

  it('finds a quote whose words were lightly edited', () => {
    const edited = TEXT.replace('tidak perlu antre di kantor lagi', 'tidak usah antri di kantor lagi');
    const a = anchorQuote(edited, { quote: 'tidak perlu antre di kantor lagi' });
    expect(a?.method).toBe('fuzzy');
    expect(edited.slice(a!.span.start, a!.span.end)).toContain('antri di kantor lagi');
    expect(a!.distance).toBeGreaterThan(0);
  });

  it('gives up on a quote that is no longer there', () => {
    expect(anchorQuote(TEXT, { quote: 'aplikasi sering error saat login' })).toBeUndefined();
    expect(anchorQuote(TEXT, { quote: 'xyz' })).toBeUndefined();
    expect(anchorQuote(TEXT, { quote: '   ' })).toBeUndefined();
  });

  it('does not fuzzy-match short quotes', () => {
    expect(anchorQuote(TEXT, { quote: 'servar' })).toBeUndefined();
  });

  it('always returns the quote itself when it occurs, and the original place when its context is unique', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'c'), minLength: 5, maxLength: 200 }),
        fc.nat(),
        fc.integer({ min: 1, max: 30 }),
        (text, s, len) => {
          const start = s % text.length;
          const end = Math.min(text.length, start + len);
          const sel = quoteContext(text, { start, end });
          const a = anchorQuote(text, sel);
          if (sel.quote.trim() === '') return a === undefined;
          expect(a).toBeDefined();
          expect(a!.method).toBe('exact');
          const found = text.slice(a!.span.start, a!.span.end);
          expect(found).toBe(sel.quote.trim());
          const whole = sel.prefix + sel.quote + sel.suffix;
          const unique = text.indexOf(whole) === text.lastIndexOf(whole);
          const trimmedStart = start + (sel.quote.length - sel.quote.trimStart().length);
          if (unique && sel.prefix.length === Math.min(32, start) && sel.suffix.length === Math.min(32, text.length - end)) {
            expect(a!.span.start).toBe(trimmedStart);
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a quote after one random edit inside it', () => {
    // Words drawn from a large space, so the quote does not also occur, nearly intact, elsewhere.
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{3,9}$/), { minLength: 30, maxLength: 80 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('insert', 'delete', 'replace'),
        (ws, s, e, op) => {
          const text = ws.join(' ');
          const start = s % (text.length - 40);
          const span = { start, end: start + 30 };
          const sel = quoteContext(text, span);
          const at = span.start + 5 + (e % 20);
          const edited =
            op === 'insert'
              ? text.slice(0, at) + 'q' + text.slice(at)
              : op === 'delete'
                ? text.slice(0, at) + text.slice(at + 1)
                : text.slice(0, at) + 'q' + text.slice(at + 1);
          const a = anchorQuote(edited, sel);
          expect(a).toBeDefined();
          expect(a!.distance).toBeLessThanOrEqual(1);
          // The place found overlaps the place the quote was edited in.
          expect(a!.span.start).toBeLessThan(span.end + 1);
          expect(a!.span.end).toBeGreaterThan(span.start);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('normalizeString', () => {
  it('maps every normalised character back to the original', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (s) => {
        const n = normalizeString(s);
        expect(n.map.length).toBe(n.text.length + 1);
        for (let i = 1; i < n.map.length; i++) expect(n.map[i]!).toBeGreaterThan(n.map[i - 1]!);
        expect(n.map[n.text.length]).toBe(s.length);
      }),
    );
  });
});
