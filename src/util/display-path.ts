import { isAbsolute, relative, sep } from 'node:path';

/**
 * How a file is named in diagnostics: relative to the current folder when it lies below it (the
 * form editors and terminals make clickable), else absolute. Always '/'-separated.
 */
export function displayPath(abs: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, abs);
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}
