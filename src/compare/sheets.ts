import { roleLabel, valenceMarks, MINUS } from '../i18n/labels.js';
import { pct, verdictLabel } from '../i18n/report.js';
import type { Lean } from '../model/conclusion.js';
import type { Comparison, MetaCell } from './model.js';
import { w } from '../i18n/compare.js';

/** The comparison's displays, in the order the report shows them. */
export const COMPARE_DISPLAYS = ['meta', 'ordered', 'obstacles', 'roles', 'stability'] as const;
export type CompareDisplay = (typeof COMPARE_DISPLAYS)[number];

/** A display laid out for reading (terminal, Markdown, HTML): text cells, a title and a note. */
export interface Sheet {
  display: CompareDisplay;
  title: string;
  note?: string;
  header: string[];
  rows: string[][];
}

/** A display laid out for a spreadsheet: one fact per row, every count in its own numeric column. */
export interface DataSheet {
  header: string[];
  rows: Array<Array<string | number>>;
}

const LEAN_MARK: Record<Lean, string> = { favourable: '+', unfavourable: MINUS, balanced: '±', neutral: '·', silent: '' };

export function caseLabel(c: Comparison, id: string): string {
  const k = c.cases.find((x) => x.id === id);
  return k ? `${id} (${k.case})` : id;
}

function label(c: Comparison, code: string): string {
  return c.codes.find((x) => x.id === code)?.label ?? code;
}

export function cellText(c: Comparison, x: MetaCell): string {
  const L = c.lang;
  const marks = valenceMarks(x.counts) || '0';
  return `${verdictLabel(x.verdict, L)} ${marks} · ${x.informants} ${w(L, 'informants').toLowerCase()} · ${x.sources} ${w(L, 'sources').toLowerCase()}`;
}

export function orderText(c: Comparison): string {
  const L = c.lang;
  const by = c.ordered.by;
  const what =
    by.kind === 'favourability' ? w(L, 'favourability') : by.kind === 'code' ? `${w(L, 'shareOf')} ${label(c, by.key!)}` : `${w(L, 'variable')} \`${by.key}\``;
  return `${what} (${by.descending ? '↓' : '↑'})`;
}

function valueText(c: Comparison, v: number | string | null): string {
  if (v === null) return '—';
  return typeof v === 'number' && c.ordered.by.kind !== 'variable' ? pct(v) : String(v);
}

export function sheets(c: Comparison): Sheet[] {
  const L = c.lang;
  const top = c.metaMatrix.columns;
  const cellOf = new Map(c.metaMatrix.cells.map((x) => [`${x.case}\u0000${x.code}`, x]));
  const meta: Sheet = {
    display: 'meta',
    title: w(L, 'meta'),
    note: w(L, 'metaNote'),
    header: [w(L, 'case'), ...top.map((t) => label(c, t))],
    rows: c.cases.map((k) => [
      caseLabel(c, k.id),
      ...top.map((t) => {
        const x = cellOf.get(`${k.id}\u0000${t}`);
        return x ? cellText(c, x) : '';
      }),
    ]),
  };
  const ordered: Sheet = {
    display: 'ordered',
    title: w(L, 'ordered'),
    note: `${w(L, 'orderedBy')}: ${orderText(c)}`,
    header: [w(L, 'rank'), w(L, 'case'), w(L, 'value'), ...top.map((t) => label(c, t))],
    rows: c.ordered.rows.map((r, i) => [
      String(i + 1),
      r.case,
      valueText(c, r.value),
      ...top.map((t) => {
        const x = cellOf.get(`${r.case}\u0000${t}`);
        return x ? `${verdictLabel(x.verdict, L)} ${valenceMarks(x.counts) || '0'}` : '';
      }),
    ]),
  };
  const n = c.cases.length;
  const obstacles: Sheet = {
    display: 'obstacles',
    title: w(L, 'obstacles'),
    header: [w(L, 'obstacle'), w(L, 'foundIn'), w(L, 'hindering'), w(L, 'strongest')],
    rows: c.obstacles.map((o) => [
      `${o.label} (${o.code})`,
      `${o.foundIn.length} ${w(L, 'of')} ${n}${o.foundIn.length ? `: ${o.foundIn.join(', ')}` : ''}`,
      o.negative
        .filter((x) => x.negative > 0)
        .map((x) => `${x.case} ${MINUS}${x.negative}`)
        .join(', ') || '0',
      o.strongest
        ? `${o.strongest.case} ${o.strongest.source}:${o.strongest.line}${o.strongest.informant ? ` (${o.strongest.informant})` : ''} “${o.strongest.quote}”`
        : '',
    ]),
  };
  const roles: Sheet = {
    display: 'roles',
    title: w(L, 'roles'),
    note: w(L, 'rolesNote'),
    header: [w(L, 'attribute'), ...c.cases.map((k) => k.id), w(L, 'rolePairs'), w(L, 'sameWay')],
    rows: c.roles.map((r) => [
      r.label,
      ...r.cases.map((x) => {
        const parts = r.roles.filter((g) => x.leans[g] !== undefined && x.leans[g] !== 'silent').map((g) => `${roleLabel(g, L)} ${LEAN_MARK[x.leans[g]!]}`);
        return `${parts.join('; ')}${x.divergence ? ` (${w(L, 'diverge')})` : ''}`;
      }),
      r.pairs
        .map((p) => {
          const [a, b] = p.roles.map((g) => roleLabel(g, L));
          const ways = [
            p.firstFavourable.length ? `${a} +, ${b} ${MINUS}: ${p.firstFavourable.join(', ')}` : '',
            p.secondFavourable.length ? `${a} ${MINUS}, ${b} +: ${p.secondFavourable.join(', ')}` : '',
          ].filter(Boolean);
          return `${ways.join('; ')} (${p.firstFavourable.length + p.secondFavourable.length} ${w(L, 'of')} ${p.heard.length} ${w(L, 'bothHeard')})`;
        })
        .join(' | ') || w(L, 'none'),
      r.sameWay === null ? '—' : r.sameWay ? w(L, 'yes') : w(L, 'no'),
    ]),
  };
  const stability: Sheet = {
    display: 'stability',
    title: w(L, 'stability'),
    header: [w(L, 'attribute'), w(L, 'modal'), w(L, 'holds'), w(L, 'flips'), w(L, 'insufficient')],
    rows: c.stability.map((s) => [
      s.label,
      s.modal ? verdictLabel(s.modal, L) : '—',
      `${s.holds} ${w(L, 'of')} ${s.decided}${s.modal ? `: ${(s.verdicts[s.modal] ?? []).join(', ')}` : ''}`,
      s.flips.map((f) => `${f.case} (${verdictLabel(f.verdict, L)})`).join(', ') || w(L, 'none'),
      (s.verdicts.insufficient ?? []).join(', ') || w(L, 'none'),
    ]),
  };
  return [meta, ordered, obstacles, roles, stability];
}

