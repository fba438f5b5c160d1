import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { qia } from '../helpers/cli.js';
import { qdeOf, SAMPLES, tmp } from './refi-env.js';

// export → import → export gives the same bytes: the second export is made from the study the
// import wrote (its own sources as .txt, codebook.yaml without rules, one coder CSV per user,
// the automatic coder's included), so everything a .qdpx carries survives the trip through qia.

describe('export → import → export is byte for byte identical', () => {
  for (const s of SAMPLES) {
    it(`${s}.qdpx`, () => {
      const dir = tmp('rt');
      const first = join(dir, 'first.qdpx');
      const second = join(dir, 'second.qdpx');
      const study = join(dir, 'study');
      expect(qia(['export', 'qdpx', `samples/${s}`, '-o', first]).status).toBe(0);
      const imp = qia(['import', 'qdpx', first, '--into', study]);
      expect(imp.status, imp.stderr).toBe(0);
      expect(imp.stderr).toBe('');
      const again = qia(['export', 'qdpx', study, '-o', second]);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stderr).toBe('');
      // The XML first, for a readable difference; then the whole zip.
      expect(qdeOf(second)).toBe(qdeOf(first));
      expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
    }, 60_000);
  }

  it('the same study exported twice, in different time zones, gives the same bytes', () => {
    const dir = tmp('twice');
    qia(['export', 'qdpx', 'samples/lapak-asik', '-o', join(dir, 'a.qdpx')], { env: { TZ: 'America/New_York' } });
    qia(['export', 'qdpx', 'samples/lapak-asik', '-o', join(dir, 'b.qdpx')], { env: { TZ: 'Asia/Jakarta' } });
    expect(readFileSync(join(dir, 'a.qdpx')).equals(readFileSync(join(dir, 'b.qdpx')))).toBe(true);
  });

  it('a .qdc of the built-in codebook, imported and exported again', () => {
    const dir = tmp('qdc');
    expect(qia(['export', 'qdc', 'builtin:rogers', '-o', join(dir, 'a.qdc')]).status).toBe(0);
    const imp = qia(['import', 'qdc', join(dir, 'a.qdc'), '-o', join(dir, 'cb.yaml')]);
    expect(imp.status, imp.stderr).toBe(0);
    const check = qia(['codebook', 'check', join(dir, 'cb.yaml')]);
    expect(check.stdout).toContain('ok: 35 codes, 0 rules, 0 errors, 0 warnings');
    expect(qia(['export', 'qdc', join(dir, 'cb.yaml'), '-o', join(dir, 'b.qdc')]).status).toBe(0);
    expect(readFileSync(join(dir, 'b.qdc'), 'utf8')).toBe(readFileSync(join(dir, 'a.qdc'), 'utf8'));
  });

  it('the imported codebook keeps ids, groups, labels, definitions, criteria, examples and valence direction', () => {
    const dir = tmp('qdc-fields');
    qia(['export', 'qdc', 'builtin:rogers', '-o', join(dir, 'a.qdc')]);
    const yaml = qia(['import', 'qdc', join(dir, 'a.qdc')]).stdout;
    expect(yaml).toContain('  - id: complexity\n    group: attribute\n    label:\n      id: Kerumitan\n      en: Complexity\n');
    expect(yaml).toMatch(/- id: complexity\n(?:.*\n)*? {4}valence:\n {6}inverted: true\n/);
    expect(yaml).toMatch(/- id: relative_advantage\n(?:.*\n)*? {4}valence:\n {6}default: 1\n/);
    expect(yaml).not.toMatch(/^ +rules:/m);
  });
});
