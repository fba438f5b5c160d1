import type { Analysis, CountingPolicy } from '../model/analysis.js';
import type { CodeGroup, Lang, Valence } from '../model/codebook.js';
import type { Audit, Conclusion, Conclusions, Saturation, VerdictSettings } from '../model/conclusion.js';
import type { Memo, ValenceCounts } from '../model/evidence.js';
import type { AgreementSection } from '../conclude/agreement/section.js';
import type { Header, Matrix } from '../model/matrix.js';
import type { SourceKind } from '../model/source.js';
import { codeComparator, codeLabel, isWithin, topLevel } from '../codebook/codes.js';
import { indexAnalysis, type AnalysisIndex, type CodingContext } from '../index/analysis-index.js';
import { collapse } from '../condense/excerpts.js';
import { addValence, emptyCounts } from '../condense/condense.js';
import { buildDisplay } from '../display/index.js';
import { DISPLAY_TYPES, NEEDS_DATES, type DisplayType } from '../display/registry.js';
import { sourceDate } from '../display/time.js';
import { kindLabel } from '../i18n/labels.js';
import { topDistinct } from '../conclude/select.js';
import { codingColumns, columnsByCode, strengthAt, tabulate, type CodingColumns } from '../index/tabulate.js';

/** One quote behind a heatmap cell, in the compact form embedded in the HTML page. */
export interface HeatQuote {
  /** The coded text. */
  q: string;
  /** Source id and 1-based line. */
  s: string;
  l: number;
  /** Informant id, when known. */
  i?: string;
  k: SourceKind;
  v: Valence;
  c: string;
}

export interface HeatCell {
  row: string;
  column: string;
  /** Counts by source kind, so a kind filter can recount without the full evidence. */
  byKind: Partial<Record<SourceKind, ValenceCounts>>;
  total: number;
  /** The strongest quotes of each kind, at most `quotesPerCell` per kind. */
  quotes: HeatQuote[];
}

/** Roles × top-level codes, from the role-ordered display, with the quotes behind each cell. */
export interface Heatmap {
  rows: Header[];
  columns: Array<Header & { group: CodeGroup }>;
  kinds: SourceKind[];
  cells: HeatCell[];
  quotesPerCell: number;
}

export interface InformantRow {
  id: string;
  label: string;
  role: string;
  group: string;
  position: string;
  sources: number;
  codings: number;
}

export interface CodebookRow {
  id: string;
  group: CodeGroup;
  depth: number;
  label: string;
  definition: string;
}

export interface ReportDisplay {
  type: DisplayType;
  matrix: Matrix;
}

/** Everything a report shows, in one language; the md, json and html forms render this. */
export interface Report {
  lang: Lang;
  tool: { name: string; version: string };
  study: { title: string; case: string; language: Lang };
  settings: VerdictSettings;
  /** Which codings count and how (the method appendix states it). */
  counting: CountingPolicy;
  informants: InformantRow[];
  sourceCount: number;
  codingCount: number;
  labels: Record<string, string>;
  conclusions: Conclusion[];
  displays: ReportDisplay[];
  heatmap: Heatmap;
  saturation: Saturation;
  codebook: CodebookRow[];
  audit: Audit;
  /** The researcher's memos (memos/*.md), in codebook order of their codes, then by file. */
  memos: Memo[];
  /**
   * Inter-coder agreement between the study's coders (persons: manual coders and reviewers),
   * present only when two or more coded it (src/conclude/agreement/section.ts).
   */
  agreement?: AgreementSection;
}

export interface BuildReportOptions {
  lang?: Lang;
  conclusions: Conclusions;
  audit: Audit;
  /** A prebuilt index, shared with the displays. */
  index?: AnalysisIndex;
  quotesPerCell?: number;
  /** The researcher's memos, shown under the findings on their codes. */
  memos?: readonly Memo[];
  /**
   * Who speaks in each source (source id → informant ids), when `analysis.segments` holds only
   * the coded segments (see StreamedStudy.speakers); else the segments say it.
   */
  speakers?: ReadonlyMap<string, readonly string[]>;
}

