import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_VERDICT_SETTINGS, locateInStudyYaml, resolveVerdictSettings } from '../../src/study/verdict-settings.js';

const STUDY = `title: T
case: C
verdicts:
  min_informants: 3
  favorable_share: 0.8
  unfavourable_share: "high"
  group_agreement: false
`;

describe('verdict settings', () => {
  it('fills defaults when study.yaml has no verdicts', () => {
    expect(resolveVerdictSettings(undefined)).toEqual({ settings: DEFAULT_VERDICT_SETTINGS, diagnostics: [] });
    expect(resolveVerdictSettings({}).settings).toEqual(DEFAULT_VERDICT_SETTINGS);
  });

  it('takes valid keys, reports unknown keys and wrong types with line and column, keeps going', () => {
    const raw = (parse(STUDY) as { verdicts: unknown }).verdicts;
    const r = resolveVerdictSettings(raw, 'study.yaml', locateInStudyYaml(STUDY));
    expect(r.settings).toEqual({ ...DEFAULT_VERDICT_SETTINGS, minInformants: 3, groupAgreement: false });
    const unknown = r.diagnostics.find((d) => d.code === 'verdicts/unknown-key');
    expect(unknown).toMatchObject({ severity: 'warning', file: 'study.yaml', line: 5, column: 3 });
    expect(unknown?.hint).toContain('favourable_share');
    const bad = r.diagnostics.find((d) => d.code === 'verdicts/invalid-value');
    expect(bad).toMatchObject({ severity: 'error', file: 'study.yaml', line: 6, column: 3 });
    expect(bad?.message).toContain('unfavourable_share');
  });

  it('rejects shares at or below one half, counts that are not whole, and a non-mapping', () => {
    const r = resolveVerdictSettings({ favourable_share: 0.5, min_codings: 2.5, min_group_codings: -1 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['verdicts/invalid-value', 'verdicts/invalid-value', 'verdicts/invalid-value']);
    expect(r.settings).toEqual(DEFAULT_VERDICT_SETTINGS);
    const text = 'title: T\nverdicts: 3\n';
    const r2 = resolveVerdictSettings(3, 'study.yaml', locateInStudyYaml(text));
    expect(r2.diagnostics[0]).toMatchObject({ code: 'verdicts/invalid', line: 2, column: 1 });
  });
});
