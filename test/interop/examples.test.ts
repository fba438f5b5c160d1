import { beforeAll, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { qia } from '../helpers/cli.js';
import { CI, describeRefi, missing, REFI, tmp } from './refi-env.js';

// Real exports (ATLAS.ti 23.2) and the hand-written minimal project from ../shared/refi-qda
// import without an error, and what they hold arrives.

describeRefi('real and minimal REFI-QDA files import', () => {
  beforeAll(() => {
    if (CI) expect(missing).toEqual([]);
  });

  const examples = existsSync(join(REFI, 'examples'))
    ? readdirSync(join(REFI, 'examples'))
        .filter((f) => f.endsWith('.qdpx'))
        .sort()
    : [];

  it('the examples folder holds the two ATLAS.ti exports', () => {
    expect(examples).toEqual(['atlasti-23.2-blank-atlas-project.qdpx', 'atlasti-23.2-target-atlas-project.qdpx']);
  });

  for (const f of examples) {
    it(`${f} imports without error`, () => {
      const dir = join(tmp('atlas'), 'study');
      const r = qia(['import', 'qdpx', join(REFI, 'examples', f), '--into', dir]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('error');
      expect(existsSync(join(dir, 'study.yaml'))).toBe(true);
      const check = qia(['codebook', 'check', join(dir, 'codebook.yaml'), '--lang', 'en']);
      expect(check.stdout).toContain(': ok:');
    });
  }

  it('the ATLAS.ti code tree becomes a codebook with ids made from the names', () => {
    const dir = join(tmp('atlas-codes'), 'study');
    qia(['import', 'qdpx', join(REFI, 'examples/atlasti-23.2-target-atlas-project.qdpx'), '--into', dir]);
    const yaml = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
    expect(yaml).toContain('  - id: commits\n');
    expect(yaml).toContain('  - id: commits.c2022_05_10t02_05_59z_19e4dce\n    label: 2022-05-10T02:05:59Z 19e4dce\n');
    expect(yaml).toContain('  - id: commits.c2022_02_11t10_39_25z_cdbfd92\n');
    expect(readFileSync(join(dir, 'study.yaml'), 'utf8')).toContain('title: "target-atlas-project"');
  });

  it('minimal.qdpx: the emoji text, its two codings on the right words, the case and the coding memo', () => {
    const dir = join(tmp('minimal'), 'study');
    const r = qia(['import', 'qdpx', join(REFI, 'minimal/minimal.qdpx'), '--into', dir]);
    expect(r.status, r.stderr).toBe(0);
    const csv = readFileSync(join(dir, 'codings/ada.csv'), 'utf8');
    expect(csv).toContain(',anxious,feelings.anxiety,0,ada,,');
    expect(csv).toContain(',the neighbours were kind,community_support,0,ada,Neighbourhood ties appear early.,');
    expect(readFileSync(join(dir, 'informants.csv'), 'utf8')).toBe('id,label,role,group,Age\r\nRespondent A,Respondent A,,,42\r\n');
    const code = qia(['code', dir, '--format', 'json']);
    expect(code.status, code.stderr).toBe(0);
    const codings = (JSON.parse(code.stdout) as { codings: { code: string; quote: string }[] }).codings;
    expect(codings.map((c) => [c.code, c.quote]).sort()).toEqual([
      ['community_support', 'the neighbours were kind'],
      ['feelings.anxiety', 'anxious'],
    ]);
  });

  it('a bare project.qde imports too, its texts read from the sources folder beside it', () => {
    const dir = join(tmp('bare'), 'study');
    const r = qia(['import', 'qdpx', join(REFI, 'minimal/qdpx/project.qde'), '--into', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'codings/ada.csv'), 'utf8')).toContain(',the neighbours were kind,community_support,0,ada,');
    const empty = qia(['import', 'qdpx', join(REFI, 'minimal/bare-project.qde'), '--into', join(dir, '..', 'empty')]);
    expect(empty.status, empty.stderr).toBe(0);
  });

  it('a .qdc written by hand imports, braces and lower-case GUIDs included', () => {
    const r = qia(['import', 'qdc', join(REFI, 'minimal/codebook.qdc')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('  - id: feelings.anxiety\n    label: Anxiety\n    definition: Worry or unease about a change.\n');
    expect(r.stdout).toContain('  - id: community_support\n');
  });

  it('files the schemas reject are still read where they can be, and malformed XML is an error with its line', () => {
    const bad = qia(['import', 'qdc', join(REFI, 'minimal/wrong-namespace-codebook.qdc')]);
    expect(bad.stderr).toContain('[refi/namespace]');
    const dir = tmp('malformed');
    const f = join(dir, 'broken.qdc');
    writeFileSync(f, '<?xml version="1.0"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n<Codes><Code guid="x"></Codes>\n');
    const r = qia(['import', 'qdc', f]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/broken\.qdc:3:\d+: error: not well-formed XML: .*\[refi\/xml-syntax\]/);
  });
});
