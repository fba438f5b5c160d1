import type { Analysis } from '../model/analysis.js';
import type { EvidenceRef, ValenceCounts } from '../model/evidence.js';
import type { Cell, Header, Matrix } from '../model/matrix.js';
import { codeLabel, selfAndAncestors } from '../condense/codes.js';
import { addValence, emptyCounts } from '../condense/condense.js';
import type { CodingContext } from '../condense/context.js';
import { byStrength } from '../condense/excerpts.js';
import { codeColumns, columnsOfCode, displayContext, withRefs, type DisplayOptions } from './common.js';
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

/** A copy of a ref naming its partner coding; spelt out because it is made for every pair of every segment. */
function withPair(ref: EvidenceRef, pair: string): EvidenceRef {
  const out: EvidenceRef = { coding: ref.coding, segmentId: ref.segmentId, sourceId: ref.sourceId, code: ref.code, valence: ref.valence, coder: ref.coder, line: ref.line, endLine: ref.endLine, pair };
  if (ref.informant !== undefined) out.informant = ref.informant;
  return out;
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

  // One pass over the codings: per segment (in text order), the strongest coding of each column
  // present there. Only the strongest is ever shown, so the rest need not be kept.
  const position = new Map(columns.map((col, i) => [col.id, i]));
  const colsOf = columnsOfCode(columns);
  const bySegment = new Map<string, (CodingContext | undefined)[]>();
  for (const c of index.contexts) {
    const cols = colsOf(c.coding.code);
    if (cols.length === 0) continue;
    let best = bySegment.get(c.segment.id);
    if (!best) bySegment.set(c.segment.id, (best = new Array<CodingContext | undefined>(columns.length)));
    for (const col of cols) {
      const i = position.get(col)!;
      const cur = best[i];
      if (cur === undefined || byStrength(c, cur) < 0) best[i] = c;
    }
  }

  // Then per segment, every pair of the columns present: O(segments × codes per segment²).
  const n = columns.length;
  const counts: ValenceCounts[] = Array.from({ length: n * n }, () => emptyCounts());
  // Per cell, the row code's coding and its partner, pair by pair: the refs are made from them on demand.
  const mines: CodingContext[][] = Array.from({ length: n * n }, () => []);
  const partners: CodingContext[][] = Array.from({ length: n * n }, () => []);
  const segCount = new Array<number>(n).fill(0);
  const present: number[] = [];
  for (const best of bySegment.values()) {
    present.length = 0;
    for (let i = 0; i < n; i++) if (best[i] !== undefined) present.push(i);
    for (const r of present) {
      segCount[r]!++;
      const mine = best[r]!;
      for (const c of present) {
        addValence(counts[r * n + c]!, mine.coding.valence);
        mines[r * n + c]!.push(mine);
        partners[r * n + c]!.push(best[c]!);
      }
    }
  }

  const cells: Cell[] = [];
  columns.forEach((row, r) => {
    columns.forEach((col, c) => {
      const mine = mines[r * n + c]!;
      const partner = partners[r * n + c]!;
      const count = mine.length;
      const coefficient = r === c ? (count > 0 ? 1 : 0) : segmentJaccard(count, segCount[r]!, segCount[c]!);
      const text = count === 0 ? '' : r === c ? String(count) : `${count} (${coefficient.toFixed(2)})`;
      const cell = withRefs({ row: row.id, column: col.id, text, count, counts: counts[r * n + c]! } as Cell, () =>
        mine.map((m, i) => (r === c ? m.ref : withPair(m.ref, partner[i]!.ref.coding))),
      );
      cell.coefficient = Math.round(coefficient * 1e4) / 1e4;
      cells.push(cell);
    });
  });
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
