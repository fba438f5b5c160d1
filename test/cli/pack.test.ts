import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * What `npm pack` ships: the files a user of the installed package needs and every file the
 * README links to (docs/, samples, the codebook), the LICENSE package.json names, the vendored
 * stemmer bundled in; and nothing of the development tree (src/, test/, bench/).
 */
let files: string[];

beforeAll(() => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
}, 150_000);

const shipped = (path: string) => files.includes(path) || files.some((f) => f.startsWith(`${path.replace(/\/$/, '')}/`));

describe('npm pack', () => {
  it('ships every file the README links to', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/i.test(l));
    expect(links.length).toBeGreaterThan(5);
    for (const link of new Set(links)) {
      expect(existsSync(join(ROOT, link)), `${link} exists in the repository`).toBe(true);
      expect(shipped(link), `${link} is in the package`).toBe(true);
    }
  });

  it('ships the program, its licence, docs and the vendored stemmer, and no development files', () => {
    for (const f of [
      'README.md',
      'LICENSE',
      'package.json',
      'bin/qia.js',
      'dist/cli.js',
      'codebooks/rogers.yaml',
      'docs/',
      'node_modules/sastrawijs/dist/sastrawijs.cjs.js',
      'node_modules/sastrawijs/LICENSE',
    ]) {
      expect(shipped(f), f).toBe(true);
    }
    for (const prefix of ['src/', 'test/', 'bench/', '.ci/', 'scripts/', 'node_modules/csv-parse/']) {
      expect(
        files.filter((f) => f.startsWith(prefix)),
        prefix,
      ).toEqual([]);
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license: string };
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });
});
