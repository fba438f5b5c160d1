import { QiaError } from '../../util/diagnostics.js';
import type { Category, ReliabilityData } from './data.js';
import { encode } from './encode.js';

export interface ConfusionTable {
  /** Rows are the first coder's categories, columns the second's. */
  coders: [string, string];
  /** Every category either coder used on a unit both coded, in the fixed category order. */
  categories: Category[];
  counts: number[][];
  /** Units both coded (the table's total). */
  units: number;
}

/**
 * Category × category counts for two coders over the units both coded: the diagonal is where
 * they agree, and an off-diagonal cell shows which two categories they confuse, which is what
 * a codebook revision needs to know.
 */
export function confusionTable(data: ReliabilityData, first: string, second: string): ConfusionTable {
  const a = data.coders.indexOf(first);
  const b = data.coders.indexOf(second);
  for (const [name, i] of [
    [first, a],
    [second, b],
  ] as const) {
    if (i === -1) throw new QiaError('agree/unknown-coder', `no coder "${name}"; the coders are ${data.coders.join(', ')}`);
  }
  const enc = encode(data);
  const q = enc.categories.length;
  const full = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  const used = new Array<boolean>(q).fill(false);
  let units = 0;
  for (let u = 0; u < enc.nUnits; u++) {
    const x = enc.cells[u * enc.nCoders + a]!;
    const y = enc.cells[u * enc.nCoders + b]!;
    if (x < 0 || y < 0) continue;
    full[x]![y]!++;
    used[x] = used[y] = true;
    units++;
  }
  const keep = enc.categories.map((_, i) => i).filter((i) => used[i]);
  return {
    coders: [first, second],
    categories: keep.map((i) => enc.categories[i]!),
    counts: keep.map((i) => keep.map((j) => full[i]![j]!)),
    units,
  };
}
