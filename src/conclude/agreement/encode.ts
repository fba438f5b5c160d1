import type { Category, ReliabilityData } from './data.js';

/**
 * Reliability data with categories replaced by small integers, so every statistic counts in
 * typed arrays instead of hashing labels cell by cell.
 */
export interface Encoded {
  /** Distinct categories: numbers ascending, then labels in code-point order (a fixed order, so output never depends on row order). */
  readonly categories: readonly Category[];
  readonly nUnits: number;
  readonly nCoders: number;
  /** `cells[u * nCoders + c]`: index into `categories`, or -1 for a missing value. */
  readonly cells: Int32Array;
}

export function encode(data: ReliabilityData): Encoded {
  const seen = new Set<Category>();
  for (const row of data.values) for (const v of row) if (v !== null) seen.add(v);
  const categories = [...seen].sort(compareCategories);
  const index = new Map<Category, number>(categories.map((c, i) => [c, i]));
  const nCoders = data.coders.length;
  const cells = new Int32Array(data.units.length * nCoders).fill(-1);
  data.values.forEach((row, u) => {
    for (let c = 0; c < nCoders; c++) {
      const v = row[c] ?? null;
      if (v !== null) cells[u * nCoders + c] = index.get(v)!;
    }
  });
  return { categories, nUnits: data.units.length, nCoders, cells };
}

export function compareCategories(a: Category, b: Category): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Per unit, how many coders chose each category: the only thing percent agreement, Fleiss'
 * kappa and Brennan–Prediger look at. Only units with at least one value are listed; `start`
 * and `cat`/`count` hold each unit's non-zero categories (sparse, since a unit rarely sees more
 * than two or three categories).
 */
export interface Tallies {
  readonly nCategories: number;
  /** Values per listed unit (m_u). */
  readonly m: Int32Array;
  readonly start: Int32Array;
  readonly cat: Int32Array;
  readonly count: Int32Array;
}

export function tally(enc: Encoded): Tallies {
  const m: number[] = [];
  const start: number[] = [0];
  const cat: number[] = [];
  const count: number[] = [];
  const seen = new Int32Array(enc.categories.length).fill(-1);
  for (let u = 0; u < enc.nUnits; u++) {
    const first = cat.length;
    let mu = 0;
    for (let c = 0; c < enc.nCoders; c++) {
      const k = enc.cells[u * enc.nCoders + c]!;
      if (k < 0) continue;
      mu++;
      if (seen[k]! >= first && cat[seen[k]!] === k) count[seen[k]!]!++;
      else {
        seen[k] = cat.length;
        cat.push(k);
        count.push(1);
      }
    }
    if (mu === 0) continue;
    m.push(mu);
    start.push(cat.length);
  }
  return { nCategories: enc.categories.length, m: Int32Array.from(m), start: Int32Array.from(start), cat: Int32Array.from(cat), count: Int32Array.from(count) };
}
