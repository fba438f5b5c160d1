import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qia, ROOT } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'test/report/fixtures/xss-study');

interface JsonCode {
  code: string;
  group: string;
  verdict: string;
  reason: string;
  counts: { positive: number; negative: number; neutral: number; total: number };
  negativeCases: { quote: string }[];
  support: { quote: string }[];
  triangulation?: { status: string };
}

describe('qia report', () => {
  it('prints json with code, group, verdict and counts for every code', () => {
    const r = qia(['report', FIXTURE, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as { codes: JsonCode[]; audit: unknown; saturation: { steps: unknown[] } };
    const byCode = new Map(data.codes.map((c) => [c.code, c]));
    expect([...byCode.keys()]).toEqual([
      'relative_advantage',
      'relative_advantage.time_saving',
      'complexity',
      'trialability',
      'obstacle_internal',
      'obstacle_internal.server_system',
      'obstacle_external',
    ]);
    expect(byCode.get('relative_advantage')).toMatchObject({
      group: 'attribute',
      verdict: 'favourable',
      counts: { positive: 3, negative: 0, neutral: 0, total: 3 },
    });
    expect(byCode.get('trialability')).toMatchObject({ verdict: 'insufficient', reason: 'too-few-codings' });
    expect(byCode.get('obstacle_internal')).toMatchObject({ group: 'obstacle', verdict: 'found' });
    const complexity = byCode.get('complexity')!;
    // ana's coding and the inline tag give w04:2 the same code and valence: one piece of
    // evidence, so +2 −1 (67%), below the 70% threshold.
    expect(complexity).toMatchObject({ verdict: 'mixed', counts: { positive: 2, negative: 1, neutral: 0, total: 3 } });
    // A mixed verdict quotes both sides: the hostile quote is among them, as text.
    expect(complexity.support.map((q) => q.quote).join()).toContain("<script>alert('xss')</script>");
    // Source kinds agree, but one informant group only spoke: not triangulated, insufficient.
    expect(complexity.triangulation?.status).toBe('one-dimension');
    expect(data.saturation.steps).toHaveLength(6);
  });

  it('prints markdown structured as a thesis chapter, in the study language by default', () => {
    const r = qia(['report', FIXTURE]);
    expect(r.status).toBe(0);
    const headings = r.stdout.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Ringkasan kesimpulan',
      '## 1 Informan Penelitian',
      '## 2 Temuan per Atribut Inovasi',
      '## 3 Penyajian Data (Matriks)',
      '## 4 Kendala Internal dan Eksternal',
      '## 5 Triangulasi',
      '## 6 Kesepakatan Antarpengode',
      '## 7 Penarikan Kesimpulan',
      '## 8 Kejenuhan Data',
      '## 9 Lampiran Metode',
    ]);
    // Transcript text never becomes markup in the report's own prose.
    expect(r.stdout).toContain("&lt;script&gt;alert('xss')&lt;/script&gt;");
  });

  it('writes html to a file with -o, in English with --lang en', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'qia-report-')), 'laporan.html');
    const r = qia(['report', FIXTURE, '--format', 'html', '--lang', 'en', '-o', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('written to');
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('Findings per Innovation Attribute');
    expect(html).not.toContain("<script>alert('xss')");
  });

  it('refuses an unknown format as a usage error (exit 2)', () => {
    const r = qia(['report', FIXTURE, '--format', 'pdf']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('md, html, json');
    expect(r.stdout).toBe('');
  });
});
