import type { Analysis } from '../model/analysis.js';
import type { EvidenceRef, ValenceCounts } from '../model/evidence.js';
import type { Cell, Header, Matrix } from '../model/matrix.js';
import type { CodedSegment } from '../model/segment.js';
import { codeLabel, selfAndAncestors } from '../codebook/codes.js';
import { addValence, emptyCounts } from '../condense/condense.js';
import type { CodingContext } from '../index/analysis-index.js';
import { byStrength } from '../condense/excerpts.js';
import { codeColumns, columnsOfCode, displayContext, withRefs, type DisplayOptions } from './common.js';
import { codingColumns, strengthAt } from '../index/tabulate.js';
import { t } from '../i18n/labels.js';

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

  // Per segment, the strongest coding of each column present there: only the strongest is
  // ever shown or counted, so the rest need not be kept.
  const n = columns.length;
  const position = new Map(columns.map((col, i) => [col.id, i]));
  const colsOf = columnsOfCode(columns);
  const places = new Map<string, number[]>();
  const placesOf = (code: string): number[] => {
    let p = places.get(code);
    if (!p) places.set(code, (p = colsOf(code).map((col) => position.get(col)!)));
    return p;
  };
  const keepStrongest = (best: (CodingContext | undefined)[], c: CodingContext, at: readonly number[]) => {
    for (const i of at) {
      const cur = best[i];
      if (cur === undefined || byStrength(c, cur) < 0) best[i] = c;
    }
  };
  /** Every segment's strongest codings, in the order segments are first met. */
  const strongestPerSegment = (): Iterable<(CodingContext | undefined)[]> => {
    const bySegment = new Map<CodedSegment, (CodingContext | undefined)[]>();
    for (const c of index.contexts) {
      const at = placesOf(c.coding.code);
      if (at.length === 0) continue;
      let best = bySegment.get(c.segment);
      if (!best) bySegment.set(c.segment, (best = new Array<CodingContext | undefined>(n)));
      keepStrongest(best, c, at);
    }
    return bySegment.values();
  };

  // Then per segment, every pair of the columns present: O(segments × codes per segment²).
  const counts: ValenceCounts[] = Array.from({ length: n * n }, () => emptyCounts());
  const segCount = new Array<number>(n).fill(0);
  const present: number[] = [];
  const tally = (best: readonly (CodingContext | undefined)[]) => {
    present.length = 0;
    for (let i = 0; i < n; i++) if (best[i] !== undefined) present.push(i);
    for (const r of present) {
      segCount[r]!++;
      const v = best[r]!.coding.valence;
      for (const c of present) addValence(counts[r * n + c]!, v);
    }
  };
  // A segment's codings come together in text order, so one segment is held at a time; should
  // one come back after another, the segments are gathered all at once instead. This pass reads
  // the index's columns by position (a coding's segment, code and strength), not the codings.
  const cols = codingColumns(index);
  const stronger = strengthAt(cols);
  const placesByCode = cols.codes.map(placesOf);
  const strongestAt = new Int32Array(n).fill(-1);
  const tallyAt = () => {
    present.length = 0;
    for (let i = 0; i < n; i++) if (strongestAt[i]! >= 0) present.push(i);
    for (const r of present) {
      segCount[r]!++;
      const v = cols.valence[strongestAt[r]!]!;
      for (const c of present) addValence(counts[r * n + c]!, v);
    }
  };
  let current = -1;
  const done = new Uint8Array(cols.segments);
  let together = true;
  for (let p = 0; p < cols.size; p++) {
    const at = placesByCode[cols.code[p]!]!;
    if (at.length === 0) continue;
    const segment = cols.segment[p]!;
    if (segment !== current) {
      if (current >= 0) {
        tallyAt();
        done[current] = 1;
        strongestAt.fill(-1);
      }
      if (done[segment]) {
        together = false;
        break;
      }
      current = segment;
    }
    for (const i of at) {
      const cur = strongestAt[i]!;
      if (cur < 0 || stronger(p, cur) < 0) strongestAt[i] = p;
    }
  }
  if (!together) {
    for (const k of counts) Object.assign(k, emptyCounts());
    segCount.fill(0);
    for (const b of strongestPerSegment()) tally(b);
  } else if (current >= 0) {
    tallyAt();
  }

  // Each cell links one coding per counted segment (the row code's strongest there), naming the
  // column code's coding in `pair`: made, for every cell at once, only when a cell's links are read.
  let links: EvidenceRef[][] | undefined;
  const linksOf = (cell: number): EvidenceRef[] => {
    if (!links) {
      const all: EvidenceRef[][] = Array.from({ length: n * n }, () => []);
      for (const b of strongestPerSegment()) {
        for (let r = 0; r < n; r++) {
          const mine = b[r];
          if (!mine) continue;
          for (let c = 0; c < n; c++) {
            const other = b[c];
            if (other) all[r * n + c]!.push(r === c ? mine.ref : withPair(mine.ref, other.ref.coding));
          }
        }
      }
      links = all;
    }
    return links[cell]!;
  };

  const cells: Cell[] = [];
  columns.forEach((row, r) => {
    columns.forEach((col, c) => {
      const here = counts[r * n + c]!;
      const count = here.positive + here.neutral + here.negative;
      const coefficient = r === c ? (count > 0 ? 1 : 0) : segmentJaccard(count, segCount[r]!, segCount[c]!);
      const text = count === 0 ? '' : r === c ? String(count) : `${count} (${coefficient.toFixed(2)})`;
      const cell = withRefs({ row: row.id, column: col.id, text, count, counts: here } as Cell, () => linksOf(r * n + c));
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
