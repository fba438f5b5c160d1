import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { offsetConverter } from '../../src/interop/offsets.js';
import { el, escapeAttr, escapeText, textEl, xmlDocument, xmlSafe } from '../../src/interop/xml-write.js';
import { parseXml } from '../../src/interop/xml-read.js';
import { packCode, unpackCode, type PackedCode } from '../../src/interop/describe.js';
import { guidFor, guidV5, isGuid } from '../../src/interop/guid.js';

/** Strings rich in what breaks offset arithmetic and XML: astral characters, controls, markup. */
const tricky = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc
    .array(
      fc.constantFrom(
        'a',
        'é',
        'e\u0301',
        '😀',
        '🇮🇩',
        '𝐀',
        '\n',
        '\r\n',
        '\r',
        '\t',
        '&',
        '<',
        '>',
        '"',
        "'",
        ']]>',
        '&amp;',
        '\u0000',
        '\u0001',
        '\uFFFE',
        '\uD800',
        '\uDC00',
        ' ',
        'ñ',
      ),
      { maxLength: 60 },
    )
    .map((xs) => xs.join('')),
);

describe('UTF-16 ↔ code point offsets', () => {
  it('match the string iterator and convert back losslessly', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        const conv = offsetConverter(text);
        const cps = [...text];
        expect(conv.codePoints).toBe(cps.length);
        // Every code-point index maps to the UTF-16 offset where that character starts, and back.
        let u16 = 0;
        for (let cp = 0; cp <= cps.length; cp++) {
          expect(conv.toUtf16(cp)).toBe(u16);
          expect(conv.toCodePoints(u16)).toBe(cp);
          u16 += cps[cp]?.length ?? 0;
        }
        // Every UTF-16 offset counts the code points before it (a half pair counts as its character).
        for (let i = 0; i <= text.length; i++) expect(conv.toCodePoints(i)).toBe([...text.slice(0, i)].length - (isLowHalf(text, i) ? 1 : 0));
      }),
      { numRuns: 300 },
    );
  });
});

/** True when offset i falls between the two halves of a surrogate pair. */
function isLowHalf(text: string, i: number): boolean {
  const hi = text.charCodeAt(i - 1);
  const lo = text.charCodeAt(i);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

describe('XML escaping', () => {
  it('text and attributes read back through the parser exactly, forbidden characters as U+FFFD', () => {
    fc.assert(
      fc.property(tricky, tricky, (text, attr) => {
        const xml = xmlDocument(el('Root', [['a', attr]], [textEl('T', text)]));
        const root = parseXml(xml);
        expect(root.attrs['a']).toBe(xmlSafe(attr));
        expect(root.children[0]!.text).toBe(xmlSafe(text));
      }),
      { numRuns: 500 },
    );
  });

  it('escapes markup, line ends in attributes and CR in text', () => {
    expect(escapeText('a<b>&c\r\nd')).toBe('a&lt;b&gt;&amp;c&#13;\nd');
    expect(escapeAttr('"x"\t\n\r<&>')).toBe('&quot;x&quot;&#9;&#10;&#13;&lt;&amp;&gt;');
    expect(xmlSafe('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f😀')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf😀');
  });
});

describe('code descriptions', () => {
  const line = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
    .filter((s) => s.trim() === s && s.trim() !== '' && !s.includes('\n') && !s.includes('\r'));
  const para = fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n'));
  const list = fc.array(para, { maxLength: 3 });
  const byLang = fc.record({ id: list, en: list }, { requiredKeys: [] }).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v.length)));
  const packed: fc.Arbitrary<PackedCode> = fc.record({
    id: fc.constantFrom('complexity', 'relative_advantage.time_saving', 'obstacle_external.devices'),
    group: fc.constantFrom('attribute', 'obstacle', 'other'),
    label: fc.record({ id: line, en: line }, { requiredKeys: [] }),
    definition: fc.record({ id: para, en: para }, { requiredKeys: [] }),
    include: byLang,
    exclude: byLang,
    examples: byLang,
  });

  it('pack and unpack give back every field', () => {
    fc.assert(
      fc.property(packed, fc.boolean(), fc.constantFrom(undefined, -1, 0, 1), (p, inverted, dflt) => {
        const code: PackedCode = { ...p, ...(inverted ? { inverted } : {}), ...(dflt !== undefined ? { defaultValence: dflt as -1 | 0 | 1 } : {}) };
        const text = packCode(code, ['id', 'en']);
        expect(unpackCode(text)).toEqual(code);
        // Through XML too, as it travels.
        expect(unpackCode(parseXml(xmlDocument(textEl('Description', text))).text)).toEqual(code);
      }),
      { numRuns: 300 },
    );
  });

  it('a description qia did not write is not unpacked', () => {
    expect(unpackCode('Worry or unease about a change.')).toBeUndefined();
  });
});

describe('GUIDs', () => {
  it('are deterministic, per kind, and of the schema form', () => {
    expect(guidFor('code', 'complexity')).toBe(guidFor('code', 'complexity'));
    expect(guidFor('code', 'complexity')).not.toBe(guidFor('user', 'complexity'));
    fc.assert(
      fc.property(
        fc.string(),
        (s) => isGuid(guidFor('source', s)) && /^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/.test(guidFor('source', s)),
      ),
    );
  });

  it('follow RFC 9562 version 5 (the DNS example)', () => {
    // uuid v5 of "www.example.com" in the DNS namespace, as the RFC's appendix gives it.
    expect(guidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ED6657D-E927-568B-95E1-2665A8AEA6A2');
  });
});
