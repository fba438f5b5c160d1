import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conclude } from '../../src/conclude/conclude.js';
import { overallStatus } from '../../src/conclude/triangulation.js';
import { statusLabel } from '../../src/i18n/report.js';
import { DEFAULT_VERDICT_SETTINGS } from '../../src/study/verdict-settings.js';
import type { Valence } from '../../src/model/codebook.js';
import { analysis, type FixtureSource } from './fixture.js';

const byCode = (a: ReturnType<typeof conclude>, code: string) => {
  const c = a.conclusions.find((x) => x.code === code);
  if (!c) throw new Error(`no conclusion for ${code}`);
  return c;
};

describe('verdicts', () => {
  it('calls an attribute favourable when every informant speaks well of it', () => {
    const a = analysis([
      { id: 'w1', informant: 'K1', turns: [[undefined, 'Klaim jadi cepat sekali.', [['relative_advantage.time_saving', 1]]]] },
      { id: 'w2', informant: 'S1', turns: [[undefined, 'Tidak perlu antre lagi.', [['relative_advantage.time_saving', 1]]]] },
      { id: 'w3', informant: 'P1', turns: [[undefined, 'Hemat ongkos ke kantor.', [['relative_advantage.cost_saving', 1]]]] },
    ]);
    const c = byCode(conclude(a), 'relative_advantage');
    expect(c.verdict).toBe('favourable');
    expect(c.reason).toBe('favourable-share');
    expect(c.counts).toEqual({ positive: 3, neutral: 0, negative: 0 });
    expect(c.informants).toBe(3);
    expect(c.favourableShare).toBe(1);
    expect(c.negativeCases).toEqual([]);
    expect(c.support.map((q) => q.informant).sort()).toEqual(['K1', 'P1', 'S1']);
    // Sub-codes get their own verdict by the same rule: two codings are too few.
    expect(byCode(conclude(a), 'relative_advantage.time_saving').verdict).toBe('insufficient');
  });

  it('calls an attribute mixed when the favourable share sits between the thresholds', () => {
    const a = analysis([
      { id: 'w1', informant: 'K1', turns: [[undefined, 'Aplikasinya mudah.', [['complexity.ease_of_use', 1]]]] },
      { id: 'w2', informant: 'S1', turns: [[undefined, 'Prosedurnya jelas.', [['complexity', 1]]]] },
      { id: 'w3', informant: 'P1', turns: [[undefined, 'Saya bingung isi formulirnya.', [['complexity', -1]]]] },
      { id: 'w4', informant: 'P2', turns: [[undefined, 'Susah unggah dokumen.', [['complexity.ease_of_use', -1]]]] },
    ]);
    const c = byCode(conclude(a), 'complexity');
    expect(c.verdict).toBe('mixed');
    expect(c.reason).toBe('between-thresholds');
    expect(c.favourableShare).toBe(0.5);
    // A mixed verdict is illustrated from both sides.
    expect(new Set(c.support.map((q) => q.valence))).toEqual(new Set([1, -1]));
  });

  it('calls an attribute unfavourable when most valenced evidence is against it', () => {
    const a = analysis([
      { id: 'w1', informant: 'P1', turns: [[undefined, 'Saya tidak bisa coba dulu.', [['trialability', -1]]]] },
      {
        id: 'w2',
        informant: 'P2',
        turns: [
          [undefined, 'Tidak ada uji coba.', [['trialability', -1]]],
          [undefined, 'Entahlah.', [['trialability', 0]]],
        ],
      },
    ]);
    const c = byCode(conclude(a), 'trialability');
    expect(c.verdict).toBe('unfavourable');
    expect(c.counts).toEqual({ positive: 0, neutral: 1, negative: 2 });
  });

  it('turns a clear majority into mixed when one group leans the other way, and lists every negative case', () => {
    const fav: FixtureSource['turns'] = Array.from({ length: 8 }, (_, i) => [i < 3 ? 'K1' : 'S1', `Lebih cepat ${i}.`, [['relative_advantage', 1]]]);
    const a = analysis([
      { id: 'w1', turns: fav },
      { id: 'w2', informant: 'P1', turns: [[undefined, 'Malah lebih lama, servernya lambat.', [['relative_advantage', -1]]]] },
      { id: 'w3', informant: 'P2', turns: [[undefined, 'Tidak ada untungnya bagi saya.', [['relative_advantage', -1]]]] },
    ]);
    const r = conclude(a);
    const c = byCode(r, 'relative_advantage');
    expect(c.favourableShare).toBe(0.8);
    expect(c.verdict).toBe('mixed');
    expect(c.reason).toBe('groups-disagree');
    expect(c.triangulation?.status).toBe('diverges');
    expect(c.triangulation?.source.status).toBe('diverges');
    const d = c.triangulation!.divergences[0]!;
    expect(d.dimension).toBe('group');
    expect(d.favourable.key).toBe('provider');
    expect(d.unfavourable.key).toBe('user');
    expect(d.unfavourable.quotes.map((q) => q.quote)).toContain('Malah lebih lama, servernya lambat.');

    // Without the agreement check the same numbers give favourable, and the two user
    // statements are listed as negative cases, not hidden.
    const loose = conclude(a, { settings: { ...DEFAULT_VERDICT_SETTINGS, groupAgreement: false } });
    const c2 = byCode(loose, 'relative_advantage');
    expect(c2.verdict).toBe('favourable');
    expect(c2.negativeCases.map((q) => q.informant)).toEqual(['P1', 'P2']);
  });

  it('says why evidence is insufficient', () => {
    const a = analysis([
      {
        id: 'w1',
        informant: 'K1',
        turns: [
          [undefined, 'Sesuai aturan.', [['compatibility', 1]]],
          [undefined, 'Sesuai kebutuhan.', [['compatibility', 1]]],
          [undefined, 'Cocok saat pandemi.', [['compatibility', 1]]],
        ],
      },
      {
        id: 'w2',
        informant: 'S1',
        turns: [
          [undefined, 'Orang melihatnya.', [['observability', 0]]],
          [undefined, 'Ada beritanya.', [['observability', 0]]],
        ],
      },
      { id: 'w3', informant: 'P1', turns: [[undefined, 'Teman saya tahu.', [['observability', 0]]]] },
    ]);
    const r = conclude(a);
    expect(byCode(r, 'trialability')).toMatchObject({ verdict: 'insufficient', reason: 'too-few-codings', total: 0 });
    expect(byCode(r, 'compatibility')).toMatchObject({ verdict: 'insufficient', reason: 'too-few-informants', witnesses: 1 });
    expect(byCode(r, 'observability')).toMatchObject({ verdict: 'insufficient', reason: 'no-valenced-evidence', favourableShare: null });
  });

  it('counts a document without an informant as one witness', () => {
    const a = analysis([
      {
        id: 'w1',
        informant: 'K1',
        turns: [
          [undefined, 'Ada SOP uji coba.', [['trialability', 1]]],
          [undefined, 'Dicoba di cabang.', [['trialability', 1]]],
        ],
      },
      { id: 'documents/sop', kind: 'document', turns: [[undefined, 'Uji coba di tiga kantor cabang.', [['trialability', 1]]]] },
    ]);
    const c = byCode(conclude(a), 'trialability');
    expect(c).toMatchObject({ verdict: 'favourable', informants: 1, witnesses: 2, sources: 2 });
    expect(c.triangulation?.method.status).toBe('converges');
    expect(c.triangulation?.method.silent).toEqual([]);
    expect(c.triangulation?.source.status).toBe('single-source');
    expect(c.triangulation?.source.silent).toEqual(['user']);
    // Methods agree, but one group only spoke: that is not convergence.
    expect(c.triangulation?.status).toBe('one-dimension');
  });

  it('calls a code convergent only when both dimensions converge', () => {
    const both = analysis([
      { id: 'w1', informant: 'K1', turns: [[undefined, 'Ada SOP uji coba.', [['trialability', 1]]]] },
      { id: 'w2', informant: 'P1', turns: [[undefined, 'Saya coba dulu di rumah.', [['trialability', 1]]]] },
      { id: 'documents/sop', kind: 'document', turns: [[undefined, 'Uji coba di tiga kantor cabang.', [['trialability', 1]]]] },
    ]);
    expect(byCode(conclude(both), 'trialability').triangulation?.status).toBe('converges');
    expect(overallStatus('single-source', 'converges')).toBe('one-dimension');
    expect(overallStatus('converges', 'single-source')).toBe('one-dimension');
    expect(overallStatus('single-source', 'single-source')).toBe('single-source');
    expect(overallStatus('converges', 'diverges')).toBe('diverges');
    expect(statusLabel('one-dimension', 'id')).toContain('belum cukup');
    expect(statusLabel('one-dimension', 'en')).toContain('insufficient');
  });

  it('finds obstacles from hindering evidence and lists the overcome ones as negative cases', () => {
    const a = analysis([
      { id: 'w1', informant: 'S1', turns: [[undefined, 'Server sering down waktu klaim ramai.', [['obstacle_internal.server_system', -1]]]] },
      { id: 'w2', informant: 'K1', turns: [[undefined, 'Servernya sudah ditambah, aman.', [['obstacle_internal.server_system', 1]]]] },
    ]);
    const r = conclude(a);
    expect(byCode(r, 'obstacle_internal')).toMatchObject({ verdict: 'found', reason: 'obstacle-reported', counts: { negative: 1, positive: 1, neutral: 0 } });
    expect(byCode(r, 'obstacle_internal').negativeCases.map((q) => q.quote)).toEqual(['Servernya sudah ditambah, aman.']);
    expect(byCode(r, 'obstacle_internal.server_system').verdict).toBe('found');
    expect(byCode(r, 'obstacle_external')).toMatchObject({ verdict: 'not-found', total: 0 });
    expect(byCode(r, 'obstacle_external').triangulation?.status).toBe('single-source');
  });

  it('follows the thresholds in the settings', () => {
    const a = analysis([
      {
        id: 'w1',
        informant: 'K1',
        turns: [
          [undefined, 'a', [['observability', 1]]],
          [undefined, 'b', [['observability', 1]]],
        ],
      },
      { id: 'w2', informant: 'P1', turns: [[undefined, 'c', [['observability', -1]]]] },
    ]);
    expect(byCode(conclude(a), 'observability').verdict).toBe('mixed');
    const lenient = { ...DEFAULT_VERDICT_SETTINGS, favourableShare: 0.6, groupAgreement: false };
    expect(byCode(conclude(a, { settings: lenient }), 'observability').verdict).toBe('favourable');
    const strict = { ...DEFAULT_VERDICT_SETTINGS, minCodings: 4 };
    expect(byCode(conclude(a, { settings: strict }), 'observability').verdict).toBe('insufficient');
  });

  it('keeps its promises on any evidence (property)', () => {
    const valence = fc.constantFrom<Valence>(-1, 0, 1);
    const who = fc.constantFrom('K1', 'S1', 'P1', 'P2', undefined);
    const turn = fc.tuple(who, valence).map(([w, v]) => [w, `kata ${String(w)} ${v}`, [['complexity', v]]] as FixtureSource['turns'][number]);
    fc.assert(
      fc.property(fc.array(fc.array(turn, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (srcs) => {
        const a = analysis(srcs.map((turns, i) => ({ id: `w${i}`, kind: i % 3 === 2 ? 'document' : 'interview', turns })));
        const r = conclude(a);
        const c = byCode(r, 'complexity');
        const { positive, negative, neutral } = c.counts;
        expect(positive + negative + neutral).toBe(c.total);
        expect(c.total).toBe(a.codings.length);
        if (c.verdict === 'favourable') {
          expect(positive / (positive + negative)).toBeGreaterThanOrEqual(DEFAULT_VERDICT_SETTINGS.favourableShare);
          // Every unfavourable segment is a negative case: never hidden.
          expect(c.negativeCases.length).toBe(negative);
        }
        if (c.verdict === 'unfavourable') expect(c.negativeCases.length).toBe(positive);
        if (c.verdict !== 'insufficient') {
          expect(c.total).toBeGreaterThanOrEqual(DEFAULT_VERDICT_SETTINGS.minCodings);
          expect(c.witnesses).toBeGreaterThanOrEqual(DEFAULT_VERDICT_SETTINGS.minInformants);
        }
        // Pure and deterministic.
        expect(JSON.stringify(conclude(a))).toBe(JSON.stringify(r));
      }),
      { numRuns: 200 },
    );
  });
});
