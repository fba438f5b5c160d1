import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readCompareConfig } from '../../src/compare/config.js';
import { loadStudy } from '../../src/study/load.js';
import { QiaError } from '../../src/util/diagnostics.js';
import { makeStudy } from '../sources/helpers.js';

const HEAD = ['title: "T"', 'case: "C"', 'language: id', 'informants: informants.csv', ''].join('\n');

describe('study.yaml variables:', () => {
  it('keeps every scalar (numbers as numbers), refuses lists and maps at their line, and never throws', async () => {
    const name = fc.stringMatching(/^[a-z][a-z_]{0,8}$/);
    const scalar = fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,10}[A-Za-z]$/));
    const value = fc.oneof(
      scalar.map((v) => ({ ok: true as const, v })),
      fc.array(scalar, { minLength: 1, maxLength: 3 }).map((v) => ({ ok: false as const, v })),
      fc.dictionary(name, scalar, { minKeys: 1, maxKeys: 2 }).map((v) => ({ ok: false as const, v })),
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(name, value, { maxKeys: 5 }), async (vars) => {
        const yaml = HEAD + stringify({ variables: Object.fromEntries(Object.entries(vars).map(([k, x]) => [k, x.v])) });
        const dir = makeStudy({}, yaml);
        const loaded = await loadStudy(dir);
        const good = Object.fromEntries(
          Object.entries(vars)
            .filter(([, x]) => x.ok)
            .map(([k, x]) => [k, x.v]),
        );
        expect(loaded.study?.variables).toEqual(good);
        const bad = loaded.diagnostics.filter((d) => d.code === 'study/invalid-value');
        expect(bad).toHaveLength(Object.values(vars).filter((x) => !x.ok).length);
        for (const d of bad) {
          expect(d.file).toMatch(/study\.yaml$/);
          expect(d.line).toBeGreaterThan(4);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a variables: that is not a mapping is one located error', async () => {
    const loaded = await loadStudy(makeStudy({}, HEAD + 'variables: 2021\n'));
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ code: 'study/invalid-value', line: 5, column: 12 })]);
    expect(loaded.study?.variables).toEqual({});
  });
});

describe('compare.yaml', () => {
  it('is read or refused with a located usage error, never anything else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qia-compare-yaml-'));
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const file = join(dir, 'compare.yaml');
        writeFileSync(file, text);
        try {
          const c = readCompareConfig(file);
          expect(c.studies.length).toBeGreaterThan(0);
        } catch (err) {
          expect(err).toBeInstanceOf(QiaError);
          expect((err as QiaError).exitCode).toBe(2);
          expect((err as QiaError).where.file).toMatch(/compare\.yaml$/);
        }
      }),
      { numRuns: 200 },
    );
    writeFileSync(join(dir, 'compare.yaml'), 'studies:\n  - a\n  - "b/*"\norder: year:desc\n');
    expect(readCompareConfig(join(dir, 'compare.yaml'))).toEqual({ studies: [join(dir, 'a'), join(dir, 'b/*')], order: 'year:desc' });
  });
});