export function buildReport(analysis: Analysis, options: BuildReportOptions): Report {
  const lang = options.lang ?? analysis.study.language;
  const index = options.index ?? indexAnalysis(analysis);
  const hasDates = analysis.sources.some((s) => sourceDate(s) !== undefined);
  // Every display of the registry, in its (thesis) order; one that needs dates only when sources carry them.
  const displays: ReportDisplay[] = DISPLAY_TYPES.filter((t) => !NEEDS_DATES.has(t) || hasDates).map((type) => ({
    type,
    matrix: buildDisplay(type, analysis, { lang, index }),
  }));
  const roleDisplay = displays.find((d) => d.type === 'role')?.matrix ?? buildDisplay('role', analysis, { lang, index });

  const labels: Record<string, string> = {};
  for (const c of analysis.codebook.codes) labels[c.id] = codeLabel(analysis.codebook, c.id, lang);

  return {
    lang,
    tool: options.audit.tool,
    study: { title: analysis.study.title, case: analysis.study.case, language: analysis.study.language },
    settings: options.conclusions.settings,
    counting: analysis.counting,
    informants: informantRows(analysis, index, options.speakers),
    sourceCount: analysis.sources.length,
    codingCount: index.contexts.length,
    labels,
    conclusions: options.conclusions.conclusions,
    displays,
    heatmap: heatmapOf(analysis, roleDisplay, index, options.quotesPerCell ?? 12, lang),
    saturation: options.conclusions.saturation,
    codebook: analysis.codebook.codes.map((c) => ({
      id: c.id,
      group: c.group,
      depth: c.id.split('.').length - 1,
      label: labels[c.id] ?? c.id,
      definition: c.definition[lang] ?? c.definition[lang === 'id' ? 'en' : 'id'] ?? '',
    })),
    audit: options.audit,
    memos: sortMemos(analysis, options.memos ?? []),
  };
}

function sortMemos(analysis: Analysis, memos: readonly Memo[]): Memo[] {
  const compare = codeComparator(analysis.codebook);
  return [...memos].sort((a, b) => compare(a.code, b.code) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The memos on a code or any of its sub-codes. */
export function memosOn(r: Pick<Report, 'memos'>, code: string): Memo[] {
  return r.memos.filter((m) => isWithin(m.code, code));
}

/** Memos whose code is not a top-level code of the report (unknown to the codebook). */
export function memosElsewhere(r: Pick<Report, 'memos' | 'conclusions'>): Memo[] {
  const tops = new Set(r.conclusions.filter((c) => c.depth === 0).map((c) => c.code));
  return r.memos.filter((m) => !tops.has(topLevel(m.code)));
}

function informantRows(analysis: Analysis, index: AnalysisIndex, speakers: ReadonlyMap<string, readonly string[]> | undefined): InformantRow[] {
  const sources = new Map<string, Set<string>>();
  const codings = new Map<string, number>();
  const speaks = (informant: string, source: string) => {
    let set = sources.get(informant);
    if (!set) sources.set(informant, (set = new Set()));
    set.add(source);
  };
  if (speakers) {
    for (const [source, ids] of speakers) for (const id of ids) speaks(id, source);
  } else {
    for (const seg of analysis.segments) if (seg.informant !== undefined) speaks(seg.informant, seg.sourceId);
  }
  for (const src of analysis.sources) if (src.informant !== undefined) speaks(src.informant, src.id);
  for (const c of index.contexts) if (c.informantId !== undefined) codings.set(c.informantId, (codings.get(c.informantId) ?? 0) + 1);
  return analysis.informants.map((i) => ({
    id: i.id,
    label: i.label,
    role: i.role,
    group: i.group,
    position: i.attrs['position'] ?? i.attrs['jabatan'] ?? '',
    sources: sources.get(i.id)?.size ?? 0,
    codings: codings.get(i.id) ?? 0,
  }));
}

/**
 * The role-ordered display's rows and columns, with each cell's codings counted over the
 * index's typed columns (the display's own cells hold the same codings; a test holds them
 * equal). Only the few quotes of each cell look at a coding's object.
 */
function heatmapOf(analysis: Analysis, role: Matrix, index: AnalysisIndex, perKind: number, lang: Lang): Heatmap {
  const groupOf = new Map(analysis.codebook.codes.map((c) => [c.id, c.group]));
  const cols = codingColumns(index);
  const columnOfCode = columnsByCode(cols, role.columns, topLevel);
  // Observation notes and documents often have no informant, hence no role: they get a
  // row per source kind, so the heatmap shows every coding and the kind filter means something.
  const roleless = new Set<SourceKind>();
  for (let i = 0; i < cols.size; i++) if (cols.role[i]! < 0 && columnOfCode[cols.code[i]!]! >= 0) roleless.add(cols.kinds[cols.kind[i]!]!);
  const rows: Header[] = [...role.rows];
  for (const kind of HEAT_KINDS) {
    if (roleless.has(kind)) rows.push({ id: `kind:${kind}`, label: `${kindLabel(kind, lang)} (${lang === 'id' ? 'tanpa peran' : 'no role'})` });
  }
  const rowNo = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!rowNo.has(r.id)) rowNo.set(r.id, i);
  });
  const roleRow = cols.roles.map((r) => rowNo.get(r) ?? -1);
  const kindRow = cols.kinds.map((k) => rowNo.get(`kind:${k}`) ?? -1);
  const rowAt = new Int32Array(cols.size);
  for (let i = 0; i < cols.size; i++) {
    const r = cols.role[i]!;
    rowAt[i] = r >= 0 ? roleRow[r]! : kindRow[cols.kind[i]!]!;
  }
  const tab = tabulate(cols, rowAt, columnOfCode, rows.length, role.columns.length);
  const stronger = strengthAt(cols);
  const kindsSeen = new Set<SourceKind>();
  const cells: HeatCell[] = [];
  rows.forEach((row) => {
    // Rows of one id share the first one's codings, as a lookup by id gave them.
    const from = rowNo.get(row.id)!;
    role.columns.forEach((col, c) => {
      const k = from * role.columns.length + c;
      const at = tab.at.subarray(tab.start[k]!, tab.start[k + 1]!);
      for (const i of at) kindsSeen.add(cols.kinds[cols.kind[i]!]!);
      cells.push({
        row: row.id,
        column: col.id,
        ...tallyByKind(cols, at),
        total: at.length,
        quotes: strongestByKind(cols, at, index.contexts, perKind, stronger),
      });
    });
  });
  return {
    rows,
    columns: role.columns.map((c) => ({ ...c, group: groupOf.get(c.id) ?? 'other' })),
    kinds: HEAT_KINDS.filter((k) => kindsSeen.has(k)),
    cells,
    quotesPerCell: perKind,
  };
}

