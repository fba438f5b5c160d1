/**
 * Bytes on disk to a JavaScript string. Researchers' files come from Word exports, Windows
 * Notepad, transcription services and old laptops: UTF-8 with or without BOM, UTF-16 either
 * way round, and Windows-1252 when a file was saved "ANSI". We guess in that order.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** True when a byte order mark was found (and dropped). */
  bom: boolean;
  /** True when the bytes look like a binary file rather than text. */
  binary: boolean;
  /** UTF-8 with a few bytes that are not: how many were replaced by U+FFFD, and where the first is in the text. */
  replaced?: { count: number; firstOffset: number };
}

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (curly quotes, dashes, €…). Node's
 * TextDecoder without full ICU treats 'windows-1252' as Latin-1, so we map that range ourselves.
 * 0 marks bytes undefined in Windows-1252; they stay as the C1 control of the same value.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) {
      const b = bytes[j]!;
      codes[j - i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] || b : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** UTF-16 without a BOM shows as a zero byte in every other position for mostly-ASCII text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Text files hold no NUL bytes and few control characters; anything else is treated as binary. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  return n > 0 && controls / n > 0.1;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    return { text, encoding: 'utf-8', bom: true, binary: looksBinary(text) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    return { text, encoding: 'utf-16le', bom: true, binary: looksBinary(text) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    return { text, encoding: 'utf-16be', bom: true, binary: looksBinary(text) };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes);
    return { text, encoding: utf16, bom: false, binary: looksBinary(text) };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: 'utf-8', bom: false, binary: looksBinary(text) };
  } catch {
    // A UTF-8 file with one stray byte is still UTF-8: reading it all as Windows-1252 would turn
    // every accented letter into two wrong ones. Only bytes that were never UTF-8 (more broken
    // sequences than good multi-byte ones) are read as Windows-1252.
    const text = new TextDecoder('utf-8').decode(bytes);
    const count = countReplacements(text);
    if (count > 0 && multiByteChars(text) >= count)
      return { text, encoding: 'utf-8', bom: false, binary: looksBinary(text), replaced: { count, firstOffset: text.indexOf('\uFFFD') } };
    const cp = decodeWindows1252(bytes);
    return { text: cp, encoding: 'windows-1252', bom: false, binary: looksBinary(cp) };
  }
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Characters UTF-8 needs two or more bytes for (not counting the replacement character). */
function multiByteChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c !== 0xfffd) n++;
  }
  return n;
}
