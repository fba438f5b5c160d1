/**
 * Normalised text is what every later stage sees: LF line ends only and Unicode NFC, so that
 * "é" typed on a Mac and on Windows match the same codebook term. The offset map records how
 * offsets in the normalised text relate to the decoded original, for tools that must point back
 * into the raw file.
 */

/**
 * Piecewise map from normalised offsets to original offsets. Between breakpoints offsets advance
 * one to one; a breakpoint is recorded wherever normalisation changed the length.
 */
export class OffsetMap {
  /** Sorted normalised offsets where a new region starts, with the original offset it maps to. */
  private readonly norm: number[] = [0];
  private readonly orig: number[] = [0];

  /** Record that normalised offset `n` corresponds to original offset `o` (calls in ascending order). */
  mark(n: number, o: number): void {
    const last = this.norm.length - 1;
    if (this.norm[last] === n) {
      this.orig[last] = o;
      return;
    }
    // A breakpoint that only continues the current 1:1 run carries no information.
    if (n - this.norm[last]! === o - this.orig[last]!) return;
    this.norm.push(n);
    this.orig.push(o);
  }

  toOriginal(offset: number): number {
    let lo = 0;
    let hi = this.norm.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.norm[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.orig[lo]! + (offset - this.norm[lo]!);
  }

  get breakpoints(): number {
    return this.norm.length - 1;
  }
}

export interface Normalized {
  text: string;
  map: OffsetMap;
}

/** True when every character is ASCII: NFC cannot change such text. */
function isAscii(s: string): boolean {
  return !/[^\x00-\x7f]/.test(s);
}

/**
 * CRLF and lone CR become LF; the text is put in NFC. Linear in the input: NFC is applied to
 * runs of non-ASCII characters (plus the ASCII letter before them that a combining mark may
 * attach to), never to the whole text at once, so the map stays exact at every ASCII character.
 */
export function normalizeText(input: string): Normalized {
  const map = new OffsetMap();
  const out: string[] = [];
  let outLen = 0;
  let i = 0;
  const n = input.length;
  let runStart = 0;
  const flushAscii = (end: number) => {
    if (end > runStart) {
      map.mark(outLen, runStart);
      out.push(input.slice(runStart, end));
      outLen += end - runStart;
    }
  };
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c === 13) {
      flushAscii(i);
      map.mark(outLen, i);
      out.push('\n');
      outLen += 1;
      i += input.charCodeAt(i + 1) === 10 ? 2 : 1;
      runStart = i;
      map.mark(outLen, i);
      continue;
    }
    if (c < 0x80) {
      i++;
      continue;
    }
    // A non-ASCII run; include the preceding ASCII character, which a combining mark may join.
    let start = i;
    if (start > runStart) start -= 1;
    let end = i;
    while (end < n && input.charCodeAt(end) >= 0x80) end++;
    const chunk = input.slice(start, end);
    const nfc = chunk.normalize('NFC');
    flushAscii(start);
    map.mark(outLen, start);
    out.push(nfc);
    outLen += nfc.length;
    map.mark(outLen, end);
    i = end;
    runStart = end;
  }
  flushAscii(n);
  return { text: out.join(''), map };
}

export { isAscii };
