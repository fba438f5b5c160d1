import type { CodeMatch, Matcher } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import { autoCoding, trimmed } from './auto-coding.js';
import type { Segment } from '../model/segment.js';
import type { Span } from '../model/span.js';
import { topCode } from './merge.js';
import { QuestionContext } from './question-context.js';
import { priorReading } from './prior-reading.js';
import { LeadContext } from './lead-context.js';
import { nestSection, type Section } from './sections.js';
import { attributeNamer, decideSegment, listSentences, HEADING_RULE, LEAD_RULE, NAMED_RULE, type Evidence, type Namer } from './decide.js';
import { scanStamp, scannedWords } from '../match/compile.js';

export interface AutoOptions {
  /** Also code interviewer turns (normally kept for context only). */
  interviewer?: boolean;
  /**
   * The full text of a source, so prefix/suffix can reach past the segment; without it they
   * stop at the segment's edges.
   */
  sourceText?: (sourceId: string) => string | undefined;
  /** Code answers for the attribute their interviewer question asks about (default true; see question-context.ts). */
  questionContext?: boolean;
  /**
   * The section heading a document segment sits under (its topic sets the context, as an
   * interviewer's question does). Without it, a short one-line paragraph with no closing
   * punctuation (or a Markdown `#` line) is taken as the heading of the paragraphs after it.
   */
  heading?: (seg: Segment) => string | undefined;
  /**
   * Suggest the attribute the codebook prior favours for a paragraph that nothing else placed
   * (default false; see prior-reading.ts, which never reads interview turns), or only for the
   * segments a function says (the pipeline: those of documents). Always a suggestion.
   */
  priorReading?: boolean | ((seg: Segment) => boolean);
  /** Sees each segment's evidence per top-level code (bench/fit-score.js). */
  inspect?: (segmentId: string, code: string, e: Evidence) => void;
}

const namers = new WeakMap<Matcher, Namer>();
function namerOf(matcher: Matcher): Namer {
  let n = namers.get(matcher);
  if (!n) namers.set(matcher, (n = attributeNamer(matcher.codebook)));
  return n;
}

/**
 * A document's section heading: a Markdown heading or bold line, or one short line (at most 12
 * words, no closing punctuation) that is numbered ("1.1 Latar Belakang", "BAB II", "c."), in
 * capitals, or in title case. A short plain line of a field note ("Server down lagi") is not.
 */
export function isHeadingText(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 100 || t.includes('\n')) return false;
  if (/^#{1,6}\s/.test(t) || /^\*\*[^*].*\*\*$/.test(t)) return true;
  if (/[.!?;:,]$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 12) return false;
  if (/^(?:\d+(?:\.\d+)*\.?|[A-Za-z]\.|[IVXLC]+\.|BAB|Bab)\s/.test(t)) return true;
  const letters = words.filter((w) => /\p{L}/u.test(w));
  if (letters.length === 0) return false;
  if (t === t.toUpperCase() && /\p{Lu}/u.test(t)) return true;
  // title case: every word of four letters or more starts with a capital
  const long = letters.filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 4);
  return long.length >= 1 && letters.length >= 2 && long.every((w) => /^[^\p{L}]*\p{Lu}/u.test(w));
}

/**
 * The codebook applied to every codable segment: one Coding per (segment, code) the matcher
 * reports. The coded span runs from the start of the sentence holding the first match to the
 * end of the sentence holding the last one (inside the segment body), so the quote is a
 * readable excerpt rather than a lone keyword or a whole long turn.
 */
