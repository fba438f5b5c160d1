import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { autoCode } from '../../src/coding/auto.js';
import { PRIOR_RULE } from '../../src/coding/prior-reading.js';
import { compileCodebook } from '../../src/match/compile.js';
import { loadCodebook } from '../../src/study/codebook.js';
import { DEFAULT_MIN_SCORE, isSuggestion } from '../../src/index/counted.js';
import type { Matcher } from '../../src/model/codebook.js';
import { build } from './build.js';

/**
 * A document paragraph nothing placed: the codebook prior suggests the attribute its words lean
 * to, as a suggestion (listed for review, never counted unless accepted). Sentences written for
 * this test, in the manner of a findings chapter.
 */

let matcher: Matcher;
beforeAll(async () => {
  const { codebook } = await loadCodebook('builtin:rogers');
  matcher = compileCodebook(codebook!);
});

const paragraph = (text: string, opts: { priorReading?: boolean } = {}) => {
  const t = build('documents/d01', text);
  return autoCode(t.segments, matcher, { sourceText: () => t.source.text, priorReading: true, ...opts });
};

describe('the prior reading of a paragraph no rule placed', () => {
  const TEXT = 'Warga kampung menyaksikan hasil pelayanan keliling itu dari tahun ke tahun.';

  it('suggests the attribute the codebook words favour, scored under min_score, with the words that weighed most', () => {
    const cs = paragraph(TEXT);
    expect(cs).toHaveLength(1);
    const c = cs[0]!;
    expect(c.code).toBe('observability');
    expect(c.score).toBeGreaterThan(0);
    expect(c.score).toBeLessThan(DEFAULT_MIN_SCORE);
    expect(isSuggestion(c, {})).toBe(true);
    expect(c.matches.every((m) => m.ruleId === PRIOR_RULE)).toBe(true);
    expect(c.matches.map((m) => m.text)).toContain('hasil');
    expect(c.memo).toMatch(/^codebook-prior: no rule fired; .*hasil/);
    // the quote is the whole paragraph, and the matched words are where they are
    expect(c.quote).toBe(TEXT);
    for (const m of c.matches) expect(TEXT.slice(m.span.start, m.span.end)).toBe(m.text);
  });

  it('leaves alone a paragraph about the research method, one about nothing the innovation touches, and a short line', () => {
    expect(paragraph('Penelitian ini menggunakan metode kualitatif dengan teknik wawancara dan dokumentasi terhadap informan.')).toEqual([]);
    expect(paragraph('Kota ini terletak di pesisir timur dan berpenduduk sekitar tiga ratus ribu jiwa.')).toEqual([]);
    expect(paragraph('Warga menyaksikan hasilnya.')).toEqual([]);
  });

  it('is not made where a rule fired, in an interview turn, or when switched off', () => {
    const ruled = paragraph('Dengan adanya inovasi ini, waktu pelayanan menjadi lebih singkat.');
    expect(ruled.some((c) => c.matches.some((m) => m.ruleId === PRIOR_RULE))).toBe(false);
    const t = build(
      'interviews/w01',
      `K1: ${TEXT} Dari tahun ke tahun kampung kami ikut menyaksikan hasil pelayanan keliling itu bersama kampung sebelah dan kampung seberang sungai.`,
    );
    expect(autoCode(t.segments, matcher, { sourceText: () => t.source.text })).toEqual([]);
    expect(paragraph(TEXT, { priorReading: false })).toEqual([]);
  });

  it('is not made with a codebook that has no rules (one imported from another program is coded by hand)', async () => {
    const { codebook } = await loadCodebook('builtin:rogers');
    const handOnly = compileCodebook({ ...codebook!, codes: codebook!.codes.map((c) => ({ ...c, rules: [] })) });
    const t = build('documents/d01', TEXT);
    expect(autoCode(t.segments, handOnly, { sourceText: () => t.source.text })).toEqual([]);
  });

  it('on any paragraph, is at most one suggestion under min_score whose marked words are where it says', () => {
    const words = fc.constantFrom(
      'warga',
      'hasil',
      'pelayanan',
      'inovasi',
      'dicoba',
      'sesuai',
      'kebutuhan',
      'mudah',
      'lebih',
      'cepat',
      'Rp',
      '“',
      'İstanbul',
      'ß',
      '\u0301',
      'data',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 40 }), (ws) => {
        const text = ws.join(' ').replace(/\n/g, ' ');
        const cs = paragraph(text).filter((c) => c.matches.some((m) => m.ruleId === PRIOR_RULE));
        expect(cs.length).toBeLessThanOrEqual(1);
        for (const c of cs) {
          expect(c.score).toBeLessThan(DEFAULT_MIN_SCORE);
          for (const m of c.matches) expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic', () => {
    expect(JSON.stringify(paragraph(TEXT))).toBe(JSON.stringify(paragraph(TEXT)));
  });
});

describe('qia code on a study (the built binary)', () => {
  const BIN = fileURLToPath(new URL('../../bin/qia.js', import.meta.url));
  const PARAGRAPH = 'Warga kampung menyaksikan hasil pelayanan keliling itu dari tahun ke tahun.\n';
  const study = (yaml = '') => {
    const root = mkdtempSync(join(tmpdir(), 'qia-prior-'));
    mkdirSync(join(root, 'sources/documents'), { recursive: true });
    mkdirSync(join(root, 'sources/observations'), { recursive: true });
    writeFileSync(join(root, 'study.yaml'), `title: T\ncase: C\n${yaml}`);
    writeFileSync(join(root, 'informants.csv'), 'id,label,role,group\n');
    writeFileSync(join(root, 'sources/documents/d01.md'), PARAGRAPH);
    // the same words in a field note: the researcher's own record, left to the researcher
    writeFileSync(join(root, 'sources/observations/o01.md'), PARAGRAPH);
    return root;
  };
  const code = (root: string, ...args: string[]) => spawnSync(process.execPath, [BIN, 'code', root, '--lang', 'en', ...args], { encoding: 'utf8' });

  it("lists a document paragraph's suggestion in codings.csv with its score and memo, and counts it nowhere", () => {
    const root = study('coding:\n  prior_reading: true\n');
    const csv = code(root, '--format', 'csv');
    expect(csv.status).toBe(0);
    const rows = csv.stdout.trim().split('\n').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^documents\/d01:1,documents\/d01,.*,observability,0,auto,rule,auto,.*,codebook-prior,"codebook-prior: no rule fired; .*",0\.10$/);
    const summary = code(root);
    expect(summary.status).toBe(0);
    // the summary table counts only what verdicts count: the suggestion is not among them
    expect(summary.stdout).toMatch(/observability\s*│\s*0\s*│/);
  });

  it('makes none by default, nor with coding.prior_reading: false (it is opt-in)', () => {
    for (const yaml of ['', 'coding:\n  prior_reading: false\n']) {
      const csv = code(study(yaml), '--format', 'csv');
      expect(csv.status).toBe(0);
      expect(csv.stdout.trim().split('\n')).toHaveLength(1);
    }
  });
});
