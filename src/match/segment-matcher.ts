import type { CodeMatch, RuleMatch, Valence } from '../model/codebook.js';
import type { Span } from '../model/span.js';
import { sharedCopy } from '../util/detach.js';
import { widened } from '../util/typed-arrays.js';
import { CONTRAST, type TokenBuffer } from './patterns.js';
import { SLOT, TERM, type CompiledCodebook } from './compiled-codebook.js';
import { CueScratch } from './cue-scratch.js';
import { HitLists } from './hit-lists.js';
import { byNumber, sortNumbers, sortSmall } from './small-sort.js';
import { firstFrom, firstTokenFrom, holds, matchBetween, sentenceLocator } from './segment-search.js';

/** A candidate match of a rule, relative to the segment text. */
interface Candidate {
  start: number;
  end: number;
  rule: number;
  /** The one token the match is, or -1 (several tokens, or a regex). */
  token: number;
}

const NO_SENTENCES: readonly Span[] = [];
const NO_SENTENCE_OF = (): number => 0;

/**
 * Matches segments against a compiled codebook. The method, in `matchSegment`: find the rules
 * that can fire, collect their candidate matches (terms, near rules, regexes), drop those an
 * `unless` term excludes, then give each code that matched one CodeMatch whose valence the cues
 * around its matches decide (`decideValence`).
 *
 * Speed: one instance serves every segment of a run, and all per-segment state lives in typed
 * arrays it keeps (stamped with the call number, so nothing is cleared or allocated per segment):
 * half of all tokens carry an occurrence, and per-hit objects made most of the garbage.
 */
export class SegmentMatcher {
  // The current call: its number stamps every per-rule and per-code mark below.
  private call = 0;
  private buf!: TokenBuffer;
  private text = '';
  private base = 0;
  private sentences: readonly Span[] = NO_SENTENCES;
  private sentenceOf: (rel: number) => number = NO_SENTENCE_OF;

  // Occurrences of the call's patterns as parallel arrays (pattern, first token, last token).
  private occP = new Int32Array(1024);
  private occF = new Int32Array(1024);
  private occL = new Int32Array(1024);
  private occN = 0;

  // Per rule: active in this call; which slots of a near rule were seen (evaluated when all were).
  private readonly ruleStamp: Int32Array;
  private readonly slotStamp: Int32Array;
  private readonly slotMask: Int32Array;
  // Per code: in the lineage of an active rule (so its cues are read); grouped in this call.
  private readonly codeStamp: Int32Array;
  private readonly groupStamp: Int32Array;
  private readonly groups: Candidate[][];
  // Marks the rules that fired for the code being assembled (a counter, so no clearing).
  private readonly firedStamp: Int32Array;
  private fireMark = 0;

  // Hits as (occurrence, slot) per rule, (occurrence) per excluded rule, (occurrence, use id) per code.
  private readonly ruleHits: HitLists;
  private readonly unlessHits: HitLists;
  private readonly cueHits: HitLists;
  // Per rule: the sorted sentences holding an exclusion, built once per call.
  private readonly unlessSentStamp: Int32Array;
  private readonly unlessSents: number[][];

  // Near rules: each slot's hits (first and last token) laid out slot after slot; per slot (at
  // most 31, the bits of a mask) where its hits start, the next free place, its widest hit.
  private slotF = new Int32Array(256);
  private slotL = new Int32Array(256);
  private readonly slotFrom = new Int32Array(33);
  private readonly slotFill = new Int32Array(32);
  private readonly slotReach = new Int32Array(32);

  // Valence: the sentences in scope (a stamp per sentence and their list), the cues in scope.
  private scopeStamp = new Int32Array(64);
  private scopeList = new Int32Array(64);
  private scopeMark = 0;
  private scopeN = 0;
  private readonly cues = new CueScratch();
  // The call's contrast-word tokens, found once however many codes decide a valence.
  private contrastCall = 0;
  private readonly contrastList: number[] = [];
  /** The valence decided by the last call of decideValence. */
  private decidedValence: Valence = 0;

