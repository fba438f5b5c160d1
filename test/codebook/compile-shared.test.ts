import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/parse.js';
import { compileShared } from '../../src/match/compile.js';
import type { Codebook } from '../../src/model/codebook.js';
import { DEFAULT_CODEBOOK } from '../../src/study/resolve.js';

/**
 * A comparison analyses study after study in one thread and compiles each study's codebook
 * through compileShared: the same codebook read from another folder reuses the compiled
 * matcher, and an edited one must never be served the matcher of the one it was copied from.
 */
function fresh(file: string): Codebook {
  const cb = parseCodebook(readFileSync(DEFAULT_CODEBOOK, 'utf8'), DEFAULT_CODEBOOK).codebook!;
  cb.file = file;
  return cb;
}

const text = 'Aplikasinya gampang dipakai, tidak ribet.';
const whole = [{ start: 0, end: text.length }];

describe('compileShared', () => {
  it('reuses the matcher of the same codebook read from another folder', () => {
    const a = compileShared(fresh('a/codebook.yaml'));
    expect(compileShared(fresh('b/codebook.yaml'))).toBe(a);
  });

  it('compiles an edited copy afresh, and codes with its edit', () => {
    const base = compileShared(fresh('a/codebook.yaml'));
    const edited = fresh('c/codebook.yaml');
    const ease = edited.codes.find((c) => c.id === 'complexity.ease_of_use')!;
    // The copy's author drops every rule of ease of use: the shared matcher would still find it.
    edited.codes = edited.codes.filter((c) => c !== ease);
    const m = compileShared(edited);
    expect(m).not.toBe(base);
    const codes = (x: typeof m) => x.match(text, 0, whole).map((r) => r.code);
    expect(codes(base)).toContain('complexity.ease_of_use');
    expect(codes(m)).not.toContain('complexity.ease_of_use');
    // And the original is still served after the edit.
    expect(compileShared(fresh('d/codebook.yaml'))).toBe(base);
  });
});
