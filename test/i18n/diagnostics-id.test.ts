import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ID_TEXTS } from '../../src/i18n/diagnostics-id.js';
import { INDONESIAN_CODES, localDiagnostic } from '../../src/i18n/diagnostics.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { emittedCodes, sourceFiles, withoutComments } from '../helpers/diagnostic-codes.js';

/**
 * Every diagnostic qia can emit has Indonesian words (issue 20: "diagnostics' messages and
 * hints in both languages"). The codes are read from src/ as docs/errors.md's test reads them,
 * so a new code without Indonesian fails here; and every English sentence the table translates
 * must still be one qia writes, so a message reworded in src/ cannot silently fall back.
 */

/** The source text as its string literals read: the escapes of a template literal undone. */
const SOURCE = sourceFiles()
  .map((f) => withoutComments(readFileSync(f, 'utf8')))
  .join('\n')
  .replace(/\\`/g, '`')
  .replace(/\\'/g, "'");

describe('Indonesian diagnostics', () => {
  const codes = emittedCodes();

  it('finds the codes qia emits (the scan itself works)', () => {
    expect(codes.length).toBeGreaterThan(200);
    expect(codes).toEqual(expect.arrayContaining(['informants/unknown-group', 'tag/no-segment', 'untag/nothing', 'coding/encoding']));
  });

  it('gives every code qia can emit an Indonesian text', () => {
    expect(codes.filter((c) => !INDONESIAN_CODES.has(c))).toEqual([]);
  });

  it('translates only codes qia emits (no stale entries)', () => {
    expect(Object.keys(ID_TEXTS).filter((c) => !codes.includes(c))).toEqual([]);
  });

  it('gives every entry a gist and a to-do in Indonesian, not a copy of the English', () => {
    for (const [code, e] of Object.entries(ID_TEXTS)) {
      expect(e.gist.length, code).toBeGreaterThan(8);
      expect(e.todo.length, code).toBeGreaterThan(8);
      for (const [en, id] of [...(e.m ?? []), ...(e.h ?? [])]) expect(id, `${code}: ${en}`).not.toBe(en);
    }
  });

  it('translates only sentences src/ still writes: each literal piece of each English sentence is in the source', () => {
    const stale: string[] = [];
    for (const [code, e] of Object.entries(ID_TEXTS)) {
      for (const [en] of [...(e.m ?? []), ...(e.h ?? [])]) {
        for (const piece of en.split('%s').filter((p) => p.trim().length >= 4))
          if (!SOURCE.includes(piece)) stale.push(`${code}: ${JSON.stringify(piece)} of ${JSON.stringify(en)}`);
      }
    }
    expect(stale).toEqual([]);
  });

  it('puts names and numbers back in their place, and phrases qia writes inside a value into Indonesian', () => {
    const d = (code: string, message: string, hint?: string): Diagnostic => ({
      severity: 'warning',
      code,
      message,
      file: 'informants.csv',
      line: 4,
      column: 1,
      ...(hint ? { hint } : {}),
    });
    expect(
      localDiagnostic(
        d('informants/unknown-group', 'group `pemda` of P3 is not provider, user or partner', 'role-ordered displays compare these three sides'),
        'id',
      ),
    ).toEqual({
      ...d('informants/unknown-group', 'kelompok `pemda` milik P3 bukan provider, user, atau partner'),
      hint: 'tampilan menurut peran membandingkan ketiga pihak ini; pakai salah satunya',
    });
    expect(
      localDiagnostic(d('source/outside-study', 'sources/x.md is not read: it lies outside the study folder (through a link or a `..` path)'), 'id').message,
    ).toBe('sources/x.md tidak dibaca: letaknya di luar folder studi (lewat tautan atau jalur `..`)');
    expect(localDiagnostic(d('coding/invalid-utf8', '3 bytes are not valid UTF-8 (the first here); read as UTF-8 with each shown as �'), 'id').message).toBe(
      '3 bita bukan UTF-8 yang sah (yang pertama di sini); dibaca sebagai UTF-8 dengan tiap bita itu tampil sebagai �',
    );
    // English stays English, and nothing but the words changes.
    expect(localDiagnostic(d('informants/unknown-group', 'group `x` of P3 is not provider, user or partner'), 'en').message).toBe(
      'group `x` of P3 is not provider, user or partner',
    );
  });

  it('a sentence the table does not know keeps its particulars after the Indonesian gist', () => {
    const out = localDiagnostic({ severity: 'error', code: 'informants/unknown-group', message: 'some future wording about `x`' }, 'id');
    expect(out.message).toBe('kelompok informan bukan provider, user, atau partner (some future wording about `x`)');
  });
});
