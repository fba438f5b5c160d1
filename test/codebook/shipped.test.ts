import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freshCacheDirPerTest } from '../helpers/cache-dir.js';
import { qia, ROOT } from '../helpers/cli.js';

/**
 * `npm run build` loads the shipped codebooks into dist/codebooks/, so a first run does not
 * parse the default codebook. The built entry must serve wherever the package is installed, and
 * only while it is right: an edited codebook is parsed afresh.
 */

const cacheDir = freshCacheDirPerTest();

function codebookEntries(): string[] {
  return readdirSync(cacheDir()).filter((f) => f.startsWith('codebook-'));
}

function codings(bin: string, out: string, env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [bin, 'code', join(ROOT, 'samples/library-en'), '--out', out], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(join(out, 'codings.csv'), 'utf8');
}

/** A copy of the built package in a temporary folder. */
function copyPackage(): string {
  const pkg = join(mkdtempSync(join(tmpdir(), 'qia-pkg-')), 'qia');
  for (const d of ['bin', 'dist', 'codebooks', 'package.json']) cpSync(join(ROOT, d), join(pkg, d), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  return pkg;
}

describe('codebooks loaded at build time', () => {
  it('serves the default codebook from the build: nothing parsed, the same codings', { timeout: 60_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'qia-shipped-'));
    expect(readdirSync(join(ROOT, 'dist/codebooks'))).toContain('rogers.json');
    const built = codings(join(ROOT, 'bin/qia.js'), join(work, 'a'));
    expect(codebookEntries()).toEqual([]);
    expect(built).toBe(codings(join(ROOT, 'bin/qia.js'), join(work, 'b'), { QIA_NO_CACHE: '1' }));
  });

  it("serves a study qia init made (its codebook.yaml is a copy) from the build, under the copy's name", { timeout: 60_000 }, async () => {
    const study = join(mkdtempSync(join(tmpdir(), 'qia-shipped-')), 'study');
    expect(qia(['init', study]).status).toBe(0);
    expect(readFileSync(join(study, 'codebook.yaml'), 'utf8')).toBe(readFileSync(join(ROOT, 'codebooks/rogers.yaml'), 'utf8'));
    expect(qia(['code', study]).status).toBe(0);
    expect(codebookEntries()).toEqual([]);
    const load = (await import(pathToFileURL(join(ROOT, 'dist/study/codebook.js')).href)) as typeof import('../../src/study/codebook.js');
    expect((await load.loadCodebook(join(study, 'codebook.yaml'))).codebook?.file).toBe(join(study, 'codebook.yaml'));
    expect(codebookEntries()).toEqual([]);
  });

  it('names the built codebook as it was asked for: builtin:rogers, or its path', async () => {
    // The compiled loader (npm test builds it): the built entries live beside it in dist/.
    const load = (await import(pathToFileURL(join(ROOT, 'dist/study/codebook.js')).href)) as typeof import('../../src/study/codebook.js');
    const byName = await load.loadCodebook('builtin:rogers');
    const path = load.resolveCodebookPath('builtin:rogers');
    const byPath = await load.loadCodebook(path);
    expect(codebookEntries()).toEqual([]);
    expect(byName.codebook?.file).toBe('builtin:rogers');
    expect(byPath.codebook?.file).toBe(path);
    expect({ ...byName.codebook, file: '' }).toStrictEqual({ ...byPath.codebook, file: '' });
  });

  it('serves a package moved after the build, and parses a codebook edited after it', { timeout: 90_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'qia-shipped-'));
    const pkg = copyPackage();
    const bin = join(pkg, 'bin/qia.js');
    const before = codings(join(ROOT, 'bin/qia.js'), join(work, 'ref'));
    // Moved after building (as an installed package is): the built entry still serves.
    expect(codings(bin, join(work, 'moved'))).toBe(before);
    expect(codebookEntries()).toEqual([]);

    // Edited in place after building: a new term must take effect.
    const yaml = join(pkg, 'codebooks/rogers.yaml');
    const text = readFileSync(yaml, 'utf8');
    expect(text).toContain('keuntungan relatif, keunggulan relatif,');
    writeFileSync(yaml, text.replace('keuntungan relatif, keunggulan relatif,', 'keuntungan relatif, keunggulan relatif, library,'));
    const edited = codings(bin, join(work, 'edited'));
    expect(codebookEntries()).toHaveLength(1);
    expect(edited).not.toBe(before);
    expect(edited.split('\n').filter((l) => l.includes('relative_advantage')).length).toBeGreaterThan(
      before.split('\n').filter((l) => l.includes('relative_advantage')).length,
    );
  });
});
