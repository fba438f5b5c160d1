/** One CSV field: quoted when it holds a comma, quote, line break or edge whitespace (RFC 4180). */
export function csvField(v: string | number | undefined): string {
  if (v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : v;
  if (s === '') return '';
  if (/[",\r\n]/.test(s) || trimmable(s.charCodeAt(0)) || trimmable(s.charCodeAt(s.length - 1))) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** Whether String.prototype.trim removes this code unit (ECMAScript white space and line terminators). */
function trimmable(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function csvLine(fields: readonly (string | number | undefined)[]): string {
  return fields.map(csvField).join(',') + '\n';
}

// A formula character, after any apostrophes a neutralised cell may already start with.
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Free text from a transcript or a researcher, made safe for a spreadsheet: a leading
 * `=`, `+`, `-`, `@`, tab or carriage return gets an apostrophe so Excel or LibreOffice shows
 * it instead of running it as a formula. `unneutralised` undoes it when qia reads the file back.
 * Text that already starts with apostrophes before such a character gets one more, so reading
 * back always gives the text that was written (`'=x` is written `''=x`).
 */
export function neutralised(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

export function unneutralised(s: string): string {
  return s.length > 1 && s.charCodeAt(0) === 39 && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
}
