import { lineColAt, lineStarts } from '../util/lines.js';
import { decodeBytes } from './decode.js';
import { splitFrontMatter } from './front-matter.js';
import { stripInlineTags } from './inline-tags.js';
import { normalizeText } from './normalize.js';
import { readableExtensions } from './formats.js';
import type { ReadProblem, ReadResult } from './reader.js';

/** Lines longer than this are almost always a pasted file with its line ends lost. */
const LONG_LINE = 100_000;

/** Decode and normalise any text format, with the notes about encoding a researcher should see. */
export function decodeText(bytes: Uint8Array): { text: string; problems: ReadProblem[]; binary: boolean } {
  const problems: ReadProblem[] = [];
  const d = decodeBytes(bytes);
  // A binary file gets one diagnostic (source/binary from the reader), not a note on its encoding too.
  if (d.binary) return { text: '', problems, binary: true };
  if (d.encoding === 'windows-1252') {
    problems.push({
      severity: 'warning',
      code: 'source/encoding',
      message: 'file is not valid UTF-8; read it as Windows-1252',
      hint: 'save the file as UTF-8 in your editor to be sure accented letters and quotes are right',
    });
  } else if (d.replaced) {
    const at = lineColAt(lineStarts(d.text), d.replaced.firstOffset);
    problems.push({
      severity: 'warning',
      code: 'source/invalid-utf8',
      message: `${d.replaced.count} byte${d.replaced.count === 1 ? ' is' : 's are'} not valid UTF-8 (the first here); read as UTF-8 with each shown as �`,
      line: at.line,
      column: at.column,
      hint: 'a stray byte from another encoding: retype the character there, or save the file as UTF-8 again',
    });
  } else if (d.encoding !== 'utf-8') {
    problems.push({ severity: 'info', code: 'source/encoding', message: `file is ${d.encoding.toUpperCase()}; read it as such` });
  }
  return { text: normalizeText(d.text).text, problems, binary: d.binary };
}

function longLineCheck(text: string, bodyLine: number, problems: ReadProblem[]): void {
  let start = 0;
  let line = bodyLine;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    if (nl - start > LONG_LINE) {
      problems.push({
        severity: 'warning',
        code: 'source/long-line',
        message: `line is ${nl - start} characters long; it is read as one paragraph`,
        line,
        column: 1,
        hint: 'separate turns and paragraphs with line breaks so segments and line numbers are useful',
      });
      return;
    }
    start = nl + 1;
    line++;
  }
}

/** .txt and .md: optional YAML front matter (md and txt alike), then the body with inline codes. */
export async function readTextFile(bytes: Uint8Array, opts: { frontMatter: boolean }): Promise<ReadResult> {
  const decoded = decodeText(bytes);
  const problems = decoded.problems;
  if (decoded.binary) {
    problems.push({ severity: 'error', code: 'source/binary', message: 'file looks binary, not text', hint: `only ${readableExtensions('and')} are read` });
    return { text: '', bodyLine: 1, problems };
  }
  const full = decoded.text;
  let bodyStart = 0;
  let bodyLine = 1;
  let front: Record<string, unknown> | undefined;
  let frontLines: Record<string, number> | undefined;
  if (opts.frontMatter) {
    const fm = splitFrontMatter(full);
    bodyStart = fm.bodyStart;
    bodyLine = fm.bodyLine;
    front = fm.data;
    frontLines = fm.keyLines;
    if (fm.error) {
      problems.push({
        severity: 'error',
        code: 'source/front-matter-invalid',
        message: `invalid front matter: ${fm.error.message}`,
        line: fm.error.line,
        column: fm.error.column,
        hint: 'front matter is YAML between two `---` lines, e.g. `informant: K1`; the body was read without it',
      });
    }
  }
  const body = full.slice(bodyStart);
  let starts: number[] | undefined;
  const stripped = stripInlineTags(body, (offset) => {
    starts ??= lineStarts(body);
    const p = lineColAt(starts, offset);
    return { line: p.line + bodyLine - 1, column: p.column };
  });
  for (const p of stripped.problems) {
    starts ??= lineStarts(body);
    const pos = lineColAt(starts, p.offset);
    problems.push({ severity: 'warning', code: p.code, message: p.message, line: pos.line + bodyLine - 1, column: pos.column });
  }
  longLineCheck(stripped.text, bodyLine, problems);
  const result: ReadResult = { text: stripped.text, bodyLine, problems };
  if (stripped.tags.length > 0) result.inlineTags = stripped.tags;
  if (front) result.front = front;
  if (frontLines) result.frontLines = frontLines;
  return result;
}
