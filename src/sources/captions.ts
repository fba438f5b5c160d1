import type { Block } from '../model/source.js';
import { decodeText } from './text-file.js';
import type { ReadProblem, ReadResult } from './reader.js';

/** `00:01:02.500 --> …` (WebVTT) or `00:01:02,500 --> …` (SubRip); hours are optional in VTT. */
const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)/;
const VOICE = /<v(?:\.[\w.-]+)?\s+([^>]+)>/;
const NAME_COLON = /^\s*(?:-\s*)?([\p{Lu}][\p{L}\p{N}.'’ -]{0,38}?)\s*:\s+/u;
const BRACKET_NAME = /^\s*\[([^\]\d][^\]]{0,38})\]\s*/;

interface Cue {
  time: string;
  speaker?: string;
  text: string;
  line: number;
  endLine: number;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lrm;|&rlm;/g, '')
    .replace(/&amp;/g, '&');
}

function cueSpeakerAndText(payload: string): { speaker?: string; text: string } {
  let speaker: string | undefined;
  const v = VOICE.exec(payload);
  if (v) speaker = v[1]!.trim();
  // Styling tags, karaoke timestamps and SubRip position codes carry no words.
  let text = payload.replace(/<[^>]*>/g, '').replace(/\{\\[^}]*\}/g, '');
  text = decodeEntities(text).replace(/[ \t]*\n[ \t]*/g, ' ').replace(/[ \t]+/g, ' ').trim();
  if (!speaker) {
    const m = NAME_COLON.exec(text) ?? BRACKET_NAME.exec(text);
    if (m) {
      speaker = m[1]!.trim();
      text = text.slice(m[0].length).trim();
    }
  }
  return speaker ? { speaker, text } : { text };
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
    const { speaker, text: said } = cueSpeakerAndText(payload.join('\n'));
    if (said === '') continue;
    const cue: Cue = { time: m[1]!.replace(',', '.'), text: said, line: start + 1, endLine: start + 1 + payload.length };
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
    return { text: '', bodyLine: 1, problems: [...decoded.problems, { severity: 'error', code: 'source/binary', message: 'file looks binary, not a caption file' }] };
  }
  const { cues, problems } = parseCues(decoded.text);
  const blocks: Block[] = [];
  const parts: string[] = [];
  let offset = 0;
  let current: { speaker?: string; time: string; words: string[]; line: number; endLine: number } | undefined;
  const flush = () => {
    if (!current) return;
    const label = current.speaker ? `${current.speaker}: ` : '';
    const piece = label + current.words.join(' ');
    if (parts.length > 0) offset += 2;
    const block: Block = { span: { start: offset, end: offset + piece.length }, time: current.time, line: current.line, endLine: current.endLine };
    if (current.speaker) block.speaker = current.speaker;
    blocks.push(block);
    parts.push(piece);
    offset += piece.length;
    current = undefined;
  };
  for (const cue of cues) {
    if (current && cue.speaker !== undefined && current.speaker === cue.speaker) {
      current.words.push(cue.text);
      current.endLine = cue.endLine;
      continue;
    }
    flush();
    current = { time: cue.time, words: [cue.text], line: cue.line, endLine: cue.endLine };
    if (cue.speaker) current.speaker = cue.speaker;
  }
  flush();
  return { text: parts.join('\n\n'), bodyLine: 1, blocks, problems: [...decoded.problems, ...problems] };
}
