import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBytes } from '../../src/sources/decode.js';
import { normalizeText } from '../../src/sources/normalize.js';

const TEXT = 'Pelayanan “cepat” — café naïve, dll.\nBaris dua.';

function utf16(s: string, be: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (be ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (be) out.push(c >> 8, c & 0xff);
    else out.push(c & 0xff, c >> 8);
  }
  return new Uint8Array(out);
}

describe('decoding', () => {
  it('strips a UTF-8 BOM', () => {
    const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]));
    expect(d).toMatchObject({ text: TEXT, encoding: 'utf-8', bom: true, binary: false });
  });

  it.each([
    ['LE with BOM', false, true],
    ['BE with BOM', true, true],
    ['LE without BOM', false, false],
    ['BE without BOM', true, false],
  ])('reads UTF-16 %s', (_name, be, bom) => {
    const d = decodeBytes(utf16(TEXT, be, bom));
    expect(d.text).toBe(TEXT);
    expect(d.encoding).toBe(be ? 'utf-16be' : 'utf-16le');
    expect(d.binary).toBe(false);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, with curly quotes and the euro sign', () => {
    // "Biaya “Rp 0” – hemat €" as saved by an old Windows editor.
    const bytes = new Uint8Array([
      0x42, 0x69, 0x61, 0x79, 0x61, 0x20, 0x93, 0x52, 0x70, 0x20, 0x30, 0x94, 0x20, 0x96, 0x20, 0x68, 0x65, 0x6d, 0x61, 0x74, 0x20, 0x80, 0x20, 0xe9,
    ]);
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe('Biaya “Rp 0” – hemat € é');
  });

  it('never throws and always returns a string, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const d = decodeBytes(bytes);
        expect(typeof d.text).toBe('string');
      }),
    );
  });

  it('round-trips any valid UTF-8 text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const d = decodeBytes(new TextEncoder().encode(s));
        if (!d.binary) expect(d.text).toBe(s);
      }),
    );
  });
});

describe('normalisation', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(normalizeText('a\r\nb\rc\n').text).toBe('a\nb\nc\n');
  });

  it('composes to NFC and maps offsets back to the original', () => {
    const input = 'cafe\u0301 ok\r\nlagi';
    const { text, map } = normalizeText(input);
    expect(text).toBe('café ok\nlagi');
    // "ok" starts at 5 in the normalised text and at 6 in the original.
    expect(text.indexOf('ok')).toBe(5);
    expect(map.toOriginal(5)).toBe(6);
    // "lagi" is after the CRLF: 8 normalised, 10 original.
    expect(map.toOriginal(text.indexOf('lagi'))).toBe(input.indexOf('lagi'));
  });

  it('gives LF-only NFC text whose offsets map monotonically into the original, for any input', () => {
    const alphabet = fc.constantFrom('a', 'e', ' ', '\r', '\n', '\u0301', 'é', 'ü', '\u0308', '“', '😀', 'ñ', '.');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')),
        (input) => {
          const { text, map } = normalizeText(input);
          expect(text.includes('\r')).toBe(false);
          expect(text).toBe(text.normalize('NFC'));
          expect(text.split('\n').length).toBe(input.replace(/\r\n/g, '\n').split(/[\r\n]/).length);
          let prev = -1;
          for (let i = 0; i <= text.length; i++) {
            const o = map.toOriginal(i);
            expect(o).toBeGreaterThanOrEqual(prev);
            expect(o).toBeLessThanOrEqual(input.length + text.length);
            prev = o;
          }
          // Every ASCII letter maps to the same letter in the original.
          for (let i = 0; i < text.length; i++) if (text[i] === 'a') expect(input[map.toOriginal(i)]).toBe('a');
        },
      ),
    );
  });
});
