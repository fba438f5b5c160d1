import type { CodeGroup, Lang } from '../model/codebook.js';
import type { Lean, Verdict } from '../model/conclusion.js';
import type { CaseCell, CodeMeaning } from './summary.js';

/** One case of a comparison: a study, named by its folder and labelled by its `case`. */
export interface ComparedCase {
  id: string;
  case: string;
  title: string;
  language: Lang;
  variables: Record<string, string | number>;
  codebook: { id: string; version: string; path: string };
  counts: { sources: number; informants: number; codings: number };
}

/** A code every case's codebook has, with one meaning. */
export interface SharedCode {
  id: string;
  group: CodeGroup;
  parent: string | null;
  depth: number;
  inverted: boolean;
  label: string;
}

/** A code some codebooks have and others do not: listed, not compared. */
export interface UnsharedCode {
  code: string;
  label: string;
  /** The cases whose codebook has it. */
  cases: string[];
}

/** A code id the codebooks give different meanings: refused, with each meaning. */
export interface RefusedCode {
  code: string;
  /** What differs: group, parent or valence direction. */
  differs: Array<'group' | 'parent' | 'inverted'>;
  meanings: Array<{ case: string; codebook: string } & Omit<CodeMeaning, 'label' | 'id'>>;
}

/** One cell of the meta-matrix: a case's conclusion on a code, with its quotes. */
export interface MetaCell extends CaseCell {
  case: string;
}

/** How the case-ordered display sorts: by a code's favourable share, overall favourability, or a study variable. */
export interface CaseOrder {
  kind: 'favourability' | 'code' | 'variable';
  /** The code or the variable; absent for overall favourability. */
  key?: string;
  descending: boolean;
}

export interface OrderedCase {
  case: string;
  /** The value sorted on (a share from 0 to 1, or the variable's value); null sorts last. */
  value: number | string | null;
}

/** An obstacle across cases: where it is found, how strongly, and its strongest quote. */
export interface ObstacleAcross {
  code: string;
  label: string;
  /** The top-level obstacle code it falls under (internal or external). */
  under: string;
  /** Cases where the obstacle is found (verdict `found`). */
  foundIn: string[];
  /** Cases with any evidence of it hindering (negative count above 0). */
  reportedIn: string[];
  /** Hindering evidence per case, in case order (0 where none). */
  negative: Array<{ case: string; negative: number; informants: number }>;
  totalNegative: number;
  /** The strongest quote: the first piece of support in the case with the most hindering evidence. */
  strongest?: { case: string } & CaseCell['support'][number];
}

/** How the informant roles lean on one attribute in one case. */
export interface RoleCase {
  case: string;
  /** Each role the study's informants have, silent ones included. */
  leans: Record<string, Lean>;
  /** Roles leaning favourable and unfavourable when both sides have one: the divergence; else null. */
  divergence: { favourable: string[]; unfavourable: string[] } | null;
}

/**
 * Two roles on one attribute across the cases: where both were heard, and where they split,
 * each way. This is the question "do staff and service users diverge the same way in every
 * case?", asked of every pair of roles that splits in at least one case.
 */
export interface RolePair {
  /** The two roles, in role order (head, staff, user, partner, then others). */
  roles: [string, string];
  /** Cases where both roles have evidence on the attribute. */
  heard: string[];
  /** Cases where the first role leans favourable and the second unfavourable. */
  firstFavourable: string[];
  /** Cases where the second role leans favourable and the first unfavourable. */
  secondFavourable: string[];
  /** True when the pair splits in two or more cases, always the same way; false when both ways; null when in one case only. */
  sameWay: boolean | null;
}

export interface RolesAcross {
  code: string;
  label: string;
  /** Every role met in any case, in role order. */
  roles: string[];
  cases: RoleCase[];
  /** Cases where some role leans favourable and another unfavourable. */
  divergent: number;
  /** The pairs of roles that split in at least one case, in role order. */
  pairs: RolePair[];
  /** False when some pair of roles splits one way in one case and the other way in another; true when pairs split in two or more cases and never both ways; null otherwise. */
  sameWay: boolean | null;
}

export interface StabilityRow {
  code: string;
  label: string;
  group: CodeGroup;
  /** Cases per verdict, in case order. */
  verdicts: Partial<Record<Verdict, string[]>>;
  /** The verdict of most cases with enough evidence (ties: the first in verdict order); null when none has. */
  modal: Verdict | null;
  /** Cases with the modal verdict. */
  holds: number;
  /** Cases with enough evidence. */
  decided: number;
  /** Cases whose verdict differs from the modal one (insufficient evidence excluded). */
  flips: Array<{ case: string; verdict: Verdict }>;
}

/** A cross-case comparison: everything every output renders, in one language. */
export interface Comparison {
  tool: { name: string; version: string };
  lang: Lang;
  cases: ComparedCase[];
  codes: SharedCode[];
  notShared: UnsharedCode[];
  refused: RefusedCode[];
  /** Top-level shared codes × cases. */
  metaMatrix: { columns: string[]; cells: MetaCell[] };
  ordered: { by: CaseOrder; rows: OrderedCase[] };
  obstacles: ObstacleAcross[];
  roles: RolesAcross[];
  stability: StabilityRow[];
  /** The generated narrative: sentences that cite cases and counts only. */
  narrative: string[];
}
