import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { qia, ROOT } from '../helpers/cli.js';

/**
 * The comparison of the four samples in every format, checked in under test/golden-compare/four/
 * and compared byte for byte. After a deliberate change:
 *   UPDATE_GOLDEN=1 npx vitest run test/golden-compare
 * then read `git diff test/golden-compare` before committing.
 */

const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const golden = join(ROOT, 'test/golden-compare/four');
const work = mkdtempSync(join(tmpdir(), 'qia-golden-compare-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function check(name: string, actual: string): void {
  const file = join(golden, name);
  if (UPDATE) {
    mkdirSync(golden, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `no golden ${name}; create it with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual, `${name} differs from test/golden-compare; review, then UPDATE_GOLDEN=1 to accept`).toBe(readFileSync(file, 'utf8'));
}

describe('qia compare samples/*', () => {
  it('--out writes the report (md, html), the json and one csv per display, byte for byte', () => {
    const out = join(work, 'out');
    const r = qia(['compare', 'samples/*', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual([
      'compare-meta.csv',
      'compare-obstacles.csv',
      'compare-ordered.csv',
      'compare-roles.csv',
      'compare-stability.csv',
      'compare.html',
      'compare.json',
      'compare.md',
    ]);
    for (const f of files) check(f, readFileSync(join(out, f), 'utf8'));
    // The report page is self-contained: no script, no address to fetch, each cell's quotes inside it.
    const html = readFileSync(join(out, 'compare.html'), 'utf8');
    expect(html).not.toMatch(/<script|https?:|src=|href="(?!#)/);
    expect(html.match(/<td data-case=/g)).toHaveLength(4 * 7);
    expect(html).toContain('<details><summary>Evidence');
  });

  it('each stdout format matches its file', () => {
    const table = qia(['compare', 'samples/*']);
    expect(table.status).toBe(0);
    check('table.txt', table.stdout);
    check('table-id.txt', qia(['compare', 'samples/*', '--lang', 'id', '--display', 'roles']).stdout);
    for (const [format, file] of [
      ['json', 'compare.json'],
      ['md', 'compare.md'],
      ['html', 'compare.html'],
      ['csv', 'compare-meta.csv'],
    ] as const) {
      expect(qia(['compare', 'samples/*', '--format', format]).stdout, format).toBe(readFileSync(join(golden, file), 'utf8').replace(/\n$/, '') + '\n');
    }
  });
});
