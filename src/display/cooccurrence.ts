import type { Analysis } from '../model/analysis.js';
import type { EvidenceRef } from '../model/evidence.js';
import type { Cell, Header, Matrix } from '../model/matrix.js';
import { codeLabel, isWithin, selfAndAncestors } from '../condense/codes.js';
import { countValences } from '../condense/condense.js';
import type { CodingContext } from '../condense/context.js';
import { byStrength } from '../condense/excerpts.js';
import { codeColumns, displayContext, type DisplayOptions } from './common.js';
import { t } from './labels.js';

export interface CooccurrenceOptions extends DisplayOptions {
  /** top: the attributes and obstacles (default); sub: every sub-code that was coded. */
  level?: 'top' | 'sub';
}

/** Jaccard over segments: both / (either), so 1 means the two codes always come together. */
export function segmentJaccard(both: number, a: number, b: number): number {
  const union = a + b - both;
  return union === 0 ? 0 : both / union;
}

/**
 * Code co-occurrence: codes × codes, counting segments coded with both. The diagonal counts
 * segments coded with the code at all. Each cell links one coding per counted segment (the
 * row code's strongest there) and names the column code's coding in `pair`.
 */
export function cooccurrenceMatrix(analysis: Analysis, options: CooccurrenceOptions = {}): Matrix {
  const ctx = displayContext(analysis, options);
  const { lang, index } = ctx;
  let columns: Header[];
  if (options.level === 'sub') {
    const coded = new Set<string>();
    for (const c of index.contexts) for (const a of selfAndAncestors(c.coding.code)) if (a.includes('.')) coded.add(a);
    columns = [...coded].sort(ctx.compareCode).map((id) => ({ id, label: codeLabel(analysis.codebook, id, lang) }));
  } else {
    columns = codeColumns(ctx, true);
  }

  // segment id → column id → codings of that column's code in the segment (text order).
  const bySegment = new Map<string, Map<string, CodingContext[]>>();
  for (const c of index.contexts) {
    for (const col of columns) {
      if (!isWithin(c.coding.code, col.id)) continue;
      let m = bySegment.get(c.segment.id);
      if (!m) bySegment.set(c.segment.id, (m = new Map()));
      let list = m.get(col.id);
      if (!list) m.set(col.id, (list = []));
      list.push(c);
    }
  }
  const segmentOrder = [...bySegment.keys()];
  const segCount = new Map(columns.map((col) => [col.id, segmentOrder.filter((s) => bySegment.get(s)!.has(col.id)).length]));

  const cells: Cell[] = [];
  for (const row of columns) {
    for (const col of columns) {
      const refs: EvidenceRef[] = [];
      const linked: CodingContext[] = [];
      for (const seg of segmentOrder) {
        const m = bySegment.get(seg)!;
        const mine = m.get(row.id);
        const theirs = m.get(col.id);
        if (!mine || !theirs) continue;
        const best = [...mine].sort(byStrength)[0]!;
        linked.push(best);
        const ref: EvidenceRef = { ...best.ref };
        if (row.id !== col.id) ref.pair = [...theirs].sort(byStrength)[0]!.ref.coding;
        refs.push(ref);
      }
      const n = refs.length;
      const coefficient = row.id === col.id ? (n > 0 ? 1 : 0) : segmentJaccard(n, segCount.get(row.id)!, segCount.get(col.id)!);
      const text = n === 0 ? '' : row.id === col.id ? String(n) : `${n} (${coefficient.toFixed(2)})`;
      cells.push({ row: row.id, column: col.id, text, count: n, counts: countValences(linked), refs, coefficient: Math.round(coefficient * 1e4) / 1e4 });
    }
  }
  const notes =
    lang === 'id'
      ? [
          'Angka = jumlah segmen yang dikode dengan kedua kode; dalam kurung = koefisien Jaccard (segmen dengan keduanya ÷ segmen dengan salah satunya). Diagonal = jumlah segmen dengan kode itu.',
        ]
      : [
          'Number = segments coded with both codes; in brackets = the Jaccard coefficient (segments with both ÷ segments with either). Diagonal = segments with that code.',
        ];
  return {
    kind: 'cooccurrence',
    lang,
    title: lang === 'id' ? 'Ko-okurensi kode dalam segmen yang sama' : 'Code co-occurrence within the same segment',
    corner: t(lang, 'code'),
    rows: columns,
    columns,
    cells,
    notes,
  };
}
