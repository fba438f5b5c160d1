import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../src/study/codebook.js';
import { parseCodebook } from '../../src/codebook/parse.js';

const codes = (text: string) => parseCodebook(text, 'cb.yaml');
const codesOf = (text: string) => codes(text).diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);

const HEAD = 'id: t\nversion: "1"\nlanguages: [id, en]\ncodes:\n';

describe('loading a codebook', () => {
  it('loads the default Rogers codebook without diagnostics, with every fixed code id', async () => {
    const { codebook, diagnostics } = await loadCodebook('builtin:rogers');
    expect(diagnostics).toEqual([]);
    const ids = codebook!.codes.map((c) => c.id);
    for (const id of [
      'relative_advantage.time_saving',
      'relative_advantage.cost_saving',
      'relative_advantage.fewer_documents',
      'relative_advantage.satisfaction',
      'compatibility.needs',
      'compatibility.regulation',
      'compatibility.situation',
      'complexity.ease_of_use',
      'complexity.clear_procedure',
      'complexity.skills',
      'trialability.pilot',
      'trialability.trial',
      'trialability.sop',
      'trialability.replication',
      'observability.visible_results',
      'observability.media',
      'observability.numbers',
      'observability.enthusiasm',
      'obstacle_internal.server_system',
      'obstacle_internal.staff_skills',
      'obstacle_internal.planning',
      'obstacle_internal.budget',
      'obstacle_internal.facilities',
      'obstacle_external.network',
      'obstacle_external.devices',
      'obstacle_external.distance',
      'obstacle_external.understanding',
      'obstacle_external.brokers',
    ])
      expect(ids).toContain(id);
    expect(ids).toHaveLength(35);
    expect(codebook!.codes.find((c) => c.id === 'complexity.skills')!.group).toBe('attribute');
    expect(codebook!.codes.find((c) => c.id === 'obstacle_external.brokers')!.group).toBe('obstacle');
    for (const c of codebook!.codes) {
      expect(c.label.id, c.id).toBeTruthy();
      expect(c.label.en, c.id).toBeTruthy();
      expect(c.definition.id && c.definition.en, c.id).toBeTruthy();
    }
  });

  it('reports a missing file', async () => {
    const r = await loadCodebook('/no/such/codebook.yaml');
    expect(r.codebook).toBeUndefined();
    expect(r.diagnostics[0]!.code).toBe('codebook/not-found');
  });

  it('points YAML syntax errors at their line', () => {
    expect(codesOf(HEAD + '  - id: a\n    label: [x\n')[0]).toMatch(/^codebook\/yaml@\d+:\d+$/);
  });

  it('warns about unknown keys with line and column', () => {
    const d = codesOf(HEAD + '  - id: a\n    label: {id: A, en: A}\n    colour: red\n');
    expect(d).toEqual(['codebook/unknown-key@7:5']);
    expect(codesOf('id: t\nlanguages: [id]\nextra: 1\ncodes: []\n')).toEqual(['codebook/unknown-key@3:1', 'codebook/no-codes@4:8']);
  });

  it('rejects duplicate ids and missing parents', () => {
    const d = codesOf(HEAD + '  - id: a\n    label: {id: A, en: A}\n  - id: a\n    label: {id: A, en: A}\n  - id: b.c\n    label: {id: C, en: C}\n');
    expect(d).toContain('codebook/duplicate-id@7:9');
    expect(d).toContain('codebook/missing-parent@9:9');
  });

  it('rejects empty and mixed rules', () => {
    const d = codesOf(
      HEAD +
        '  - id: a\n    label: {id: A, en: A}\n    rules:\n      - scope: sentence\n      - terms: []\n      - near: [server]\n      - terms: [x]\n        regex: y\n',
    );
    expect(d.filter((x) => x.startsWith('codebook/empty-rule'))).toHaveLength(3);
    expect(d.some((x) => x.startsWith('codebook/mixed-rule@11:'))).toBe(true);
  });

  it('rejects invalid regular expressions and what the linear-time engine cannot run, at the construct', () => {
    const d = codesOf(
      HEAD +
        "  - id: a\n    label: {id: A, en: A}\n    rules:\n      - regex: '(unclosed'\n      - regex: 'x(?=y)'\n      - regex: (a)\\1\n      - regex: '\\d+ ?(menit|jam)'\n      - regex: '(a+)+b'\n",
    );
    // '(unclosed' at the scalar; (?= is the 2nd character inside the quotes; \1 the 4th of a plain scalar.
    expect(d).toEqual(['codebook/invalid-regex@8:16', 'codebook/unsupported-regex@9:18', 'codebook/unsupported-regex@10:19']);
  });

  it('rejects terms no stemmer can reach', () => {
    const d = codesOf(
      HEAD + "  - id: a\n    label: {id: A, en: A}\n    rules:\n      - terms: [ok, '!!!', '*', 'kendala*']\n      - near: [server, 'down|???']\n",
    );
    expect(d).toEqual(['codebook/unreachable-term@8:21', 'codebook/unreachable-term@8:28', 'codebook/unreachable-term@9:24']);
  });

  it('warns about labels missing in a declared language', () => {
    expect(codesOf(HEAD + '  - id: a\n    label: {id: A}\n')).toEqual(['codebook/missing-label@6:12']);
  });

  it('keeps loading the rest after an error', () => {
    const r = codes(
      HEAD + "  - id: a\n    label: {id: A, en: A}\n    rules:\n      - regex: '(?<=a)b'\n      - terms: [mudah]\n  - id: b\n    label: {id: B, en: B}\n",
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['codebook/unsupported-regex']);
    expect(r.codebook!.codes.map((c) => c.id)).toEqual(['a', 'b']);
    expect(r.codebook!.codes[0]!.rules!.map((x) => x.id)).toEqual(['a#2']);
  });
});