const HEAT_KINDS = ['interview', 'observation', 'document'] as const;

/** Counts by valence per source kind, the kinds in the order the cell's codings first show them. */
function tallyByKind(cols: CodingColumns, at: Int32Array): { byKind: Partial<Record<SourceKind, ValenceCounts>> } {
  const byKind: Partial<Record<SourceKind, ValenceCounts>> = {};
  for (const i of at) {
    addValence((byKind[cols.kinds[cols.kind[i]!]!] ??= emptyCounts()), cols.valence[i]!);
  }
  return { byKind };
}

/** The strongest quotes of each source kind, one per segment and valence, `perKind` at most. */
function strongestByKind(
  cols: CodingColumns,
  at: Int32Array,
  contexts: readonly CodingContext[],
  perKind: number,
  stronger: (a: number, b: number) => number,
): HeatQuote[] {
  const groups = new Map<SourceKind, number[]>();
  for (const i of at) {
    const kind = cols.kinds[cols.kind[i]!]!;
    let list = groups.get(kind);
    if (!list) groups.set(kind, (list = []));
    list.push(i);
  }
  const quotes: HeatQuote[] = [];
  for (const kind of HEAT_KINDS) {
    const list = groups.get(kind);
    if (!list) continue;
    const best = topDistinct(list, perKind, stronger, (i) => `${contexts[i]!.segment.id}\u0000${cols.valence[i]}`);
    for (const i of best) {
      const c = contexts[i]!;
      const h: HeatQuote = {
        q: collapse(c.coding.quote || c.segment.text),
        s: c.segment.sourceId,
        l: c.ref.line,
        k: c.kind,
        v: c.coding.valence,
        c: c.coding.code,
      };
      if (c.informantId !== undefined) h.i = c.informantId;
      quotes.push(h);
    }
  }
  return quotes;
}
