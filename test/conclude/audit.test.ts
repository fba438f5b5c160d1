import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAudit, stableJson } from '../../src/conclude/audit.js';
import { collectAuditFiles, sha256 } from '../../src/study/hashes.js';
import { DEFAULT_VERDICT_SETTINGS } from '../../src/conclude/settings.js';
import { analysis } from './fixture.js';

describe('audit', () => {
  it('hashes every input with paths relative to the study, sorted, and serialises byte-stably', async () => {
    const root = await mkdtemp(join(tmpdir(), 'qia-audit-'));
    await mkdir(join(root, 'sources'), { recursive: true });
    await mkdir(join(root, 'codings'), { recursive: true });
    await mkdir(join(root, 'memos'), { recursive: true });
    await writeFile(join(root, 'study.yaml'), 'title: T\n');
    await writeFile(join(root, 'informants.csv'), 'id,label,role,group\n');
    await writeFile(join(root, 'codebook.yaml'), 'id: cb\n');
    await writeFile(join(root, 'sources', 'w1.md'), 'hello');
    await writeFile(join(root, 'codings', 'ana.csv'), 'source,segment,quote,code,valence,coder,memo\n');
    await writeFile(join(root, 'codings', 'review.csv'), 'x\n');
    await writeFile(join(root, 'memos', 'm1.md'), '---\ncode: complexity\n---\nnote\n');
    const a = analysis([{ id: 'w1', informant: 'K1', turns: [[undefined, 'hello', [['complexity', 1]]]] }]);
    a.study = { ...a.study, root, file: join(root, 'study.yaml'), informants: join(root, 'informants.csv'), codebook: join(root, 'codebook.yaml') };
    a.codebook = { ...a.codebook, file: join(root, 'codebook.yaml') };
    a.sources[0]!.path = 'sources/w1.md';
    a.sources[0]!.hash = sha256('hello');

    const files = await collectAuditFiles(a);
    const audit = buildAudit({ analysis: a, toolVersion: '0.1.0', verdicts: DEFAULT_VERDICT_SETTINGS, merge: 'manual-overrides-auto', reportLanguage: 'id', files: [...files].reverse() });
    expect(audit.files.map((f) => [f.path, f.role])).toEqual([
      ['codebook.yaml', 'codebook'],
      ['codings/ana.csv', 'codings'],
      ['codings/review.csv', 'review'],
      ['informants.csv', 'informants'],
      ['memos/m1.md', 'memo'],
      ['sources/w1.md', 'source'],
      ['study.yaml', 'study'],
    ]);
    expect(audit.files.find((f) => f.path === 'study.yaml')?.sha256).toBe(sha256('title: T\n'));
    expect(audit.codebook).toMatchObject({ id: 'rogers-test', version: '1.0.0', path: 'codebook.yaml', sha256: sha256('id: cb\n') });
    const json = stableJson(audit);
    expect(json).not.toContain(root);
    expect(json).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    // Keys sorted at every level.
    expect(Object.keys(JSON.parse(json) as object)).toEqual(['codebook', 'counts', 'files', 'settings', 'study', 'tool']);
    expect(stableJson(buildAudit({ analysis: a, toolVersion: '0.1.0', verdicts: DEFAULT_VERDICT_SETTINGS, merge: 'manual-overrides-auto', reportLanguage: 'id', files }))).toBe(json);
  });
});
