import type { Code, Codebook, Rule } from '../model/codebook.js';
import { effectiveValence, type EffectiveValence } from '../codebook/effective-valence.js';
import { PatternEngine } from './patterns.js';
import { attachedEngine, attachedStems } from './tables.js';
import { primeStems } from './stem.js';
import { LinearRegex } from './linear-regex.js';

/**
 * A codebook compiled to plain data for the segment matcher. Every term, phrase, glob, `near`
 * alternative, `unless` term and valence cue becomes a pattern of one shared PatternEngine; each
 * pattern knows which rules and codes use it (its Uses), so a segment costs one pass over its
 * tokens plus work proportional to what actually matched, whatever the size of the codebook.
 */
export interface CompiledCodebook {
  readonly codes: readonly Code[];
  readonly engine: PatternEngine;
  /** How many tokens before a cue a negation word reaches. */
  readonly negWindow: number;
  /** Per code: its default valence and whether its cues read inverted. */
  readonly valences: readonly EffectiveValence[];
  readonly rules: readonly CompiledRule[];
  /** Every Use, by its id. */
  readonly uses: readonly Use[];
  /** Per pattern (dense, one entry each): the rules it fires, the rules it cancels, the codes it cues. */
  readonly fireUses: readonly (readonly Use[])[];
  readonly unlessUses: readonly (readonly Use[])[];
  readonly cueUses: readonly (readonly Use[])[];
  /** Each code with its ancestors, nearest first, for cue lookup. */
  readonly lineage: readonly (readonly number[])[];
  /** The rules that run a regex on every segment. */
  readonly regexRules: readonly number[];
  /** Per rule: the bit mask of a `near` rule with every slot seen (0 for other rules). */
  readonly fullMask: Int32Array;
  /** Per rule: whether it is a regex rule. */
  readonly isRegex: readonly boolean[];
}

export const TERM = 0;
export const SLOT = 1;
export const UNLESS = 2;
export const CUE = 3;
export type Role = typeof TERM | typeof SLOT | typeof UNLESS | typeof CUE;

/** One thing a pattern does. A class, so every Use has one shape and field reads stay monomorphic. */
export class Use {
  constructor(
    /** Index in the compiled codebook's list of uses, so a hit can name its use with a number. */
    readonly id: number,
    readonly role: Role,
    /** The rule it belongs to, or -1 (a cue stated on the code). */
    readonly rule: number,
    /** Which slot of a `near` rule it fills. */
    readonly slot: number,
    readonly code: number,
    /** A cue's direction: +1 `more`, -1 `less`. */
    readonly dir: 1 | -1,
  ) {}
}

export interface CompiledRule {
  rule: Rule;
  code: number;
  slots: number;
  re?: LinearRegex;
}

const DEFAULT_NEGATION_WINDOW = 3;

export function compileRules(codebook: Codebook): CompiledCodebook {
  const engine = patternEngine(codebook);
  const codes = codebook.codes;
  const { rules, uses, fire, unless, cue } = registerUses(codes, engine);
  return {
    codes,
    engine,
    negWindow: codebook.negation?.window ?? DEFAULT_NEGATION_WINDOW,
    valences: codes.map((c) => effectiveValence(c, codes)),
    rules,
    uses,
    fireUses: dense(fire, engine.patternCount),
    unlessUses: dense(unless, engine.patternCount),
    cueUses: dense(cue, engine.patternCount),
    lineage: lineages(codes),
    regexRules: rules.map((r, i) => (r.re ? i : -1)).filter((i) => i >= 0),
    fullMask: Int32Array.from(rules, (r) => (r.slots > 0 ? (1 << r.slots) - 1 : 0)),
    isRegex: rules.map((r) => r.re !== undefined),
  };
}

/** The codebook's pattern engine: restored from the cache's tables when they came with it, else new. */
function patternEngine(codebook: Codebook): PatternEngine {
  const langs = codebook.languages.length ? codebook.languages : (['id', 'en'] as const);
  const stems = attachedStems(codebook);
  if (stems) primeStems(stems);
  const snapshot = attachedEngine(codebook);
  const overrides = codebook.stemOverrides ?? {};
  const negation = codebook.negation?.words ?? [];
  return snapshot ? PatternEngine.restore(snapshot, langs, overrides, negation) : new PatternEngine(langs, overrides, negation);
}

/**
 * Every rule of every code, and per pattern what it does: fire a rule (a term or a near slot),
 * cancel one, or cue a code. Patterns are added in codebook order, always the same, so a cached
 * engine's pattern numbers still fit.
 */
function registerUses(codes: readonly Code[], engine: PatternEngine) {
  const fire: Use[][] = [];
  const unless: Use[][] = [];
  const cue: Use[][] = [];
  const rules: CompiledRule[] = [];
  const uses: Use[] = [];
  const use = (term: string, role: Role, rule: number, slot: number, code: number, dir: 1 | -1): void => {
    const u = new Use(uses.length, role, rule, slot, code, dir);
    uses.push(u);
    for (const alt of term.split('|')) {
      if (alt.trim() === '') continue;
      const p = engine.add(alt);
      if (p === undefined) continue;
      const bucket = role === CUE ? cue : role === UNLESS ? unless : fire;
      (bucket[p] ??= []).push(u);
    }
  };
  codes.forEach((code, ci) => {
    for (const rule of code.rules ?? []) {
      const ri = rules.length;
      const cr: CompiledRule = { rule, code: ci, slots: 0 };
      rules.push(cr);
      if (rule.kind === 'terms') for (const t of rule.terms ?? []) use(t, TERM, ri, 0, ci, 1);
      if (rule.kind === 'near') {
        const slots = rule.near ?? [];
        cr.slots = slots.length;
        slots.forEach((alts, k) => alts.forEach((t) => use(t, SLOT, ri, k, ci, 1)));
      }
      if (rule.kind === 'regex' && rule.regex !== undefined) {
        // The loader reports patterns the linear-time engine refuses; a compiled matcher skips them.
        const compiled = LinearRegex.compile(rule.regex, rule.flags ?? 'i');
        if ('regex' in compiled) cr.re = compiled.regex;
      }
      for (const t of [...(rule.unless ?? []), ...(code.unless ?? [])]) use(t, UNLESS, ri, 0, ci, 1);
      for (const t of rule.more ?? []) use(t, CUE, ri, 0, ci, 1);
      for (const t of rule.less ?? []) use(t, CUE, ri, 0, ci, -1);
    }
    // Code-level cues are kept on the code that states them; its descendants read them too.
    for (const t of code.valence?.more ?? []) use(t, CUE, -1, 0, ci, 1);
    for (const t of code.valence?.less ?? []) use(t, CUE, -1, 0, ci, -1);
  });
  return { rules, uses, fire, unless, cue };
}

const EMPTY_USES: readonly Use[] = [];

/** One entry per pattern, none missing: element reads of a dense array stay on V8's fast path. */
function dense(sparse: Use[][], patterns: number): (readonly Use[])[] {
  const out = new Array<readonly Use[]>(patterns);
  for (let p = 0; p < patterns; p++) out[p] = sparse[p] ?? EMPTY_USES;
  return out;
}

function lineages(codes: readonly Code[]): number[][] {
  return codes.map((c) => {
    const out: number[] = [];
    for (let id: string | undefined = c.id; id;) {
      const i = codes.findIndex((x) => x.id === id);
      if (i < 0) break;
      out.push(i);
      id = codes[i]!.parent;
    }
    return out;
  });
}
