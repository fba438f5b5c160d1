import { codingSetting } from '../study/coding-setting.js';
import { compileCodebook } from '../match/compile.js';
import { attachedCueEngine, attachEngine } from '../match/tables.js';
import type { Code, CodeMatch, Codebook, Matcher, RuleMatch, Valence } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Segment } from '../model/segment.js';
import type { Span } from '../model/span.js';
import { foldCase, tokenize, wordCharAt, wordEnd, type Token } from '../match/tokenize.js';
import { detached } from '../util/detach.js';
import { autoCoding } from './auto-coding.js';
import { isSpace } from './quote-context.js';
import { topCode } from './merge.js';

/**
 * Question context: interview guides are organised by attribute ("Menurut Bapak, apakah
 * aplikasinya mudah digunakan?"), and a researcher reads an answer in the light of the question
 * it answers. So when the codebook's rules place an interviewer turn under an attribute or an
 * obstacle, the informant turns that answer it are coded for that code too, even when the
 * answer's own words would not fire a rule ("Iya, gampang kok", "Belum, masih bingung").
 *
 * The direction comes from the answer: first from the code's own valence cues found in the
 * answer (so "gampang" is favourable for complexity, "bingung" unfavourable, with negation and
 * contrast read as usual); failing that, from a yes or no at the start of a reply to a real
 * question, which keeps or turns round the direction of the question itself ("Apakah ada
 * kendala?" – "Tidak ada." is favourable). A reply that only agrees with an interviewer's
 * statement ("Jadi sudah sesuai ya, Pak." – "Betul.") is not coded, as researchers do not
 * code confirmations; what the informant adds of their own is.
 *
 * Such codings keep `origin: 'rule'` (they are automatic and can be reviewed like any other)
 * and are traceable: their first match has rule id `question-context` and spans the question,
 * and the memo quotes the question (`qia code --explain` prints it).
 */

export const QUESTION_CONTEXT_RULE = 'question-context';

/** Score given to context codings: below any rule match, so direct evidence ranks first. */
const CONTEXT_SCORE = 0.5;
/** How much of an answer is read for its yes, no and cues. */
const ANSWER_SENTENCES = 3;
const ANSWER_HEAD_CHARS = 400;
/** How far into an answer its opening yes or no is looked for. */
const OPENER_CHARS = 60;
/** Longest stretch of a question quoted in the memo. */
const MEMO_CHARS = 160;

// Words that open a yes or a no. `ada`/`bisa`/`sudah` answer "ada…?", "bisa…?", "sudah…?".
// English short answers ("It did", "I was") count as yes; "didn't", "cannot" as no.
const YES = new Set([
  'iya',
  'iyaa',
  'ya',
  'yaa',
  'yoi',
  'betul',
  'benar',
  'bener',
  'sudah',
  'udah',
  'sdh',
  'tentu',
  'pasti',
  'ada',
  'bisa',
  'sangat',
  'yes',
  'yeah',
  'yep',
  'yup',
  'sure',
  'definitely',
  'absolutely',
  'certainly',
  'indeed',
  'mostly',
  'course',
  'did',
  'do',
  'does',
  'was',
  'is',
  'were',
  'have',
  'has',
  'can',
]);
const NO = new Set([
  'tidak',
  'tak',
  'tdk',
  'nggak',
  'ngga',
  'enggak',
  'engga',
  'gak',
  'ga',
  'ndak',
  'belum',
  'blm',
  'bukan',
  'kurang',
  'no',
  'nope',
  'not',
  'never',
  'hardly',
  'barely',
  'cannot',
]);
// Fillers and pronouns skipped before the yes or no ("Hmm, iya", "Oh, belum", "Well, no", "I did").
const FILLERS = new Set([
  'eh',
  'em',
  'emm',
  'hmm',
  'hm',
  'oh',
  'ooh',
  'wah',
  'nah',
  'jujur',
  'sebenarnya',
  'kalau',
  'pak',
  'bu',
  'mas',
  'mbak',
  'dik',
  'saya',
  'kami',
  'aku',
  'well',
  'um',
  'uh',
  'er',
  'erm',
  'honestly',
  'so',
  'oh',
  'i',
  'we',
  'it',
  'they',
  'that',
  'there',
]);
// Words that make an interviewer turn a question rather than a statement to confirm.
const QUESTION_WORDS = new Set([
  'apakah',
  'apa',
  'bagaimana',
  'gimana',
  'mengapa',
  'kenapa',
  'kapan',
  'siapa',
  'seberapa',
  'sejauh',
  'berapa',
  'adakah',
  'bisakah',
  'menurut',
  'how',
  'what',
  'why',
  'which',
  'whether',
]);
// English auxiliaries ask only when they open the turn or a clause ("Did it…", "…, is it easy").
const QUESTION_OPENERS = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'has', 'have', 'can', 'could', 'would', 'will', 'who', 'when']);

