import type { Bilingual, CodeGroup, Lang, Valence } from '../model/codebook.js';
import type { Lean, Verdict, VerdictReason } from '../model/conclusion.js';
import type { ValenceCounts } from '../model/evidence.js';

/**
 * What a cross-case comparison keeps of one study: its conclusions per code with the counts,
 * the witnesses and a few quotes that trace each number back to lines. Never the codings
 * themselves, so a comparison of hundreds of studies holds hundreds of these and no more.
 */
export interface StudySummary {
  /** The study folder's name: how the comparison names the study. */
  id: string;
  title: string;
  /** study.yaml `case`: labels the study's rows. */
  case: string;
  language: Lang;
  /** study.yaml `variables:` (year, region, …). */
  variables: Record<string, string | number>;
  codebook: { id: string; version: string; path: string };
  counts: { sources: number; informants: number; codings: number };
  /** Every code of the study's codebook in codebook order, with what it means. */
  codes: CodeMeaning[];
  /** The conclusion on each code, keyed by code id. */
  cells: Record<string, CaseCell>;
}

/** What a code id means in one codebook: two studies compare a code only when these agree. */
export interface CodeMeaning {
  id: string;
  group: CodeGroup;
  parent: string | null;
  /** More of it counts against adoption (complexity, obstacles). */
  inverted: boolean;
  label: Bilingual;
}

/** One piece of evidence kept to trace a cell: where it is and what it says. */
export interface CaseQuote {
  source: string;
  line: number;
  informant?: string;
  role?: string;
  group?: string;
  valence: Valence;
  code: string;
  quote: string;
}

/** An informant role's (informants.csv `role`: head, staff, user, partner…) lean on a code within one case. */
export interface CaseRole {
  role: string;
  lean: Lean;
  counts: ValenceCounts;
  informants: number;
}

/** One study's conclusion on one code: one cell of the meta-matrix. */
export interface CaseCell {
  code: string;
  verdict: Verdict;
  reason: VerdictReason;
  counts: ValenceCounts;
  total: number;
  /** Favourable share of the non-neutral evidence (0–1), null when there is none. */
  favourableShare: number | null;
  informants: number;
  sources: number;
  /** The informants and sources behind the counts, sorted: where a reader goes to check. */
  informantIds: string[];
  sourceIds: string[];
  /** Only top-level codes: each informant role's lean, as the study's role-ordered matrix counts it. */
  roles?: CaseRole[];
  /** The strongest evidence for the verdict (a few). */
  support: CaseQuote[];
  /** The strongest evidence against it (a few) and how much there is in all. */
  against: CaseQuote[];
  againstTotal: number;
}

/** How many quotes of each kind a summary keeps per cell. */
export const QUOTES_KEPT = 3;
