import { lineStarts } from '../../src/util/lines.js';
import type { Segment } from '../../src/model/segment.js';
import type { Source } from '../../src/model/source.js';
import type { Span } from '../../src/model/span.js';

/**
 * A stand-in for the readers and the segmenter, for unit tests: each non-empty line is a
 * segment; `Name: words` is a turn (label excluded from the body), `P:` an interviewer turn.
 */
export function build(id: string, text: string, extra: Partial<Source> = {}): { source: Source; segments: Segment[] } {
  const source: Source = {
    id,
    path: `sources/${id}.md`,
    format: 'md',
    kind: 'interview',
    text,
    meta: {},
    hash: '',
    bytes: text.length,
    bodyLine: 1,
    lineStarts: lineStarts(text),
    ...extra,
  };
  const segments: Segment[] = [];
  let offset = 0;
  let line = 1;
  for (const raw of text.split('\n')) {
    if (raw.trim() !== '') {
      const span = { start: offset, end: offset + raw.length };
      const label = /^([A-Za-z0-9 ]+):\s*/.exec(raw);
      const body = label ? { start: offset + label[0].length, end: span.end } : span;
      const segment: Segment = {
        id: `${id}:${segments.length + 1}`,
        sourceId: id,
        n: segments.length + 1,
        kind: label ? 'turn' : 'paragraph',
        span,
        text: raw,
        sentences: sentences(text, body),
        body,
        interviewer: label?.[1] === 'P',
        line,
        endLine: line,
      };
      if (label) segment.speaker = label[1]!;
      segments.push(segment);
    }
    offset += raw.length + 1;
    line++;
  }
  return { source, segments };
}

function sentences(text: string, body: Span): Span[] {
  const out: Span[] = [];
  let start = body.start;
  for (let i = body.start; i < body.end; i++) {
    if (text[i] === '.' || text[i] === '?' || text[i] === '!') {
      out.push({ start, end: i + 1 });
      start = i + 1;
      while (start < body.end && text[start] === ' ') start++;
      i = start - 1;
    }
  }
  if (start < body.end) out.push({ start, end: body.end });
  return out;
}
