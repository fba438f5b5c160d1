import { parse } from 'csv-parse/sync';
import type { Block } from '../model/source.js';
import { decodeText } from './text-file.js';
import type { ReadProblem, ReadResult } from './reader.js';

const SPEAKER = ['speaker', 'pembicara', 'penutur', 'nama'];
const TEXT = ['text', 'teks', 'ucapan', 'transcript', 'transkrip'];
const TIME = ['time', 'waktu', 'start', 'timestamp'];

function column(header: string[], names: string[]): number {
  return header.findIndex((h) => names.includes(h.trim().toLowerCase()));
}

/** A turn table exported from a transcription tool: one row per turn, columns speaker,text[,time]. */
export async function readCsvTurns(bytes: Uint8Array): Promise<ReadResult> {
  const decoded = decodeText(bytes);
  const problems: ReadProblem[] = [...decoded.problems];
  if (decoded.binary) {
    problems.push({ severity: 'error', code: 'source/binary', message: 'file looks binary, not a CSV table' });
    return { text: '', bodyLine: 1, problems };
  }
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(decoded.text, { info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as unknown as typeof rows;
  } catch (err) {
    const e = err as { message: string; lines?: number };
    problems.push({ severity: 'error', code: 'source/csv-invalid', message: `cannot parse CSV: ${e.message}`, line: e.lines ?? 1, column: 1 });
    return { text: '', bodyLine: 1, problems };
  }
  if (rows.length === 0) return { text: '', bodyLine: 1, problems };
  const header = rows[0]!.record;
  const si = column(header, SPEAKER);
  const ti = column(header, TEXT);
  const mi = column(header, TIME);
  if (si < 0 || ti < 0) {
    problems.push({
      severity: 'error',
      code: 'source/csv-columns',
      message: `a turn table needs the columns speaker and text; found ${header.join(', ')}`,
      line: 1,
      column: 1,
      hint: 'rename the header row to speaker,text,time (time is optional)',
    });
    return { text: '', bodyLine: 1, problems };
  }
  const parts: string[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  const width = header.length;
  const textIsLast = ti === width - 1;
  for (const { record, info } of rows.slice(1)) {
    // csv-parse counts lines up to the end of the record; a quoted cell may span several.
    const newlines = record.reduce((n, f) => n + f.split('\n').length - 1, 0);
    const line = info.lines - newlines;
    if (record.length <= Math.max(si, ti)) {
      problems.push({
        severity: 'warning',
        code: 'source/csv-row',
        message: `row has ${record.length} field${record.length === 1 ? '' : 's'}, the header has ${width}; the row was skipped`,
        line,
        column: 1,
        hint: 'give every row a speaker and a text cell, separated by a comma',
      });
      continue;
    }
    let said = record[ti] ?? '';
    if (record.length > width) {
      // Almost always a comma inside an unquoted text cell: the speech goes on in the extra fields.
      if (textIsLast) said = record.slice(ti).join(',');
      problems.push({
        severity: 'warning',
        code: 'source/csv-row',
        message: `row has ${record.length} fields, the header has ${width}${textIsLast ? '; the extra fields were read as part of the text' : '; the extra fields were ignored'}`,
        line,
        column: 1,
        hint: 'put a text that contains commas in double quotes: P,"ya, betul"',
      });
    }
    const speaker = (record[si] ?? '').trim();
    said = said.replace(/\s*\n\s*/g, ' ').trim();
    if (said === '') continue;
    const piece = speaker ? `${speaker}: ${said}` : said;
    if (parts.length > 0) offset += 2;
    const block: Block = { span: { start: offset, end: offset + piece.length }, line, endLine: info.lines };
    if (speaker) block.speaker = speaker;
    const time = mi >= 0 ? (record[mi] ?? '').trim() : '';
    if (time) block.time = time;
    blocks.push(block);
    parts.push(piece);
    offset += piece.length;
  }
  return { text: parts.join('\n\n'), bodyLine: 1, blocks, problems };
}
