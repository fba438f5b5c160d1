import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/**
 * Every diagnostic code qia can emit, found in src/: a string `area/name` (a literal, or a
 * template whose area is a variable, expanded by DYNAMIC). docs/errors.md's test and the
 * Indonesian table's test both read the codes from here.
 */

export const SRC = join(ROOT, 'src');

/** Templates whose area is chosen at run time, and the areas each can take. */
export const DYNAMIC: Record<string, string[]> = {
  // src/commands/tag.ts: one implementation for qia tag and qia untag.
  '`${op}/no-segment`': ['tag/no-segment', 'untag/no-segment'],
  '`${op}/unknown-code`': ['tag/unknown-code', 'untag/unknown-code'],
  '`${op}/unknown-source`': ['tag/unknown-source', 'untag/unknown-source'],
  // src/study/researcher-files.ts: a coder file or review.csv that cannot be read or decoded.
  '`${prefix}/unreadable`': ['coding/unreadable', 'review/unreadable'],
  '`${prefix}/`': ['coding/encoding', 'coding/invalid-utf8', 'review/encoding', 'review/invalid-utf8'],
};

/** Strings shaped like a code that are not one (module paths). */
const NOT_CODES = new Set(['csv-parse/sync', 'csv-stringify/sync']);

/** The word lists that translate codes name them without emitting them. */
const TRANSLATIONS = new Set(['i18n/diagnostics.ts', 'i18n/diagnostics-id.ts']);

export function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !TRANSLATIONS.has(f.split('\\').join('/')))
    .map((f) => join(SRC, f));
}

/** The code without comments, so an example in a comment (`a/b`) is not taken for a code. */
export function withoutComments(text: string): string {
  // A block comment starts a line or follows white space: `samples/*` in a string is no comment.
  return text
    .replace(/(^|\s)\/\*[\s\S]*?\*\//g, '$1')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s\/\/ .*$/gm, '');
}

export function codesInSource(): { codes: Set<string>; templates: Set<string> } {
  const codes = new Set<string>();
  const templates = new Set<string>();
  for (const f of sourceFiles()) {
    const text = withoutComments(readFileSync(f, 'utf8'));
    for (const line of text.split('\n')) {
      if (/^\s*(import|export) .* from '/.test(line)) continue;
      for (const m of line.matchAll(/'([a-z][a-z0-9-]*\/[a-z][a-z0-9-]*)'/g)) if (!NOT_CODES.has(m[1]!)) codes.add(m[1]!);
      for (const m of line.matchAll(/`\$\{[a-zA-Z]+\}\/[a-z-]*`/g)) templates.add(m[0]);
    }
  }
  return { codes, templates };
}

/** Every code qia can emit, templates expanded. */
export function emittedCodes(): string[] {
  const { codes, templates } = codesInSource();
  return [...new Set([...codes, ...[...templates].flatMap((t) => DYNAMIC[t] ?? [])])].sort();
}
