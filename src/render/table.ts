import Table from 'cli-table3';
import type { Matrix } from '../model/matrix.js';
import { toGrid } from './grid.js';

/** Colouring for valence marks only; identity functions when colour is off. */
export interface Paint {
  positive: (s: string) => string;
  negative: (s: string) => string;
}

export interface TableOptions {
  /** Total width to fit, in columns (the command passes process.stdout.columns, else 100). */
  width?: number;
  paint?: Paint;
}

/** Marks such as `+3`, `−1` or a bare `+`/`−`, standing alone (not inside a word or a number). */
const MARK = /(^|[\s(])([+−]\d*)(?=$|[\s):,])/g;

export function paintMarks(text: string, paint: Paint | undefined): string {
  if (!paint) return text;
  return text.replace(MARK, (_all, pre: string, mark: string) => pre + (mark.startsWith('+') ? paint.positive(mark) : paint.negative(mark)));
}

function longestLine(s: string): number {
  return Math.max(0, ...s.split('\n').map((l) => [...l].length));
}

function longestWord(s: string): number {
  return Math.max(0, ...s.split(/\s+/).map((w) => [...w].length));
}

/**
 * Column widths (padding included) that fit `width`. Each column first gets its longest word
 * (up to 30 characters) so ids and numbers are not cut; the rest of the room goes, one
 * character at a time, to the column still furthest from its natural width. Never narrower
 * than 5 per column, so a very small width can still overflow.
 */
export function fitWidths(natural: readonly number[], width: number, words: readonly number[] = natural): number[] {
  const n = natural.length;
  const avail = width - (n + 1); // one border character per column, plus one
  const want = natural.map((w) => Math.max(3, w + 2));
  if (want.reduce((a, b) => a + b, 0) <= avail) return want;
  const out = want.map((w, i) => Math.min(w, Math.max(5, Math.min(30, words[i] ?? 0) + 2)));
  // Too narrow even for whole words: take from the widest column until it fits; long words get split.
  let over = out.reduce((a, b) => a + b, 0) - avail;
  while (over > 0) {
    let widest = -1;
    for (let i = 0; i < n; i++) if (out[i]! > 5 && (widest === -1 || out[i]! >= out[widest]!)) widest = i;
    if (widest === -1) break;
    out[widest]!--;
    over--;
  }
  let left = avail - out.reduce((a, b) => a + b, 0);
  while (left > 0) {
    let best = -1;
    for (let i = 0; i < n; i++) if (out[i]! < want[i]! && (best === -1 || want[i]! - out[i]! > want[best]! - out[best]!)) best = i;
    if (best === -1) break;
    out[best]!++;
    left--;
  }
  // The column with the most text (a quote) must stay readable: it gets at least a quarter of
  // the room, taken from the columns of long words (ids), whose words are then split, never cut.
  let prose = 0;
  for (let i = 1; i < n; i++) if (natural[i]! > natural[prose]!) prose = i;
  const floor = Math.min(want[prose]!, Math.floor(avail / 4));
  while (out[prose]! < floor) {
    let widest = -1;
    for (let i = 0; i < n; i++) if (i !== prose && out[i]! > 12 && (widest === -1 || out[i]! > out[widest]!)) widest = i;
    if (widest === -1) break;
    out[widest]!--;
    out[prose]!++;
  }
  return out;
}

/**
 * Words wider than the column broken into pieces that fit, after a `/`, `:`, `.` or `_` where
 * one is near, so a segment id such as `interviews/w02-petugas:12` wraps instead of losing its
 * end (the table would otherwise cut it with an ellipsis).
 */
export function splitLongWords(text: string, room: number): string {
  if (room < 4) return text;
  return text
    .split('\n')
    .map((line) =>
      line
        .split(' ')
        .map((word) => {
          const chars = [...word];
          if (chars.length <= room) return word;
          const pieces: string[] = [];
          let rest = chars;
          while (rest.length > room) {
            let cut = room;
            for (let i = room; i > room / 2; i--) {
              if ('/:._-'.includes(rest[i - 1]!)) {
                cut = i;
                break;
              }
            }
            pieces.push(rest.slice(0, cut).join(''));
            rest = rest.slice(cut);
          }
          pieces.push(rest.join(''));
          return pieces.join('\n');
        })
        .join(' '),
    )
    .join('\n');
}

/** A boxed terminal table that wraps to the given width; colour touches valence marks only. */
export function renderTable(m: Matrix, opts: TableOptions = {}): string {
  const grid = toGrid(m);
  const lines: string[] = [m.title];
  if (grid.rows.length > 0) {
    const body = grid.rows.map((r) => (grid.hasGroups ? [r.firstOfGroup ? (r.group ?? '') : '', ...r.cells] : r.cells));
    const natural = grid.header.map((h, i) => Math.min(60, Math.max(longestLine(h), ...body.map((row) => longestLine(row[i] ?? '')))));
    const widths = fitWidths(
      natural,
      opts.width ?? 100,
      grid.header.map((h, i) => Math.max(longestWord(h), ...body.map((row) => longestWord(row[i] ?? '')))),
    );
    const table = new Table({
      head: grid.header.map((h, i) => splitLongWords(h, widths[i]! - 2)),
      colWidths: widths,
      wordWrap: true,
      wrapOnWordBoundary: true,
      style: { head: [], border: [] },
    });
    const dataFrom = grid.hasGroups ? 2 : 1;
    for (const row of body)
      table.push(
        row.map((text, i) => {
          const fitted = splitLongWords(text, widths[i]! - 2);
          return i >= dataFrom ? paintMarks(fitted, opts.paint) : fitted;
        }),
      );
    lines.push(table.toString());
  }
  lines.push(...m.notes);
  return lines.join('\n') + '\n';
}