  constructor(private readonly c: CompiledCodebook) {
    const R = c.rules.length;
    const C = c.codes.length;
    this.ruleStamp = new Int32Array(R);
    this.slotStamp = new Int32Array(R);
    this.slotMask = new Int32Array(R);
    this.firedStamp = new Int32Array(R);
    this.unlessSentStamp = new Int32Array(R);
    this.unlessSents = new Array<number[]>(R);
    this.codeStamp = new Int32Array(C);
    this.groupStamp = new Int32Array(C);
    this.groups = new Array<Candidate[]>(C);
    this.ruleHits = new HitLists(R);
    this.unlessHits = new HitLists(R);
    this.cueHits = new HitLists(C);
  }

  /** Match `text`, which starts at offset `base` of its source (spans returned are absolute). */
  match(text: string, base: number, sentences: readonly Span[]): CodeMatch[] {
    this.call++;
    this.text = text;
    this.base = base;
    this.sentences = sentences;
    this.buf = this.c.engine.scan(text);
    this.occN = 0;
    this.c.engine.occurrences(this.buf, this.record);
    this.ruleHits.clear();
    this.unlessHits.clear();
    this.cueHits.clear();
    const out = this.matchSegment();
    // Not kept past the call: a long segment's text would stay alive until the next one.
    this.text = '';
    this.sentences = NO_SENTENCES;
    this.sentenceOf = NO_SENTENCE_OF;
    return out;
  }

  /** The method: rules that can fire → their candidates → exclusions → one match per code. */
  private matchSegment(): CodeMatch[] {
    const active = this.activeRules();
    const candidates: Candidate[] = [];
    for (const ri of this.c.regexRules) this.collectRegexRule(ri, candidates);
    if (active.length === 0 && candidates.length === 0) return [];
    this.collectHits(active, candidates);
    this.sentenceOf = sentenceLocator(this.sentences, this.base);
    if (active.length > 1) sortNumbers(active);
    for (const ri of active) this.collectTokenRule(ri, candidates);
    if (candidates.length === 0) return [];
    const out: CodeMatch[] = [];
    for (const ci of this.groupByCode(candidates)) out.push(this.codeMatch(ci));
    return out;
  }

  /** Keeps one occurrence of a pattern (the engine's callback), growing the arrays as needed. */
  private readonly record = (p: number, first: number, last: number): void => {
    if (this.occN === this.occP.length) {
      this.occP = widened(this.occP);
      this.occF = widened(this.occF);
      this.occL = widened(this.occL);
    }
    this.occP[this.occN] = p;
    this.occF[this.occN] = first;
    this.occL[this.occN] = last;
    this.occN++;
  };

  /** Pass 1, no allocation but the list: which rules can fire (a term seen, or every slot of a near rule). */
  private activeRules(): number[] {
    const { fireUses, fullMask } = this.c;
    const { ruleStamp, slotStamp, slotMask, occP, occN, call } = this;
    const active: number[] = [];
    for (let k = 0; k < occN; k++) {
      const fire = fireUses[occP[k]!]!;
      for (let j = 0; j < fire.length; j++) {
        const u = fire[j]!;
        if (u.role === TERM) {
          if (ruleStamp[u.rule] !== call) {
            ruleStamp[u.rule] = call;
            active.push(u.rule);
          }
        } else if (u.role === SLOT) {
          if (slotStamp[u.rule] !== call) {
            slotStamp[u.rule] = call;
            slotMask[u.rule] = 0;
          }
          slotMask[u.rule]! |= 1 << u.slot;
          if (slotMask[u.rule] === fullMask[u.rule] && ruleStamp[u.rule] !== call) {
            ruleStamp[u.rule] = call;
            active.push(u.rule);
          }
        }
      }
    }
    return active;
  }

