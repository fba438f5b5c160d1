/**
 * Every JSON document qia writes names its kind and version in a top-level `format` key
 * (`qia-<kind>/<version>`), and each kind has a JSON Schema in docs/schemas/<kind>.schema.json.
 * A script checks `format` before it reads anything else; a test validates every output against
 * its schema (test/cli/json-schemas.test.ts). The version goes up (/1 → /2) when a key is
 * renamed, removed or changes type or meaning; a new key is added without a new version.
 */
export const JSON_KINDS = {
  /** `qia sources --format json`. */
  sources: 1,
  /** `qia code --format json`. */
  codings: 1,
  /** `qia query --format json`. */
  query: 1,
  /** `qia kwic --format json`. */
  kwic: 1,
  /** `qia codebook export --format json`. */
  codebook: 1,
  /** `qia condense --format json`. */
  digest: 1,
  /** `qia matrix --format json`, every display type and `--cell`. */
  matrix: 1,
  /** `qia agree --matrix file.csv --format json`. */
  agreement: 1,
  /** `qia agree <study> --format json`. */
  'agreement-study': 1,
  /** `qia agree <study> --disagreements --format json`. */
  disagreements: 1,
  /** `qia report --format json`, out/report.json. */
  report: 1,
  /** out/audit.json of `qia run`. */
  audit: 1,
  /** `qia compare --format json`, compare.json of `qia compare --out` and `qia run a b`. */
  compare: 1,
  /** `qia compare --cell case,code --format json`. */
  'compare-cell': 1,
} as const;

export type JsonKind = keyof typeof JSON_KINDS;
export type FormatTag<K extends JsonKind> = `qia-${K}/${(typeof JSON_KINDS)[K]}`;

/** `qia-<kind>/<version>`, the value of `format`. */
export function formatTag<K extends JsonKind>(kind: K): FormatTag<K> {
  return `qia-${kind}/${JSON_KINDS[kind]}`;
}

/** The document with its `format` first (for the writers that keep their own key order). */
export function tagged<K extends JsonKind, T extends object>(kind: K, body: T): { format: FormatTag<K> } & T {
  return { format: formatTag(kind), ...body };
}
