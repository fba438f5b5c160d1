import type { Span } from './span.js';

/** The languages of labels, reports and codebooks: Indonesian and English. */
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type CodeGroup = 'attribute' | 'obstacle' | 'other';
export type Valence = -1 | 0 | 1;
/** Text in one or more languages, keyed by language code. */
export type Bilingual = Partial<Record<Lang, string>>;

/** Where something was written in a YAML file, for diagnostics (1-based). */
export interface YamlPos {
  line: number;
  column: number;
}

/** One code of the codebook tree. `id` is the dotted path, e.g. `relative_advantage.time_saving`. */
export interface Code {
  id: string;
  parent?: string;
  group: CodeGroup;
  label: Bilingual;
  definition: Bilingual;
  include: string[];
  exclude: string[];
  examples: string[];
  pos: YamlPos;
  /** Matching rules; a code without rules is only coded by hand. */
  rules?: Rule[];
  /** How the direction of evidence is read; sub-codes inherit what they leave out. */
  valence?: ValenceSpec;
  /** Terms or phrases that, when present in the segment, stop every rule of this code. */
  unless?: string[];
  /** `include`, `exclude` and `examples` per language, when the YAML gives them per language. */
  includeByLang?: Partial<Record<Lang, string[]>>;
  excludeByLang?: Partial<Record<Lang, string[]>>;
  examplesByLang?: Partial<Record<Lang, string[]>>;
}

export type RuleKind = 'terms' | 'near' | 'regex';
export type RuleScope = 'segment' | 'sentence';

/**
 * One matching rule. Terms are words, "multi word phrases" or globs (`kendala*`, `*rumit*`),
 * matched on stems; `near` needs one alternative of every slot within `window` words.
 */
export interface Rule {
  /** `<code>#<n>`, n counting the code's rules from 1. */
  id: string;
  kind: RuleKind;
  terms?: string[];
  /** Slots of alternatives, e.g. [["server"], ["down", "error", "lambat"]]. */
  near?: string[][];
  window?: number;
  regex?: string;
  flags?: string;
  /** Terms or phrases whose presence (in the rule's scope) cancels the match. */
  unless?: string[];
  scope: RuleScope;
  weight: number;
  /** Valence cues that count only around this rule's matches (see ValenceSpec). */
  more?: string[];
  less?: string[];
  pos: YamlPos;
}

/**
 * Cues say whether a passage speaks of more or less of what the code names; `inverted` says that
 * more of it counts against adoption (complexity, obstacles). A negation word shortly before a
 * cue flips it. Without cues the evidence gets `default`.
 */
export interface ValenceSpec {
  inverted?: boolean;
  default?: Valence;
  more?: string[];
  less?: string[];
}

export interface NegationSpec {
  /** Extra negation words, added to the built-in Indonesian and English ones. */
  words?: string[];
  /** How many words before a cue a negation still reaches (default 3). */
  window?: number;
}

export interface Codebook {
  id: string;
  version: string;
  languages: Lang[];
  codes: Code[];
  /** Path of the YAML file it was loaded from, for the audit trail. */
  file: string;
  title?: Bilingual;
  description?: Bilingual;
  /** Word → stem, for words the stemmer gets wrong (case-folded keys). */
  stemOverrides?: Record<string, string>;
  negation?: NegationSpec;
}

/** Which rule fired, and on which span of the source text. */
export interface RuleMatch {
  ruleId: string;
  span: Span;
  /** The surface text matched. */
  text: string;
}

/** The result of matching one piece of text against the compiled codebook, for one code. */
export interface CodeMatch {
  code: string;
  valence: Valence;
  /** Strength of the evidence, used to rank excerpts: higher is stronger. */
  score: number;
  matches: RuleMatch[];
  /** Valence cues that decided `valence`, with their spans. */
  cues: RuleMatch[];
}

/** A codebook compiled into an index; matching costs about the same per token whatever its size. */
export interface Matcher {
  codebook: Codebook;
  /**
   * Match `text`, which starts at offset `base` of its source, so returned spans are absolute.
   * `sentences` are absolute sentence spans inside the text, for rules scoped to a sentence.
   */
  match(text: string, base: number, sentences: readonly Span[]): CodeMatch[];
}