interface AskedCode {
  code: string;
  /** Direction of the question itself for this code (a question about difficulty reads −1). */
  valence: Valence;
}

interface Question {
  sourceId: string;
  segment: Segment;
  /** The question's body, trimmed, absolute in the source. */
  span: Span;
  text: string;
  isQuestion: boolean;
  codes: readonly AskedCode[];
}

interface QuestionReading {
  readonly codes: readonly AskedCode[];
  readonly isQuestion: boolean;
  /** Sentence breaks of the question, relative to its start, as start,end pairs. */
  readonly breaks: readonly number[];
}

/** How many distinct interviewer turns are remembered (a bound on memory, not a tuning knob). */
const READINGS_KEPT = 20_000;

/** Readings of interviewer turns by their text, per compiled codebook (one per sentence breaking). */
const questionReadings = new WeakMap<Matcher, Map<string, QuestionReading[]>>();

/** Cue matchers are built once per compiled codebook. */
const cueMatchers = new WeakMap<Matcher, Matcher>();

/**
 * Follows one source's segments in order: remembers the last interviewer question and the
 * codes the codebook places it under, and adds context codings to the informant turns that
 * answer it.
 */
export class QuestionContext {
  private question: Question | undefined;
  private readonly readings: Map<string, QuestionReading[]>;
  private readonly cues: Matcher;
  private readonly codable: ReadonlySet<string>;

  constructor(private readonly matcher: Matcher) {
    this.cues = cueMatcherOf(matcher);
    // Shared by every source coded with this matcher (`qia code` makes one QuestionContext per file).
    let readings = questionReadings.get(matcher);
    if (!readings) questionReadings.set(matcher, (readings = new Map()));
    this.readings = readings;
    this.codable = new Set(matcher.codebook.codes.filter((c) => !c.parent && c.group !== 'other').map((c) => c.id));
  }

  /** An interviewer turn: the question the next informant turns answer. */
  ask(seg: Segment, sourceText: string | undefined): void {
    const text = sourceText ?? seg.text;
    const base = sourceText === undefined ? seg.span.start : 0;
    const span = trimmedBody(seg, text, base);
    const body = text.slice(span.start - base, span.end - base);
    const read = this.readQuestion(seg, span, body);
    this.question = { sourceId: seg.sourceId, segment: seg, span, text: body, isQuestion: read.isQuestion, codes: read.codes };
  }

  /**
   * The codes a question is placed under and whether it asks. Interview guides repeat their
   * questions from one interview to the next, and interviewers their short turns ("Baik.",
   * "Bisa dijelaskan?"), so the reading is kept by the question's text and sentence breaks
   * (all the matcher sees of it) and not matched again.
   */
  private readQuestion(seg: Segment, span: Span, body: string): QuestionReading {
    const known = this.readings.get(body);
    if (known) for (const r of known) if (sameBreaks(r.breaks, seg.sentences, span.start)) return r;
    const codes: AskedCode[] = [];
    const seen = new Map<string, AskedCode>();
    for (const m of this.matcher.match(body, span.start, seg.sentences)) {
      const top = topCode(m.code);
      if (!this.codable.has(top)) continue;
      const had = seen.get(top);
      if (had) {
        if (had.valence === 0) had.valence = m.valence;
        continue;
      }
      const asked = { code: top, valence: m.valence };
      seen.set(top, asked);
      codes.push(asked);
    }
    const breaks: number[] = [];
    for (const s of seg.sentences) breaks.push(s.start - span.start, s.end - span.start);
    const reading = { codes, isQuestion: isQuestion(body), breaks };
    if (this.readings.size >= READINGS_KEPT) this.readings.clear();
    if (known) known.push(reading);
    // Keyed by a copy: a slice would keep the whole transcript alive while the reading is kept.
    else this.readings.set(detached(body), [reading]);
    return reading;
  }

