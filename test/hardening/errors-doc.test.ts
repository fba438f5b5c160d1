import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * docs/errors.md lists every diagnostic code qia can emit. A code is a string `area/name` in
 * src/ (a literal, or a template whose area is a variable, expanded below); a new one without
 * its line in the docs fails here.
 */

const SRC = join(ROOT, 'src');

/** Templates whose area is chosen at run time, and the areas each can take. */
const DYNAMIC: Record<string, string[]> = {
  // src/commands/tag.ts: one implementation for qia tag and qia untag.
  '`${op}/no-segment`': ['tag/no-segment', 'untag/no-segment'],
  '`${op}/unknown-code`': ['tag/unknown-code', 'untag/unknown-code'],
  '`${op}/unknown-source`': ['tag/unknown-source', 'untag/unknown-source'],
  // src/study/researcher-files.ts: a coder file or review.csv that cannot be read or decoded.
  '`${prefix}/unreadable`': ['coding/unreadable', 'review/unreadable'],
  '`${prefix}/`': ['coding/encoding', 'coding/invalid-utf8', 'review/encoding', 'review/invalid-utf8'],
};

/** Strings shaped like a code that are not one (module paths). */
const NOT_CODES = new Set(['csv-parse/sync']);

function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(SRC, f));
}

/** The code without comments, so an example in a comment (`a/b`) is not taken for a code. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '');
}

function codesInSource(): { codes: Set<string>; templates: Set<string> } {
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

function codesInDocs(): Set<string> {
  const doc = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8');
  return new Set([...doc.matchAll(/^\| `([a-z][a-z0-9-]*\/[a-z][a-z0-9-]*)` \|/gm)].map((m) => m[1]!));
}

describe('docs/errors.md', () => {
  const { codes, templates } = codesInSource();
  const documented = codesInDocs();

  it('finds the codes in the source (the scan itself works)', () => {
    expect(codes.size).toBeGreaterThan(150);
    expect(codes).toContain('codebook/unsupported-regex');
    expect(codes).toContain('source/outside-study');
  });

  it('lists every code a literal in src/ names', () => {
    const missing = [...codes].filter((c) => !documented.has(c)).sort();
    expect(missing).toEqual([]);
  });

  it('knows every code made from a template, and lists what each can become', () => {
    const unknown = [...templates].filter((t) => !(t in DYNAMIC));
    expect(unknown).toEqual([]);
    for (const t of templates) for (const c of DYNAMIC[t]!) expect(documented, c).toContain(c);
  });

  it('gives every code a severity, a meaning and what to do', () => {
    const doc = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8');
    for (const line of doc.split('\n').filter((l) => l.startsWith('| `'))) {
      const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
      expect(cells, line).toHaveLength(4);
      expect(['error', 'warning', 'note', 'error, warning', 'warning, error', 'warning, note', 'note, warning', 'warning, note']).toContain(cells[1]);
      expect(cells[2]!.length, line).toBeGreaterThan(10);
      expect(cells[3]!.length, line).toBeGreaterThan(5);
    }
  });
});
