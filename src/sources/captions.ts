import type { Block, LineAnchor } from '../model/source.js';
import { decodeText } from './text-file.js';
import type { ReadProblem, ReadResult } from './reader.js';

/** `00:01:02.500 --> …` (WebVTT) or `00:01:02,500 --> …` (SubRip); hours are optional in VTT. */
const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)/;
const VOICE = /<v(?:\.[\w.-]+)?\s+([^>]+)>/;
const NAME_COLON = /^\s*(?:-\s*)?([\p{Lu}][\p{L}\p{N}.'’ -]{0,38}?)\s*:\s+/u;
const BRACKET_NAME = /^\s*\[([^\]\d][^\]]{0,38})\]\s*/;

/** Words of one line of a cue's payload, with that line's number in the file. */
interface Piece {
  text: string;
  line: number;
}

interface Cue {
  time: string;
  speaker?: string;
  pieces: Piece[];
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lrm;|&rlm;/g, '')
    .replace(/&amp;/g, '&');
}

function cleanLine(line: string): string {
  return decodeEntities(line)
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/**
 * A cue's speaker and its words line by line (`firstLine` is the file line of the payload's first
 * line), so each word keeps the line an editor shows it on.
 */
function cueSpeakerAndPieces(payload: string, firstLine: number): { speaker?: string; pieces: Piece[] } {
  let speaker: string | undefined;
  const v = VOICE.exec(payload);
  if (v) speaker = v[1]!.trim();
  // Styling tags, karaoke timestamps and SubRip position codes carry no words; a tag that spans
  // lines leaves its line breaks, so the lines after it keep their numbers.
  const bare = payload.replace(/<[^>]*>/g, (m) => m.replace(/[^\n]/g, '')).replace(/\{\\[^}]*\}/g, '');
  const pieces: Piece[] = [];
  bare.split('\n').forEach((raw, i) => {
    const text = cleanLine(raw);
    if (text !== '') pieces.push({ text, line: firstLine + i });
  });
  if (!speaker && pieces.length > 0) {
    const first = pieces[0]!;
    const m = NAME_COLON.exec(first.text) ?? BRACKET_NAME.exec(first.text);
    if (m) {
      speaker = m[1]!.trim();
      first.text = first.text.slice(m[0].length).trim();
      if (first.text === '') pieces.shift();
    }
  }
  return speaker ? { speaker, pieces } : { pieces };
}

function parseCues(text: string): { cues: Cue[]; problems: ReadProblem[] } {
  const lines = text.split('\n');
  const cues: Cue[] = [];
  const problems: ReadProblem[] = [];
  let i = 0;
  while (i < lines.length) {
    const m = TIMING.exec(lines[i]!);
    if (!m) {
      // Skip headers, NOTE and STYLE blocks and cue numbers until the next timing line.
      i++;
      continue;
    }
    const start = i;
    const payload: string[] = [];
    i++;
    while (i < lines.length && lines[i]!.trim() !== '' && !TIMING.test(lines[i]!)) payload.push(lines[i++]!);
    const { speaker, pieces } = cueSpeakerAndPieces(payload.join('\n'), start + 2);
    if (pieces.length === 0) continue;
    const cue: Cue = { time: m[1]!.replace(',', '.'), pieces };
    if (speaker) cue.speaker = speaker;
    cues.push(cue);
  }
  if (cues.length === 0 && text.trim() !== '') {
    // An error, so the file is left out with this one diagnostic rather than a second "empty".
    problems.push({
      severity: 'error',
      code: 'source/no-cues',
      message: 'no caption cues (`00:00:01.000 --> 00:00:04.000` lines) found',
      line: 1,
      column: 1,
      hint: 'a .vtt or .srt file needs timing lines; save a plain transcript as .txt or .md instead',
    });
  }
  return { cues, problems };
}

/**
 * WebVTT and SubRip: consecutive cues by the same speaker become one turn, rendered as
 * `Speaker: words` so the text reads like a transcript; the cue's start time stays on the block.
 */
export async function readCaptions(bytes: Uint8Array): Promise<ReadResult> {
  const decoded = decodeText(bytes);
  if (decoded.binary) {
    return {
      text: '',
      bodyLine: 1,
      problems: [...decoded.problems, { severity: 'error', code: 'source/binary', message: 'file looks binary, not a caption file' }],
    };
  }
  const { cues, problems } = parseCues(decoded.text);
  const blocks: Block[] = [];
  const anchors: LineAnchor[] = [];
  const parts: string[] = [];
  let offset = 0;
  let current: { speaker?: string; time: string; pieces: Piece[] } | undefined;
  const flush = () => {
    if (!current) return;
    if (parts.length > 0) offset += 2;
    let piece = current.speaker ? `${current.speaker}: ` : '';
    current.pieces.forEach((p, i) => {
      if (i > 0) piece += ' ';
      // The label sits on the first words' line, so the turn's first anchor is its start.
      anchors.push({ offset: i === 0 ? offset : offset + piece.length, line: p.line });
      piece += p.text;
    });
    const block: Block = {
      span: { start: offset, end: offset + piece.length },
      time: current.time,
      line: current.pieces[0]!.line,
      endLine: current.pieces.at(-1)!.line,
    };
    if (current.speaker) block.speaker = current.speaker;
    blocks.push(block);
    parts.push(piece);
    offset += piece.length;
    current = undefined;
  };
  for (const cue of cues) {
    if (current && cue.speaker !== undefined && current.speaker === cue.speaker) {
      current.pieces.push(...cue.pieces);
      continue;
    }
    flush();
    current = { time: cue.time, pieces: [...cue.pieces] };
    if (cue.speaker) current.speaker = cue.speaker;
  }
  flush();
  return { text: parts.join('\n\n'), bodyLine: 1, blocks, lineAnchors: anchors, problems: [...decoded.problems, ...problems] };
}
