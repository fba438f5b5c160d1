import { csvDocument, type CsvDialect, type CsvRow } from './csv-write.js';
import type { Lang } from '../model/codebook.js';
import { INTERPRETATION_SOURCES, interpretAlpha } from '../conclude/agreement/interpret.js';
import type { AgreementStats } from '../conclude/agreement/result.js';
import { countingSentence, methodSentence, unitWord } from '../conclude/agreement/section.js';
import type { CoderOrigin } from '../conclude/agreement/study-coders.js';
import type { StudyAgreement } from '../conclude/agreement/study.js';
import { fmt, fmtCi, fmtPct, grid, LABELS, note, statsJson, statsRow, type AgreementFormat, type TextFormat } from './agreement.js';
import { stableJson } from '../util/stable-json.js';
import { tagged } from './json-kinds.js';

/**
 * The agreement of a study's coders (`qia agree <study>`) in the four list formats. JSON keeps
 * the contract of `--matrix` (`overall` and `per_code` with `percent`, `cohen_kappa`,
 * `fleiss_kappa`, `krippendorff_alpha`, `brennan_prediger`, `n_units`, null where a statistic
 * does not apply) for presence, and adds under each a `valence` object with the same keys.
 */

export interface StudyRenderOptions {
  /** Counting per piece of evidence (study.yaml coding.count), for the sentence on how codings count. */
  perEvidence: boolean;
}

export function renderStudyAgreement(a: StudyAgreement, format: AgreementFormat, lang: Lang, options: StudyRenderOptions, dialect: CsvDialect = {}): string {
  switch (format) {
    case 'json':
      return stableJson(tagged('agreement-study', studyAgreementJson(a, lang, options)));
    case 'csv':
      return studyCsv(a, lang, dialect);
    case 'md':
    case 'table':
      return studyText(a, lang, format, options);
  }
}

export function studyAgreementJson(a: StudyAgreement, lang: Lang, options: StudyRenderOptions): Record<string, unknown> {
  const valence = new Map(a.valence.perCode.map((c) => [c.code, c.stats]));
  return {
    unit: a.unit,
    level: a.level,
    presence_level: 'nominal',
    lang,
    codes: a.codes,
    coders: a.coders.map((c) => c.name),
    coders_chosen_by: a.chosenBy,
    // Units read are counted among the units compared, so only for the coders compared.
    coder_details: a.available.map((c) => {
      const compared = a.coders.some((x) => x.name === c.name);
      return { name: c.name, from: c.from, units: compared ? c.units : null, compared, adjudicator: a.adjudicators.includes(c.name) };
    }),
    bootstrap: a.presence.bootstrap,
    confusion: a.presence.confusion,
    interpretation_sources: { kappa: INTERPRETATION_SOURCES.kappa, alpha: INTERPRETATION_SOURCES.alpha },
    counting: countingSentence(options.perEvidence, lang),
    overall: { ...statsJson(a.presence.overall, lang), valence: statsJson(a.valence.overall, lang) },
    per_code: Object.fromEntries(a.presence.perCode.map((c) => [c.code, { ...statsJson(c.stats, lang), valence: statsJson(valence.get(c.code)!, lang) }])),
    adjudication: { disagreements: a.disagreements.length, adjudicated: a.adjudicated, adjudicators: a.adjudicators },
  };
}

const CSV_COLUMNS = [
  'scope',
  'code',
  'figure',
  'unit',
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
  'krippendorff_alpha_interpretation',
] as const;

/** One row per scope and figure: overall presence and valence, then each code's; numbers unrounded. */
function studyCsv(a: StudyAgreement, lang: Lang, dialect: CsvDialect): string {
  const row = (scope: string, code: string, figure: 'presence' | 'valence', s: AgreementStats) => [
    scope,
    code,
    figure,
    a.unit,
    figure === 'presence' ? 'nominal' : a.level,
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
    s.alphaInterval ? s.alphaInterval.lo : null,
    s.alphaInterval ? s.alphaInterval.hi : null,
    interpretAlpha(s.alpha, lang),
  ];
  const valence = new Map(a.valence.perCode.map((c) => [c.code, c.stats]));
  const rows: CsvRow[] = [CSV_COLUMNS, row('overall', '', 'presence', a.presence.overall), row('overall', '', 'valence', a.valence.overall)];
  for (const c of a.presence.perCode) {
    rows.push(row('code', c.code, 'presence', c.stats));
    rows.push(row('code', c.code, 'valence', valence.get(c.code)!));
  }
  return csvDocument(rows, dialect);
}

interface StudyLabels {
  coders: string;
  read: (n: number, unit: string) => string;
  origins: Record<CoderOrigin, string>;
  presence: string;
  valence: (level: string) => string;
  percent: string;
  bp: string;
  alpha: (level: string) => string;
  verdict: string;
  adjudicators: (names: string) => string;
  disagreements: (n: number, adjudicated: number) => string;
  next: string;
}

