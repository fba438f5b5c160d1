import { describe, expect, it } from 'vitest';
import { qia } from '../helpers/cli.js';
import { makeStudy } from '../sources/helpers.js';

const FIXTURE = 'test/fixtures/foundation/basic';

describe('qia sources', () => {
  it('prints a table with kind, informant, role, segments and words, and totals', () => {
    const r = qia(['sources', FIXTURE, '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/│ interviews\/w01-kepala\s+│ interview\s+│ K1\s+│ head\s+│\s+5 │\s+74 │/);
    expect(r.stdout).toMatch(/│ interviews\/w02-peserta\s+│ interview\s+│ U1\s+│ user\s+│\s+4 │/);
    expect(r.stdout).toContain('total: 4 sources (1 document, 2 interview, 1 observation), 2 informants, 14 segments, 185 words');
  });

  it('gives the same rows as JSON', () => {
    const r = qia(['sources', FIXTURE, '--format', 'json']);
    expect(r.status).toBe(0);
    const data = JSON.parse(r.stdout) as { sources: { id: string; segments: number; codable: number }[]; totals: { segments: number } };
    expect(data.sources.map((s) => [s.id, s.segments, s.codable])).toEqual([
      ['documents/sop', 3, 3],
      ['interviews/w01-kepala', 5, 3],
      ['interviews/w02-peserta', 4, 2],
      ['observations/o01-kantor', 2, 2],
    ]);
    expect(data.totals.segments).toBe(14);
  });

  it('prints located diagnostics on stderr and exits 1 when a source has errors', () => {
    const root = makeStudy({ 'sources/interviews/ok.md': 'P: Apa?\nI: Ya.\n', 'sources/interviews/empty.txt': '' });
    const r = qia(['sources', root, '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('interviews/ok');
    expect(r.stderr).toMatch(/sources\/interviews\/empty\.txt:1:1: error: source has no text \[source\/empty\]/);
    // In the study's language (Indonesian here) by default: the same code, the same place.
    expect(qia(['sources', root]).stderr).toMatch(
      /sources\/interviews\/empty\.txt:1:1: error: sumber tidak berisi teks \[source\/empty\]\n {2}hint: tambahkan transkripnya, atau hapus berkasnya/,
    );
  });

  it('exits 2 when study.yaml is unusable', () => {
    const root = makeStudy({}, 'title: [\n');
    const r = qia(['sources', root]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/study\.yaml:\d+:\d+: error: .*\[study\/yaml-invalid\]/);
  });
});
