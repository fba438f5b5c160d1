import { describe, expect, it } from 'vitest';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { readStudySources } from '../helpers/study.js';
import { qia } from '../helpers/cli.js';
import { makeStudy } from './helpers.js';

const GOOD = '---\ninformant: U1\n---\nP: Bagaimana?\n\nI: Mudah sekali.\n';

/** A study with one readable transcript, a link to it, and links whose targets are gone. */
function studyWithLinks(studyYaml?: string): string {
  const root = makeStudy({ 'sources/interviews/w01.md': GOOD, 'sources/documents/sop.md': 'SOP layanan.\n' }, studyYaml);
  symlinkSync('w01.md', join(root, 'sources/interviews/w02.md'));
  symlinkSync(join(root, 'gone/w03.md'), join(root, 'sources/interviews/w03.md'));
  symlinkSync('../../nowhere.md', join(root, 'sources/documents/d02.md'));
  symlinkSync('missing.md', join(root, 'sources/interviews/.hidden.md'));
  return root;
}

describe('broken symbolic links among the sources', () => {
  it('gives a warning naming each broken link and reads the rest', async () => {
    const root = studyWithLinks();
    const { sources, diagnostics } = await readStudySources(root);
    // w02 links to w01: the same transcript is read once, or its evidence would count twice.
    expect(sources.map((s) => s.id)).toEqual(['documents/sop', 'interviews/w01']);
    expect(diagnostics.map((d) => [d.code, d.severity, d.file!.split('/').slice(-2).join('/')])).toEqual([
      ['source/same-file', 'warning', 'interviews/w02.md'],
      ['source/broken-link', 'warning', 'documents/d02.md'],
      ['source/broken-link', 'warning', 'interviews/w03.md'],
    ]);
    expect(diagnostics[2]!.message).toContain(join(root, 'gone/w03.md'));
  });

  it('looks wherever the globs of study.yaml read, and only there', async () => {
    const yaml = 'title: T\ncase: C\ninformants: informants.csv\nsources:\n  - glob: "sources/interviews/*.md"\n    kind: interview\n';
    const { diagnostics } = await readStudySources(studyWithLinks(yaml));
    expect(diagnostics.map((d) => [d.code, d.file!.split('/').slice(-2).join('/')])).toEqual([
      ['source/same-file', 'interviews/w02.md'],
      ['source/broken-link', 'interviews/w03.md'],
    ]);
  });

  it('lets qia sources run on, with the warning on stderr', () => {
    const root = studyWithLinks();
    const r = qia(['sources', root, '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('interviews/w01');
    expect(r.stderr).toMatch(/sources\/interviews\/w03\.md: warning: broken symbolic link to .*gone\/w03\.md .*\[source\/broken-link\]/);
  });
});
