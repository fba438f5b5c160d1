/** One CSV field: quoted when it holds a comma, quote, line break or edge whitespace (RFC 4180). */
export function csvField(v: string | number | undefined): string {
  if (v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : v;
  if (s === '') return '';
  if (/[",\r\n]/.test(s) || s.trim() !== s) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function csvLine(fields: readonly (string | number | undefined)[]): string {
  return fields.map(csvField).join(',') + '\n';
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Free text from a transcript or a researcher, made safe for a spreadsheet: a leading
 * `=`, `+`, `-`, `@`, tab or carriage return gets an apostrophe so Excel or LibreOffice shows
 * it instead of running it as a formula. `unneutralised` undoes it when qia reads the file back.
 */
export function neutralised(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

export function unneutralised(s: string): string {
  return s.length > 1 && s.charCodeAt(0) === 39 && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
}
