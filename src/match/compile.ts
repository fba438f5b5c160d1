import type { Codebook, CodeMatch, Matcher, Rule, RuleMatch, Valence } from '../model/codebook.js';
import type { Span } from '../model/span.js';
import { CONTRAST, PatternEngine, type EngineSnapshot, type TokenBuffer } from './patterns.js';
import { sharedCopy } from '../util/detach.js';
import { widened } from '../util/typed-arrays.js';
import { effectiveValence, type EffectiveValence } from '../codebook/effective-valence.js';
import { attachedEngine, attachedStems } from './tables.js';
import { primeStems } from './stem.js';
import { LinearRegex } from './linear-regex.js';

/**
 * Compile a codebook into a Matcher. Every term, phrase, glob, `near` alternative, `unless`
 * term and valence cue becomes a pattern of one shared PatternEngine; each pattern knows which
 * rules and codes use it, so a segment costs one pass over its tokens plus work proportional to
 * what actually matched, whatever the size of the codebook. Only regex rules run per segment.
 */

const TERM = 0;
const SLOT = 1;
const UNLESS = 2;
const CUE = 3;

/** One thing a pattern does. A class, so every Use has one shape and field reads stay monomorphic. */
class Use {
  constructor(
    /** Index in the compiled codebook's list of uses, so a hit can name its use with a number. */
    readonly id: number,
    readonly role: typeof TERM | typeof SLOT | typeof UNLESS | typeof CUE,
    readonly rule: number,
    readonly slot: number,
    readonly code: number,
    readonly dir: 1 | -1,
  ) {}
}

interface CompiledRule {
  rule: Rule;
  code: number;
  slots: number;
  re?: LinearRegex;
}

/** A candidate match of a rule, relative to the segment text. */
interface Candidate {
  start: number;
  end: number;
  rule: number;
  /** The one token the match is, or -1 (several tokens, or a regex). */
  token: number;
}

const DEFAULT_NEGATION_WINDOW = 3;

const engines = new WeakMap<Matcher, PatternEngine>();

/** The pattern engine of a compiled matcher, as data (for the codebook cache's tables). */
export function engineSnapshot(matcher: Matcher): EngineSnapshot | undefined {
  return engines.get(matcher)?.snapshot();
}

