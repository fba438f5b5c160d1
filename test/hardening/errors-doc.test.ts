import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { codesInSource, DYNAMIC } from '../helpers/diagnostic-codes.js';

/**
 * docs/errors.md lists every diagnostic code qia can emit. A code is a string `area/name` in
 * src/ (a literal, or a template whose area is a variable: test/helpers/diagnostic-codes.ts); a new one without
 * its line in the docs fails here.
 */

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
      const cells = line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim());
      expect(cells, line).toHaveLength(4);
      expect(['error', 'warning', 'note', 'error, warning', 'warning, error', 'warning, note', 'note, warning', 'warning, note']).toContain(cells[1]);
      expect(cells[2]!.length, line).toBeGreaterThan(10);
      expect(cells[3]!.length, line).toBeGreaterThan(5);
    }
  });
});
