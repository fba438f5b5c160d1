import { graphemes, graphemeWidth, width } from './width.js';

/** What a character of the segment is: plain text, a valence cue word, or a matched word. */
export const PLAIN = 0;
export const CUE = 1;
export const MATCH = 2;
export type Mark = typeof PLAIN | typeof CUE | typeof MATCH;

/** One grapheme as the terminal shows it: its text, its columns and its mark. */
export interface Cell {
  readonly g: string;
  readonly w: number;
  readonly mark: Mark;
}

// Controls, and the bidirectional overrides and isolates that could make a line read in an
// order other than the words' own (the researcher must see what the transcript says).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Transcript text reaches a terminal, where an ESC or other control character would act, not
 * show: each becomes a space (a tab too), one code unit for one, so highlight offsets stay right.
 */
export function sanitize(s: string): string {
  return s.replace(/\t/g, ' ').replace(CONTROL, ' ');
}

/** Context lines are shown flat: line breaks and runs of spaces collapse to one space. */
export function flatten(s: string): string {
  return sanitize(s).replace(/\s+/g, ' ').trim();
}

export { width };

/**
 * The segment's text as cells, marked from `marks` (one per UTF-16 unit). Without colour the
 * marked runs get visible brackets — [matched], {cue} — inserted as cells of the same mark, so
 * they wrap with their word.
 */
export function toCells(text: string, marks: Uint8Array | undefined, brackets: boolean): Cell[] {
  const out: Cell[] = [];
  let at = 0;
  let open: Mark = PLAIN;
  const close = () => {
    if (brackets && open !== PLAIN) out.push({ g: open === MATCH ? ']' : '}', w: 1, mark: open });
  };
  for (const g of graphemes(text)) {
    const mark = g === '\n' ? PLAIN : ((marks?.[at] ?? PLAIN) as Mark);
    if (mark !== open) {
      close();
      if (brackets && mark !== PLAIN) out.push({ g: mark === MATCH ? '[' : '{', w: 1, mark });
      open = mark;
    }
    out.push({ g, w: g === '\n' ? 0 : graphemeWidth(g), mark });
    at += g.length;
  }
  close();
  return out;
}

/** Marks per UTF-16 unit of `text`: cues, then matches over them (a word both matched and a cue shows as matched). */
export function markText(length: number, matches: readonly { start: number; end: number }[], cues: readonly { start: number; end: number }[]): Uint8Array {
  const marks = new Uint8Array(length);
  const paint = (ranges: readonly { start: number; end: number }[], m: Mark) => {
    for (const r of ranges) {
      const a = Math.max(0, Math.min(length, r.start));
      const b = Math.max(a, Math.min(length, r.end));
      marks.fill(m, a, b);
    }
  };
  paint(cues, CUE);
  paint(matches, MATCH);
  return marks;
}

const isSpace = (c: Cell) => c.g === ' ';

/**
 * Greedy word wrap of cells to `cols` columns: breaks at spaces, keeps line breaks, drops the
 * spaces a soft break lands on, and cuts a word longer than a line where it must.
 */
export function wrapCells(cells: readonly Cell[], cols: number): Cell[][] {
  const lines: Cell[][] = [];
  const w = Math.max(1, cols);
  let line: Cell[] = [];
  let used = 0;
  const push = () => {
    while (line.length > 0 && isSpace(line[line.length - 1]!)) line.pop();
    lines.push(line);
    line = [];
    used = 0;
  };
  let i = 0;
  while (i < cells.length) {
    const c = cells[i]!;
    if (c.g === '\n') {
      push();
      i++;
      continue;
    }
    if (isSpace(c)) {
      if (used + 1 > w) push();
      else if (used > 0) {
        line.push(c);
        used += 1;
      }
      i++;
      continue;
    }
    let j = i;
    let ww = 0;
    while (j < cells.length && !isSpace(cells[j]!) && cells[j]!.g !== '\n') ww += cells[j++]!.w;
    if (used + ww <= w) {
      for (let k = i; k < j; k++) line.push(cells[k]!);
      used += ww;
    } else if (ww <= w) {
      push();
      for (let k = i; k < j; k++) line.push(cells[k]!);
      used = ww;
    } else {
      for (let k = i; k < j; k++) {
        const x = cells[k]!;
        if (used + x.w > w) push();
        line.push(x);
        used += x.w;
      }
    }
    i = j;
  }
  if (line.length > 0 || lines.length === 0) push();
  return lines;
}

/** Plain text cut to `cols` columns, with an ellipsis when something was cut. */
export function truncate(s: string, cols: number): string {
  if (cols <= 0) return '';
  if (width(s) <= cols) return s;
  let out = '';
  let used = 0;
  for (const g of graphemes(s)) {
    const w = graphemeWidth(g);
    if (used + w > cols - 1) break;
    out += g;
    used += w;
  }
  return `${out}…`;
}

/** The end of plain text kept to `cols` columns, with a leading ellipsis when the start was cut. */
export function truncateStart(s: string, cols: number): string {
  if (cols <= 0) return '';
  if (width(s) <= cols) return s;
  const gs = graphemes(s);
  let out = '';
  let used = 0;
  for (let i = gs.length - 1; i >= 0; i--) {
    const w = graphemeWidth(gs[i]!);
    if (used + w > cols - 1) break;
    out = gs[i]! + out;
    used += w;
  }
  return `…${out}`;
}

/** Plain text wrapped to `cols` columns. */
export function wrapText(s: string, cols: number): string[] {
  return wrapCells(toCells(s, undefined, false), cols).map((l) => l.map((c) => c.g).join(''));
}