export function compileCodebook(codebook: Codebook): Matcher {
  const langs = codebook.languages.length ? codebook.languages : (['id', 'en'] as const);
  const stems = attachedStems(codebook);
  if (stems) primeStems(stems);
  const snapshot = attachedEngine(codebook);
  const engine = snapshot
    ? PatternEngine.restore(snapshot, langs, codebook.stemOverrides ?? {}, codebook.negation?.words ?? [])
    : new PatternEngine(langs, codebook.stemOverrides ?? {}, codebook.negation?.words ?? []);
  const negWindow = codebook.negation?.window ?? DEFAULT_NEGATION_WINDOW;
  const codes = codebook.codes;
  const valences: EffectiveValence[] = codes.map((c) => effectiveValence(c, codes));
  // Per pattern, what it does: fire a rule (a term or a near slot), cancel one, or cue a code.
  let fireUses: Use[][] = [];
  let unlessUses: Use[][] = [];
  let cueUses: Use[][] = [];
  const rules: CompiledRule[] = [];
  const allUses: Use[] = [];
  const newUse = (role: Use['role'], rule: number, slot: number, code: number, dir: 1 | -1): Use => {
    const u = new Use(allUses.length, role, rule, slot, code, dir);
    allUses.push(u);
    return u;
  };

  const use = (term: string, u: Use): void => {
    for (const alt of term.split('|')) {
      if (alt.trim() === '') continue;
      const p = engine.add(alt);
      if (p === undefined) continue;
      const bucket = u.role === CUE ? cueUses : u.role === UNLESS ? unlessUses : fireUses;
      (bucket[p] ??= []).push(u);
    }
  };

  codes.forEach((code, ci) => {
    for (const rule of code.rules ?? []) {
      const ri = rules.length;
      const cr: CompiledRule = { rule, code: ci, slots: 0 };
      rules.push(cr);
      if (rule.kind === 'terms') for (const t of rule.terms ?? []) use(t, newUse(TERM, ri, 0, ci, 1));
      if (rule.kind === 'near') {
        const slots = rule.near ?? [];
        cr.slots = slots.length;
        slots.forEach((alts, k) => alts.forEach((t) => use(t, newUse(SLOT, ri, k, ci, 1))));
      }
      if (rule.kind === 'regex' && rule.regex !== undefined) {
        // The loader reports patterns the linear-time engine refuses; a compiled matcher skips them.
        const compiled = LinearRegex.compile(rule.regex, rule.flags ?? 'i');
        if ('regex' in compiled) cr.re = compiled.regex;
      }
      for (const t of [...(rule.unless ?? []), ...(code.unless ?? [])]) use(t, newUse(UNLESS, ri, 0, ci, 1));
      for (const t of rule.more ?? []) use(t, newUse(CUE, ri, 0, ci, 1));
      for (const t of rule.less ?? []) use(t, newUse(CUE, ri, 0, ci, -1));
    }
    // Code-level cues are kept on the code that states them; its descendants read them too.
    for (const t of code.valence?.more ?? []) use(t, newUse(CUE, -1, 0, ci, 1));
    for (const t of code.valence?.less ?? []) use(t, newUse(CUE, -1, 0, ci, -1));
  });
  // Dense arrays (one entry per pattern) keep element access on the fast path.
  const EMPTY_USES: Use[] = [];
  const dense = (a: Use[][]): Use[][] => {
    const out = new Array<Use[]>(engine.patternCount);
    for (let p = 0; p < out.length; p++) out[p] = a[p] ?? EMPTY_USES;
    return out;
  };
  fireUses = dense(fireUses);
  unlessUses = dense(unlessUses);
  cueUses = dense(cueUses);

  // Each code with its ancestors, nearest first, for cue lookup.
  const lineage: number[][] = codes.map((c) => {
    const out: number[] = [];
    for (let id: string | undefined = c.id; id; ) {
      const i = codes.findIndex((x) => x.id === id);
      if (i < 0) break;
      out.push(i);
      id = codes[i]!.parent;
    }
    return out;
  });
  const regexRules = rules.map((r, i) => (r.re ? i : -1)).filter((i) => i >= 0);
  const R = rules.length;
  const C = codes.length;
  let call = 0;
  const ruleStamp = new Int32Array(R);
  // Which slots of a near rule have been seen in this call: the rule is only evaluated when all have.
  const slotStamp = new Int32Array(R);
  const slotMask = new Int32Array(R);
  const fullMask = Int32Array.from(rules, (r) => (r.slots > 0 ? (1 << r.slots) - 1 : 0));
  const regexCode = rules.map((r) => r.re !== undefined);
  const codeStamp = new Int32Array(C);
  const groupStamp = new Int32Array(C);
  const groups: Candidate[][] = new Array<Candidate[]>(C);
  // Marks the rules that fired for the code being assembled (a counter, so no clearing).
  const firedStamp = new Int32Array(R);
  let fireMark = 0;
  // A call's hits live in typed arrays (an occurrence index into occP/occF/occL, and a slot or a
  // use id), not in objects and arrays per hit: half of all tokens carry an occurrence, and
  // per-hit objects made most of the matcher's garbage.
  const ruleHits = new HitLists(R);
  const unlessHits = new HitLists(R);
  const unlessSentStamp = new Int32Array(R);
  const unlessSents: number[][] = new Array<number[]>(R);
  // Marks the sentences in the scope of the valence being decided (a counter, so no clearing).
  let scopeStamp = new Int32Array(64);
  let scopeMark = 0;
  // Per code: the occurrences that cue it, with the id of the Use (direction, rule) of each.
  const cueHits = new HitLists(C);
  // Scratch for near rules: each slot's hits (first and last token), in token order.
  let slotF = new Int32Array(256);
  let slotL = new Int32Array(256);
  // Per slot of the near rule being read (at most 31, the bits of a mask): where its hits start
  // in slotF/slotL, the next free place while filling, and its widest hit in tokens.
  const slotFrom = new Int32Array(33);
  const slotFill = new Int32Array(32);
  const slotReach = new Int32Array(32);

  // Occurrences of the current call, as parallel arrays (pattern, first token, last token).
  let occP = new Int32Array(1024);
  let occF = new Int32Array(1024);
  let occL = new Int32Array(1024);
  let occN = 0;
  const record = (p: number, first: number, last: number): void => {
    if (occN === occP.length) {
      occP = widened(occP);
      occF = widened(occF);
      occL = widened(occL);
    }
    occP[occN] = p;
    occF[occN] = first;
    occL[occN] = last;
    occN++;
  };

  function match(text: string, base: number, sentences: readonly Span[]): CodeMatch[] {
    call++;
    const buf = engine.scan(text);
    occN = 0;
    engine.occurrences(buf, record);
    ruleHits.clear();
    unlessHits.clear();
    cueHits.clear();

    // Pass 1, no allocation: which rules can fire (a term seen, or every slot of a near rule).
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
    const candidates: Candidate[] = [];
    for (const ri of regexRules) collectRegexRule(ri, text, candidates);
    if (active.length === 0 && candidates.length === 0) return [];

    // Pass 2, only for what can fire: hits of active rules, their exclusions, the cues of their
    // codes and of those codes' ancestors.
    for (const ri of active) for (const c of lineage[rules[ri]!.code]!) codeStamp[c] = call;
    for (const c of candidates) for (const a of lineage[rules[c.rule]!.code]!) codeStamp[a] = call;
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
        if (ruleStamp[u.rule] !== call && !(regexCode[u.rule] && codeStamp[rules[u.rule]!.code] === call)) continue;
        unlessHits.push(u.rule, k, 0, call);
      }
      const cue = cueUses[p]!;
      for (let j = 0; j < cue.length; j++) {
        const u = cue[j]!;
        if (codeStamp[u.code] !== call) continue;
        cueHits.push(u.code, k, u.id, call);
      }
    }

    const sentenceOf = sentenceLocator(sentences, base);
    if (active.length > 1) sortNumbers(active);
    for (const ri of active) collectTokenRule(ri, buf, sentenceOf, candidates);
    if (candidates.length === 0) return [];

    // Group surviving candidates by code, in codebook order.
    const groupCodes: number[] = [];
    for (const c of candidates) {
      const ci = rules[c.rule]!.code;
      if (!unlessAllows(c, buf, sentenceOf)) continue;
      if (groupStamp[ci] !== call) {
        groupStamp[ci] = call;
        groups[ci] = [];
        groupCodes.push(ci);
      }
      groups[ci]!.push(c);
    }
    if (groupCodes.length > 1) sortNumbers(groupCodes);
    const out: CodeMatch[] = [];
    for (const ci of groupCodes) {
      const list = groups[ci]!;
      if (list.length > 1) sortSmall(list, byPosition);
      const matches: RuleMatch[] = [];
      const fired = ++fireMark;
      let score = 0;
      let prev: Candidate | undefined;
      for (const c of list) {
        if (prev && prev.start === c.start && prev.end === c.end) continue;
        prev = c;
        firedStamp[c.rule] = fired;
        const rule = rules[c.rule]!.rule;
        score += rule.weight;
        // A one-word match's text is the word as the word cache holds it: no slice to look up.
        const matched = c.token >= 0 ? buf.words[c.token]!.surface : sharedSlice(text, c.start, c.end);
        matches.push({ ruleId: rule.id, span: { start: base + c.start, end: base + c.end }, text: matched });
      }
      const cues = decideValence(ci, list, fired, buf, text, base, sentences, sentenceOf);
      // Exact-size copies: an array grown by push keeps room for 17 elements, and every coding
      // keeps its matches and cues to the end of the run.
      out.push({ code: codes[ci]!.id, valence: decidedValence, score: Math.round(score * 100) / 100, matches: matches.slice(), cues: cues.length ? cues.slice() : cues });
    }
    return out;
  }

  // The contrast words of the current call's tokens, found once per call however many codes
  // decide a valence (walking every token per code made long turns slow).
  let contrastCall = 0;
  const contrastList: number[] = [];
  function contrastTokens(buf: TokenBuffer): readonly number[] {
    if (contrastCall === call) return contrastList;
    contrastCall = call;
    contrastList.length = 0;
    const words = buf.words;
    for (let t = 0; t < buf.count; t++) if (words[t]!.flags & CONTRAST) contrastList.push(t);
    return contrastList;
  }

  function collectTokenRule(ri: number, buf: TokenBuffer, sentenceOf: (rel: number) => number, out: Candidate[]): void {
    const cr = rules[ri]!;
    const hits = ruleHits;
    if (cr.rule.kind === 'terms') {
      for (let h = hits.first(ri, call); h !== -1; h = hits.next[h]!) {
        const k = hits.a[h]!;
        const first = occF[k]!;
        const last = occL[k]!;
        out.push({ start: buf.starts[first]!, end: buf.ends[last]!, rule: ri, token: first === last ? first : -1 });
      }
      return;
    }
    if (cr.rule.kind !== 'near' || cr.slots < 1) return;
    // Each slot's hits, in token order, laid out one slot after another in slotF/slotL.
    const S = cr.slots;
    const from = slotFrom;
    from.fill(0, 0, S + 1);
    for (let h = hits.first(ri, call); h !== -1; h = hits.next[h]!) from[hits.b[h]! + 1]!++;
    for (let k = 0; k < S; k++) {
      if (from[k + 1] === 0) return;
      from[k + 1]! += from[k]!;
    }
    const total = from[S]!;
    if (slotF.length < total) {
      slotF = new Int32Array(total * 2);
      slotL = new Int32Array(total * 2);
    }
    const fill = slotFill;
    for (let k = 0; k < S; k++) fill[k] = from[k]!;
    for (let h = hits.first(ri, call); h !== -1; h = hits.next[h]!) {
      const k = hits.a[h]!;
      const at = fill[hits.b[h]!]!++;
      slotF[at] = occF[k]!;
      slotL[at] = occL[k]!;
    }
    const window = cr.rule.window ?? 5;
    const sameSentence = cr.rule.scope === 'sentence';
    // Hits come in token order (by first token), so the partners of a hit lie in a band of the
    // other slot's list: found by binary search, then read in the same order as a full scan
    // (the first hit at the smallest gap wins), which keeps a long turn linear, not quadratic.
    const reach = slotReach;
    for (let k = 0; k < S; k++) {
      let widest = 0;
      for (let j = from[k]!; j < from[k + 1]!; j++) if (slotL[j]! - slotF[j]! > widest) widest = slotL[j]! - slotF[j]!;
      reach[k] = widest;
    }
    for (let ai = from[0]!; ai < from[1]!; ai++) {
      const aFirst = slotF[ai]!;
      const aLast = slotL[ai]!;
      let first = aFirst;
      let last = aLast;
      let ok = true;
      for (let k = 1; k < S && ok; k++) {
        let best = -1;
        let bestGap = Infinity;
        // A hit before `a` is within the window only if its last token is, so its first token is
        // at most `reach` further back; a hit after `a` starts at most `window` tokens after it.
        const until = aLast + window;
        for (let j = firstFrom(slotF, from[k]!, from[k + 1]!, aFirst - window - reach[k]!); j < from[k + 1]!; j++) {
          const bFirst = slotF[j]!;
          const bLast = slotL[j]!;
          if (bFirst > until) break;
          if (bLast >= aFirst && bFirst <= aLast) continue; // one word cannot fill two slots
          const gap = bFirst > aLast ? bFirst - aLast : aFirst - bLast;
          if (gap > window || gap >= bestGap) continue;
          if (sameSentence && sentenceOf(buf.starts[bFirst]!) !== sentenceOf(buf.starts[aFirst]!)) continue;
          best = j;
          bestGap = gap;
        }
        if (best < 0) ok = false;
        else {
          first = Math.min(first, slotF[best]!);
          last = Math.max(last, slotL[best]!);
        }
      }
      if (ok) out.push({ start: buf.starts[first]!, end: buf.ends[last]!, rule: ri, token: first === last ? first : -1 });
    }
  }

  function collectRegexRule(ri: number, text: string, out: Candidate[]): void {
    rules[ri]!.re!.forEachMatch(text, (start, end) => out.push({ start, end, rule: ri, token: -1 }));
  }

  function unlessAllows(c: Candidate, buf: TokenBuffer, sentenceOf: (rel: number) => number): boolean {
    if (unlessHits.first(c.rule, call) === -1) return true;
    if (rules[c.rule]!.rule.scope !== 'sentence') return false;
    // The sentences holding an exclusion, sorted once per rule and call: one binary search per candidate.
    if (unlessSentStamp[c.rule] !== call) {
      unlessSentStamp[c.rule] = call;
      const list: number[] = [];
      for (let h = unlessHits.first(c.rule, call); h !== -1; h = unlessHits.next[h]!) list.push(sentenceOf(buf.starts[occF[unlessHits.a[h]!]!]!));
      list.sort(byNumber);
      unlessSents[c.rule] = list;
    }
    const list = unlessSents[c.rule]!;
    const s = sentenceOf(c.start);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    return !(lo < list.length && list[lo] === s);
  }

  // Scratch for decideValence, reused by every call: the sentences in scope, then the cues in
  // scope (first and last token, direction), then what each decides (direction, first and last
  // token with a negation, contrast group). Plain typed arrays, so deciding makes no garbage.
  let scopeList = new Int32Array(64);
  let cueFirst = new Int32Array(64);
  let cueLast = new Int32Array(64);
  let cueDir = new Int32Array(64);
  let decFrom = new Int32Array(64);
  let decGroup = new Int32Array(64);
  let decDir = new Int32Array(64);
  // Grows while cues are being collected, so what is collected so far moves along.
  const ensureCueRoom = (n: number): void => {
    if (n <= cueFirst.length) return;
    const size = Math.max(n, cueFirst.length * 2);
    cueFirst = widened(cueFirst, size);
    cueLast = widened(cueLast, size);
    cueDir = widened(cueDir, size);
    decFrom = widened(decFrom, size);
    decGroup = widened(decGroup, size);
    decDir = widened(decDir, size);
  };
  /** The valence decided by the last call of decideValence. */
  let decidedValence: Valence = 0;

  /** Decides the valence of code `ci` (left in decidedValence) and returns the cues that decided it. */
  function decideValence(
    ci: number,
    matches: readonly Candidate[],
    fired: number,
    buf: TokenBuffer,
    text: string,
    base: number,
    sentences: readonly Span[],
    sentenceOf: (rel: number) => number,
  ): RuleMatch[] {
    const spec = valences[ci]!;
    decidedValence = spec.default;
    const cued = lineage[ci]!;
    let anyCue = false;
    for (const a of cued) if (cueHits.first(a, call) !== -1) anyCue = true;
    if (!anyCue) return [];
    // Cues count in the sentences of the matches, and in a following sentence that opens with
    // a contrast word (`Servernya sering down. Tapi sekarang sudah lancar.`).
    const mark = ++scopeMark;
    if (sentences.length + 1 > scopeStamp.length) scopeStamp = new Int32Array(Math.max(sentences.length + 1, scopeStamp.length * 2));
    if (sentences.length + 1 > scopeList.length) scopeList = new Int32Array(Math.max(sentences.length + 1, scopeList.length * 2));
    let scopeN = 0;
    for (const m of matches) {
      const si = sentenceOf(m.start);
      if (scopeStamp[si] !== mark) {
        scopeStamp[si] = mark;
        scopeList[scopeN++] = si;
      }
    }
    if (sentences.length > 0) {
      for (let k = 0, n = scopeN; k < n; k++) {
        const si = scopeList[k]! + 1;
        const next = sentences[si];
        if (!next || scopeStamp[si] === mark) continue;
        const t = firstTokenFrom(buf, next.start - base);
        if (t < buf.count && buf.starts[t]! < next.end - base && buf.words[t]!.flags & CONTRAST) {
          scopeStamp[si] = mark;
          scopeList[scopeN++] = si;
        }
      }
    }
    // The code's own cues, then its ancestors' (the order ties keep in the stable sort below).
    let n = 0;
    const whole = scopeN === 1 && sentences.length === 0;
    for (const a of cued) {
      for (let h = cueHits.first(a, call); h !== -1; h = cueHits.next[h]!) {
        const u = allUses[cueHits.b[h]!]!;
        if (u.rule !== -1 && firedStamp[u.rule] !== fired) continue;
        const k = cueHits.a[h]!;
        const first = occF[k]!;
        if (!whole && scopeStamp[sentenceOf(buf.starts[first]!)] !== mark) continue;
        ensureCueRoom(n + 1);
        cueFirst[n] = first;
        cueLast[n] = occL[k]!;
        cueDir[n] = u.dir;
        n++;
      }
    }
    sortCues(n);
    // A cue inside a longer cue (`lancar` in `sudah lancar`) counts once.
    let kept = 0;
    for (let j = 0; j < n; j++) {
      if (kept > 0 && cueFirst[j]! >= cueFirst[kept - 1]! && cueLast[j]! <= cueLast[kept - 1]!) continue;
      cueFirst[kept] = cueFirst[j]!;
      cueLast[kept] = cueLast[j]!;
      cueDir[kept] = cueDir[j]!;
      kept++;
    }
    if (kept === 0) return [];

    // Read the passage afresh after each contrast word: the last part with cues decides.
    let group = 0;
    let ct = 0;
    const contrasts = contrastTokens(buf);
    for (let j = 0; j < kept; j++) {
      const first = cueFirst[j]!;
      for (; ct < contrasts.length && contrasts[ct]! < first; ct++) if (scopeStamp[sentenceOf(buf.starts[contrasts[ct]!]!)] === mark) group++;
      const floor = sentences.length ? Math.max(0, sentences[sentenceOf(buf.starts[first]!)]!.start - base) : 0;
      let neg = engine.negatedAt(buf, text, first, negWindow, floor);
      // A negation belongs to the nearest cue or matched term after it: in `tanpa kontak fisik
      // ini pas`, tanpa negates the contact, not the fit.
      if (neg >= 0 && (cueBetween(j, neg, buf) || matchBetween(matches, buf.ends[neg]!, buf.starts[first]!))) neg = -1;
      decDir[j] = neg >= 0 ? -cueDir[j]! : cueDir[j]!;
      decFrom[j] = neg >= 0 ? neg : first;
      decGroup[j] = group;
    }
    // Groups only grow, so the last group is a run at the end.
    const lastGroup = decGroup[kept - 1]!;
    let from = kept - 1;
    while (from > 0 && decGroup[from - 1] === lastGroup) from--;
    let sum = 0;
    for (let j = from; j < kept; j++) sum += decDir[j]!;
    const dir = sum !== 0 ? Math.sign(sum) : decDir[kept - 1]!;
    const valence = spec.inverted ? -dir : dir;
    decidedValence = (valence === 0 ? 0 : valence) as Valence;
    const cueMatches: RuleMatch[] = [];
    for (let j = from; j < kept; j++) {
      const start = buf.starts[decFrom[j]!]!;
      const end = buf.ends[cueLast[j]!]!;
      const cueText = decFrom[j] === cueLast[j] ? buf.words[decFrom[j]!]!.surface : sharedSlice(text, start, end);
      cueMatches.push({ ruleId: decDir[j]! > 0 ? 'cue:more' : 'cue:less', span: { start: base + start, end: base + end }, text: cueText });
    }
    return cueMatches;
  }

  /** Sorts the first n scratch cues by first token, longer first at equal starts; stable. */
  function sortCues(n: number): void {
    if (n > SMALL) {
      // A long turn can hold many cues: Array#sort (stable) on their indexes, not insertion.
      const order = Array.from({ length: n }, (_, i) => i);
      order.sort((x, y) => cueFirst[x]! - cueFirst[y]! || cueLast[y]! - cueLast[x]! || x - y);
      const f = order.map((i) => cueFirst[i]!);
      const l = order.map((i) => cueLast[i]!);
      const d = order.map((i) => cueDir[i]!);
      cueFirst.set(f);
      cueLast.set(l);
      cueDir.set(d);
      return;
    }
    for (let i = 1; i < n; i++) {
      const f = cueFirst[i]!;
      const l = cueLast[i]!;
      const d = cueDir[i]!;
      let j = i - 1;
      while (j >= 0 && (cueFirst[j]! > f || (cueFirst[j] === f && cueLast[j]! < l))) {
        cueFirst[j + 1] = cueFirst[j]!;
        cueLast[j + 1] = cueLast[j]!;
        cueDir[j + 1] = cueDir[j]!;
        j--;
      }
      cueFirst[j + 1] = f;
      cueLast[j + 1] = l;
      cueDir[j + 1] = d;
    }
  }

  /**
   * Whether another kept cue lies wholly between the negation token `neg` and cue `j`. Cues are
   * sorted by first token and none holds another, so only the cues just before `j` that start
   * after the negation can: a backward walk of at most the negation window.
   */
  function cueBetween(j: number, neg: number, buf: TokenBuffer): boolean {
    const to = buf.starts[cueFirst[j]!]!;
    for (let i = j - 1; i >= 0 && cueFirst[i]! > neg; i--) if (buf.ends[cueLast[i]!]! <= to) return true;
    return false;
  }

  const matcher: Matcher = { codebook, match };
  engines.set(matcher, engine);
  return matcher;
}

