import type { Analysis } from '../model/analysis.js';
import type { EvidenceRef, ValenceCounts } from '../model/evidence.js';
import type { Cell, Header, Matrix } from '../model/matrix.js';
import type { CodedSegment } from '../model/segment.js';
import { codeLabel, selfAndAncestors } from '../codebook/codes.js';
import { addValence, emptyCounts } from '../condense/condense.js';
import type { AnalysisIndex, CodingContext } from '../index/analysis-index.js';
import { byStrength } from '../condense/excerpts.js';
import { codeColumns, columnsOfCode, displayContext, withRefs, type DisplayContext, type DisplayOptions } from './common.js';
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
  const out: EvidenceRef = {
    coding: ref.coding,
    segmentId: ref.segmentId,
    sourceId: ref.sourceId,
    code: ref.code,
    valence: ref.valence,
    coder: ref.coder,
    line: ref.line,
    endLine: ref.endLine,
    pair,
  };
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
  const { lang } = ctx;
  const columns = cooccurrenceColumns(ctx, analysis, options.level ?? 'top');
  const pairs = new SegmentPairs(ctx.index, columns);
  const { counts, segments } = pairs.tally();
  const n = columns.length;
  const cells: Cell[] = [];
  columns.forEach((row, r) => {
    columns.forEach((col, c) => {
      const here = counts[r * n + c]!;
      const count = here.positive + here.neutral + here.negative;
      const coefficient = r === c ? (count > 0 ? 1 : 0) : segmentJaccard(count, segments[r]!, segments[c]!);
      const text = count === 0 ? '' : r === c ? String(count) : `${count} (${coefficient.toFixed(2)})`;
      const cell = withRefs({ row: row.id, column: col.id, text, count, counts: here } as Cell, () => pairs.links(r * n + c));
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

/** The attributes and obstacles, or (`sub`) every sub-code that was coded, in codebook order. */
function cooccurrenceColumns(ctx: DisplayContext, analysis: Analysis, level: 'top' | 'sub'): Header[] {
  if (level === 'top') return codeColumns(ctx, true);
  const coded = new Set<string>();
  for (const c of ctx.index.contexts) for (const a of selfAndAncestors(c.coding.code)) if (a.includes('.')) coded.add(a);
  return [...coded].sort(ctx.compareCode).map((id) => ({ id, label: codeLabel(analysis.codebook, id, ctx.lang) }));
}

/**
 * Per segment, the strongest coding of each column present there (only the strongest is ever
 * shown or counted), and every pair of the columns present: O(segments × codes per segment²).
 */
class SegmentPairs {
  private readonly n: number;
  private readonly placesOf: (code: string) => number[];
  private linksByCell: EvidenceRef[][] | undefined;

  constructor(
    private readonly index: AnalysisIndex,
    columns: readonly Header[],
  ) {
    this.n = columns.length;
    const position = new Map(columns.map((col, i) => [col.id, i]));
    const colsOf = columnsOfCode(columns);
    const places = new Map<string, number[]>();
    this.placesOf = (code) => {
      let p = places.get(code);
      if (!p) places.set(code, (p = colsOf(code).map((col) => position.get(col)!)));
      return p;
    };
  }

  /** Valence counts per cell (row × n + column) and segments per column. */
  tally(): { counts: ValenceCounts[]; segments: number[] } {
    return this.tallyInTextOrder() ?? this.tallyGathered();
  }

  /** The codings linked from one cell: made for every cell at once, only when a cell's links are read. */
  links(cell: number): EvidenceRef[] {
    if (!this.linksByCell) {
      const n = this.n;
      const all: EvidenceRef[][] = Array.from({ length: n * n }, () => []);
      for (const b of this.strongestPerSegment()) {
        for (let r = 0; r < n; r++) {
          const mine = b[r];
          if (!mine) continue;
          for (let c = 0; c < n; c++) {
            const other = b[c];
            if (other) all[r * n + c]!.push(r === c ? mine.ref : withPair(mine.ref, other.ref.coding));
          }
        }
      }
      this.linksByCell = all;
    }
    return this.linksByCell[cell]!;
  }

  private empty(): { counts: ValenceCounts[]; segments: number[] } {
    return { counts: Array.from({ length: this.n * this.n }, () => emptyCounts()), segments: new Array<number>(this.n).fill(0) };
  }

  /** Adds one segment: `valenceAt(i)` is the valence of column i's strongest coding, or undefined where the column is absent. */
  private static add(into: { counts: ValenceCounts[]; segments: number[] }, n: number, valenceAt: (i: number) => number | undefined): void {
    const present: number[] = [];
    for (let i = 0; i < n; i++) if (valenceAt(i) !== undefined) present.push(i);
    for (const r of present) {
      into.segments[r]!++;
      const v = valenceAt(r)!;
      for (const c of present) addValence(into.counts[r * n + c]!, v);
    }
  }

  /**
   * The fast path: a segment's codings come together in text order, so one segment is held at a
   * time, reading the index's columns by position (a coding's segment, code and strength), not
   * the codings. Undefined when a segment comes back after another (then gather them all).
   */
  private tallyInTextOrder(): { counts: ValenceCounts[]; segments: number[] } | undefined {
    const n = this.n;
    const out = this.empty();
    const cols = codingColumns(this.index);
    const stronger = strengthAt(cols);
    const placesByCode = cols.codes.map(this.placesOf);
    const strongestAt = new Int32Array(n).fill(-1);
    const flush = () => SegmentPairs.add(out, n, (i) => (strongestAt[i]! >= 0 ? cols.valence[strongestAt[i]!]! : undefined));
    let current = -1;
    const done = new Uint8Array(cols.segments);
    for (let p = 0; p < cols.size; p++) {
      const at = placesByCode[cols.code[p]!]!;
      if (at.length === 0) continue;
      const segment = cols.segment[p]!;
      if (segment !== current) {
        if (current >= 0) {
          flush();
          done[current] = 1;
          strongestAt.fill(-1);
        }
        if (done[segment]) return undefined;
        current = segment;
      }
      for (const i of at) {
        const cur = strongestAt[i]!;
        if (cur < 0 || stronger(p, cur) < 0) strongestAt[i] = p;
      }
    }
    if (current >= 0) flush();
    return out;
  }

  private tallyGathered(): { counts: ValenceCounts[]; segments: number[] } {
    const out = this.empty();
    for (const best of this.strongestPerSegment()) SegmentPairs.add(out, this.n, (i) => best[i]?.coding.valence);
    return out;
  }

  /** Every segment's strongest codings, in the order segments are first met. */
  private strongestPerSegment(): Iterable<(CodingContext | undefined)[]> {
    const bySegment = new Map<CodedSegment, (CodingContext | undefined)[]>();
    for (const c of this.index.contexts) {
      const at = this.placesOf(c.coding.code);
      if (at.length === 0) continue;
      let best = bySegment.get(c.segment);
      if (!best) bySegment.set(c.segment, (best = new Array<CodingContext | undefined>(this.n)));
      for (const i of at) {
        const cur = best[i];
        if (cur === undefined || byStrength(c, cur) < 0) best[i] = c;
      }
    }
    return bySegment.values();
  }
}
