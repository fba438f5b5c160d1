import type { Coding } from '../model/coding.js';
import type { Span } from '../model/span.js';
import type { RowMaker } from './coding-rows.js';
import { formatValence } from '../coding/valence.js';

export interface Marker {
  /** Wraps a matched word. */
  match: (s: string) => string;
  /** Wraps a valence cue. */
  cue: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

/** Without colour: `[[matched]]`, `((cue))`, so the output can go in a file or an e-mail. */
export const PLAIN_MARKER: Marker = { match: (s) => `[[${s}]]`, cue: (s) => `((${s}))`, dim: (s) => s, bold: (s) => s };

/** Longest stretch of a segment shown; longer turns are cut around the coded span. */
const MAX_SHOWN = 600;

/**
 * For each coding: where it is, who said it, code, valence, coder and rule, then the segment
 * with the matched words (and valence cues) marked.
 */
export function explainCodings(codings: readonly Coding[], rows: RowMaker, mark: Marker): string {
  const out: string[] = [];
  for (const c of codings) {
    const seg = rows.segment(c.segmentId);
    const r = rows.row(c);
    const who = r.informant ? `${r.informant}${r.role ? ` (${r.role})` : ''}` : r.role;
    const rules = r.rules ? `rule ${r.rules.split(';').join(', ')}` : `${c.origin} by ${c.coder}${c.from ? ` (${c.from.file}:${c.from.line})` : ''}`;
    out.push(
      mark.bold(`${c.segmentId}`) +
        `  line ${r.line}${who ? `  ${who}` : ''}  ${mark.bold(c.code)} ${formatValence(c.valence)}  ${mark.dim(rules)}  ${statusNote(c)}`,
    );
    if (seg) {
      const body = seg.body;
      let from = body.start;
      let to = body.end;
      if (to - from > MAX_SHOWN) {
        from = Math.max(body.start, c.span.start - 150);
        to = Math.min(body.end, Math.max(c.span.end + 150, from + MAX_SHOWN));
      }
      const marks: { span: Span; kind: 'match' | 'cue' }[] = [
        ...c.matches.map((m) => ({ span: m.span, kind: 'match' as const })),
        ...c.cues.map((m) => ({ span: m.span, kind: 'cue' as const })),
      ];
      if (marks.length === 0) marks.push({ span: c.span, kind: 'match' });
      const shown = highlight(seg.text, seg.span.start, from, to, marks, mark).replace(/\s*\n\s*/g, ' ');
      out.push(`  ${from > body.start ? '… ' : ''}${shown}${to < body.end ? ' …' : ''}`);
    } else {
      out.push(`  ${mark.match(c.quote)}`);
    }
    if (c.replaces)
      out.push(
        `  ${mark.dim(`replaces the automatic coding${c.replaces.length === 1 ? '' : 's'} of ${c.replaces.join(', ')} in this segment (merge: manual-overrides-auto)`)}`,
      );
    if (c.memo) out.push(`  ${mark.dim(`memo: ${c.memo}`)}`);
    out.push('');
  }
  return out.join('\n');
}

/** What a person made of the coding: `[not reviewed]`, `[accepted by rina]`, `[changed by rina from complexity −]`… */
function statusNote(c: Coding): string {
  switch (c.status) {
    case 'auto':
      return '[not reviewed]';
    case 'manual':
      return '[manual]';
    case 'changed':
      return `[changed by ${c.reviewer ?? '?'}${c.proposed ? ` from ${c.proposed.code} ${formatValence(c.proposed.valence)}` : ''}]`;
    default:
      return `[${c.status} by ${c.reviewer ?? '?'}]`;
  }
}

/**
 * The text between source offsets `from` and `to` with marked spans wrapped; overlapping marks
 * merge, matches win. `text` is the segment's, which starts at source offset `base`.
 */
function highlight(text: string, base: number, from: number, to: number, marks: { span: Span; kind: 'match' | 'cue' }[], mark: Marker): string {
  const cut = (a: number, b: number) => text.slice(a - base, b - base);
  const sorted = marks.filter((m) => m.span.end > from && m.span.start < to).sort((a, b) => a.span.start - b.span.start || (a.kind === 'match' ? -1 : 1));
  let pos = from;
  let s = '';
  for (const m of sorted) {
    const start = Math.max(m.span.start, pos);
    const end = Math.min(m.span.end, to);
    if (end <= start) continue;
    s += cut(pos, start);
    s += (m.kind === 'match' ? mark.match : mark.cue)(cut(start, end));
    pos = end;
  }
  return s + cut(pos, to);
}
