import type { Analysis } from '../model/analysis.js';
import type { Cell, Header, Matrix, Strength } from '../model/matrix.js';
import { childCodes, codeLabel, topCodes } from '../codebook/codes.js';
import type { CodingContext } from '../index/analysis-index.js';
import { addValence, emptyCounts } from '../condense/condense.js';
import type { ValenceCounts } from '../model/evidence.js';
import { displayContext, quoteOf, sharedCells, splitUnder, type DisplayOptions } from './common.js';
import { codingColumns, type CodingColumns } from '../index/columns.js';
import { t, valenceMarks } from '../i18n/labels.js';

export interface ChecklistThresholds {
  /** Codings needed for "strong" (default 3). */
  strongCount: number;
  /** Distinct voices needed for "strong" (default 2): informants, or sources for codings without one. */
  strongVoices: number;
}

export const DEFAULT_THRESHOLDS: ChecklistThresholds = { strongCount: 3, strongVoices: 2 };

export interface ChecklistOptions extends DisplayOptions {
  thresholds?: Partial<ChecklistThresholds>;
}

/** Distinct voices: each informant once, and each source without an informant once. */
export function voices(contexts: readonly CodingContext[]): number {
  return new Set(contexts.map((c) => c.informantId ?? `source:${c.segment.sourceId}`)).size;
}

/**
 * strong: at least `strongCount` codings from at least `strongVoices` distinct voices;
 * some: at least one coding; none: no coding. Direction does not enter: the marks show it.
 */
export function strengthOf(contexts: readonly CodingContext[], th: ChecklistThresholds = DEFAULT_THRESHOLDS): Strength {
  if (contexts.length === 0) return 'none';
  if (contexts.length < th.strongCount) return 'some';
  // Stop counting voices once there are enough: an indicator may rest on many thousand codings.
  const seen = new Set<string>();
  for (const c of contexts) {
    seen.add(c.informantId ?? `source:${c.segment.sourceId}`);
    if (seen.size >= th.strongVoices) return 'strong';
  }
  return seen.size >= th.strongVoices ? 'strong' : 'some';
}

const COLUMNS = ['present', 'strength', 'evidence', 'voices', 'finding'] as const;

/**
 * What a row of the checklist says of its codings, in one pass over them (an indicator may
 * rest on a hundred thousand): counts by valence, informants named, distinct sources, distinct
 * voices (as strengthOf counts them) and the strongest coding. Each coding's position (its
 * `order`) is all that is read of it; the rest comes from the index's columns.
 */
function indicatorFigures(
  contexts: readonly CodingContext[],
  cols: CodingColumns,
): { counts: ValenceCounts; informants: number; sources: number; voices: number; best: CodingContext | undefined } {
  const counts = emptyCounts();
  const informantSeen = new Uint8Array(cols.informants.length);
  const sourceSeen = new Uint8Array(cols.sources.length);
  const anonymousSeen = new Uint8Array(cols.sources.length);
  let informants = 0;
  let sources = 0;
  let speakers = 0;
  let anonymous = 0;
  let best: CodingContext | undefined;
  let b = -1;
  const { valence, score, informant, source } = cols;
  for (const c of contexts) {
    const p = c.order;
    const v = valence[p]!;
    addValence(counts, v);
    const id = informant[p]!;
    const src = source[p]!;
    if (!sourceSeen[src]) {
      sourceSeen[src] = 1;
      sources++;
    }
    if (id >= 0) {
      if (!informantSeen[id]) {
        informantSeen[id] = 1;
        speakers++;
        // An empty informant id speaks, but names no one.
        if (cols.informants[id]) informants++;
      }
    } else if (!anonymousSeen[src]) {
      anonymousSeen[src] = 1;
      anonymous++;
    }
    // As byStrength(c, best) < 0, over the columns.
    if (b < 0 || (score[b]! - score[p]! || Math.abs(valence[b]!) - Math.abs(v) || p - b) < 0) {
      b = p;
      best = c;
    }
  }
  return { counts, informants, sources, voices: speakers + anonymous, best };
}

