import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/compare/model.js';
import { qia, ROOT } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'qia-compare-roles-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function comparison(args: string[], cwd = ROOT): Comparison {
  const r = qia(['compare', ...args, '--format', 'json'], { cwd });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Comparison;
}

describe('roles across cases compare informant roles (informants.csv `role`), not groups', () => {
  it("keeps heads and staff apart, as the study's own role-ordered matrix does", () => {
    const c = comparison(['samples/*']);
    const obs = c.roles.find((r) => r.code === 'observability')!;
    expect(obs.roles).toEqual(['head', 'staff', 'user', 'partner']);
    // Head and staff are one group (provider): by group they could never split.
    const headStaff = obs.pairs.find((p) => p.roles.join() === 'head,staff')!;
    expect(headStaff.secondFavourable).toEqual(['imigrasi-lampung']);
    expect(headStaff.firstFavourable).toEqual([]);
    // It splits in one case only, so whether it splits "the same way" everywhere cannot be said.
    expect(headStaff.sameWay).toBeNull();
    // The counts behind each lean are those of `qia matrix --type role` in the study.
    const matrix = qia(['matrix', '--type', 'role', '--format', 'md'], { cwd: join(ROOT, 'samples/library-en') }).stdout;
    const row = (role: string) =>
      matrix
        .split('\n')
        .find((l) => l.startsWith(`| ${role} |`))!
        .split('|')[4]!;
    expect(row('Head')).toMatch(/^ \+2 ·1 /);
    expect(row('Service users')).toMatch(/^ −2 /);
    const lib = c.roles.find((r) => r.code === 'complexity')!.cases.find((x) => x.case === 'library-en')!;
    expect(lib.leans).toEqual({ head: 'favourable', staff: 'favourable', user: 'unfavourable', partner: 'silent' });
    expect(lib.divergence).toEqual({ favourable: ['head', 'staff'], unfavourable: ['user'] });
  });

  it('says when a pair of roles splits one way in one case and the other way in another', () => {
    // On complexity, staff lean favourable and service users unfavourable in both library-en and
    // imigrasi-lampung. Swapping library-en's staff and users turns its split the other way.
    const dir = join(work, 'turned');
    for (const s of ['library-en', 'imigrasi-lampung']) cpSync(join(ROOT, 'samples', s), join(dir, s), { recursive: true, filter: (p) => !p.includes('/out') });
    const informants = join(dir, 'library-en', 'informants.csv');
    const swapped = readFileSync(informants, 'utf8')
      .replace(/,staff,provider,/g, ',TMP,provider,')
      .replace(/,user,user,/g, ',staff,user,')
      .replace(/,TMP,provider,/g, ',user,provider,');
    writeFileSync(informants, swapped);
    const c = comparison(['*'], dir);
    const cx = c.roles.find((r) => r.code === 'complexity')!;
    const pair = cx.pairs.find((p) => p.roles.join() === 'staff,user')!;
    expect(pair).toMatchObject({
      heard: ['library-en', 'imigrasi-lampung'],
      firstFavourable: ['imigrasi-lampung'],
      secondFavourable: ['library-en'],
      sameWay: false,
    });
    expect(cx.sameWay).toBe(false);
    const md = qia(['compare', '*', '--format', 'md'], { cwd: dir }).stdout;
    expect(md).toContain('On Complexity, informant roles split in 2 of 2 cases, not always the same way: ');
    expect(md).toContain('staff favourable and service users unfavourable in imigrasi-lampung; service users favourable and staff unfavourable in library-en');
    const table = qia(['compare', '*', '--display', 'roles', '--lang', 'en'], { cwd: dir }).stdout;
    expect(table.split('\n').find((l) => l.startsWith('│ Complexity'))).toMatch(/│ no\s+│$/);
  });
});