export function autoCode(segments: Iterable<Segment>, matcher: Matcher, opts: AutoOptions = {}): Coding[] {
  const out: Coding[] = [];
  let lastSource = '';
  let text: string | undefined;
  const context = opts.questionContext === false ? undefined : new QuestionContext(matcher);
  const namer = namerOf(matcher);
  let heading = '';
  let headingSource = '';
  let headingCodes: ReadonlySet<string> = new Set();
  let lastHeading = '';
  const NONE: ReadonlySet<string> = new Set();
  const leads = new LeadContext(namer);
  // The open section headings of the current document (sections.ts), when no `heading` option says.
  let sections: Section[] = [];
  let leadHeading: string | undefined;
  for (const seg of segments) {
    if (seg.interviewer && !opts.interviewer && !context) continue;
    if (opts.sourceText && seg.sourceId !== lastSource) {
      lastSource = seg.sourceId;
      text = opts.sourceText(seg.sourceId);
    }
    if (seg.interviewer) {
      context?.ask(seg, text);
      if (!opts.interviewer) continue;
    }
    // The section heading above a document paragraph: what the heading names is context.
    let under: string | undefined;
    if (opts.heading) under = opts.heading(seg);
    else if (seg.kind === 'paragraph') {
      if (seg.sourceId !== headingSource) {
        headingSource = seg.sourceId;
        heading = '';
        sections = [];
      }
      if (isHeadingText(seg.text) || namesOnly(seg.text, namer)) {
        heading = seg.text;
        sections = nestSection(sections, seg.text, headingTopics(seg.text, matcher, namer));
        headingCodes = sections.at(-1)!.codes;
        lastHeading = heading;
        leads.reset();
        continue;
      }
      under = heading;
    }
    if (under !== undefined && under !== '' && opts.heading) {
      if (under !== lastHeading) {
        lastHeading = under;
        headingCodes = headingTopics(under, matcher, namer);
      }
    }
    // A quotation after a lead-in that names an attribute is read under it (lead-context.ts).
    let led = NONE;
    if (seg.kind === 'paragraph' && !seg.interviewer) {
      if (under !== leadHeading) {
        leadHeading = under;
        leads.reset();
      }
      led = leads.next(seg);
    }
    const from = out.length;
    const stamp = scanStamp(matcher);
    codeSegment(seg, matcher, out, text);
    // The words the matcher read of the segment's body, for the prior to weigh without reading them again.
    const words = scanStamp(matcher) === stamp + 1 ? scannedWords(matcher) : undefined;
    const matched = words ? { from: seg.body.start - seg.span.start, to: seg.body.end - seg.span.start, words } : undefined;
    if (!seg.interviewer) context?.answer(seg, out, from, text);
    if (!seg.interviewer) addNamed(seg, matcher, namer, under ? headingCodes : NONE, out, from, text);
    if (led.size > 0) {
      const at = out.length;
      addNamed(seg, matcher, namer, led, out, from, text, LEAD_RULE);
      const by = leads.leadIn;
      for (let i = at; i < out.length; i++)
        if (by && out[i]!.matches.some((m) => m.ruleId === LEAD_RULE))
          out[i]!.memo = `${LEAD_RULE}: a quotation after ${by.id} (line ${by.line}), which names it`;
    }
    // A definition of an attribute speaks of it without a direction (valence 0).
    if (out.length > from && !seg.interviewer) {
      const defined = namer.defined(seg.text);
      if (defined.size > 0) for (let i = from; i < out.length; i++) if (defined.has(topCode(out[i]!.code))) out[i]!.valence = 0;
    }
    // Nothing placed it anywhere: the codebook prior may suggest an attribute (a suggestion, not
    // weighed against rule evidence, so it keeps its own score).
    if (out.length === from) {
      const wanted = typeof opts.priorReading === 'function' ? opts.priorReading(seg) : opts.priorReading === true;
      if (!seg.interviewer && wanted) priorReading(seg, matcher, namer, out, text);
      continue;
    }
    const asked = led.size === 0 ? (under ? headingCodes : NONE) : new Set([...(under ? headingCodes : NONE), ...led]);
    decideSegment(out, from, seg.text, seg.span.start, seg.sentences, namer, asked, opts.inspect, seg.kind === 'turn', matched);
  }
  return out;
}

/**
 * The attributes a segment names in so many words (a definition: "kemudahan diamati adalah …")
 * or its section heading names, when the rules found nothing of them there: a coding of the
 * top-level code, with its default valence (0 for an attribute the segment defines).
 */