const STUDY_LABELS: Record<Lang, StudyLabels> = {
  en: {
    coders: 'Coders',
    read: (n, unit) => `${n} ${unit}${n === 1 ? '' : 's'} read`,
    origins: { file: 'coder file', inline: 'inline tags', log: 'decision log', codebook: 'codebook' },
    presence: 'Code applied or not',
    valence: (level) => `Valence, where two or more coders applied the code (α ${level})`,
    percent: '% agree',
    bp: 'κ B–P',
    alpha: (level) => `α ${level}`,
    verdict: 'α: reliability',
    adjudicators: (names) => `Adjudicators (decision logs not compared): ${names}.`,
    disagreements: (n, adj) => `Disagreements: ${n} unit × code pair${n === 1 ? '' : 's'}, ${adj} adjudicated.`,
    next: '`qia agree --disagreements` lists them; `qia review --disagreements` walks them.',
  },
  id: {
    coders: 'Pengode',
    read: (n, unit) => `${n} ${unit} dibaca`,
    origins: { file: 'berkas koding', inline: 'tag dalam transkrip', log: 'log keputusan', codebook: 'kodebuku' },
    presence: 'Penerapan kode: diterapkan atau tidak',
    valence: (level) => `Valensi, bila dua pengode atau lebih menerapkan kode (α ${level})`,
    percent: '% sepakat',
    bp: 'κ B–P',
    alpha: (level) => `α ${level}`,
    verdict: 'α: keandalan',
    adjudicators: (names) => `Adjudikator (log keputusan yang tidak dibandingkan): ${names}.`,
    disagreements: (n, adj) => `Ketidaksepakatan: ${n} pasangan unit × kode, ${adj} sudah diadjudikasi.`,
    next: '`qia agree --disagreements` mencantumkannya; `qia review --disagreements` menelusurinya.',
  },
};

/** The terminal table and Markdown: what was compared, presence per code, valence per code, notes. */
function studyText(a: StudyAgreement, lang: Lang, format: TextFormat, options: StudyRenderOptions): string {
  const L = LABELS[lang];
  const S = STUDY_LABELS[lang];
  const unit = unitWord(a.unit, lang);
  const parts: string[] = [];
  const bold = (t: string) => (format === 'md' ? `**${t}**` : t);
  parts.push(methodSentence(a, lang));
  const coders = a.coders.map((c) => `${c.name} (${c.from.map((o) => S.origins[o]).join(', ')}; ${S.read(c.units, unit)})`).join('; ');
  parts.push(`${S.coders}: ${coders}.`);

  const ciLabel = L.ci(a.presence.bootstrap?.confidence ?? 0.95);
  const boot = a.presence.bootstrap !== null;
  const k = (v: number | null) => fmt(v);
  const pHeader = [L.code, L.units, S.percent, L.cohen, L.fleiss, S.bp, S.alpha(L.levels['nominal']!), ...(boot ? [ciLabel] : []), S.verdict];
  const pRow = (code: string, x: AgreementStats) => statsRow(code, x, k, boot, lang);
  const pRows = [pRow(L.overall, a.presence.overall), ...a.presence.perCode.map((c) => pRow(c.code, c.stats))];
  const gap = format === 'md' ? '\n\n' : '\n';
  parts.push(
    `${bold(S.presence)}${gap}${grid(
      pHeader,
      pRows,
      format,
      pHeader.map((_, i) => i > 0 && i < pHeader.length - 1),
    )}`,
  );

  const level = L.levels[a.level] ?? a.level;
  const vHeader = [L.code, L.units, S.percent, L.cohen, S.alpha(level), ...(boot ? [ciLabel] : []), S.verdict];
  const vRow = (code: string, x: AgreementStats) => [
    code,
    String(x.units),
    fmtPct(x.percent, 1),
    k(x.cohenKappa),
    fmt(x.alpha),
    ...(boot ? [fmtCi(x)] : []),
    interpretAlpha(x.alpha, lang) ?? '—',
  ];
  const vRows = [vRow(L.overall, a.valence.overall), ...a.valence.perCode.map((c) => vRow(c.code, c.stats))];
  parts.push(
    `${bold(S.valence(level))}${gap}${grid(
      vHeader,
      vRows,
      format,
      vHeader.map((_, i) => i > 0 && i < vHeader.length - 1),
    )}`,
  );

  if (a.presence.bootstrap) parts.push(note(L.ciNote(a.presence.bootstrap.draws, a.presence.bootstrap.seed), format));
  parts.push(note(`${L.bands} κ B–P: Brennan–Prediger.`, format));
  parts.push(note(countingSentence(options.perEvidence, lang), format));
  if (a.adjudicators.length > 0) parts.push(S.adjudicators(a.adjudicators.join(', ')));
  parts.push(`${S.disagreements(a.disagreements.length, a.adjudicated)}${a.disagreements.length > 0 ? ` ${S.next}` : ''}`);
  return parts.join('\n\n') + '\n';
}