const byNumber = (a: number, b: number): number => a - b;

/** The text of a match or cue: a shared copy, since every coding keeps it to the end of a run. */
function sharedSlice(text: string, start: number, end: number): string {
  return sharedCopy(text.slice(start, end));
}

// The lists sorted per segment are short (a few rules, codes or cues), where Array#sort's call
// overhead dominates: an insertion sort (stable, like Array#sort) for them, Array#sort beyond.
const SMALL = 16;

function sortNumbers(a: number[]): void {
  if (a.length > SMALL) {
    a.sort(byNumber);
    return;
  }
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}

function sortSmall<T>(a: T[], cmp: (x: T, y: T) => number): void {
  if (a.length > SMALL) {
    a.sort(cmp);
    return;
  }
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && cmp(a[j]!, x) > 0) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}
const byPosition = (a: Candidate, b: Candidate): number => a.start - b.start || b.end - a.end || a.rule - b.rule;

/** Index of the sentence holding a relative offset (0 when the caller gave no sentences). */
function sentenceLocator(sentences: readonly Span[], base: number): (rel: number) => number {
  if (sentences.length === 0) return () => 0;
  return (rel) => {
    const abs = base + rel;
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= abs) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

/** Whether a match lies wholly within [from, to] (matches sorted by start). */
function matchBetween(matches: readonly Candidate[], from: number, to: number): boolean {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo; j < matches.length && matches[j]!.start <= to; j++) if (matches[j]!.end <= to) return true;
  return false;
}

