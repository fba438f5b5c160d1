import type { Lang } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Lean, Verdict } from '../model/conclusion.js';
import { byRoleOrder } from '../condense/condense.js';
import { toolVersion } from '../study/resolve.js';
import { Diagnostics } from '../util/diagnostics.js';
import { narrate } from './narrative.js';
import type {
  CaseOrder,
  ComparedCase,
  Comparison,
  MetaCell,
  ObstacleAcross,
  OrderedCase,
  RefusedCode,
  RoleCase,
  RolePair,
  RolesAcross,
  SharedCode,
  StabilityRow,
  UnsharedCode,
} from './model.js';
import type { CaseCell, CodeMeaning, StudySummary } from './summary.js';

export interface CompareOptions {
  lang?: Lang;
  order?: CaseOrder;
}

/** Verdicts in the order a tie between them is broken and a row lists them. */
export const VERDICT_ORDER: readonly Verdict[] = ['favourable', 'mixed', 'unfavourable', 'found', 'not-found', 'insufficient'];

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order cases are shown in when no ordering is asked for: by `case` label, then folder
 * name. It does not depend on the order the studies were named in, so the output does not either.
 */
export function caseOrder(a: Pick<StudySummary, 'case' | 'id'>, b: Pick<StudySummary, 'case' | 'id'>): number {
  return cmp(a.case, b.case) || cmp(a.id, b.id);
}

/**
 * Compares studies on the codes their codebooks share by id and meaning. Pure: summaries in,
 * the comparison and its diagnostics (refused codes) out.
 */
export function buildComparison(input: readonly StudySummary[], options: CompareOptions = {}): { comparison: Comparison; diagnostics: Diagnostic[] } {
  const studies = [...input].sort(caseOrder);
  const lang = options.lang ?? commonLanguage(studies);
  const diags = new Diagnostics();
  const { shared, notShared, refused } = sharedCodes(studies, lang, diags);
  const sharedIds = new Set(shared.map((c) => c.id));
  const top = shared.filter((c) => c.depth === 0);
  const cell = (s: StudySummary, code: string): CaseCell | undefined => s.cells[code];

  const cells: MetaCell[] = [];
  for (const s of studies)
    for (const c of top) {
      const x = cell(s, c.id);
      if (x) cells.push({ case: s.id, ...x });
    }
  const order = options.order ?? { kind: 'favourability', descending: true };
  const comparison: Comparison = {
    tool: { name: 'qia', version: toolVersion() },
    lang,
    cases: studies.map(caseOf),
    codes: shared,
    notShared,
    refused,
    metaMatrix: { columns: top.map((c) => c.id), cells },
    ordered: { by: order, rows: orderCases(studies, top, order) },
    obstacles: obstaclesAcross(
      studies,
      shared.filter((c) => c.group === 'obstacle' && c.depth > 0 && sharedIds.has(c.id)),
    ),
    roles: rolesAcross(
      studies,
      top.filter((c) => c.group !== 'obstacle'),
    ),
    stability: stabilityOf(studies, top),
    narrative: [],
  };
  comparison.narrative = narrate(comparison);
  return { comparison, diagnostics: diags.items };
}

function caseOf(s: StudySummary): ComparedCase {
  return { id: s.id, case: s.case, title: s.title, language: s.language, variables: s.variables, codebook: s.codebook, counts: s.counts };
}

/** The language every study shares, else English (the one language all readers of a mixed set share). */
function commonLanguage(studies: readonly StudySummary[]): Lang {
  const langs = new Set(studies.map((s) => s.language));
  return langs.size === 1 ? [...langs][0]! : 'en';
}

function labelOf(m: CodeMeaning, lang: Lang): string {
  return m.label[lang] ?? m.label[lang === 'id' ? 'en' : 'id'] ?? m.id;
}

/**
 * Codes in every codebook with the same group, parent and valence direction are shared (in the
 * first case's codebook order); codes in some codebooks only are listed; a shared id with two
 * meanings is refused with an error naming the cases and codebooks.
 */