  /**
   * An informant turn, already coded by the rules into `out` from index `from`: adds a coding
   * for each code of the question the rules did not find in it.
   */
  answer(seg: Segment, out: Coding[], from: number, sourceText: string | undefined): void {
    const q = this.question;
    if (!q || q.sourceId !== seg.sourceId || q.codes.length === 0) return;
    const text = sourceText ?? seg.text;
    const base = sourceText === undefined ? seg.span.start : 0;
    const body = trimmedBody(seg, text, base);
    if (body.end <= body.start) return;
    // A question names one to three codes: a scan of the answer's codings per code beats a set.
    let missing: AskedCode[] | undefined;
    for (const asked of q.codes) {
      let found = false;
      for (let i = from; i < out.length && !found; i++) found = topCode(out[i]!.code) === asked.code;
      if (!found) (missing ??= []).push(asked);
    }
    if (missing === undefined) return;
    // The answer to the question is in its first sentences; what follows is read by the rules.
    // Reading only those keeps the cost of context small beside the rules themselves.
    const head = answerHead(seg, body);
    const headText = text.slice(head.start - base, head.end - base);
    const cueMatches = new Map<string, CodeMatch>();
    for (const m of this.cues.match(headText, head.start, seg.sentences)) cueMatches.set(m.code, m);
    const opener = q.isQuestion ? yesNoOpener(headText, head.start) : undefined;
    for (const asked of missing) {
      const cued = cueMatches.get(asked.code);
      let valence: Valence;
      let cues: RuleMatch[];
      let span: Span;
      if (cued && cued.cues.length > 0) {
        valence = cued.valence;
        cues = cued.cues;
        span = sentencesAround(seg, cued.cues, body);
      } else if (opener) {
        valence = opener.yes ? asked.valence : (-asked.valence as Valence);
        cues = [{ ruleId: QUESTION_CONTEXT_RULE, span: opener.span, text: opener.text }];
        span = body;
      } else continue;
      const coding = autoCoding(
        seg,
        { code: asked.code, valence, matches: [{ ruleId: QUESTION_CONTEXT_RULE, span: q.span, text: q.text }], cues, score: CONTEXT_SCORE },
        span,
        text,
        base,
      );
      coding.memo = `${QUESTION_CONTEXT_RULE}: answer to ${q.segment.id} (line ${q.segment.line}) "${shorten(q.text)}"`;
      out.push(coding);
    }
  }
}

/**
 * A matcher holding one code per top-level code of the codebook, whose rules are that code's
 * valence cues (its own, its sub-codes' and its rules'), with the same direction settings: it
 * finds the direction of an answer that names no indicator, with negation and contrast handled
 * by the same engine as the codebook itself.
 */
export function cueMatcherOf(matcher: Matcher): Matcher {
  const known = cueMatchers.get(matcher);
  if (known) return known;
  const derived = cueCodebook(matcher.codebook);
  const tables = attachedCueEngine(matcher.codebook);
  if (tables) attachEngine(derived, tables);
  const compiled = compileCodebook(derived);
  cueMatchers.set(matcher, compiled);
  return compiled;
}

/** The codebook of cueMatcherOf: one code per top-level code, its valence cues as its terms. */
export function cueCodebook(cb: Codebook): Codebook {
  const codes: Code[] = [];
  for (const top of cb.codes) {
    if (top.parent || top.group === 'other') continue;
    const family = cb.codes.filter((c) => c.id === top.id || c.id.startsWith(`${top.id}.`));
    const more = new Set<string>();
    const less = new Set<string>();
    for (const c of family) {
      for (const w of c.valence?.more ?? []) more.add(w);
      for (const w of c.valence?.less ?? []) less.add(w);
      for (const r of c.rules ?? []) {
        for (const w of r.more ?? []) more.add(w);
        for (const w of r.less ?? []) less.add(w);
      }
    }
    const terms = [...new Set([...more, ...less])];
    if (terms.length === 0) continue;
    codes.push({
      id: top.id,
      group: top.group,
      label: top.label,
      definition: top.definition,
      include: [],
      exclude: [],
      examples: [],
      pos: top.pos,
      rules: [{ id: `${top.id}#cues`, kind: 'terms', terms, scope: 'segment', weight: 1, pos: top.pos }],
      valence: { inverted: top.valence?.inverted ?? false, default: 0, more: [...more], less: [...less] },
    });
  }
  const derived: Codebook = { id: `${cb.id}-cues`, version: cb.version, languages: cb.languages, codes, file: cb.file };
  if (cb.stemOverrides) derived.stemOverrides = cb.stemOverrides;
  if (cb.negation) derived.negation = cb.negation;
  return derived;
}

