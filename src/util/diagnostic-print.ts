import type { Diagnostic } from '../model/diagnostic.js';
import { formatDiagnostic, sortDiagnostics } from './diagnostics.js';

/** How many warnings (and notes) of one code are printed before the rest are only counted. */
export const SHOWN_PER_CODE = 5;

export interface PrintOptions {
  /** Every diagnostic, however many of one code. */
  verbose?: boolean;
  /** Errors only (and the summary when there are any). */
  quiet?: boolean;
  /** Turns a diagnostic into its printed form (the translation of its message and hint). */
  format?: (d: Diagnostic) => string;
  /** The summary line's words. */
  summary?: (counts: DiagnosticCounts) => string;
}

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  notes: number;
  /** Printed diagnostics left out (too many of one code, or --quiet). */
  hidden: number;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `qia: 1 error, 12 warnings (7 not shown; --verbose shows all)`. */
export function summaryLine(c: DiagnosticCounts): string {
  // Only what there is: "0 errors" would read as an error to anyone grepping for one.
  const parts: string[] = [];
  if (c.errors > 0) parts.push(plural(c.errors, 'error', 'errors'));
  if (c.warnings > 0) parts.push(plural(c.warnings, 'warning', 'warnings'));
  if (c.notes > 0) parts.push(plural(c.notes, 'note', 'notes'));
  return `qia: ${parts.join(', ')}${c.hidden > 0 ? ` (${c.hidden} not shown; --verbose shows all)` : ''}`;
}

/**
 * What a command prints on stderr: each diagnostic once (a problem found twice, say by two
 * passes over one file, is one line), errors always, at most SHOWN_PER_CODE warnings and notes
 * of each code unless verbose, then one summary line. Nothing at all when there is nothing.
 */
export function diagnosticLines(items: readonly Diagnostic[], opts: PrintOptions = {}): string[] {
  const format = opts.format ?? formatDiagnostic;
  const seen = new Set<string>();
  const unique: Diagnostic[] = [];
  for (const d of sortDiagnostics(items)) {
    const key = `${d.severity}\u0000${formatDiagnostic(d)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(d);
  }
  if (unique.length === 0) return [];
  const counts: DiagnosticCounts = { errors: 0, warnings: 0, notes: 0, hidden: 0 };
  const perCode = new Map<string, number>();
  const out: string[] = [];
  for (const d of unique) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.notes++;
    let show = true;
    if (d.severity !== 'error' && !opts.verbose) {
      const n = (perCode.get(d.code) ?? 0) + 1;
      perCode.set(d.code, n);
      show = !opts.quiet && n <= SHOWN_PER_CODE;
    }
    if (show) out.push(format(d));
    else counts.hidden++;
  }
  if (opts.quiet && counts.errors === 0) return out;
  out.push((opts.summary ?? summaryLine)(counts));
  return out;
}
