import { offsetConverter } from './offsets.js';

/**
 * Which unit a file's selection positions count. The standard says Unicode code points, with
 * CRLF two of them; NVivo 12.6 wrote UTF-16 code units, and other programs are said to count
 * CRLF as one (shared/refi-qda/README.md). The readings differ only after a character outside
 * the BMP or a CRLF; there, the right reading puts selections on word boundaries and the wrong
 * ones cut words. So every reading is scored by how many selections start and end between words,
 * over the whole project (one program wrote all of it), and the best wins; a tie goes to the
 * standard's.
 */

export type OffsetUnit = 'codepoints' | 'utf16';

export interface OffsetReading {
  unit: OffsetUnit;
  /** Positions count CRLF as one character (as if the text had LF line ends). */
  crlfAsOne: boolean;
}

export interface ScoredReading extends OffsetReading {
  /** Selections that start and end between words, and that fit in their text. */
  fits: number;
}

export interface TextSelections {
  /** The text as stored, BOM removed. */
  text: string;
  selections: readonly { start: number; end: number }[];
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

function isWord(text: string, i: number): boolean {
  return i >= 0 && i < text.length && WORD.test(text[i]!);
}

/** The text positions of `reading` count in (CRLF → LF when CRLF counts as one). */
export function baseText(text: string, reading: OffsetReading): string {
  return reading.crlfAsOne ? text.replace(/\r\n/g, '\n') : text;
}

/** A position in `reading` as a UTF-16 offset of baseText, or undefined when out of range. */
export function toUtf16(base: string, pos: number, reading: OffsetReading, conv = offsetConverter(base)): number | undefined {
  if (!Number.isInteger(pos) || pos < 0) return undefined;
  const u = reading.unit === 'utf16' ? pos : conv.toUtf16(pos);
  return u <= base.length && (reading.unit === 'utf16' || pos <= conv.codePoints) ? u : undefined;
}

function boundary(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff) return false; // inside a surrogate pair
  return !(isWord(text, i - 1) && isWord(text, i));
}

export function scoreReadings(texts: readonly TextSelections[], units: readonly OffsetUnit[]): ScoredReading[] {
  const anyCrlf = texts.some((t) => t.text.includes('\r\n'));
  const readings: OffsetReading[] = [];
  for (const crlfAsOne of anyCrlf ? [false, true] : [false]) for (const unit of units) readings.push({ unit, crlfAsOne });
  return readings.map((r) => {
    let fits = 0;
    for (const t of texts) {
      const base = baseText(t.text, r);
      const conv = offsetConverter(base);
      for (const s of t.selections) {
        const a = toUtf16(base, s.start, r, conv);
        const b = toUtf16(base, s.end, r, conv);
        if (a !== undefined && b !== undefined && a <= b && boundary(base, a) && boundary(base, b)) fits++;
      }
    }
    return { ...r, fits };
  });
}

/** The best reading (first among equals, so the standard's when nothing tells them apart). */
export function chooseReading(scored: readonly ScoredReading[]): ScoredReading {
  return scored.reduce((best, r) => (r.fits > best.fits ? r : best));
}

export function describeReading(r: OffsetReading): string {
  return `${r.unit === 'utf16' ? 'UTF-16 code units' : 'Unicode code points'}${r.crlfAsOne ? ', CRLF counted as one' : ''}`;
}