const caseName = (c: Comparison, id: string) => c.cases.find((k) => k.id === id)?.case ?? id;
const share = (x: number | null) => (x === null ? '' : Math.round(x * 10000) / 10000);

function metaData(c: Comparison): DataSheet {
  return {
    header: [
      'case',
      'case_label',
      'code',
      'code_label',
      'verdict',
      'positive',
      'negative',
      'neutral',
      'total',
      'favourable_share',
      'informants',
      'sources',
      'informant_ids',
      'source_ids',
    ],
    rows: c.metaMatrix.cells.map((x) => [
      x.case,
      caseName(c, x.case),
      x.code,
      label(c, x.code),
      x.verdict,
      x.counts.positive,
      x.counts.negative,
      x.counts.neutral,
      x.total,
      share(x.favourableShare),
      x.informants,
      x.sources,
      x.informantIds.join(';'),
      x.sourceIds.join(';'),
    ]),
  };
}

function orderedData(c: Comparison): DataSheet {
  return {
    header: ['rank', 'case', 'case_label', 'order_by', 'value', ...c.metaMatrix.columns.map((t) => `${t}_verdict`)],
    rows: c.ordered.rows.map((r, i) => [
      i + 1,
      r.case,
      caseName(c, r.case),
      c.ordered.by.key ?? c.ordered.by.kind,
      r.value ?? '',
      ...c.metaMatrix.columns.map((t) => c.metaMatrix.cells.find((x) => x.case === r.case && x.code === t)?.verdict ?? ''),
    ]),
  };
}

function obstaclesData(c: Comparison): DataSheet {
  return {
    header: [
      'code',
      'code_label',
      'under',
      'cases_found',
      'cases_reported',
      'cases',
      'total_negative',
      'found_in',
      'strongest_case',
      'strongest_source',
      'strongest_line',
      'strongest_informant',
      'strongest_quote',
    ],
    rows: c.obstacles.map((o) => [
      o.code,
      o.label,
      o.under,
      o.foundIn.length,
      o.reportedIn.length,
      c.cases.length,
      o.totalNegative,
      o.foundIn.join(';'),
      o.strongest?.case ?? '',
      o.strongest?.source ?? '',
      o.strongest?.line ?? '',
      o.strongest?.informant ?? '',
      o.strongest?.quote ?? '',
    ]),
  };
}

function rolesData(c: Comparison): DataSheet {
  const rows: DataSheet['rows'] = [];
  for (const r of c.roles)
    for (const x of r.cases) {
      const cell = c.metaMatrix.cells.find((m) => m.case === x.case && m.code === r.code);
      for (const role of cell?.roles ?? []) {
        rows.push([
          r.code,
          r.label,
          x.case,
          role.role,
          role.lean,
          role.counts.positive,
          role.counts.negative,
          role.counts.neutral,
          role.informants,
          x.divergence ? 1 : 0,
        ]);
      }
    }
  return { header: ['code', 'code_label', 'case', 'role', 'lean', 'positive', 'negative', 'neutral', 'informants', 'case_diverges'], rows };
}

function stabilityData(c: Comparison): DataSheet {
  return {
    header: [
      'code',
      'code_label',
      'group',
      'modal_verdict',
      'holds',
      'decided',
      'cases',
      'favourable',
      'mixed',
      'unfavourable',
      'found',
      'not_found',
      'insufficient',
      'flips',
    ],
    rows: c.stability.map((s) => [
      s.code,
      s.label,
      s.group,
      s.modal ?? '',
      s.holds,
      s.decided,
      c.cases.length,
      s.verdicts.favourable?.length ?? 0,
      s.verdicts.mixed?.length ?? 0,
      s.verdicts.unfavourable?.length ?? 0,
      s.verdicts.found?.length ?? 0,
      s.verdicts['not-found']?.length ?? 0,
      s.verdicts.insufficient?.length ?? 0,
      s.flips.map((f) => `${f.case}:${f.verdict}`).join(';'),
    ]),
  };
}

const DATA_SHEETS: Record<CompareDisplay, (c: Comparison) => DataSheet> = {
  meta: metaData,
  ordered: orderedData,
  obstacles: obstaclesData,
  roles: rolesData,
  stability: stabilityData,
};

/** Each display as data for a spreadsheet: counts and shares as numbers, lists joined with `;`. */
export function dataSheet(c: Comparison, display: CompareDisplay): DataSheet {
  return DATA_SHEETS[display](c);
}
