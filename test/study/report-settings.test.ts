import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStudy } from '../../src/study/load.js';
import { reportLanguage } from '../../src/study/report-settings.js';
import { qia, ROOT } from '../helpers/cli.js';
import { makeStudy } from '../sources/helpers.js';

const BASE = 'title: T\ncase: C\nlanguage: id\n';

describe('report: in study.yaml', () => {
  it('reads report.lang as the report language', async () => {
    const r = await loadStudy(makeStudy({}, `${BASE}report:\n  lang: en\n`));
    expect(r.diagnostics).toEqual([]);
    expect(reportLanguage(r.study!)).toBe('en');
  });

  it('reports an unknown key under report and a bad language at their line and column', async () => {
    const r = await loadStudy(makeStudy({}, `${BASE}report:\n  lang: fr\n  format: html\n`));
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      ['study/invalid-value', 'error', 5, 9],
      ['study/unknown-key', 'warning', 6, 3],
    ]);
    expect(reportLanguage(r.study!)).toBeUndefined();
  });

  it('rejects a report that is not a mapping', async () => {
    const r = await loadStudy(makeStudy({}, `${BASE}report: english\n`));
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['study/invalid-value', 4]]);
  });

  it("writes an Indonesian study's report in English, unless --lang says otherwise", () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'qia-report-lang-')), 'study');
    cpSync(join(ROOT, 'test/fixtures/foundation/basic'), dir, { recursive: true });
    writeFileSync(join(dir, 'study.yaml'), `${readFileSync(join(dir, 'study.yaml'), 'utf8')}report:\n  lang: en\n`);
    const en = qia(['report', dir, '--format', 'md']);
    expect(en.stderr).toBe('');
    expect(en.stdout).toContain('## 1 Research Informants');
    const id = qia(['report', dir, '--format', 'md', '--lang', 'id']);
    expect(id.stdout).not.toContain('## 1 Research Informants');
    expect(id.stdout).toMatch(/^## 1 /m);
  });
});
