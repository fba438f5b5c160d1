import { CUE, MATCH, truncate, width, type Cell } from './wrap.js';

// How the screen's pieces look: ANSI colours and attributes, or nothing at all without colour.

export type Style = 'bar' | 'dim' | 'bold' | 'match' | 'cue' | 'pos' | 'neg' | 'zero' | 'ok' | 'warn' | 'bad' | 'changed' | 'manual' | 'select' | 'label';
export type Part = readonly [string, Style?];
export type Paint = (style: Style | undefined, s: string) => string;

// SGR codes (ECMA-48) to switch each look on and off again. The caller has already decided
// whether there is colour at all, which is what chalk would add; importing it was a fifth of the
// loop's start-up, for ten fixed sequences.
const SGR: Record<Style, readonly [string, string]> = {
  bar: ['7', '27'],
  dim: ['2', '22'],
  bold: ['1', '22'],
  match: ['30;43', '39;49'],
  cue: ['4;36', '24;39'],
  pos: ['32', '39'],
  neg: ['31', '39'],
  zero: ['2', '22'],
  ok: ['32', '39'],
  warn: ['33', '39'],
  bad: ['31', '39'],
  changed: ['33', '39'],
  manual: ['36', '39'],
  select: ['7', '27'],
  label: ['1', '22'],
};

export function painter(color: boolean): Paint {
  if (!color) return (_style, s) => s;
  return (style, s) => (style && s !== '' ? `\u001b[${SGR[style][0]}m${s}\u001b[${SGR[style][1]}m` : s);
}

/** Parts laid on one line of `cols` columns: what overflows is cut with an ellipsis; `pad` fills the rest (for bars). */
export function fit(paint: Paint, parts: readonly Part[], cols: number, pad?: Style): string {
  let out = '';
  let used = 0;
  for (const [text, style] of parts) {
    const w = width(text);
    if (used + w <= cols) {
      out += paint(style, text);
      used += w;
      continue;
    }
    const cut = truncate(text, cols - used);
    out += paint(style, cut);
    used += width(cut);
    break;
  }
  // A bar is painted whole, so its parts are given without styles of their own.
  if (pad) out = paint(pad, out + ' '.repeat(Math.max(0, cols - used)));
  return out;
}

/** A wrapped line of the segment, its matched and cue words painted. */
export function styledLine(paint: Paint, cells: readonly Cell[], indent: string): string {
  let out = indent;
  let run = '';
  let mark = -1;
  const flush = () => {
    if (run !== '') out += paint(mark === MATCH ? 'match' : mark === CUE ? 'cue' : undefined, run);
    run = '';
  };
  for (const c of cells) {
    if (c.mark !== mark) {
      flush();
      mark = c.mark;
    }
    run += c.g;
  }
  flush();
  return out;
}
