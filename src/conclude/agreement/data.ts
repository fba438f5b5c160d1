import { QiaError } from '../../util/diagnostics.js';

/**
 * Reliability data in Krippendorff's sense: units (segments, sentences, rows of a matrix) ×
 * coders, each cell the category a coder gave the unit or null when the coder gave none.
 * Categories are labels or numbers; the number 1 and the label "1" are different categories,
 * so a reader that means numbers must parse them as numbers.
 */
export type Category = string | number;
export type Value = Category | null;

export interface ReliabilityData {
  readonly units: readonly string[];
  readonly coders: readonly string[];
  /** `values[u][c]`: what coder `coders[c]` gave unit `units[u]`; every row has one cell per coder. */
  readonly values: readonly (readonly Value[])[];
}

export interface UnitRow {
  unit: string;
  values: readonly Value[];
}

/**
 * Reliability data from rows that already hold one cell per coder (a matrix file, a test).
 * A row with fewer cells than coders is padded with missing values; one with more is an error,
 * since a value without a coder cannot be counted.
 */
export function reliabilityData(coders: readonly string[], rows: readonly UnitRow[]): ReliabilityData {
  assertDistinct(coders, 'coder');
  assertDistinct(
    rows.map((r) => r.unit),
    'unit',
  );
  const values = rows.map((r) => {
    if (r.values.length > coders.length) throw new QiaError('agree/bad-data', `unit "${r.unit}" has ${r.values.length} values for ${coders.length} coders`);
    const row: Value[] = r.values.map(checkValue);
    while (row.length < coders.length) row.push(null);
    return row;
  });
  return { units: rows.map((r) => r.unit), coders: [...coders], values };
}

export interface Assignment {
  unit: string;
  coder: string;
  value: Value;
}

/**
 * Reliability data from loose (unit, coder, value) triples, the shape codings come in: the
 * study mode builds one of these per code. Units and coders keep the order given in `options`,
 * else the order they first appear; a unit or coder named in `options` but never assigned is
 * kept, all missing. The same coder giving one unit two different values is an error (which one
 * counts?); giving it the same value twice is not.
 */
export function fromAssignments(assignments: Iterable<Assignment>, options: { units?: readonly string[]; coders?: readonly string[] } = {}): ReliabilityData {
  const units = new Map<string, number>();
  const coders = new Map<string, number>();
  for (const u of options.units ?? []) if (!units.has(u)) units.set(u, units.size);
  for (const c of options.coders ?? []) if (!coders.has(c)) coders.set(c, coders.size);
  const cells = new Map<string, Value>();
  for (const a of assignments) {
    if (!units.has(a.unit)) units.set(a.unit, units.size);
    if (!coders.has(a.coder)) coders.set(a.coder, coders.size);
    const key = `${units.get(a.unit)}\u0000${coders.get(a.coder)}`;
    const v = checkValue(a.value);
    const before = cells.get(key) ?? null;
    if (before !== null && v !== null && before !== v) {
      throw new QiaError('agree/conflicting-values', `coder "${a.coder}" gave unit "${a.unit}" both ${show(before)} and ${show(v)}`);
    }
    if (before === null) cells.set(key, v);
  }
  const values: Value[][] = [...units.keys()].map(() => new Array<Value>(coders.size).fill(null));
  for (const [key, v] of cells) {
    const [u, c] = key.split('\u0000').map(Number) as [number, number];
    values[u]![c] = v;
  }
  return { units: [...units.keys()], coders: [...coders.keys()], values };
}

/**
 * Data given as a distribution (one row per unit, the number of coders who chose each
 * category), the form Fleiss (1971) and many textbooks print. Who chose what is lost, so the
 * coders are anonymous slots `r1…rm`: fine for percent agreement, Fleiss' kappa, Brennan–Prediger
 * and alpha, which never ask which coder gave a value, but not for Cohen's kappa.
 */
export function fromCounts(counts: readonly (readonly number[])[], categories?: readonly Category[]): ReliabilityData {
  const width = counts.reduce((w, r) => Math.max(w, r.length), 0);
  const cats = categories ?? Array.from({ length: width }, (_, i) => i + 1);
  if (cats.length < width) throw new QiaError('agree/bad-data', `${width} count columns but only ${cats.length} categories`);
  const raters = counts.reduce(
    (m, r) =>
      Math.max(
        m,
        r.reduce((s, x) => s + x, 0),
      ),
    0,
  );
  const rows: UnitRow[] = counts.map((r, i) => {
    const values: Value[] = [];
    r.forEach((n, k) => {
      if (!Number.isInteger(n) || n < 0) throw new QiaError('agree/bad-data', `unit ${i + 1}: count ${n} is not a whole number ≥ 0`);
      for (let j = 0; j < n; j++) values.push(cats[k]!);
    });
    return { unit: String(i + 1), values };
  });
  return reliabilityData(
    Array.from({ length: raters }, (_, i) => `r${i + 1}`),
    rows,
  );
}

/** The same data with only the named coders, in the order named. */
export function selectCoders(data: ReliabilityData, coders: readonly string[]): ReliabilityData {
  const idx = coders.map((c) => {
    const i = data.coders.indexOf(c);
    if (i === -1) throw new QiaError('agree/unknown-coder', `no coder "${c}"; the coders are ${data.coders.join(', ')}`);
    return i;
  });
  assertDistinct(coders, 'coder');
  return { units: data.units, coders: [...coders], values: data.values.map((row) => idx.map((i) => row[i] ?? null)) };
}

/**
 * One reliability data set holding every code's units (unit ids become `code␟unit`), coders
 * matched by name across codes and missing where a code's data lacks one. Pooling gives the
 * overall figures of a study: every coding decision counts once, whatever code it was about.
 */
export function poolCodes(perCode: Iterable<readonly [string, ReliabilityData]>): ReliabilityData {
  const list = [...perCode];
  const coders: string[] = [];
  for (const [, d] of list) for (const c of d.coders) if (!coders.includes(c)) coders.push(c);
  const units: string[] = [];
  const values: Value[][] = [];
  for (const [code, d] of list) {
    const at = d.coders.map((c) => coders.indexOf(c));
    d.units.forEach((u, i) => {
      units.push(`${code}\u241f${u}`);
      const row = new Array<Value>(coders.length).fill(null);
      at.forEach((j, c) => (row[j] = d.values[i]![c] ?? null));
      values.push(row);
    });
  }
  assertDistinct(units, 'unit');
  return { units, coders, values };
}

function checkValue(v: Value): Value {
  if (v === null || typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new QiaError('agree/bad-data', `value ${String(v)} is neither a label nor a finite number`);
}

function assertDistinct(names: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new QiaError('agree/bad-data', `${what} "${n}" appears twice`);
    seen.add(n);
  }
}

function show(v: Category): string {
  return typeof v === 'number' ? String(v) : `"${v}"`;
}
