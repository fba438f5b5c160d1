import { beforeAll, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { qia } from '../helpers/cli.js';
import { CI, describeRefi, missing, qdeOf, REFI, SAMPLES, sh, tmp } from './refi-env.js';

// Every export of every sample must pass the official schemas and check-refi.sh, which adds what
// an XSD cannot check: the zip layout, that references resolve, unique GUIDs, selection bounds
// in code points, one text per source.

describeRefi('exports pass the REFI-QDA schemas and check-refi.sh', () => {
  const dir = tmp('schema');
  beforeAll(() => {
    if (CI) expect(missing, 'CI must have the schemas, xmllint and unzip').toEqual([]);
    for (const s of SAMPLES) {
      const a = qia(['export', 'qdc', `samples/${s}`, '-o', join(dir, `${s}.qdc`)]);
      expect(a.status, a.stderr).toBe(0);
      const b = qia(['export', 'qdpx', `samples/${s}`, '-o', join(dir, `${s}.qdpx`)]);
      expect(b.status, b.stderr).toBe(0);
    }
  }, 120_000);

  for (const s of SAMPLES) {
    it(`${s}.qdc validates against Codebook-mrt2019.xsd`, () => {
      const r = sh('xmllint', ['--noout', '--schema', join(REFI, 'Codebook-mrt2019.xsd'), join(dir, `${s}.qdc`)]);
      expect(r.out).toContain('validates');
      expect(r.status).toBe(0);
    });

    it(`${s}.qdpx's project.qde validates against Project-mrt2019.xsd`, () => {
      const qde = join(dir, `${s}.qde`);
      writeFileSync(qde, qdeOf(join(dir, `${s}.qdpx`)));
      const r = sh('xmllint', ['--noout', '--schema', join(REFI, 'Project-mrt2019.xsd'), qde]);
      expect(r.out).toContain('validates');
      expect(r.status).toBe(0);
    });

    for (const ext of ['qdc', 'qdpx']) {
      it(`${s}.${ext} passes check-refi.sh`, () => {
        const r = sh('bash', [join(REFI, 'check-refi.sh'), join(dir, `${s}.${ext}`)]);
        expect(r.out).not.toMatch(/ERROR|WARN/);
        expect(r.out).toContain('OK:');
        expect(r.status).toBe(0);
      }, 180_000); // check-refi.sh looks each reference up with xmllint: seconds per file
    }
  }

  it('the codebook on its own (builtin:rogers) passes too', () => {
    const f = join(dir, 'rogers.qdc');
    expect(qia(['export', 'qdc', 'builtin:rogers', '-o', f]).status).toBe(0);
    const r = sh('bash', [join(REFI, 'check-refi.sh'), f]);
    expect(r.status, r.out).toBe(0);
  });
});
