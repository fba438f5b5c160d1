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
  const simple = simpleFrontMatter(yamlText);
  if (simple) return { bodyStart, bodyLine, data: simple.data, keyLines: simple.keyLines };
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
  let data: Record<string, unknown>;
  try {
    data = doc.toJS() as Record<string, unknown>;
  } catch (e) {
    // Parsed but not convertible, e.g. an alias to an anchor that was never set (`role: *a`).
    return { bodyStart, bodyLine, keyLines: {}, error: { message: (e as Error).message, line: 2, column: 1 } };
  }
  if (depthOf(data, MAX_DEPTH) > MAX_DEPTH) {
    // A thread cannot hand a value this deep to another (structured clone has a stack too), and
    // no transcript's metadata needs it: the block is refused, the transcript still read.
    return { bodyStart, bodyLine, keyLines: {}, error: { message: `front matter nested more than ${MAX_DEPTH} levels deep`, line: 2, column: 1 } };
  }
  const keyLines: Record<string, number> = {};
  for (const pair of doc.contents.items) {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    if (key?.range) keyLines[String(key.value)] = lc.linePos(key.range[0]).line + 1;
  }
  return { bodyStart, bodyLine, data, keyLines };
}

/** Levels of nesting front matter may have (a transcript's metadata needs two or three). */
const MAX_DEPTH = 32;

/** How deep a parsed value nests, counted until it passes `limit`. */
function depthOf(v: unknown, limit: number, level = 1): number {
  if (level > limit) return level;
  if (v === null || typeof v !== 'object') return level - 1;
  let deepest = level;
  for (const x of Object.values(v as Record<string, unknown>)) {
    deepest = Math.max(deepest, depthOf(x, limit, level + 1));
    if (deepest > limit) break;
  }
  return deepest;
}

// Most front matter is a few `key: plain words` lines (informant, date, title), and a corpus of
// thousands of transcripts spent more time in the YAML parser than in segmenting. Such a block
// is read directly; anything else (numbers, booleans, quotes, lists, comments, nesting, a
// repeated key) goes to the parser, so the result is always what YAML itself would give.
const SIMPLE_LINE = /^([A-Za-z][A-Za-z0-9_-]*):[ \t]+(.*?)[ \t]*$/;
// A plain string to YAML's core schema: it starts with a letter and holds nothing YAML reads
// specially (`:` `#` quotes at the start, brackets, anchors, tags).
const PLAIN_WORDS = /^\p{L}[\p{L}\p{M}\p{N} .,/()'-]*$/u;
const CORE_KEYWORDS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
// A calendar date stays a string in YAML 1.2's core schema.
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function simpleFrontMatter(yamlText: string): { data: Record<string, unknown>; keyLines: Record<string, number> } | undefined {
  if (yamlText.includes('\r')) return undefined;
  const data: Record<string, unknown> = {};
  const keyLines: Record<string, number> = {};
  const lines = yamlText.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const m = SIMPLE_LINE.exec(lines[i]!);
    if (!m) return undefined;
    const key = m[1]!;
    const value = m[2]!;
    if (Object.prototype.hasOwnProperty.call(data, key)) return undefined;
    if (!(DATE.test(value) || (PLAIN_WORDS.test(value) && !CORE_KEYWORDS.has(value)))) return undefined;
    data[key] = value;
    // The block starts on the file's second line.
    keyLines[key] = i + 2;
  }
  return { data, keyLines };
}