  /**
   * Pass 2, only for what can fire: the hits of active rules, their exclusions, and the cues of
   * their codes and of those codes' ancestors (a regex candidate's code counts as active).
   */
  private collectHits(active: readonly number[], regexCandidates: readonly Candidate[]): void {
    const { fireUses, unlessUses, cueUses, rules, lineage, isRegex } = this.c;
    const { ruleStamp, codeStamp, ruleHits, unlessHits, cueHits, occP, occN, call } = this;
    for (const ri of active) for (const c of lineage[rules[ri]!.code]!) codeStamp[c] = call;
    for (const c of regexCandidates) for (const a of lineage[rules[c.rule]!.code]!) codeStamp[a] = call;
    for (let k = 0; k < occN; k++) {
      const p = occP[k]!;
      const fire = fireUses[p]!;
      for (let j = 0; j < fire.length; j++) {
        const u = fire[j]!;
        if (ruleStamp[u.rule] === call) ruleHits.push(u.rule, k, u.slot, call);
      }
      const unless = unlessUses[p]!;
      for (let j = 0; j < unless.length; j++) {
        const u = unless[j]!;
        if (ruleStamp[u.rule] !== call && !(isRegex[u.rule] && codeStamp[rules[u.rule]!.code] === call)) continue;
        unlessHits.push(u.rule, k, 0, call);
      }
      const cue = cueUses[p]!;
      for (let j = 0; j < cue.length; j++) {
        const u = cue[j]!;
        if (codeStamp[u.code] !== call) continue;
        cueHits.push(u.code, k, u.id, call);
      }
    }
  }

  /** Every match of a regex rule is a candidate: regexes see the text, not the tokens, so they run on every segment. */
  private collectRegexRule(ri: number, out: Candidate[]): void {
    this.c.rules[ri]!.re!.forEachMatch(this.text, (start, end) => out.push({ start, end, rule: ri, token: -1 }));
  }

  /** The candidates of an active term or near rule, from its hits. */
  private collectTokenRule(ri: number, out: Candidate[]): void {
    const cr = this.c.rules[ri]!;
    if (cr.rule.kind === 'terms') this.termCandidates(ri, out);
    else if (cr.rule.kind === 'near' && cr.slots >= 1 && this.layOutSlots(ri, cr.slots)) this.nearCandidates(ri, out);
  }

  /** Every hit of a terms rule is a candidate. */
  private termCandidates(ri: number, out: Candidate[]): void {
    const { ruleHits: hits, occF, occL, buf, call } = this;
    for (let h = hits.first(ri, call); h !== -1; h = hits.next[h]!) {
      const k = hits.a[h]!;
      const first = occF[k]!;
      const last = occL[k]!;
      out.push({ start: buf.starts[first]!, end: buf.ends[last]!, rule: ri, token: first === last ? first : -1 });
    }
  }

  /**
   * Lays a near rule's hits out slot after slot in slotF/slotL (each slot's in token order),
   * with slotFrom[k] where slot k starts and slotReach[k] its widest hit. False if a slot is empty.
   */
  private layOutSlots(ri: number, S: number): boolean {
    const { ruleHits: hits, occF, occL, call, slotFrom: from, slotFill: fill, slotReach: reach } = this;
    from.fill(0, 0, S + 1);
    for (let h = hits.first(ri, call); h !== -1; h = hits.next[h]!) from[hits.b[h]! + 1]!++;
    for (let k = 0; k < S; k++) {
      if (from[k + 1] === 0) return false;
      from[k + 1]! += from[k]!;
    }
    const total = from[S]!;
    if (this.slotF.length < total) {
      this.slotF = new Int32Array(total * 2);
      this.slotL = new Int32Array(total * 2);
    }
    const { slotF, slotL } = this;
    for (let k = 0; k < S; k++) fill[k] = from[k]!;
    for (let h = hits.first(ri, call); h !== -1; h = hits.next[h]!) {
      const k = hits.a[h]!;
      const at = fill[hits.b[h]!]!++;
      slotF[at] = occF[k]!;
      slotL[at] = occL[k]!;
    }
    for (let k = 0; k < S; k++) {
      let widest = 0;
      for (let j = from[k]!; j < from[k + 1]!; j++) if (slotL[j]! - slotF[j]! > widest) widest = slotL[j]! - slotF[j]!;
      reach[k] = widest;
    }
    return true;
  }

