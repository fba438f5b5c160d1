import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { featuresOf, predictPrimary, trainPrimary, type Example } from '../../src/coding/learn.js';
import { qia } from '../helpers/cli.js';

/** Learning from the researcher: a naive Bayes over what a person coded, proposing the rest. */

const ex = (text: string, primary: string): Example => ({ features: featuresOf(text, ['id']), codes: new Set(primary === 'none' ? [] : [primary]), primary });
const examples: Example[] = [
  ex('Antre lama sekali di kantor, berjam-jam.', 'relative_advantage'),
  ex('Sekarang tidak perlu antre, klaim cair cepat.', 'relative_advantage'),
  ex('Klaim cair dalam dua hari, cepat.', 'relative_advantage'),
  ex('Servernya sering error dan tidak bisa login.', 'obstacle_internal'),
  ex('Server down lagi pagi ini, error terus.', 'obstacle_internal'),
  ex('Cuaca hari itu cerah dan kantor buka pukul delapan.', 'none'),
  ex('Kantor cabang berada di pusat kota.', 'none'),
];

describe('the learnt classifier', () => {
  it('keeps function words out and negations in bigrams', () => {
    const f = featuresOf('Prosesnya tidak ribet dan cepat', ['id']);
    expect(f).not.toContain('dan');
    expect(f).not.toContain('tidak');
    expect(f).toContain('tidak ribet');
  });

  it('proposes the code whose words a segment shares, with the words that weighed most', () => {
    const model = trainPrimary(examples);
    const [best] = predictPrimary(model, featuresOf('Server error, tidak bisa login sejak pagi.', ['id']));
    expect(best!.code).toBe('obstacle_internal');
    expect(best!.probability).toBeGreaterThan(0.5);
    expect(best!.because).toEqual(expect.arrayContaining(['error']));
  });

  it('is deterministic: the same examples in another order give the same probabilities', () => {
    const a = predictPrimary(trainPrimary(examples), featuresOf('Klaim cair cepat tanpa antre.', ['id']));
    const b = predictPrimary(trainPrimary([...examples].reverse()), featuresOf('Klaim cair cepat tanpa antre.', ['id']));
    expect(b).toEqual(a);
    expect(a[0]!.code).toBe('relative_advantage');
  });

  it('trains on 1,000 coded segments in well under a second', () => {
    const many = Array.from({ length: 1000 }, (_, i) => examples[i % examples.length]!);
    const t0 = performance.now();
    trainPrimary(many);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('qia code --learn', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qia-learn-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("proposes codes for the sources nobody coded, from the coders' files, with score and the words behind them", () => {
    const study = join(dir, 'lapak-asik');
    cpSync(join(__dirname, '../../samples/lapak-asik'), study, { recursive: true });
    const plain = qia(['code', study]);
    expect(plain.status).toBe(0);
    expect(readFileSync(join(study, 'out/codings.csv'), 'utf8')).not.toContain(',learned,');
    const r = qia(['code', study, '--learn', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/learned from \d+ segments a person coded or judged/);
    const rows = readFileSync(join(study, 'out/codings.csv'), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.includes(',learned,rule,auto,'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/weighed most: [^"]+",(0\.[5-9]\d|1\.00)$/);
    // The study setting does the same.
    const yaml = join(study, 'study.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^coding:\n/m, 'coding:\n  learn: true\n'));
    // … and says so in the study's language.
    const again = qia(['code', study]);
    expect(again.stderr).toMatch(/belajar dari \d+ segmen yang dikode atau dinilai orang/);
  });
});

describe('learning beside the prior reading', () => {
  it("does not take the prior's suggestion for a rule's finding: the classifier still proposes its code there", async () => {
    const { learnCodings } = await import('../../src/coding/learn.js');
    const { PRIOR_RULE } = await import('../../src/coding/prior-reading.js');
    const { build } = await import('./build.js');
    const coded = build(
      'documents/a',
      [
        'Antre lama sekali di kantor, berjam-jam.',
        'Sekarang tidak perlu antre, klaim cair cepat.',
        'Klaim cair dalam dua hari, cepat.',
        'Servernya sering error dan tidak bisa login.',
        'Server down lagi pagi ini, error terus.',
        'Cuaca hari itu cerah dan kantor buka pukul delapan.',
        'Kantor cabang berada di pusat kota.',
      ].join('\n'),
    );
    const rest = build('documents/b', 'Klaim cair cepat, tidak perlu antre berjam-jam.');
    const person = (n: number, code: string) => ({
      segmentId: `documents/a:${n}`,
      sourceId: 'documents/a',
      code,
      valence: 1 as const,
      coder: 'rina',
      origin: 'manual' as const,
      status: 'manual' as const,
      span: coded.segments[n - 1]!.span,
      quote: coded.segments[n - 1]!.text,
      prefix: '',
      suffix: '',
      matches: [],
      cues: [],
      score: 0,
    });
    const manual = [
      person(1, 'relative_advantage'),
      person(2, 'relative_advantage'),
      person(3, 'relative_advantage'),
      person(4, 'obstacle_internal'),
      person(5, 'obstacle_internal'),
    ];
    const seg = rest.segments[0]!;
    const prior = {
      ...person(1, 'relative_advantage'),
      segmentId: seg.id,
      sourceId: seg.sourceId,
      coder: 'auto',
      origin: 'rule' as const,
      status: 'auto' as const,
      valence: 0 as const,
      span: seg.span,
      quote: seg.text,
      matches: [{ ruleId: PRIOR_RULE, span: seg.span, text: 'cair' }],
      score: 0.1,
    };
    const segments = [...coded.segments, ...rest.segments];
    const { proposals } = learnCodings(segments, [...manual, prior], [prior], ['id']);
    expect(proposals.map((p) => [p.segmentId, p.code])).toEqual([[seg.id, 'relative_advantage']]);
  });
});
