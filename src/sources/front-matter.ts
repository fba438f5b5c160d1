import { LineCounter, parseDocument, isMap } from 'yaml';

export interface FrontMatter {
  /** The parsed mapping, or undefined when there was none or it was invalid. */
  data?: Record<string, unknown>;
  /** Offset in the text where the body starts (after the closing fence). */
  bodyStart: number;
  /** 1-based line of the body's first line. */
  bodyLine: number;
  error?: { message: string; line: number; column: number };
  /** 1-based line of each top-level key in the file, for diagnostics about its value. */
  keyLines: Record<string, number>;
}

/**
 * YAML front matter: the file starts with a `---` line and the block ends with a `---` or `...`
 * line. Only the opening fence on line 1 counts, so a horizontal rule later in a transcript is
 * never mistaken for front matter.
 */
export function splitFrontMatter(text: string): FrontMatter {
  const none: FrontMatter = { bodyStart: 0, bodyLine: 1, keyLines: {} };
  if (!/^---[ \t]*\n/.test(text)) return none;
  const open = text.indexOf('\n') + 1;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  close.lastIndex = 0;
  const rest = text.slice(open);
  const m = close.exec(rest);
  if (!m) {
    return { ...none, error: { message: 'front matter opened with `---` on line 1 but never closed', line: 1, column: 1 } };
  }
  const yamlText = rest.slice(0, m.index);
  const fenceEnd = open + m.index + m[0].length;
  const bodyStart = text.charCodeAt(fenceEnd) === 10 ? fenceEnd + 1 : fenceEnd;
  let bodyLine = 1;
  for (let i = 0; i < bodyStart; i++) if (text.charCodeAt(i) === 10) bodyLine++;
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lc.linePos(e.pos[0]);
    return { bodyStart, bodyLine, keyLines: {}, error: { message: e.message.split('\n')[0] ?? 'invalid YAML', line: pos.line + 1, column: pos.col } };
  }
  if (doc.contents === null) return { bodyStart, bodyLine, keyLines: {}, data: {} };
  if (!isMap(doc.contents)) {
    return { bodyStart, bodyLine, keyLines: {}, error: { message: 'front matter must be a mapping of `key: value` lines', line: 2, column: 1 } };
  }
  const data = doc.toJS() as Record<string, unknown>;
  const keyLines: Record<string, number> = {};
  for (const pair of doc.contents.items) {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    if (key?.range) keyLines[String(key.value)] = lc.linePos(key.range[0]).line + 1;
  }
  return { bodyStart, bodyLine, data, keyLines };
}