  /** A near rule matches where each hit of its first slot has a partner in every other slot. */
  private nearCandidates(ri: number, out: Candidate[]): void {
    const { slotF, slotL, slotFrom: from, buf } = this;
    const S = this.c.rules[ri]!.slots;
    for (let ai = from[0]!; ai < from[1]!; ai++) {
      let first = slotF[ai]!;
      let last = slotL[ai]!;
      let k = 1;
      for (; k < S; k++) {
        const best = this.nearestPartner(ri, k, slotF[ai]!, slotL[ai]!);
        if (best < 0) break;
        first = Math.min(first, slotF[best]!);
        last = Math.max(last, slotL[best]!);
      }
      if (k === S) out.push({ start: buf.starts[first]!, end: buf.ends[last]!, rule: ri, token: first === last ? first : -1 });
    }
  }

  /**
   * The hit of slot k nearest the first slot's hit aFirst…aLast within the rule's window, or -1.
   * Hits come in token order, so the partners lie in a band of the slot's list: found by binary
   * search, then read in the same order as a full scan (the first hit at the smallest gap wins),
   * which keeps a long turn linear, not quadratic.
   */
  private nearestPartner(ri: number, k: number, aFirst: number, aLast: number): number {
    const rule = this.c.rules[ri]!.rule;
    const window = rule.window ?? 5;
    const sameSentence = rule.scope === 'sentence';
    const { slotF, slotL, slotFrom: from, buf } = this;
    let best = -1;
    let bestGap = Infinity;
    // A hit before `a` is within the window only if its last token is, so its first token is
    // at most `reach` further back; a hit after `a` starts at most `window` tokens after it.
    const until = aLast + window;
    for (let j = firstFrom(slotF, from[k]!, from[k + 1]!, aFirst - window - this.slotReach[k]!); j < from[k + 1]!; j++) {
      const bFirst = slotF[j]!;
      const bLast = slotL[j]!;
      if (bFirst > until) break;
      if (bLast >= aFirst && bFirst <= aLast) continue; // one word cannot fill two slots
      const gap = bFirst > aLast ? bFirst - aLast : aFirst - bLast;
      if (gap > window || gap >= bestGap) continue;
      if (sameSentence && this.sentenceOf(buf.starts[bFirst]!) !== this.sentenceOf(buf.starts[aFirst]!)) continue;
      best = j;
      bestGap = gap;
    }
    return best;
  }

  /** The codes with a candidate no `unless` term excludes, in codebook order; their candidates in `groups`. */
  private groupByCode(candidates: readonly Candidate[]): number[] {
    const { groupStamp, groups, call } = this;
    const rules = this.c.rules;
    const codes: number[] = [];
    for (const c of candidates) {
      const ci = rules[c.rule]!.code;
      if (!this.unlessAllows(c)) continue;
      if (groupStamp[ci] !== call) {
        groupStamp[ci] = call;
        groups[ci] = [];
        codes.push(ci);
      }
      groups[ci]!.push(c);
    }
    if (codes.length > 1) sortNumbers(codes);
    return codes;
  }

  /** Whether no `unless` term of the candidate's rule is in its scope (the segment, or its sentence). */
  private unlessAllows(c: Candidate): boolean {
    const hits = this.unlessHits;
    if (hits.first(c.rule, this.call) === -1) return true;
    if (this.c.rules[c.rule]!.rule.scope !== 'sentence') return false;
    // The sentences holding an exclusion, sorted once per rule and call: one binary search per candidate.
    if (this.unlessSentStamp[c.rule] !== this.call) {
      this.unlessSentStamp[c.rule] = this.call;
      const list: number[] = [];
      for (let h = hits.first(c.rule, this.call); h !== -1; h = hits.next[h]!) list.push(this.sentenceOf(this.buf.starts[this.occF[hits.a[h]!]!]!));
      list.sort(byNumber);
      this.unlessSents[c.rule] = list;
    }
    return !holds(this.unlessSents[c.rule]!, this.sentenceOf(c.start));
  }

