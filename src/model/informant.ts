/** One row of informants.csv: a pseudonymised person chosen by purposive sampling. */
export interface Informant {
  id: string;
  label: string;
  role: string;
  group: string;
  /** Any further columns of informants.csv, kept verbatim. */
  attrs: Record<string, string>;
  /** Where the row is, for diagnostics. */
  line: number;
}
