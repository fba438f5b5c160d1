import type { InlineTag } from '../model/source.js';

export interface TagProblem {
  code: 'source/inline-tag-unclosed' | 'source/inline-tag-unmatched' | 'source/inline-tag-invalid';
  message: string;
  /** Offset in the text given to stripInlineTags. */
  offset: number;
}

export interface Stripped {
  text: string;
  tags: InlineTag[];
  problems: TagProblem[];
}

/** `{{code+}}`, `{{code- | memo}}`, `{{/}}`, `{{/code}}`. Code ids are dotted snake case. */
const TAG = /\{\{\s*(\/)?\s*([A-Za-z][\w.]*)?\s*([+-]|[+-]?1|0)?\s*(?:\|([^{}]*))?\}\}/g;

function valenceOf(s: string | undefined): -1 | 0 | 1 {
  if (s === '+' || s === '+1' || s === '1') return 1;
  if (s === '-' || s === '-1') return -1;
  return 0;
}

/**
 * Remove inline manual codes from a transcript and return where they applied, in offsets of the
 * text without tags. Tags nest; a closing `{{/}}` closes the innermost open tag, `{{/code}}`
 * closes the innermost open tag with that code. `lineCol` turns an offset of the input into the
 * position a researcher sees, for the tags' own line and column.
 */
export function stripInlineTags(text: string, lineCol: (offset: number) => { line: number; column: number }): Stripped {
  if (!text.includes('{{')) return { text, tags: [], problems: [] };
  const parts: string[] = [];
  const tags: InlineTag[] = [];
  const problems: TagProblem[] = [];
  const open: { code: string; valence: -1 | 0 | 1; memo?: string; start: number; offset: number }[] = [];
  let last = 0;
  let outLen = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const [whole, slash, code, val, memo] = m;
    parts.push(text.slice(last, m.index));
    outLen += m.index - last;
    last = m.index + whole.length;
    if (slash) {
      let k = open.length - 1;
      if (code) while (k >= 0 && open[k]!.code !== code) k--;
      if (k < 0) {
        problems.push({
          code: 'source/inline-tag-unmatched',
          message: code ? `closing tag ${whole} has no open tag for ${code}` : `closing tag ${whole} has no open tag`,
          offset: m.index,
        });
        continue;
      }
      const o = open.splice(k, 1)[0]!;
      const pos = lineCol(o.offset);
      const tag: InlineTag = { code: o.code, valence: o.valence, span: { start: o.start, end: outLen }, line: pos.line, column: pos.column };
      if (o.memo) tag.memo = o.memo;
      tags.push(tag);
    } else if (!code) {
      problems.push({ code: 'source/inline-tag-invalid', message: `inline tag ${whole} names no code`, offset: m.index });
    } else {
      const entry: (typeof open)[number] = { code, valence: valenceOf(val), start: outLen, offset: m.index };
      const trimmed = memo?.trim();
      if (trimmed) entry.memo = trimmed;
      open.push(entry);
    }
  }
  parts.push(text.slice(last));
  for (const o of open) {
    problems.push({ code: 'source/inline-tag-unclosed', message: `inline tag {{${o.code}}} is never closed`, offset: o.offset });
  }
  tags.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  return { text: parts.join(''), tags, problems };
}