/** A question mark, or a question word anywhere, makes an interviewer turn a question. */
export function isQuestion(text: string): boolean {
  if (text.includes('?')) return true;
  const toks = tokenize(text);
  return toks.some((t, i) => QUESTION_WORDS.has(t.norm) || (QUESTION_OPENERS.has(t.norm) && (i === 0 || /[.,;:!]\s*$/.test(text.slice(0, t.start)))));
}

/** The yes or no a reply opens with, after fillers ("Hmm, iya…", "Oh, belum…", "Not really."). */
export function yesNoOpener(text: string, base = 0): { yes: boolean; span: Span; text: string } | undefined {
  // Only the opening words matter: the first five of at most OPENER_CHARS characters.
  const toks = openingTokens(text.length > OPENER_CHARS ? text.slice(0, OPENER_CHARS) : text, base, 5);
  for (let i = 0; i < toks.length && i < 4; i++) {
    const t: Token = toks[i]!;
    const w = t.norm;
    if (NO.has(w) || w.endsWith("n't") || w.endsWith('n\u2019t')) return { yes: false, span: { start: t.start, end: t.end }, text: t.text };
    if (YES.has(w)) {
      // "ya" is also a filler; "ya tidak" is a no.
      const next = toks[i + 1];
      if (next && NO.has(next.norm) && next.start - t.end <= 2)
        return { yes: false, span: { start: t.start, end: next.end }, text: text.slice(t.start - base, next.end - base) };
      return { yes: true, span: { start: t.start, end: t.end }, text: t.text };
    }
    if (!FILLERS.has(w)) return undefined;
  }
  return undefined;
}

/** Whether a remembered question's sentence breaks are those of `sentences` (absolute) from `start`. */
function sameBreaks(breaks: readonly number[], sentences: readonly Span[], start: number): boolean {
  if (breaks.length !== sentences.length * 2) return false;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (breaks[2 * i] !== s.start - start || breaks[2 * i + 1] !== s.end - start) return false;
  }
  return true;
}

/** The first `count` tokens of `text` (what tokenize gives, without reading further). */
function openingTokens(text: string, base: number, count: number): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < text.length && out.length < count;) {
    const w = wordCharAt(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    const end = wordEnd(text, i);
    const t = text.slice(i, end);
    out.push({ start: i + base, end: end + base, text: t, norm: foldCase(t) });
    i = end;
  }
  return out;
}

/** The first ANSWER_SENTENCES sentences of an answer (at most ANSWER_HEAD_CHARS characters). */
function answerHead(seg: Segment, body: Span): Span {
  let end = body.end;
  let n = 0;
  for (const s of seg.sentences) {
    if (s.end <= body.start) continue;
    if (++n === ANSWER_SENTENCES) {
      end = Math.min(end, s.end);
      break;
    }
  }
  return { start: body.start, end: Math.min(end, body.start + ANSWER_HEAD_CHARS) };
}

function trimmedBody(seg: Segment, text: string, base: number): Span {
  let start = seg.body.start;
  let end = seg.body.end;
  while (start < end && isSpace(text.charCodeAt(start - base))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1 - base))) end--;
  return { start, end };
}

/** From the sentence holding the first cue to the end of the one holding the last, inside the body. */
function sentencesAround(seg: Segment, cues: readonly RuleMatch[], body: Span): Span {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of cues) {
    lo = Math.min(lo, c.span.start);
    hi = Math.max(hi, c.span.end);
  }
  for (const s of seg.sentences) {
    if (s.start <= lo && lo < s.end) lo = s.start;
    if (s.start < hi && hi <= s.end) hi = s.end;
  }
  return { start: Math.max(lo, body.start), end: Math.min(hi, body.end) };
}

function shorten(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= MEMO_CHARS ? t : `${t.slice(0, MEMO_CHARS - 1)}…`;
}

/** study.yaml `coding: { question_context: false }` switches question context off; it is on otherwise. */
export function questionContextEnabled(settings: Readonly<Record<string, unknown>>): boolean {
  return codingSetting(settings, 'question_context') !== false;
}
