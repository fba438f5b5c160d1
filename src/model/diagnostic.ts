export type Severity = 'error' | 'warning' | 'info';

/**
 * One message about the input. `code` is stable (tests assert it, scripts may grep it);
 * `message` is prose and may change. Line and column are 1-based and refer to the file
 * as the researcher sees it.
 */
export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** What the researcher can do about it. */
  hint?: string;
}
