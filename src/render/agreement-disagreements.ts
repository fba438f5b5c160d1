import { csvDocument, type CsvDialect, type CsvRow } from './csv-write.js';
import type { Lang, Valence } from '../model/codebook.js';
import type { AdjudicationMark, Disagreement, PairCounts, StudyAgreement } from '../conclude/agreement/study.js';
import { unitWord } from '../conclude/agreement/section.js';
import { citation, MINUS } from '../i18n/labels.js';
import { grid, mdCell, type AgreementFormat, type TextFormat } from './agreement.js';
import { stableJson } from '../util/stable-json.js';
import { tagged } from './json-kinds.js';

/**
 * `qia agree <study> --disagreements`: every unit and code where the coders differ, with the
 * unit's words, where it is, who applied the code with which valence and who did not, and what
 * an adjudicator decided; then a table per pair of coders (per code: both, only the first, only
 * the second, neither, and the valences where both applied it).
 */

/** How much of a unit's text a listing shows. */
const CLIP = { table: 160, md: 240, csv: 400, json: 400 } as const;

export function renderDisagreements(a: StudyAgreement, format: AgreementFormat, lang: Lang, dialect: CsvDialect = {}): string {
  switch (format) {
    case 'json':
      return stableJson(tagged('disagreements', disagreementsJson(a, lang)));
    case 'csv':
      return disagreementsCsv(a, dialect);
    case 'md':
    case 'table':
      return disagreementsText(a, lang, format);
  }
}

const SIGN: Record<string, string> = { '-1': '-', '0': '0', '1': '+' };
const signOf = (v: Valence) => SIGN[String(v)]!;
const shownSign = (v: Valence) => (v < 0 ? MINUS : v > 0 ? '+' : '0');

export function disagreementsJson(a: StudyAgreement, lang: Lang): Record<string, unknown> {
  return {
    unit: a.unit,
    lang,
    coders: a.coders.map((c) => c.name),
    codes: a.codes,
    summary: { disagreements: a.disagreements.length, adjudicated: a.adjudicated, adjudicators: a.adjudicators },
    disagreements: a.disagreements.map((d) => ({
      unit: d.unit.id,
      source: d.unit.sourceId,
      segments: d.unit.segmentIds,
      line: d.unit.line,
      end_line: d.unit.endLine,
      text: clip(d.unit.text, CLIP.json),
      code: d.code,
      kind: d.kind,
      applied: d.applied.map((x) => ({ coder: x.coder, valence: x.valence, codes: x.codes, quotes: x.quotes })),
      not_applied: d.notApplied,
      missing: d.missing,
      adjudicated: d.adjudicated,
    })),
    pairs: a.pairs.map((p) => ({
      coders: p.coders,
      per_code: Object.fromEntries(p.perCode.map((c) => [c.code, pairJson(c)])),
      overall: pairJson(p.overall),
    })),
  };
}

function pairJson(c: Omit<PairCounts, 'code'>): Record<string, unknown> {
  const vs: Valence[] = [-1, 0, 1];
  const valence: Record<string, Record<string, number>> = {};
  vs.forEach((x, i) => {
    valence[signOf(x)] = Object.fromEntries(vs.map((y, j) => [signOf(y), c.valence[i]![j]!]));
  });
  return { both: c.both, only_a: c.onlyA, only_b: c.onlyB, neither: c.neither, valence };
}

const CSV_COLUMNS = ['unit', 'source', 'line', 'end_line', 'code', 'kind', 'text', 'applied', 'not_applied', 'missing', 'adjudicated'] as const;

/** One row per disagreement; a pair's tables are in md, table and json. */
function disagreementsCsv(a: StudyAgreement, dialect: CsvDialect): string {
  const rows: CsvRow[] = [CSV_COLUMNS];
  for (const d of a.disagreements) {
    rows.push([
      d.unit.id,
      d.unit.sourceId,
      d.unit.line,
      d.unit.endLine,
      d.code,
      d.kind,
      clip(d.unit.text, CLIP.csv),
      d.applied.map((x) => `${x.coder} ${signOf(x.valence)}`).join('; '),
      d.notApplied.join('; '),
      d.missing.join('; '),
      d.adjudicated.map((m) => adjudicationText(m, signOf)).join('; '),
    ]);
  }
  return csvDocument(rows, dialect);
}

interface DisLabels {
  summary: (n: number, unit: string, adj: number) => string;
  adjudicators: (names: string) => string;
  none: string;
  where: string;
  code: string;
  text: string;
  applied: string;
  notApplied: string;
  missing: string;
  adjudicated: string;
  kind: Record<Disagreement['kind'], string>;
  pair: (a: string, b: string) => string;
  both: string;
  only: (name: string) => string;
  neither: string;
  valence: string;
  overall: string;
  valenceNote: (a: string, b: string) => string;
  next: string;
}

