import type { SourceKind } from './source.js';
import type { Lang } from './codebook.js';

/** One entry of study.yaml `sources`: a glob and the defaults it gives the files it matches. */
export interface SourceSpec {
  glob: string;
  kind?: SourceKind;
  role?: string;
  group?: string;
  informant?: string;
  /** For files that cannot carry front matter (vtt, srt, csv, docx, pdf): the date and title. */
  date?: string;
  title?: string;
  /** Where the glob is written in study.yaml (1-based), for diagnostics about what it matched. */
  line: number;
  column?: number;
  /** Where `informant` is written, for a diagnostic about an unknown id. */
  informantAt?: { line: number; column: number };
}

export type MergeMode = 'manual-only' | 'auto-only' | 'union' | 'manual-overrides-auto';

export interface Study {
  /** Absolute path of the study folder. */
  root: string;
  /** Absolute path of study.yaml. */
  file: string;
  title: string;
  case: string;
  language: Lang;
  /** Absolute path of the codebook YAML. */
  codebook: string;
  /** Absolute path of informants.csv. */
  informants: string;
  sources: SourceSpec[];
  /** study.yaml `variables:` (year, region, kind of office…): what a cross-case comparison may order cases by. */
  variables: Record<string, string | number>;
  /** study.yaml keys for later stages (coding, verdicts, …), kept as written. */
  settings: Record<string, unknown>;
  /** Files outside the study folder may be read (the command's --allow-outside); never by default. */
  allowOutside: boolean;
}