  /** Code `ci`'s match: its distinct candidates in order, their summed weight, the valence its cues decide. */
  private codeMatch(ci: number): CodeMatch {
    const list = this.groups[ci]!;
    if (list.length > 1) sortSmall(list, byPosition);
    const { buf, text, base } = this;
    const matches: RuleMatch[] = [];
    const fired = ++this.fireMark;
    let score = 0;
    let prev: Candidate | undefined;
    for (const c of list) {
      if (prev && prev.start === c.start && prev.end === c.end) continue;
      prev = c;
      this.firedStamp[c.rule] = fired;
      const rule = this.c.rules[c.rule]!.rule;
      score += rule.weight;
      // A one-word match's text is the word as the word cache holds it: no slice to look up.
      const matched = c.token >= 0 ? buf.words[c.token]!.surface : sharedSlice(text, c.start, c.end);
      matches.push({ ruleId: rule.id, span: { start: base + c.start, end: base + c.end }, text: matched });
    }
    const cues = this.decideValence(ci, list, fired);
    // Exact-size copies: an array grown by push keeps room for 17 elements, and every coding
    // keeps its matches and cues to the end of the run.
    return {
      code: this.c.codes[ci]!.id,
      valence: this.decidedValence,
      score: Math.round(score * 100) / 100,
      matches: matches.slice(),
      cues: cues.length ? cues.slice() : cues,
    };
  }

  /**
   * Decides code `ci`'s valence (left in decidedValence) and returns the cues that decided it:
   * the cues of the code and its ancestors in the matches' sentences, each turned round by a
   * negation before it; after a contrast word the passage is read afresh, so the last part with
   * cues decides, by the sign of their sum.
   */
  private decideValence(ci: number, matches: readonly Candidate[], fired: number): RuleMatch[] {
    const spec = this.c.valences[ci]!;
    this.decidedValence = spec.default;
    if (!this.hasCues(ci)) return [];
    const mark = this.markScope(matches);
    this.collectCues(ci, fired, mark);
    this.cues.sortAndDropNested();
    if (this.cues.n === 0) return [];
    this.readCues(matches, mark);
    const from = this.cues.lastGroupFrom();
    const dir = this.cues.direction(from);
    const valence = spec.inverted ? -dir : dir;
    this.decidedValence = (valence === 0 ? 0 : valence) as Valence;
    return this.cueMatches(from);
  }

  /** The code and its ancestors, nearest first: a code reads its ancestors' cues too. */
  private lineage(ci: number): readonly number[] {
    return this.c.lineage[ci]!;
  }

  /** Whether any cue of the code or its ancestors occurs in the segment at all: most codes have none. */
  private hasCues(ci: number): boolean {
    for (const a of this.lineage(ci)) if (this.cueHits.first(a, this.call) !== -1) return true;
    return false;
  }

  /**
   * Stamps the sentences where cues count: those of the matches, and a following sentence that
   * opens with a contrast word (`Servernya sering down. Tapi sekarang sudah lancar.`).
   */
  private markScope(matches: readonly Candidate[]): number {
    const { sentences, buf, base } = this;
    const mark = ++this.scopeMark;
    if (sentences.length + 1 > this.scopeStamp.length) this.scopeStamp = new Int32Array(Math.max(sentences.length + 1, this.scopeStamp.length * 2));
    if (sentences.length + 1 > this.scopeList.length) this.scopeList = new Int32Array(Math.max(sentences.length + 1, this.scopeList.length * 2));
    const { scopeStamp, scopeList } = this;
    let n = 0;
    for (const m of matches) {
      const si = this.sentenceOf(m.start);
      if (scopeStamp[si] !== mark) {
        scopeStamp[si] = mark;
        scopeList[n++] = si;
      }
    }
    if (sentences.length > 0) {
      for (let k = 0, found = n; k < found; k++) {
        const si = scopeList[k]! + 1;
        const next = sentences[si];
        if (!next || scopeStamp[si] === mark) continue;
        const t = firstTokenFrom(buf, next.start - base);
        if (t < buf.count && buf.starts[t]! < next.end - base && buf.words[t]!.flags & CONTRAST) {
          scopeStamp[si] = mark;
          scopeList[n++] = si;
        }
      }
    }
    this.scopeN = n;
    return mark;
  }

