import { fromCounts, reliabilityData, type ReliabilityData, type Value } from '../../../src/conclude/agreement/data.js';

/**
 * Published reliability data used by the tests, each with its source. The expected values live
 * in the tests next to the citation of where they were published.
 */

const _ = null;

/** Units as columns, one array per coder: the layout the papers print. */
export function byCoder(coders: Record<string, readonly Value[]>): ReliabilityData {
  const names = Object.keys(coders);
  const width = Math.max(...names.map((c) => coders[c]!.length));
  const rows = Array.from({ length: width }, (_u, u) => ({ unit: String(u + 1), values: names.map((c) => coders[c]![u] ?? null) }));
  return reliabilityData(names, rows);
}

/**
 * Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
 * Communication, University of Pennsylvania (repository.upenn.edu/asc_papers/43), section C:
 * four observers, twelve units, seven values missing. The same matrix is the irrCAC package's
 * `cac.raw4raters` (Gwet), whose README prints its statistics too.
 */
export const K2011_C = byCoder({
  A: [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  B: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  C: [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  D: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
});

/** Krippendorff (2011), section A: binary data, two observers, ten units, nothing missing. */
export const K2011_A = byCoder({
  A: [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
  B: [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
});

/**
 * Wikipedia, "Krippendorff's alpha", section "A computational example": three coders, fifteen
 * units (units 2 and 14 coded by nobody, unit 1 by one coder only).
 */
export const WIKI_ALPHA = byCoder({
  A: [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  B: [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  C: [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
});

/**
 * Wikipedia, "Fleiss' kappa", section "Worked example": ten subjects, fourteen raters each, five
 * categories; each row is how many raters put the subject in categories 1…5.
 */
export const WIKI_FLEISS = fromCounts([
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
]);

/**
 * Gwet, irrCAC R package (CRAN, 2019; README and vignette "Calculating Chance-corrected
 * Agreement Coefficients"), dataset `distrib.6raters`: fifteen psychiatric patients, six
 * psychiatrists each, five diagnoses (Depression, Personality disorder, Schizophrenia, Neurosis,
 * Other), given as counts.
 */
export const GWET_6RATERS = fromCounts([
  [0, 0, 0, 6, 0],
  [0, 3, 0, 0, 3],
  [0, 1, 4, 0, 1],
  [0, 0, 0, 0, 6],
  [0, 3, 0, 3, 0],
  [2, 0, 4, 0, 0],
  [0, 0, 4, 0, 2],
  [2, 0, 3, 1, 0],
  [2, 0, 0, 4, 0],
  [0, 0, 0, 0, 6],
  [1, 0, 0, 5, 0],
  [1, 1, 0, 4, 0],
  [0, 3, 3, 0, 0],
  [1, 0, 0, 5, 0],
  [0, 2, 0, 3, 1],
]);

/** Two coders from a contingency table: `table[i][j]` units coder A put in categories[i] and coder B in categories[j]. */
export function fromTable(table: readonly (readonly number[])[], categories: readonly (string | number)[]): ReliabilityData {
  const rows: { unit: string; values: Value[] }[] = [];
  table.forEach((r, i) =>
    r.forEach((count, j) => {
      for (let k = 0; k < count; k++) rows.push({ unit: String(rows.length + 1), values: [categories[i]!, categories[j]!] });
    }),
  );
  return reliabilityData(['A', 'B'], rows);
}

/**
 * Gwet, irrCAC (as above), dataset `cont3x3abstractors`: two abstractors classifying 100
 * pregnancies as ectopic, AIU or NIU; rows abstractor 1, columns abstractor 2.
 */
export const GWET_ABSTRACTORS = fromTable(
  [
    [13, 0, 0],
    [0, 20, 7],
    [0, 4, 56],
  ],
  ['Ectopic', 'AIU', 'NIU'],
);

/**
 * Wikipedia, "Cohen's kappa", section "Simple example": 50 grant proposals, two readers saying
 * yes or no. Both yes 20, A yes B no 5, A no B yes 10, both no 15.
 */
export const WIKI_COHEN = fromTable(
  [
    [20, 5],
    [10, 15],
  ],
  ['yes', 'no'],
);