const DIS_LABELS: Record<Lang, DisLabels> = {
  en: {
    summary: (n, unit, adj) => `${n} disagreement${n === 1 ? '' : 's'} (${unit} × code), ${adj} adjudicated.`,
    adjudicators: (names) => `Adjudicators: ${names}.`,
    none: 'The coders agree on every unit and code.',
    where: 'where',
    code: 'code',
    text: 'text',
    applied: 'applied (valence)',
    notApplied: 'not applied',
    missing: 'not read',
    adjudicated: 'adjudicated',
    kind: { presence: '', valence: 'valence differs' },
    pair: (a, b) => `${a} × ${b}`,
    both: 'both',
    only: (name) => `only ${name}`,
    neither: 'neither',
    valence: 'valence where both applied',
    overall: 'overall',
    valenceNote: (a, b) => `Valence pairs read ${a}/${b}: +/+ agree, +/${MINUS} differ.`,
    next: 'Walk them with `qia review --disagreements`: the decisions go into your own decision log.',
  },
  id: {
    summary: (n, unit, adj) => `${n} ketidaksepakatan (${unit} × kode), ${adj} sudah diadjudikasi.`,
    adjudicators: (names) => `Adjudikator: ${names}.`,
    none: 'Para pengode sepakat pada setiap unit dan kode.',
    where: 'letak',
    code: 'kode',
    text: 'teks',
    applied: 'menerapkan (valensi)',
    notApplied: 'tidak menerapkan',
    missing: 'tidak membaca',
    adjudicated: 'adjudikasi',
    kind: { presence: '', valence: 'valensi berbeda' },
    pair: (a, b) => `${a} × ${b}`,
    both: 'keduanya',
    only: (name) => `hanya ${name}`,
    neither: 'tidak keduanya',
    valence: 'valensi bila keduanya menerapkan',
    overall: 'keseluruhan',
    valenceNote: (a, b) => `Pasangan valensi dibaca ${a}/${b}: +/+ sepakat, +/${MINUS} berbeda.`,
    next: 'Telusuri dengan `qia review --disagreements`: keputusannya masuk ke log keputusan Anda sendiri.',
  },
};

function disagreementsText(a: StudyAgreement, lang: Lang, format: TextFormat): string {
  const L = DIS_LABELS[lang];
  const parts: string[] = [L.summary(a.disagreements.length, unitWord(a.unit, lang), a.adjudicated)];
  if (a.adjudicators.length > 0) parts.push(L.adjudicators(a.adjudicators.join(', ')));
  const where = (d: Disagreement) => citation(d.unit.sourceId, d.unit.line, lang, d.unit.endLine);
  const codeCell = (d: Disagreement) => (d.kind === 'valence' ? `${d.code} (${L.kind.valence})` : d.code);
  const appliedCell = (d: Disagreement) =>
    d.applied.map((x) => `${x.coder} ${shownSign(x.valence)}${x.codes.length === 1 && x.codes[0] === d.code ? '' : ` [${x.codes.join(', ')}]`}`).join('; ');
  const adjudicatedCell = (d: Disagreement) => d.adjudicated.map((m) => adjudicationText(m, shownSign)).join('; ');
  if (a.disagreements.length === 0) parts.push(L.none);
  else if (format === 'md') {
    const missing = a.disagreements.some((d) => d.missing.length > 0);
    const header = [L.where, L.code, L.text, L.applied, L.notApplied, ...(missing ? [L.missing] : []), L.adjudicated];
    const rows = a.disagreements.map((d) => [
      where(d),
      codeCell(d),
      clip(d.unit.text, CLIP.md),
      appliedCell(d),
      d.notApplied.join(', '),
      ...(missing ? [d.missing.join(', ')] : []),
      adjudicatedCell(d),
    ]);
    parts.push(
      grid(
        header,
        rows,
        format,
        header.map(() => false),
      ),
    );
    parts.push(L.next);
  } else {
    // A terminal gets one block per disagreement: a table of clipped texts would be too wide to read.
    const blocks = a.disagreements.map((d) => {
      const lines = [`${where(d)}  ${codeCell(d)}`, `  ${clip(d.unit.text, CLIP.table)}`, `  ${L.applied}: ${appliedCell(d)}`];
      if (d.notApplied.length > 0) lines.push(`  ${L.notApplied}: ${d.notApplied.join(', ')}`);
      if (d.missing.length > 0) lines.push(`  ${L.missing}: ${d.missing.join(', ')}`);
      if (d.adjudicated.length > 0) lines.push(`  ${L.adjudicated}: ${adjudicatedCell(d)}`);
      return lines.join('\n');
    });
    parts.push(blocks.join('\n\n'));
    parts.push(L.next);
  }
  for (const p of a.pairs) {
    const [x, y] = p.coders;
    const header = [L.code, L.both, L.only(x), L.only(y), L.neither, L.valence];
    const row = (code: string, c: Omit<PairCounts, 'code'>) => [
      code,
      String(c.both),
      String(c.onlyA),
      String(c.onlyB),
      String(c.neither),
      valencePairs(c.valence),
    ];
    const rows = [...p.perCode.map((c) => row(c.code, c)), row(L.overall, p.overall)];
    const title = L.pair(x, y);
    parts.push(
      `${format === 'md' ? `**${mdCell(title)}**\n\n` : `${title}\n`}${grid(
        header,
        rows,
        format,
        header.map((_, i) => i > 0 && i < 5),
      )}`,
    );
  }
  if (a.pairs.length > 0) parts.push(L.valenceNote(a.pairs[0]!.coders[0], a.pairs[0]!.coders[1]));
  return parts.join('\n\n') + '\n';
}

/** The non-empty cells of a 3 × 3 valence table, e.g. `+/+ 5, −/− 2, +/− 1`: agreements first. */
function valencePairs(t: readonly (readonly number[])[]): string {
  const vs: Valence[] = [-1, 0, 1];
  const same: string[] = [];
  const differ: string[] = [];
  vs.forEach((a, i) =>
    vs.forEach((b, j) => {
      const n = t[i]![j]!;
      if (n > 0) (i === j ? same : differ).push(`${shownSign(a)}/${shownSign(b)} ${n}`);
    }),
  );
  return [...same.reverse(), ...differ].join(', ');
}

function adjudicationText(m: AdjudicationMark, sign: (v: Valence) => string): string {
  const v = m.valence !== undefined ? ` ${sign(m.valence)}` : '';
  return `${m.by}: ${m.op} ${m.code}${m.to !== undefined ? ` → ${m.to}` : ''}${v}`;
}

function clip(text: string, n: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}