  /** The cues in scope into the scratch: the code's own, then its ancestors' (the order ties keep). */
  private collectCues(ci: number, fired: number, mark: number): void {
    const { cueHits, occF, occL, firedStamp, scopeStamp, buf, call } = this;
    const uses = this.c.uses;
    const whole = this.scopeN === 1 && this.sentences.length === 0;
    this.cues.n = 0;
    for (const a of this.lineage(ci)) {
      for (let h = cueHits.first(a, call); h !== -1; h = cueHits.next[h]!) {
        const u = uses[cueHits.b[h]!]!;
        // A rule's own cues count only when that rule fired for this code.
        if (u.rule !== -1 && firedStamp[u.rule] !== fired) continue;
        const k = cueHits.a[h]!;
        const first = occF[k]!;
        if (!whole && scopeStamp[this.sentenceOf(buf.starts[first]!)] !== mark) continue;
        this.cues.add(first, occL[k]!, u.dir);
      }
    }
  }

  /** Per kept cue: its direction after a negation, the token it counts from, its contrast group. */
  private readCues(matches: readonly Candidate[], mark: number): void {
    const { buf, text, base, sentences, cues, scopeStamp } = this;
    const contrasts = this.contrastTokens();
    let group = 0;
    let ct = 0;
    for (let j = 0; j < cues.n; j++) {
      const first = cues.first[j]!;
      for (; ct < contrasts.length && contrasts[ct]! < first; ct++) if (scopeStamp[this.sentenceOf(buf.starts[contrasts[ct]!]!)] === mark) group++;
      const floor = sentences.length ? Math.max(0, sentences[this.sentenceOf(buf.starts[first]!)]!.start - base) : 0;
      let neg = this.c.engine.negatedAt(buf, text, first, this.c.negWindow, floor);
      // A negation belongs to the nearest cue or matched term after it: in `tanpa kontak fisik
      // ini pas`, tanpa negates the contact, not the fit.
      if (neg >= 0 && (cues.between(j, neg, buf.starts, buf.ends) || matchBetween(matches, buf.ends[neg]!, buf.starts[first]!))) neg = -1;
      cues.decDir[j] = neg >= 0 ? -cues.dir[j]! : cues.dir[j]!;
      cues.decFrom[j] = neg >= 0 ? neg : first;
      cues.decGroup[j] = group;
    }
  }

  /** The call's contrast words, found once per call (walking every token per code made long turns slow). */
  private contrastTokens(): readonly number[] {
    const list = this.contrastList;
    if (this.contrastCall === this.call) return list;
    this.contrastCall = this.call;
    list.length = 0;
    const { buf } = this;
    for (let t = 0; t < buf.count; t++) if (buf.words[t]!.flags & CONTRAST) list.push(t);
    return list;
  }

  /** The deciding cues `from`… as matches (a negated cue's span starts at its negation). */
  private cueMatches(from: number): RuleMatch[] {
    const { buf, text, base, cues } = this;
    const out: RuleMatch[] = [];
    for (let j = from; j < cues.n; j++) {
      const start = buf.starts[cues.decFrom[j]!]!;
      const end = buf.ends[cues.last[j]!]!;
      const cueText = cues.decFrom[j] === cues.last[j] ? buf.words[cues.decFrom[j]!]!.surface : sharedSlice(text, start, end);
      out.push({ ruleId: cues.decDir[j]! > 0 ? 'cue:more' : 'cue:less', span: { start: base + start, end: base + end }, text: cueText });
    }
    return out;
  }
}

const byPosition = (a: Candidate, b: Candidate): number => a.start - b.start || b.end - a.end || a.rule - b.rule;

/** The text of a match or cue: a shared copy, since every coding keeps it to the end of a run. */
function sharedSlice(text: string, start: number, end: number): string {
  return sharedCopy(text.slice(start, end));
}