/** Index in [lo, hi) of the first entry of `firsts` (sorted) at or after `token`. */
function firstFrom(firsts: Int32Array, lo: number, hi: number, token: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (firsts[mid]! < token) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstTokenFrom(buf: TokenBuffer, rel: number): number {
  let lo = 0;
  let hi = buf.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (buf.starts[mid]! < rel) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Lists of integer pairs (a, b) keyed by a small number (a rule, a code), appended in order and
 * read from `first(key)` along `next`, all in shared typed arrays: a list is empty until the
 * current call (a counter) first appends to it, so nothing is cleared or allocated per call.
 */
class HitLists {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  next = new Int32Array(1024);
  private n = 0;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly stamp: Int32Array;

  constructor(keys: number) {
    this.head = new Int32Array(keys);
    this.tail = new Int32Array(keys);
    this.stamp = new Int32Array(keys);
  }

  clear(): void {
    this.n = 0;
  }

  push(key: number, a: number, b: number, call: number): void {
    const h = this.n++;
    if (h === this.a.length) this.grow();
    this.a[h] = a;
    this.b[h] = b;
    this.next[h] = -1;
    if (this.stamp[key] !== call) {
      this.stamp[key] = call;
      this.head[key] = h;
    } else this.next[this.tail[key]!] = h;
    this.tail[key] = h;
  }

  /** The first entry of `key`'s list in this call, or -1. */
  first(key: number, call: number): number {
    return this.stamp[key] === call ? this.head[key]! : -1;
  }

  private grow(): void {
    this.a = widened(this.a);
    this.b = widened(this.b);
    this.next = widened(this.next);
  }
}
