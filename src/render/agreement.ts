import { csvDocument, type CsvDialect } from './csv-write.js';
import Table from 'cli-table3';
import type { Lang } from '../model/codebook.js';
import { INTERPRETATION_SOURCES, interpretAlpha, interpretKappa } from '../conclude/agreement/interpret.js';
import type { AgreementResult, AgreementStats } from '../conclude/agreement/result.js';
import { stableJson } from '../util/stable-json.js';
import { tagged } from './json-kinds.js';

/**
 * An agreement result in the four list formats. JSON is the contract scripts rely on:
 *
 *   { format: "qia-agreement/1", level, lang, coders, bootstrap, confusion, interpretation_sources,
 *     overall:  { percent, cohen_kappa, fleiss_kappa, krippendorff_alpha, brennan_prediger, n_units,
 *                 krippendorff_alpha_ci, interpretation, … },
 *     per_code: { "<code id>": { the same keys }, … } }
 *
 * `per_code` is an object keyed by code id (keys sorted, like every object qia writes), empty
 * for a single matrix. A statistic that does not apply is null, and so is its interpretation.
 */
export type AgreementFormat = 'table' | 'md' | 'csv' | 'json';

export function renderAgreement(result: AgreementResult, format: AgreementFormat, lang: Lang, dialect: CsvDialect = {}): string {
  switch (format) {
    case 'json':
      return stableJson(tagged('agreement', agreementJson(result, lang)));
    case 'csv':
      return agreementCsv(result, lang, dialect);
    case 'md':
      return agreementText(result, lang, 'md');
    case 'table':
      return agreementText(result, lang, 'table');
  }
}

/** The JSON contract as a plain object (before key sorting). */
export function agreementJson(result: AgreementResult, lang: Lang): Record<string, unknown> {
  return {
    level: result.level,
    lang,
    coders: result.coders,
    bootstrap: result.bootstrap,
    confusion: result.confusion,
    interpretation_sources: { kappa: INTERPRETATION_SOURCES.kappa, alpha: INTERPRETATION_SOURCES.alpha },
    overall: statsJson(result.overall, lang),
    per_code: Object.fromEntries(result.perCode.map((c) => [c.code, statsJson(c.stats, lang)])),
  };
}

export function statsJson(s: AgreementStats, lang: Lang): Record<string, unknown> {
  return {
    percent: s.percent,
    cohen_kappa: s.cohenKappa,
    fleiss_kappa: s.fleissKappa,
    krippendorff_alpha: s.alpha,
    brennan_prediger: s.brennanPrediger,
    n_units: s.units,
    n_units_total: s.unitsTotal,
    n_coders: s.coders,
    n_pairable: s.pairable,
    brennan_prediger_categories: s.categories,
    krippendorff_alpha_ci: s.alphaInterval ? [s.alphaInterval.lo, s.alphaInterval.hi] : null,
    krippendorff_alpha_ci_resamples: s.alphaInterval ? s.alphaInterval.used : null,
    interpretation: {
      cohen_kappa: interpretKappa(s.cohenKappa, lang),
      fleiss_kappa: interpretKappa(s.fleissKappa, lang),
      brennan_prediger: interpretKappa(s.brennanPrediger, lang),
      krippendorff_alpha: interpretAlpha(s.alpha, lang),
    },
  };
}

const CSV_COLUMNS = [
  'scope',
  'code',
  'level',
  'n_units',
  'n_units_total',
  'n_coders',
  'n_pairable',
  'percent',
  'cohen_kappa',
  'fleiss_kappa',
  'brennan_prediger',
  'brennan_prediger_categories',
  'krippendorff_alpha',
  'krippendorff_alpha_ci_lo',
  'krippendorff_alpha_ci_hi',
  'cohen_kappa_interpretation',
  'fleiss_kappa_interpretation',
  'brennan_prediger_interpretation',
  'krippendorff_alpha_interpretation',
] as const;

/** One row for the overall figures (scope `overall`, no code) and one per code; numbers unrounded. */
function agreementCsv(result: AgreementResult, lang: Lang, dialect: CsvDialect): string {
  const row = (scope: string, code: string, s: AgreementStats) => {
    const ci = s.alphaInterval;
    return [
      scope,
      code,
      result.level,
      s.units,
      s.unitsTotal,
      s.coders,
      s.pairable,
      s.percent,
      s.cohenKappa,
      s.fleissKappa,
      s.brennanPrediger,
      s.categories,
      s.alpha,
      ci ? ci.lo : null,
      ci ? ci.hi : null,
      interpretKappa(s.cohenKappa, lang),
      interpretKappa(s.fleissKappa, lang),
      interpretKappa(s.brennanPrediger, lang),
      interpretAlpha(s.alpha, lang),
    ];
  };
  return csvDocument([CSV_COLUMNS, row('overall', '', result.overall), ...result.perCode.map((c) => row('code', c.code, c.stats))], dialect);
}