function sharedCodes(
  studies: readonly StudySummary[],
  lang: Lang,
  diags: Diagnostics,
): { shared: SharedCode[]; notShared: UnsharedCode[]; refused: RefusedCode[] } {
  const byCode = new Map<string, Array<{ s: StudySummary; m: CodeMeaning }>>();
  const order: string[] = [];
  for (const s of studies)
    for (const m of s.codes) {
      let list = byCode.get(m.id);
      if (!list) {
        list = [];
        byCode.set(m.id, list);
        order.push(m.id);
      }
      list.push({ s, m });
    }
  const shared: SharedCode[] = [];
  const notShared: UnsharedCode[] = [];
  const refused: RefusedCode[] = [];
  for (const id of order) {
    const list = byCode.get(id)!;
    const first = list[0]!.m;
    if (list.length < studies.length) {
      notShared.push({ code: id, label: labelOf(first, lang), cases: list.map((x) => x.s.id) });
      continue;
    }
    const differs: RefusedCode['differs'] = [];
    if (list.some((x) => x.m.group !== first.group)) differs.push('group');
    if (list.some((x) => x.m.parent !== first.parent)) differs.push('parent');
    if (list.some((x) => x.m.inverted !== first.inverted)) differs.push('inverted');
    if (differs.length > 0) {
      refused.push({
        code: id,
        differs,
        meanings: list.map((x) => ({ case: x.s.id, codebook: x.s.codebook.path, group: x.m.group, parent: x.m.parent, inverted: x.m.inverted })),
      });
      // A sub-code inherits its parent's direction: one diagnostic, on the outermost code, says it for both.
      if (refused.some((r) => id.startsWith(r.code + '.'))) continue;
      const what = list.map((x) => `${x.s.id} (${x.s.codebook.path}): ${describe(x.m, differs)}`).join('; ');
      diags.error(
        'compare/code-meaning-differs',
        `code ${id} means different things in the studies' codebooks, so it is not compared (nor its sub-codes): ${what}`,
        {},
        'give the code one group, parent and valence direction in every codebook, or a different id where it means something else',
      );
      continue;
    }
    shared.push({ id, group: first.group, parent: first.parent, depth: id.split('.').length - 1, inverted: first.inverted, label: labelOf(first, lang) });
  }
  // A code under a refused code is not compared either: its counts roll up into a code with two meanings.
  const refusedIds = refused.map((r) => r.code);
  const kept = shared.filter((c) => !refusedIds.some((r) => c.id.startsWith(r + '.')));
  return { shared: kept, notShared, refused };
}

function describe(m: CodeMeaning, differs: RefusedCode['differs']): string {
  const parts: string[] = [];
  if (differs.includes('group')) parts.push(`group ${m.group}`);
  if (differs.includes('parent')) parts.push(`parent ${m.parent ?? '(none)'}`);
  if (differs.includes('inverted')) parts.push(m.inverted ? 'inverted (more counts against)' : 'not inverted (more counts for)');
  return parts.join(', ');
}

/** Favourable evidence over all non-neutral evidence of the case's top-level attributes. */
export function overallFavourability(s: StudySummary, attributes: readonly SharedCode[]): number | null {
  let pos = 0;
  let neg = 0;
  for (const a of attributes) {
    const c = s.cells[a.id];
    if (!c) continue;
    pos += c.counts.positive;
    neg += c.counts.negative;
  }
  return pos + neg === 0 ? null : pos / (pos + neg);
}

function orderCases(studies: readonly StudySummary[], top: readonly SharedCode[], order: CaseOrder): OrderedCase[] {
  const attributes = top.filter((c) => c.group !== 'obstacle');
  const valueOf = (s: StudySummary): number | string | null => {
    if (order.kind === 'favourability') return round(overallFavourability(s, attributes));
    if (order.kind === 'code') return round(s.cells[order.key!]?.favourableShare ?? null);
    return s.variables[order.key!] ?? null;
  };
  const rows = studies.map((s) => ({ case: s.id, value: valueOf(s) }));
  const dir = order.descending ? -1 : 1;
  // Stable sort over the default case order: ties keep it, missing values go last either way.
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const x = a.r.value;
      const y = b.r.value;
      if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a.i - b.i;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : cmp(String(x), String(y));
      return c * dir || a.i - b.i;
    })
    .map((x) => x.r);
}

/** Shares rounded to four places, so JSON holds the same digits on every platform. */
function round(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10000) / 10000;
}