/**
 * Checklist matrix ("Matriks Pembahasan"): each attribute's indicators (its sub-codes) ×
 * present, strength, evidence count with valence marks, voices and the strongest finding.
 */
export function checklistMatrix(analysis: Analysis, options: ChecklistOptions = {}): Matrix {
  const ctx = displayContext(analysis, options);
  const { lang, index, analysis: a } = ctx;
  const th: ChecklistThresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const columns: Header[] = [
    { id: 'present', label: t(lang, 'present') },
    { id: 'strength', label: t(lang, 'strength') },
    { id: 'evidence', label: t(lang, 'evidence') },
    { id: 'voices', label: lang === 'id' ? 'Informan / sumber' : 'Informants / sources' },
    { id: 'finding', label: t(lang, 'finding') },
  ];

  const rows: Header[] = [];
  const cells: Cell[] = [];
  const attributes = topCodes(a.codebook, 'attribute').map((id) => ({ id, children: childCodes(a.codebook, id) }));
  const cols = codingColumns(index);
  const splits = splitUnder(index.contexts, attributes, cols);
  attributes.forEach(({ id: attr, children }, ai) => {
    const group = codeLabel(a.codebook, attr, lang);
    const split = splits[ai]!;
    const indicators: { id: string; label: string; contexts: CodingContext[] }[] = children.map((sub, i) => ({
      id: sub,
      label: codeLabel(a.codebook, sub, lang),
      contexts: split.byChild[i]!,
    }));
    // Codings on the attribute itself, or on a sub-code the codebook does not list, get a row of their own.
    const rest = split.rest;
    if (rest.length > 0 || indicators.length === 0) {
      indicators.push({ id: `${attr}#general`, label: `${group} (${t(lang, 'general')})`, contexts: rest });
    }
    for (const ind of indicators) {
      rows.push({ id: ind.id, label: ind.label, group });
      const here = ind.contexts;
      const f = indicatorFigures(here, cols);
      const strength: Strength = here.length === 0 ? 'none' : here.length < th.strongCount ? 'some' : f.voices >= th.strongVoices ? 'strong' : 'some';
      const texts: Record<(typeof COLUMNS)[number], string> = {
        present: t(lang, here.length ? 'yes' : 'no'),
        strength: t(lang, strength),
        evidence: here.length ? `${here.length} (${valenceMarks(f.counts)})` : '0',
        voices: `${f.informants} / ${f.sources}`,
        finding: quoteOf(f.best, 100),
      };
      cells.push(
        ...sharedCells(
          ind.id,
          here,
          COLUMNS.map((col) => [col, texts[col]] as const),
          strength,
          f.counts,
        ),
      );
    }
  });
  const notes =
    lang === 'id'
      ? [
          `Kekuatan: kuat = sedikitnya ${th.strongCount} koding dari sedikitnya ${th.strongVoices} informan atau sumber berbeda; sebagian = sedikitnya satu koding; tidak ada = tanpa koding. Arah bukti ditunjukkan oleh tanda (+ mendukung, − melemahkan, · netral), bukan oleh kekuatan.`,
        ]
      : [
          `Strength: strong = at least ${th.strongCount} codings from at least ${th.strongVoices} distinct informants or sources; some = at least one coding; none = no coding. The marks give the direction (+ favourable, − unfavourable, · neutral); strength ignores it.`,
        ];
  return {
    kind: 'checklist',
    lang,
    title: lang === 'id' ? 'Matriks daftar periksa: indikator atribut inovasi' : 'Checklist matrix: innovation-attribute indicators',
    corner: t(lang, 'indicator'),
    groupLabel: t(lang, 'attribute'),
    rows,
    columns,
    cells,
    notes,
  };
}
