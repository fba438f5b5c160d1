import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stableJson } from '../../src/util/stable-json.js';
import { codeStudy } from '../../src/pipeline/run.js';
import { assembleReport } from '../../src/report/assemble.js';
import { openStudy } from '../../src/study/open.js';
import { freshCacheDirPerTest } from '../helpers/cache-dir.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('audit', () => {
  freshCacheDirPerTest();

  it('hashes every input as it was read, with paths relative to the study, sorted, and serialises byte-stably', async () => {
    const root = await mkdtemp(join(tmpdir(), 'qia-audit-'));
    for (const d of ['sources/interviews', 'codings', 'memos']) await mkdir(join(root, d), { recursive: true });
    const studyYaml = 'title: T\ncase: C\ncodebook: builtin:rogers\n';
    await writeFile(join(root, 'study.yaml'), studyYaml);
    await writeFile(join(root, 'informants.csv'), 'id,label,role,group\nK1,Pak K,head,provider\n');
    await writeFile(join(root, 'sources', 'interviews', 'w1.md'), '---\ninformant: K1\n---\nI: Aplikasinya mudah sekali digunakan.\n');
    await writeFile(join(root, 'codings', 'ana.csv'), 'source,segment,quote,code,valence,coder,memo\n');
    await writeFile(join(root, 'codings', 'review.csv'), 'segment,code,decision,note\n');
    await writeFile(join(root, 'codings', 'notes.md'), 'a note the coder kept\n');
    await writeFile(join(root, 'memos', 'm1.md'), '---\ncode: complexity\n---\nnote\n');

    const opened = await openStudy(root);
    const { audit } = assembleReport(opened, await codeStudy(opened));
    expect(audit.files.map((f) => [f.path, f.role])).toEqual([
      ['builtin:codebooks/rogers.yaml', 'codebook'],
      ['codings/ana.csv', 'codings'],
      ['codings/notes.md', 'codings'],
      ['codings/review.csv', 'review'],
      ['informants.csv', 'informants'],
      ['memos/m1.md', 'memo'],
      ['sources/interviews/w1.md', 'source'],
      ['study.yaml', 'study'],
    ]);
    expect(audit.files.find((f) => f.path === 'study.yaml')?.sha256).toBe(sha256(studyYaml));
    expect(audit.files.find((f) => f.path === 'codings/notes.md')).toMatchObject({ sha256: sha256('a note the coder kept\n'), bytes: 22 });
    expect(audit.codebook).toMatchObject({ id: 'rogers', path: 'builtin:codebooks/rogers.yaml' });
    const json = stableJson(audit);
    expect(json).not.toContain(root);
    expect(json).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    // Keys sorted at every level.
    expect(Object.keys(JSON.parse(json) as object)).toEqual(['codebook', 'counts', 'files', 'rejected', 'review', 'settings', 'study', 'tool']);
    const again = await openStudy(root);
    expect(stableJson(assembleReport(again, await codeStudy(again)).audit)).toBe(json);
  });
});
