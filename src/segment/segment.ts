import type { Lang } from '../model/codebook.js';
import type { Informant } from '../model/informant.js';
import type { Segment, SegmentKind } from '../model/segment.js';
import type { Block, Source } from '../model/source.js';
import type { Span } from '../model/span.js';
import { lineAt } from './lines.js';
import { informantKeys, matchLabel, SpeakerResolver, type InformantKeys, type LabelMatch, type LabelRole } from './labels.js';
import { splitSentences } from './sentences.js';

/** A stretch of non-blank lines; the unit turns and paragraphs are built from. */
interface Para {
  start: number;
  end: number;
  region: Region;
  /** First paragraph of a block that carries a speaker. */
  firstInRegion: boolean;
  label?: LabelMatch;
  heading: boolean;
  /** Follows the previous paragraph's last line directly (it was cut only because of a label). */
  continues: boolean;
}

interface Region {
  span: Span;
  block?: Block;
}

interface Draft {
  kind: SegmentKind;
  start: number;
  end: number;
  bodyStart: number;
  region: Region;
  speaker?: string;
  role?: LabelRole;
  time?: string;
}

function isBlankLine(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

function speakersOf(source: Source): Record<string, string> {
  const sp = source.meta['speakers'];
  if (!sp || typeof sp !== 'object' || Array.isArray(sp)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sp as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * Cut a source into segments: speaker turns when the source is an interview or its text has
 * speaker turns, paragraphs otherwise. Turns keep their label in `span` and exclude it from
 * `body`; a paragraph without a label after a turn continues that turn (a long answer).
 * `informants`: the study's informants, or their keys made once for the study (informantKeys).
 */
export function segmentSource(source: Source, informants: readonly Informant[] | InformantKeys, language: Lang): Segment[] {
  const text = source.text;
  const regions: Region[] = source.blocks?.length ? source.blocks.map((b) => ({ span: b.span, block: b })) : [{ span: { start: 0, end: text.length } }];
  const resolver = new SpeakerResolver(isKeys(informants) ? informants : informantKeys(informants), language, speakersOf(source));
  const roleOf = memo((name: string) => resolver.classify(name));
  // `I:jawaban` without a space is a label only when the name is a known speaker word or informant.
  const { paras } = paragraphsFast(text, regions, (name) => roleOf(name) !== undefined);
  const labels = labelPolicy(paras, roleOf);
  const turnMode = source.kind === 'interview' || regions.some((r) => r.block?.speaker) || labels.known >= 2;
  const drafts = draft(text, paras, turnMode, roleOf, labels.accepted);
  // In an interview without any labels, each paragraph is the informant speaking.
  if (source.kind === 'interview' && !drafts.some((d) => d.kind === 'turn')) {
    for (const d of drafts) if (!textIsHeading(text, d.start)) d.kind = 'turn';
  }
  return drafts.map((d, i) => segmentOf(source, d, i + 1, soleVoice(source, drafts)));
}

const isKeys = (x: readonly Informant[] | InformantKeys): x is InformantKeys => !Array.isArray(x);

const memo = <T>(f: (name: string) => T): ((name: string) => T) => {
  const seen = new Map<string, T>();
  return (name) => {
    if (!seen.has(name)) seen.set(name, f(name));
    return seen.get(name)!;
  };
};

/**
 * Which labels count: known ones (a speaker word, an informant) always; generic names
 * ("Bu Rina:") only when they recur and start with a capital.
 */
function labelPolicy(paras: readonly Para[], roleOf: (name: string) => LabelRole | undefined): { known: number; accepted: (l: LabelMatch) => boolean } {
  const counts = new Map<string, number>();
  let known = 0;
  for (const p of paras) {
    if (!p.label) continue;
    counts.set(p.label.name, (counts.get(p.label.name) ?? 0) + 1);
    if (roleOf(p.label.name)) known++;
  }
  return { known, accepted: (l) => roleOf(l.name) !== undefined || ((counts.get(l.name) ?? 0) >= 2 && /^\p{Lu}/u.test(l.name)) };
}

/**
 * Paragraphs into drafts of segments: a paragraph opened by a speaker (the reader's block, or an
 * accepted label) starts a turn; in turn mode an unlabelled paragraph continues the turn before
 * it (a long answer), else it is a paragraph of its own.
 */
function draft(
  text: string,
  paras: readonly Para[],
  turnMode: boolean,
  roleOf: (name: string) => LabelRole | undefined,
  accepted: (l: LabelMatch) => boolean,
): Draft[] {
  const drafts: Draft[] = [];
  const unknownVoice: LabelRole = { interviewer: false, known: false };
  for (const p of paras) {
    const speaker = p.firstInRegion ? p.region.block?.speaker : undefined;
    if (turnMode && speaker !== undefined) {
      const d: Draft = {
        kind: 'turn',
        start: p.start,
        end: p.end,
        bodyStart: afterBlockSpeaker(text, p, speaker),
        region: p.region,
        speaker,
        role: roleOf(speaker) ?? unknownVoice,
      };
      const time = p.region.block?.time;
      if (time) d.time = time;
      drafts.push(d);
      continue;
    }
    if (turnMode && p.label && accepted(p.label)) {
      let bodyStart = p.label.end;
      while (bodyStart < p.end && /\s/.test(text[bodyStart]!)) bodyStart++;
      const d: Draft = {
        kind: 'turn',
        start: p.start,
        end: p.end,
        bodyStart: Math.min(bodyStart, p.end),
        region: p.region,
        speaker: p.label.name,
        role: roleOf(p.label.name) ?? unknownVoice,
      };
      const time = p.label.time ?? p.region.block?.time;
      if (time) d.time = time;
      drafts.push(d);
      continue;
    }
    const prev = drafts[drafts.length - 1];
    const joinsPrev = prev !== undefined && prev.region === p.region && p.continues;
    if (joinsPrev || (turnMode && prev?.kind === 'turn' && !p.heading)) {
      prev!.end = p.end;
      continue;
    }
    drafts.push({ kind: 'paragraph', start: p.start, end: p.end, bodyStart: p.start, region: p.region });
  }
  return drafts;
}

/** Where the words of a block that names its speaker start: after `Speaker:` when the text repeats it. */
function afterBlockSpeaker(text: string, p: Para, speaker: string): number {
  const prefix = `${speaker}:`;
  if (!text.startsWith(prefix, p.start)) return p.start;
  let at = p.start + prefix.length;
  while (at < p.end && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
  return at;
}

/** One unmapped non-interviewer voice in a one-informant interview is that informant. */
function soleVoice(source: Source, drafts: readonly Draft[]): string | undefined {
  const unmapped = new Set<string>();
  for (const d of drafts) if (d.kind === 'turn' && d.role && !d.role.interviewer && !d.role.informant) unmapped.add(d.speaker ?? '');
  return source.informant && unmapped.size === 1 ? source.informant : undefined;
}

function segmentOf(source: Source, d: Draft, n: number, fallback: string | undefined): Segment {
  const text = source.text;
  const interviewer = d.kind === 'turn' && d.role?.interviewer === true;
  const seg: Segment = {
    id: `${source.id}:${n}`,
    sourceId: source.id,
    n,
    kind: d.kind,
    span: { start: d.start, end: d.end },
    text: text.slice(d.start, d.end),
    sentences: splitSentences(text, d.bodyStart, d.end),
    body: { start: d.bodyStart, end: d.end },
    interviewer,
    // Lines of the file as an editor numbers them, the same way every output counts them.
    line: lineAt(source, d.start),
    endLine: lineAt(source, Math.max(d.start, d.end - 1)),
  };
  if (d.speaker !== undefined) seg.speaker = d.speaker;
  if (d.kind === 'turn' && !interviewer) {
    const inf = d.role && !d.role.interviewer ? d.role.informant : undefined;
    const who = inf ?? fallback ?? (d.speaker === undefined ? source.informant : undefined);
    if (who) seg.informant = who;
  }
  if (d.time) seg.time = d.time;
  if (d.region.block?.page !== undefined) seg.page = d.region.block.page;
  return seg;
}

function textIsHeading(text: string, start: number): boolean {
  return text.charCodeAt(start) === 35;
}

/** `Name:words` with no space after the colon (a URL's `https://` is excluded by the slash). */
const TIGHT_LABEL = /[ \t]*([\p{L}][\p{L}\p{N}.'’]{0,19}(?:[ \t][\p{L}\p{N}.'’]{1,20}){0,3}):(?=[^\s:/])/uy;

function tightLabel(text: string, pos: number, known: (name: string) => boolean): LabelMatch | undefined {
  TIGHT_LABEL.lastIndex = pos;
  const m = TIGHT_LABEL.exec(text);
  return m && known(m[1]!) ? { name: m[1]!, end: TIGHT_LABEL.lastIndex, bracket: false } : undefined;
}

/** Each line once: cut regions into paragraphs at blank lines and before labelled lines. */
function paragraphsFast(text: string, regions: Region[], known: (name: string) => boolean): { paras: Para[] } {
  const paras: Para[] = [];
  for (const region of regions) {
    let cur: Para | undefined;
    let first = true;
    let pos = region.span.start;
    const stop = region.span.end;
    while (pos < stop) {
      let nl = text.indexOf('\n', pos);
      if (nl === -1 || nl > stop) nl = stop;
      if (isBlankLine(text, pos, nl)) {
        cur = undefined;
      } else {
        // A block that names its speaker starts with that speaker; no need to look for a label.
        const label = first && region.block?.speaker !== undefined ? undefined : (matchLabel(text, pos) ?? tightLabel(text, pos, known));
        const usable = label && label.end <= nl + 1 ? label : undefined;
        if (usable && usable.end > nl) usable.end = nl;
        if (!cur || usable) {
          let start = pos;
          while (start < nl && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
          cur = { start, end: nl, region, firstInRegion: first, heading: text.charCodeAt(start) === 35, continues: cur !== undefined };
          if (usable) cur.label = usable;
          paras.push(cur);
          first = false;
        } else {
          cur.end = nl;
        }
      }
      pos = nl + 1;
    }
  }
  // Trailing spaces never belong to a segment.
  for (const p of paras) while (p.end > p.start && /[ \t\u00a0]/.test(text[p.end - 1]!)) p.end--;
  return { paras };
}
