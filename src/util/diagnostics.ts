import type { Diagnostic, Severity } from '../model/diagnostic.js';

/** Collects diagnostics as a stage goes, so one bad file never hides the rest. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];

  add(d: Diagnostic): void {
    this.items.push(d);
  }

  error(code: string, message: string, where: Where = {}, hint?: string): void {
    this.push('error', code, message, where, hint);
  }

  warn(code: string, message: string, where: Where = {}, hint?: string): void {
    this.push('warning', code, message, where, hint);
  }

  info(code: string, message: string, where: Where = {}, hint?: string): void {
    this.push('info', code, message, where, hint);
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  private push(severity: Severity, code: string, message: string, where: Where, hint?: string): void {
    const d: Diagnostic = { severity, code, message, ...where };
    if (hint) d.hint = hint;
    this.items.push(d);
  }
}

export interface Where {
  file?: string;
  line?: number;
  column?: number;
}

export function hasErrors(items: readonly Diagnostic[]): boolean {
  return items.some((d) => d.severity === 'error');
}

/** `path:line:col: severity: message [code]`, the form editors and CI annotators understand. */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file ?? 'qia';
  if (d.line !== undefined) where += `:${d.line}:${d.column ?? 1}`;
  const sev = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note';
  let s = `${where}: ${sev}: ${d.message} [${d.code}]`;
  if (d.hint) s += `\n  hint: ${d.hint}`;
  return s;
}

/** Stable order: by file, then position, then code; so reruns print identical output. */
export function sortDiagnostics(items: readonly Diagnostic[]): Diagnostic[] {
  return [...items].sort(
    (a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code),
  );
}

/** Thrown for problems that stop a command outright (exit 2): usage errors, a missing study. */
export class QiaError extends Error {
  /** The language to print it in, when the command that threw knew it (the study's, or --lang). */
  lang?: 'id' | 'en';

  constructor(
    readonly code: string,
    message: string,
    readonly where: Where = {},
    readonly hint?: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }

  toDiagnostic(): Diagnostic {
    const d: Diagnostic = { severity: 'error', code: this.code, message: this.message, ...this.where };
    if (this.hint) d.hint = this.hint;
    return d;
  }
}
