import type { Span } from './span.js';

export type Lang = 'id' | 'en';
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
}

export interface Codebook {
  id: string;
  version: string;
  languages: Lang[];
  codes: Code[];
  /** Path of the YAML file it was loaded from, for the audit trail. */
  file: string;
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
