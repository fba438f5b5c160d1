import type { Codebook, CodeMatch, Matcher, Rule, RuleMatch, Valence } from '../model/codebook.js';
import type { Span } from '../model/span.js';
import { CONTRAST, PatternEngine, type TokenBuffer } from '../text/patterns.js';
import { effectiveValence, type EffectiveValence } from './valence.js';

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
    readonly role: typeof TERM | typeof SLOT | typeof UNLESS | typeof CUE,
    readonly rule: number,
    readonly slot: number,
    readonly code: number,
    readonly dir: 1 | -1,
  ) {}
}

interface Hit {
  first: number;
  last: number;
  slot: number;
}

interface CueHit {
  first: number;
  last: number;
  dir: 1 | -1;
  rule: number;
}

interface CompiledRule {
  rule: Rule;
  code: number;
  slots: number;
  re?: RegExp;
}

/** A candidate match of a rule, relative to the segment text. */
interface Candidate {
  start: number;
  end: number;
  rule: number;
}

const DEFAULT_NEGATION_WINDOW = 3;

export function compileCodebook(codebook: Codebook): Matcher {
  const langs = codebook.languages.length ? codebook.languages : (['id', 'en'] as const);
  const engine = new PatternEngine(langs, codebook.stemOverrides ?? {}, codebook.negation?.words ?? []);
  const negWindow = codebook.negation?.window ?? DEFAULT_NEGATION_WINDOW;
  const codes = codebook.codes;
  const valences: EffectiveValence[] = codes.map((c) => effectiveValence(c, codes));
  // Per pattern, what it does: fire a rule (a term or a near slot), cancel one, or cue a code.
  let fireUses: Use[][] = [];
  let unlessUses: Use[][] = [];
  let cueUses: Use[][] = [];
  const rules: CompiledRule[] = [];

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
      if (rule.kind === 'terms') for (const t of rule.terms ?? []) use(t, new Use(TERM, ri, 0, ci, 1));
      if (rule.kind === 'near') {
        const slots = rule.near ?? [];
        cr.slots = slots.length;
        slots.forEach((alts, k) => alts.forEach((t) => use(t, new Use(SLOT, ri, k, ci, 1))));
      }
      if (rule.kind === 'regex' && rule.regex !== undefined) {
        try {
          const flags = new Set((rule.flags ?? 'i').split(''));
          flags.add('g');
          cr.re = new RegExp(rule.regex, [...flags].join(''));
        } catch {
          // The loader reports invalid patterns; a compiled matcher simply skips them.
        }
      }
      for (const t of [...(rule.unless ?? []), ...(code.unless ?? [])]) use(t, new Use(UNLESS, ri, 0, ci, 1));
      for (const t of rule.more ?? []) use(t, new Use(CUE, ri, 0, ci, 1));
      for (const t of rule.less ?? []) use(t, new Use(CUE, ri, 0, ci, -1));
    }
    // Code-level cues are kept on the code that states them; its descendants read them too.
    for (const t of code.valence?.more ?? []) use(t, new Use(CUE, -1, 0, ci, 1));
    for (const t of code.valence?.less ?? []) use(t, new Use(CUE, -1, 0, ci, -1));
  });
  // Dense arrays (one entry per pattern) keep element access on the fast path.
  const EMPTY_USES: Use[] = [];
  const dense = (a: Use[][]): Use[][] => Array.from({ length: engine.patternCount }, (_, p) => a[p] ?? EMPTY_USES);
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
  const ruleHits: Hit[][] = Array.from({ length: R }, () => []);
  const unlessStamp = new Int32Array(R);
  const unlessHits: Hit[][] = Array.from({ length: R }, () => []);
  const unlessSentStamp = new Int32Array(R);
  const unlessSents: number[][] = new Array<number[]>(R);
  // Marks the sentences in the scope of the valence being decided (a counter, so no clearing).
  let scopeStamp = new Int32Array(64);
  let scopeMark = 0;
  const cueStamp = new Int32Array(C);
  const cueHits: CueHit[][] = Array.from({ length: C }, () => []);

  // Occurrences of the current call, as parallel arrays (pattern, first token, last token).
  let occP = new Int32Array(1024);
  let occF = new Int32Array(1024);
  let occL = new Int32Array(1024);
  let occN = 0;
  const record = (p: number, first: number, last: number): void => {
    if (occN === occP.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      occP = grow(occP);
      occF = grow(occF);
      occL = grow(occL);
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
    for (const ri of active) {
      ruleHits[ri] = [];
      for (const c of lineage[rules[ri]!.code]!) codeStamp[c] = call;
    }
    for (const c of candidates) for (const a of lineage[rules[c.rule]!.code]!) codeStamp[a] = call;
    for (let k = 0; k < occN; k++) {
      const p = occP[k]!;
      const first = occF[k]!;
      const last = occL[k]!;
      const fire = fireUses[p]!;
      for (let j = 0; j < fire.length; j++) {
        const u = fire[j]!;
        if (ruleStamp[u.rule] === call) ruleHits[u.rule]!.push({ first, last, slot: u.slot });
      }
      const unless = unlessUses[p]!;
      for (let j = 0; j < unless.length; j++) {
        const u = unless[j]!;
        if (ruleStamp[u.rule] !== call && !(regexCode[u.rule] && codeStamp[rules[u.rule]!.code] === call)) continue;
        if (unlessStamp[u.rule] !== call) {
          unlessStamp[u.rule] = call;
          unlessHits[u.rule] = [];
        }
        unlessHits[u.rule]!.push({ first, last, slot: 0 });
      }
      const cue = cueUses[p]!;
      for (let j = 0; j < cue.length; j++) {
        const u = cue[j]!;
        if (codeStamp[u.code] !== call) continue;
        if (cueStamp[u.code] !== call) {
          cueStamp[u.code] = call;
          cueHits[u.code] = [];
        }
        cueHits[u.code]!.push({ first, last, dir: u.dir, rule: u.rule });
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
        matches.push({ ruleId: rule.id, span: { start: base + c.start, end: base + c.end }, text: text.slice(c.start, c.end) });
      }
      let hits: CueHit[] = [];
      for (const a of lineage[ci]!) if (cueStamp[a] === call) hits = hits.length ? hits.concat(cueHits[a]!) : cueHits[a]!;
      const { valence, cues } = decideValence(ci, list, fired, buf, text, base, sentences, sentenceOf, hits);
      out.push({ code: codes[ci]!.id, valence, score: Math.round(score * 100) / 100, matches, cues });
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
    const hits = ruleHits[ri]!;
    if (cr.rule.kind === 'terms') {
      for (const h of hits) out.push({ start: buf.starts[h.first]!, end: buf.ends[h.last]!, rule: ri });
      return;
    }
    if (cr.rule.kind !== 'near' || cr.slots < 1) return;
    const bySlot: Hit[][] = [];
    for (let k = 0; k < cr.slots; k++) bySlot.push([]);
    for (const h of hits) bySlot[h.slot]!.push(h);
    if (bySlot.some((s) => s.length === 0)) return;
    const window = cr.rule.window ?? 5;
    const sameSentence = cr.rule.scope === 'sentence';
    // Hits come in token order (by first token), so the partners of a hit lie in a band of the
    // other slot's list: found by binary search, then read in the same order as a full scan
    // (the first hit at the smallest gap wins), which keeps a long turn linear, not quadratic.
    const reach: number[] = [];
    for (let k = 0; k < cr.slots; k++) {
      let widest = 0;
      for (const b of bySlot[k]!) if (b.last - b.first > widest) widest = b.last - b.first;
      reach.push(widest);
    }
    for (const a of bySlot[0]!) {
      let first = a.first;
      let last = a.last;
      let ok = true;
      for (let k = 1; k < cr.slots && ok; k++) {
        let best: Hit | undefined;
        let bestGap = Infinity;
        const list = bySlot[k]!;
        // A hit before `a` is within the window only if its last token is, so its first token is
        // at most `reach` further back; a hit after `a` starts at most `window` tokens after it.
        const from = firstHitFrom(list, a.first - window - reach[k]!);
        const until = a.last + window;
        for (let j = from; j < list.length; j++) {
          const b = list[j]!;
          if (b.first > until) break;
          if (b.last >= a.first && b.first <= a.last) continue; // one word cannot fill two slots
          const gap = b.first > a.last ? b.first - a.last : a.first - b.last;
          if (gap > window || gap >= bestGap) continue;
          if (sameSentence && sentenceOf(buf.starts[b.first]!) !== sentenceOf(buf.starts[a.first]!)) continue;
          best = b;
          bestGap = gap;
        }
        if (!best) ok = false;
        else {
          first = Math.min(first, best.first);
          last = Math.max(last, best.last);
        }
      }
      if (ok) out.push({ start: buf.starts[first]!, end: buf.ends[last]!, rule: ri });
    }
  }

  function collectRegexRule(ri: number, text: string, out: Candidate[]): void {
    const re = rules[ri]!.re!;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ start: m.index, end: m.index + m[0].length, rule: ri });
    }
  }

  function unlessAllows(c: Candidate, buf: TokenBuffer, sentenceOf: (rel: number) => number): boolean {
    if (unlessStamp[c.rule] !== call) return true;
    const hits = unlessHits[c.rule]!;
    if (hits.length === 0) return true;
    if (rules[c.rule]!.rule.scope !== 'sentence') return false;
    // The sentences holding an exclusion, sorted once per rule and call: one binary search per candidate.
    if (unlessSentStamp[c.rule] !== call) {
      unlessSentStamp[c.rule] = call;
      const list = hits.map((h) => sentenceOf(buf.starts[h.first]!));
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

  function decideValence(
    ci: number,
    matches: readonly Candidate[],
    fired: number,
    buf: TokenBuffer,
    text: string,
    base: number,
    sentences: readonly Span[],
    sentenceOf: (rel: number) => number,
    hits: readonly CueHit[],
  ): { valence: Valence; cues: RuleMatch[] } {
    const spec = valences[ci]!;
    if (hits.length === 0) return { valence: spec.default, cues: [] };
    // Cues count in the sentences of the matches, and in a following sentence that opens with
    // a contrast word (`Servernya sering down. Tapi sekarang sudah lancar.`).
    const mark = ++scopeMark;
    if (sentences.length > scopeStamp.length) scopeStamp = new Int32Array(Math.max(sentences.length, scopeStamp.length * 2));
    const inScopeSentence = (si: number): boolean => scopeStamp[si] === mark;
    const scope: number[] = [];
    for (const m of matches) {
      const si = sentenceOf(m.start);
      if (!inScopeSentence(si)) {
        scopeStamp[si] = mark;
        scope.push(si);
      }
    }
    if (sentences.length > 0) {
      for (let k = 0, n = scope.length; k < n; k++) {
        const next = sentences[scope[k]! + 1];
        if (!next || inScopeSentence(scope[k]! + 1)) continue;
        const t = firstTokenFrom(buf, next.start - base);
        if (t < buf.count && buf.starts[t]! < next.end - base && buf.words[t]!.flags & CONTRAST) {
          scopeStamp[scope[k]! + 1] = mark;
          scope.push(scope[k]! + 1);
        }
      }
    }
    const inScope: CueHit[] = [];
    for (const h of hits) {
      if (h.rule !== -1 && firedStamp[h.rule] !== fired) continue;
      if (scope.length === 1 && sentences.length === 0) inScope.push(h);
      else if (inScopeSentence(sentenceOf(buf.starts[h.first]!))) inScope.push(h);
    }
    if (inScope.length > 1) sortSmall(inScope, byCuePosition);
    // A cue inside a longer cue (`lancar` in `sudah lancar`) counts once.
    const cues: CueHit[] = [];
    for (const h of inScope) {
      const prev = cues[cues.length - 1];
      if (prev && h.first >= prev.first && h.last <= prev.last) continue;
      cues.push(h);
    }
    if (cues.length === 0) return { valence: spec.default, cues: [] };

    // Read the passage afresh after each contrast word: the last part with cues decides.
    let group = 0;
    let ct = 0;
    const contrasts = contrastTokens(buf);
    const decided: { dir: number; from: number; to: number; negated: boolean; group: number }[] = [];
    for (let ci = 0; ci < cues.length; ci++) {
      const c = cues[ci]!;
      for (; ct < contrasts.length && contrasts[ct]! < c.first; ct++) if (inScopeSentence(sentenceOf(buf.starts[contrasts[ct]!]!))) group++;
      const floor = sentences.length ? Math.max(0, sentences[sentenceOf(buf.starts[c.first]!)]!.start - base) : 0;
      let neg = engine.negatedAt(buf, text, c.first, negWindow, floor);
      // A negation belongs to the nearest cue or matched term after it: in `tanpa kontak fisik
      // ini pas`, tanpa negates the contact, not the fit.
      if (neg >= 0 && (cueBetween(cues, ci, neg, buf) || matchBetween(matches, buf.ends[neg]!, buf.starts[c.first]!))) neg = -1;
      decided.push({ dir: neg >= 0 ? -c.dir : c.dir, from: neg >= 0 ? neg : c.first, to: c.last, negated: neg >= 0, group });
    }
    const lastGroup = decided[decided.length - 1]!.group;
    const final = decided.filter((d) => d.group === lastGroup);
    let sum = 0;
    for (const d of final) sum += d.dir;
    const dir = sum !== 0 ? Math.sign(sum) : final[final.length - 1]!.dir;
    const valence = (spec.inverted ? -dir : dir) as Valence;
    const cueMatches = final.map((d) => {
      const start = buf.starts[d.from]!;
      const end = buf.ends[d.to]!;
      return { ruleId: d.dir > 0 ? 'cue:more' : 'cue:less', span: { start: base + start, end: base + end }, text: text.slice(start, end) };
    });
    return { valence: (valence === 0 ? 0 : valence) as Valence, cues: cueMatches };
  }

  return { codebook, match };
}

const byNumber = (a: number, b: number): number => a - b;

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
const byCuePosition = (a: CueHit, b: CueHit): number => a.first - b.first || b.last - a.last;

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

/**
 * Whether another cue lies wholly between the negation token `neg` and cue `ci`. Cues are sorted
 * by first token and none holds another, so only the cues just before `ci` that start after the
 * negation can: a backward walk of at most the negation window.
 */
function cueBetween(cues: readonly CueHit[], ci: number, neg: number, buf: TokenBuffer): boolean {
  const to = buf.starts[cues[ci]!.first]!;
  for (let j = ci - 1; j >= 0 && cues[j]!.first > neg; j--) if (buf.ends[cues[j]!.last]! <= to) return true;
  return false;
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

/** Index of the first hit whose first token is at or after `token` (hits sorted by first token). */
function firstHitFrom(hits: readonly Hit[], token: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.first < token) lo = mid + 1;
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