function obstaclesAcross(studies: readonly StudySummary[], codes: readonly SharedCode[]): ObstacleAcross[] {
  const rows = codes.map((code, rank) => {
    const negative = studies.map((s) => ({ case: s.id, negative: s.cells[code.id]?.counts.negative ?? 0, informants: s.cells[code.id]?.informants ?? 0 }));
    const row: ObstacleAcross = {
      code: code.id,
      label: code.label,
      under: code.id.split('.')[0]!,
      foundIn: studies.filter((s) => s.cells[code.id]?.verdict === 'found').map((s) => s.id),
      reportedIn: negative.filter((n) => n.negative > 0).map((n) => n.case),
      negative,
      totalNegative: negative.reduce((a, n) => a + n.negative, 0),
    };
    let best: StudySummary | undefined;
    for (const s of studies) {
      const c = s.cells[code.id];
      if (!c || c.counts.negative === 0 || !c.support.some((q) => q.valence < 0)) continue;
      if (!best || c.counts.negative > best.cells[code.id]!.counts.negative) best = s;
    }
    const q = best?.cells[code.id]!.support.find((x) => x.valence < 0);
    if (best && q) row.strongest = { case: best.id, ...q };
    return { row, rank };
  });
  // Most recurrent first; the codebook's order breaks ties.
  return rows
    .sort((a, b) => b.row.foundIn.length - a.row.foundIn.length || b.row.reportedIn.length - a.row.reportedIn.length || a.rank - b.rank)
    .map((x) => x.row);
}

function rolesAcross(studies: readonly StudySummary[], attributes: readonly SharedCode[]): RolesAcross[] {
  return attributes.map((code) => {
    const roles: string[] = [];
    const cases = studies.map((s): RoleCase => {
      const leans: Record<string, Lean> = {};
      for (const r of s.cells[code.id]?.roles ?? []) {
        leans[r.role] = r.lean;
        if (!roles.includes(r.role)) roles.push(r.role);
      }
      const favourable = Object.keys(leans)
        .filter((g) => leans[g] === 'favourable')
        .sort(byRoleOrder);
      const unfavourable = Object.keys(leans)
        .filter((g) => leans[g] === 'unfavourable')
        .sort(byRoleOrder);
      return { case: s.id, leans, divergence: favourable.length > 0 && unfavourable.length > 0 ? { favourable, unfavourable } : null };
    });
    roles.sort(byRoleOrder);
    const pairs: RolePair[] = [];
    roles.forEach((a, i) => {
      for (const b of roles.slice(i + 1)) {
        const heard = cases.filter((c) => spoke(c.leans[a]) && spoke(c.leans[b])).map((c) => c.case);
        const firstFavourable = cases.filter((c) => c.leans[a] === 'favourable' && c.leans[b] === 'unfavourable').map((c) => c.case);
        const secondFavourable = cases.filter((c) => c.leans[b] === 'favourable' && c.leans[a] === 'unfavourable').map((c) => c.case);
        const split = firstFavourable.length + secondFavourable.length;
        if (split === 0) continue;
        pairs.push({
          roles: [a, b],
          heard,
          firstFavourable,
          secondFavourable,
          sameWay: split < 2 ? null : firstFavourable.length === 0 || secondFavourable.length === 0,
        });
      }
    });
    const divergent = cases.filter((c) => c.divergence).length;
    const sameWay = pairs.some((p) => p.sameWay === false) ? false : pairs.some((p) => p.sameWay === true) ? true : null;
    return { code: code.id, label: code.label, roles, cases, divergent, pairs, sameWay };
  });
}

/** A role that was heard on the attribute (any evidence at all). */
function spoke(lean: Lean | undefined): boolean {
  return lean !== undefined && lean !== 'silent';
}

function stabilityOf(studies: readonly StudySummary[], top: readonly SharedCode[]): StabilityRow[] {
  return top.map((code) => {
    const verdicts: StabilityRow['verdicts'] = {};
    for (const s of studies) {
      const v = s.cells[code.id]?.verdict ?? 'insufficient';
      (verdicts[v] ??= []).push(s.id);
    }
    let modal: Verdict | null = null;
    for (const v of VERDICT_ORDER) {
      if (v === 'insufficient') continue;
      const n = verdicts[v]?.length ?? 0;
      if (n > 0 && (modal === null || n > (verdicts[modal]?.length ?? 0))) modal = v;
    }
    const decided = studies.length - (verdicts.insufficient?.length ?? 0);
    const flips = studies
      .map((s) => ({ case: s.id, verdict: s.cells[code.id]?.verdict ?? ('insufficient' as Verdict) }))
      .filter((x) => x.verdict !== 'insufficient' && x.verdict !== modal);
    return { code: code.id, label: code.label, group: code.group, verdicts, modal, holds: modal ? verdicts[modal]!.length : 0, decided, flips };
  });
}