function addNamed(
  seg: Segment,
  matcher: Matcher,
  namer: Namer,
  heading: ReadonlySet<string>,
  out: Coding[],
  from: number,
  sourceText: string | undefined,
  /** The rule id of a coding from context: a section heading, or a quotation's lead-in. */
  contextRule: string = HEADING_RULE,
): void {
  const names = namer.any(seg.text);
  if (!names && heading.size === 0) return;
  const lists = names ? listSentences(seg.sentences, seg.text, seg.span.start, namer) : [];
  let own = seg.text;
  for (const l of lists) {
    const a = Math.max(0, l.start - seg.span.start);
    const b = Math.min(own.length, l.end - seg.span.start);
    if (b > a) own = own.slice(0, a) + ' '.repeat(b - a) + own.slice(b);
  }
  const named = namer.named(own);
  if (named.size === 0 && heading.size === 0) return;
  const have = new Set<string>();
  for (let i = from; i < out.length; i++) have.add(topCode(out[i]!.code));
  const text = sourceText ?? seg.text;
  const base = sourceText === undefined ? seg.span.start : 0;
  for (const code of matcher.codebook.codes) {
    if (code.id.includes('.') || have.has(code.id)) continue;
    const inText = named.has(code.id);
    if (!inText && !heading.has(code.id)) continue;
    const at = inText ? namer.where(own, code.id) : undefined;
    const span = at ? { start: seg.span.start + at.start, end: seg.span.start + at.end } : seg.body;
    const m = { ruleId: at ? NAMED_RULE : contextRule, span, text: at ? seg.text.slice(at.start, at.end) : '' };
    const valence = at ? 0 : (code.valence?.default ?? (code.valence?.inverted ? -1 : 1));
    out.push(autoCoding(seg, { code: code.id, valence, matches: [m], cues: [], score: at ? 1 : 0 }, trimmed(seg.body, text, base), text, base));
  }
}

/**
 * A one-line paragraph that is nothing but an attribute's name, perhaps numbered or with its
 * other-language name in brackets ("Kesesuaian", "b) Observabilitas", "Keuntungan relatif
 * (relative advantage)"): a section heading even in lower case and as a single word, which
 * `isHeadingText` does not take for one.
 */
export function namesOnly(text: string, namer: Namer): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 100 || t.includes('\n') || /[.!?;:,]$/.test(t) || !namer.any(t)) return false;
  let rest = t;
  for (const code of namer.named(t)) {
    for (let at = namer.where(rest, code); at; at = namer.where(rest, code)) rest = rest.slice(0, at.start) + ' ' + rest.slice(at.end);
  }
  const left = rest.replace(/[\s\p{P}\p{S}]/gu, '');
  return left === '' || /^(?:[a-zA-Z]|[ivxIVX]+|\d+)$/.test(left);
}

/** The top-level codes a heading is about: those it names, and those its words fire. */
function headingTopics(heading: string, matcher: Matcher, namer: Namer): ReadonlySet<string> {
  const out = namer.named(heading);
  for (const m of matcher.match(heading, 0, [{ start: 0, end: heading.length }])) out.add(topCode(m.code));
  return out;
}

/** Codes one segment into `out`. `sourceText` (when known) is the whole text of its source. */
export function codeSegment(seg: Segment, matcher: Matcher, out: Coding[], sourceText?: string): void {
  const off = seg.span.start;
  const body = seg.body.start === seg.span.start && seg.body.end === seg.span.end ? seg.text : seg.text.slice(seg.body.start - off, seg.body.end - off);
  if (body.length === 0) return;
  const found = matcher.match(body, seg.body.start, seg.sentences);
  if (found.length === 0) return;
  // Offsets into `text` are absolute when it is the source, relative to the segment otherwise.
  const text = sourceText ?? seg.text;
  const base = sourceText === undefined ? off : 0;
  for (const m of found) {
    out.push(autoCoding(seg, m, excerptSpan(seg, m, text, base), text, base));
  }
}

function excerptSpan(seg: Segment, m: CodeMatch, text: string, base: number): Span {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of m.matches) {
    if (r.span.start < lo) lo = r.span.start;
    if (r.span.end > hi) hi = r.span.end;
  }
  if (lo === Infinity) return trimmed(seg.body, text, base);
  const sents = seg.sentences;
  if (sents.length > 0) {
    const first = sentenceAt(sents, lo);
    const last = sentenceAt(sents, Math.max(lo, hi - 1));
    if (first) lo = Math.min(lo, first.start);
    if (last) hi = Math.max(hi, last.end);
  }
  return trimmed({ start: Math.max(lo, seg.body.start), end: Math.min(hi, seg.body.end) }, text, base);
}

function sentenceAt(sents: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = sents.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sents[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = sents[lo]!;
  return s.start <= offset && offset < s.end ? s : undefined;
}

// Callers and tests that knew them here keep finding them.
export { autoCoding, MAX_QUOTE_CHARS } from './auto-coding.js';