export interface Labels {
  statistic: string;
  value: string;
  interpretation: string;
  code: string;
  overall: string;
  units: string;
  unitsOf: (total: number) => string;
  coders: string;
  percent: string;
  cohen: string;
  fleiss: string;
  bp: (q: number) => string;
  bpShort: string;
  alpha: (level: string) => string;
  ci: (confidence: number) => string;
  ciNote: (draws: number, seed: number) => string;
  alphaVerdict: string;
  cohenNeedsTwo: string;
  undefinedStat: string;
  bands: string;
  confusion: (a: string, b: string) => string;
  levels: Record<string, string>;
}

export const LABELS: Record<Lang, Labels> = {
  en: {
    statistic: 'statistic',
    value: 'value',
    interpretation: 'interpretation',
    code: 'code',
    overall: 'overall',
    units: 'units',
    unitsOf: (total) => `of ${total}: the units with two or more values, the only ones compared`,
    coders: 'coders',
    percent: 'percent agreement',
    cohen: "Cohen's κ",
    fleiss: "Fleiss' κ",
    bp: (q) => `Brennan–Prediger κ (q = ${q})`,
    bpShort: 'Brennan–Prediger κ',
    alpha: (level) => `Krippendorff's α (${level})`,
    ci: (c) => `α ${fmtPct(c * 100, 0)} CI`,
    ciNote: (draws, seed) => `bootstrap over units, ${thousands(draws, ',')} draws, seed ${seed}`,
    alphaVerdict: 'α: reliability',
    cohenNeedsTwo: 'only for exactly two coders',
    undefinedStat: 'not defined for these data',
    bands: `Interpretation: κ after ${INTERPRETATION_SOURCES.kappa}; α after ${INTERPRETATION_SOURCES.alpha} (≥ .800 reliable, ≥ .667 tentative conclusions only).`,
    confusion: (a, b) => `Confusion table: ${a} (rows) × ${b} (columns)`,
    levels: { nominal: 'nominal', ordinal: 'ordinal', interval: 'interval', ratio: 'ratio' },
  },
  id: {
    statistic: 'statistik',
    value: 'nilai',
    interpretation: 'interpretasi',
    code: 'kode',
    overall: 'keseluruhan',
    units: 'unit',
    unitsOf: (total) => `dari ${total}: unit dengan dua nilai atau lebih, satu-satunya yang dibandingkan`,
    coders: 'pengode',
    percent: 'persentase kesepakatan',
    cohen: 'κ Cohen',
    fleiss: 'κ Fleiss',
    bp: (q) => `κ Brennan–Prediger (q = ${q})`,
    bpShort: 'κ Brennan–Prediger',
    alpha: (level) => `α Krippendorff (${level})`,
    ci: (c) => `IK ${fmtPct(c * 100, 0)} α`,
    ciNote: (draws, seed) => `bootstrap atas unit, ${thousands(draws, '.')} kali penarikan, seed ${seed}`,
    alphaVerdict: 'α: keandalan',
    cohenNeedsTwo: 'hanya untuk tepat dua pengode',
    undefinedStat: 'tidak terdefinisi untuk data ini',
    bands: `Interpretasi: κ menurut ${INTERPRETATION_SOURCES.kappa}; α menurut ${INTERPRETATION_SOURCES.alpha} (≥ 0,800 andal, ≥ 0,667 hanya untuk kesimpulan sementara).`,
    confusion: (a, b) => `Tabel silang: ${a} (baris) × ${b} (kolom)`,
    levels: { nominal: 'nominal', ordinal: 'ordinal', interval: 'interval', ratio: 'rasio' },
  },
};

export type TextFormat = 'table' | 'md';

/**
 * The terminal table and the Markdown table. A single matrix reads best as one statistic per
 * row, with its interpretation beside it; per-code results as one code per row.
 */
