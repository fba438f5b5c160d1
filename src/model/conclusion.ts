import type { CodeGroup, Lang, Valence } from './codebook.js';
import type { CodingStatus } from './decision.js';
import type { MergeMode } from './study.js';
import type { SourceKind } from './source.js';
import type { ValenceCounts } from './evidence.js';

/** Verdict for an attribute (and any non-obstacle code). */
export type AttributeVerdict = 'favourable' | 'mixed' | 'unfavourable' | 'insufficient';
/** Verdict for an obstacle: reported as hindering by at least the threshold, or not. */
export type ObstacleVerdict = 'found' | 'not-found';
export type Verdict = AttributeVerdict | ObstacleVerdict;

/**
 * Which clause of the documented rule decided a verdict (docs/report.md); stable strings that
 * scripts may test, the prose around them may change.
 */
export type VerdictReason =
  | 'too-few-codings'
  | 'too-few-informants'
  | 'no-valenced-evidence'
  | 'favourable-share'
  | 'unfavourable-share'
  | 'between-thresholds'
  | 'groups-disagree'
  | 'kinds-disagree'
  | 'obstacle-reported'
  | 'obstacle-not-reported';

/** The thresholds of the verdict rule, from study.yaml `verdicts:` with defaults filled in. */
export interface VerdictSettings {
  /** Fewer distinct witnesses than this: insufficient. */
  minInformants: number;
  /** Fewer pieces of evidence than this: insufficient. */
  minCodings: number;
  /** Share of non-neutral evidence that is favourable at or above which the verdict is favourable. */
  favourableShare: number;
  /** Share of non-neutral evidence that is unfavourable at or above which the verdict is unfavourable. */
  unfavourableShare: number;
  /** When true, a group or source kind whose own majority points the other way turns a clear verdict into mixed. */
  groupAgreement: boolean;
  /** A group or source kind takes part in the agreement check only with at least this much non-neutral evidence. */
  minGroupCodings: number;
  /** An obstacle is found when at least this many pieces of evidence say it hinders (valence −). */
  minObstacleCodings: number;
  /** Only codings a person made or judged count; unjudged automatic codings are listed, not counted. */
  requireReview: boolean;
}

/** One piece of evidence as the report shows it: enough to quote it and find it in the source. */
export interface QuoteRef {
  segmentId: string;
  sourceId: string;
  code: string;
  valence: Valence;
  coder: string;
  quote: string;
  kind: SourceKind;
  informant?: string;
  role?: string;
  group?: string;
  /** 1-based lines of the segment in the source file. */
  line?: number;
  endLine?: number;
}

/** Where one group or source kind leans on a code. */
export type Lean = 'favourable' | 'unfavourable' | 'balanced' | 'neutral' | 'silent';

export interface LineOfEvidence {
  /** The group (provider, user, partner…) or the source kind. */
  key: string;
  counts: ValenceCounts;
  total: number;
  lean: Lean;
  informants: number;
  sources: number;
}

/**
 * A dimension's status is converges, diverges or single-source. The overall status adds
 * `one-dimension`: one dimension converges while the other has a single line of evidence, which
 * is not convergence (source triangulation needs two groups, method triangulation two kinds)
 * and reads as insufficient.
 */
export type TriangulationStatus = 'converges' | 'diverges' | 'single-source' | 'one-dimension';

/** Two lines of evidence that point opposite ways, with their strongest excerpts side by side. */
export interface Divergence {
  dimension: 'group' | 'kind';
  favourable: { key: string; quotes: QuoteRef[] };
  unfavourable: { key: string; quotes: QuoteRef[] };
}

export interface TriangulationDimension {
  status: TriangulationStatus;
  /** Every group (or kind) present in the study, including silent ones, in a stable order. */
  lines: LineOfEvidence[];
  /** Keys present in the study with no evidence on this code. */
  silent: string[];
}

export interface Triangulation {
  status: TriangulationStatus;
  /** Source triangulation: informant groups (providers, users, partners). */
  source: TriangulationDimension;
  /** Method triangulation: interview, observation, document. */
  method: TriangulationDimension;
  divergences: Divergence[];
}

/** The conclusion drawn for one code of the codebook. */
export interface Conclusion {
  code: string;
  group: CodeGroup;
  parent?: string;
  /** 0 for a top-level code, 1 for its sub-codes, and so on. */
  depth: number;
  verdict: Verdict;
  reason: VerdictReason;
  /** Codings of the code and its sub-codes, by valence (counted as the displays count them). */
  counts: ValenceCounts;
  total: number;
  /** Of `total`, the pieces of evidence a person made or judged (status other than `auto`). */
  reviewed: number;
  /** Distinct informants behind the evidence. */
  informants: number;
  /** Distinct sources behind the evidence. */
  sources: number;
  /** Distinct informants plus each source without an informant (a document, an observation note). */
  witnesses: number;
  /** Favourable share of the non-neutral evidence, null when there is none. */
  favourableShare: number | null;
  unfavourableShare: number | null;
  /** Only for top-level codes. */
  triangulation?: Triangulation;
  /** The strongest evidence for the verdict, a few items. */
  support: QuoteRef[];
  /** Every piece of evidence against the verdict: never truncated. */
  negativeCases: QuoteRef[];
}

export interface SaturationStep {
  /** 1-based position in the stated order. */
  order: number;
  sourceId: string;
  kind: SourceKind;
  date?: string;
  informant?: string;
  /** Codings in this source. */
  codings: number;
  /** Code ids (sub-codes and the parents they imply) seen here for the first time, sorted. */
  newCodes: string[];
  /** Distinct codes seen so far. */
  cumulative: number;
}

export interface Saturation {
  /** How sources were ordered, stated in the report. */
  order: 'date-then-id';
  steps: SaturationStep[];
  totalCodes: number;
  /** Order number of the last source that added a code (0 when none did). */
  lastNewAt: number;
  /** Sources after the last new code: the run of sources that added nothing. */
  trailingWithoutNew: number;
}

export interface AuditFile {
  /** Relative to the study folder ('/'-separated), or `builtin:<name>` for a file shipped with qia. */
  path: string;
  role: 'study' | 'informants' | 'codebook' | 'source' | 'codings' | 'review' | 'decisions' | 'memo';
  sha256: string;
  bytes: number;
}

/** The audit trail: deterministic (no timestamps, sorted keys) so reruns diff clean. */
export interface Audit {
  tool: { name: string; version: string };
  study: { title: string; case: string; language: Lang };
  codebook: { id: string; version: string; path: string; sha256: string };
  settings: {
    merge: MergeMode;
    language: Lang;
    reportLanguage: Lang;
    verdicts: VerdictSettings;
    saturationOrder: Saturation['order'];
  };
  counts: { sources: number; segments: number; codings: number; informants: number };
  /** How many codings have each status (model/decision.ts): how much of the evidence a person has checked. */
  review: Record<CodingStatus, number>;
  /** Every automatic coding a person rejected: kept out of every count, listed here. */
  rejected: { segment: string; code: string; valence: Valence; reviewer: string; quote: string }[];
  files: AuditFile[];
}

/** Everything the conclude stage adds to an analysis. */
export interface Conclusions {
  settings: VerdictSettings;
  conclusions: Conclusion[];
  saturation: Saturation;
}