function agreementText(result: AgreementResult, lang: Lang, format: TextFormat): string {
  const L = LABELS[lang];
  const parts: string[] = [];
  const level = L.levels[result.level] ?? result.level;
  const s = result.overall;
  const ciLabel = L.ci(result.bootstrap?.confidence ?? 0.95);
  if (result.perCode.length === 0) {
    const why = (v: number | null, cohen = false) => (v !== null ? '' : cohen && s.coders !== 2 ? L.cohenNeedsTwo : L.undefinedStat);
    const rows: string[][] = [
      [L.units, String(s.units), L.unitsOf(s.unitsTotal)],
      [L.coders, String(s.coders), ''],
      [L.percent, fmtPct(s.percent, 1), s.percent === null ? L.undefinedStat : ''],
      [L.cohen, fmt(s.cohenKappa), interpretKappa(s.cohenKappa, lang) ?? why(s.cohenKappa, true)],
      [L.fleiss, fmt(s.fleissKappa), interpretKappa(s.fleissKappa, lang) ?? why(s.fleissKappa)],
      [L.bp(s.categories), fmt(s.brennanPrediger), interpretKappa(s.brennanPrediger, lang) ?? why(s.brennanPrediger)],
      [L.alpha(level), fmt(s.alpha), interpretAlpha(s.alpha, lang) ?? why(s.alpha)],
    ];
    if (result.bootstrap) rows.push([ciLabel, fmtCi(s), s.alphaInterval ? L.ciNote(result.bootstrap.draws, result.bootstrap.seed) : '']);
    parts.push(grid([L.statistic, L.value, L.interpretation], rows, format, [false, true, false]));
  } else {
    const header = [L.code, L.units, L.percent, L.cohen, L.fleiss, L.bpShort, L.alpha(level), ...(result.bootstrap ? [ciLabel] : []), L.alphaVerdict];
    // Kappa words fit a Markdown page; in a terminal they would push the table past its width.
    const k = (v: number | null) => (format === 'md' && v !== null ? `${fmt(v)} (${interpretKappa(v, lang)})` : fmt(v));
    const row = (code: string, x: AgreementStats) => statsRow(code, x, k, result.bootstrap !== null, lang);
    const rows = [row(L.overall, s), ...result.perCode.map((c) => row(c.code, c.stats))];
    parts.push(
      grid(
        header,
        rows,
        format,
        header.map((_, i) => i > 0 && i < header.length - 1),
      ),
    );
    if (result.bootstrap) parts.push(note(L.ciNote(result.bootstrap.draws, result.bootstrap.seed), format));
  }
  parts.push(note(L.bands, format));
  if (result.confusion && result.confusion.categories.length > 0) {
    const c = result.confusion;
    const title = format === 'md' ? L.confusion(mdCell(c.coders[0]), mdCell(c.coders[1])) : L.confusion(c.coders[0], c.coders[1]);
    const header = [`${c.coders[0]} \\ ${c.coders[1]}`, ...c.categories.map(String)];
    const rows = c.counts.map((r, i) => [String(c.categories[i]), ...r.map(String)]);
    parts.push(
      format === 'md'
        ? `**${title}**\n\n${grid(
            header,
            rows,
            format,
            header.map((_, i) => i > 0),
          )}`
        : `${title}\n${grid(
            header,
            rows,
            format,
            header.map((_, i) => i > 0),
          )}`,
    );
  }
  return parts.join('\n\n') + '\n';
}

/** No rule between body rows, like qia's other listings. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

export function grid(header: string[], rows: string[][], format: TextFormat, right: boolean[]): string {
  if (format === 'md') {
    const line = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
    return [line(header), `|${header.map((_, i) => (right[i] ? '---:' : '---')).join('|')}|`, ...rows.map(line)].join('\n');
  }
  const t = new Table({ head: header, style: { head: [], border: [] }, chars: COMPACT, colAligns: right.map((r) => (r ? 'right' : 'left')) });
  for (const r of rows) t.push(r);
  return t.toString();
}

/** Coefficients to three decimals, the convention for kappa and alpha; a dash where none applies. */
/**
 * One row of the per-code agreement table: units, percent, the three kappas (as `k` writes
 * them), alpha, its interval when bootstrapped, and alpha's verdict.
 */
export function statsRow(code: string, x: AgreementStats, k: (v: number | null) => string, withCi: boolean, lang: Lang): string[] {
  return [
    code,
    String(x.units),
    fmtPct(x.percent, 1),
    k(x.cohenKappa),
    k(x.fleissKappa),
    k(x.brennanPrediger),
    fmt(x.alpha),
    ...(withCi ? [fmtCi(x)] : []),
    interpretAlpha(x.alpha, lang) ?? '—',
  ];
}

export function fmt(v: number | null): string {
  if (v === null) return '—';
  const s = v.toFixed(3);
  return s === '-0.000' ? '0.000' : s;
}

export function fmtPct(v: number | null, digits: number): string {
  return v === null ? '—' : `${v.toFixed(digits)}%`;
}

/** Digit grouping by hand: the same bytes whatever ICU data this Node was built with. */
function thousands(n: number, sep: string): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, sep);
}

export function fmtCi(s: AgreementStats): string {
  return s.alphaInterval ? `[${fmt(s.alphaInterval.lo)}, ${fmt(s.alphaInterval.hi)}]` : '—';
}

/** Notes are qia's own words, so they need no escaping (a `&` stays readable in the raw Markdown). */
export function note(text: string, format: TextFormat): string {
  return format === 'md' ? `*${text}*` : text;
}

/** Pipes, backslashes and markup escaped so a code id or label keeps the table's shape and stays text. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\s+/g, ' ').trim();
}
