import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementInput, agreementSection, studyAgreement, type StudyAgreement } from '../../../src/conclude/agreement/index.js';
import { fingerprint } from '../../../src/coding/decision-log.js';
import { codeStudy, type CodedStudy, type Corpus } from '../../../src/pipeline/run.js';
import { openStudy, type OpenedStudy } from '../../../src/study/open.js';
import { QiaError } from '../../../src/util/diagnostics.js';
import { logLine, writeTinyStudy } from './tiny-study.js';

/** The tiny study's figures are worked out by hand in tiny-study.ts. */

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function open(dir: string): Promise<{ opened: OpenedStudy; coded: CodedStudy & { corpus: Corpus } }> {
  const opened = await openStudy(dir);
  return { opened, coded: await codeStudy(opened, { texts: true }) };
}

function fresh(): string {
  const dir = writeTinyStudy();
  dirs.push(dir);
  return dir;
}

let tiny: { opened: OpenedStudy; coded: CodedStudy & { corpus: Corpus } };
let a: StudyAgreement;
beforeAll(async () => {
  tiny = await open(fresh());
  a = studyAgreement(agreementInput(tiny.opened, tiny.coded), { bootstrap: false });
});

describe('agreement between the coders of a study', () => {
  it('compares the two manual coders by default, on the six informant turns, for the seven top-level codes', () => {
    expect(a.coders).toEqual([
      { name: 'ana', from: ['file'], units: 6 },
      { name: 'budi', from: ['file'], units: 6 },
    ]);
    expect(a.chosenBy).toBe('persons');
    expect(a.codes).toEqual(['relative_advantage', 'compatibility', 'complexity', 'trialability', 'observability', 'obstacle_internal', 'obstacle_external']);
    expect(a.presence.perCode.map((c) => c.stats.unitsTotal)).toEqual([6, 6, 6, 6, 6, 6, 6]);
  });

  it('gives the hand-computed presence figures, pooled and per code', () => {
    const o = a.presence.overall;
    expect(o.units).toBe(42);
    expect(o.percent).toBeCloseTo((40 / 42) * 100, 10);
    expect(o.cohenKappa).toBeCloseTo(286 / 370, 10);
    const code = (id: string) => a.presence.perCode.find((c) => c.code === id)!.stats;
    expect(code('relative_advantage').percent).toBe(100);
    expect(code('relative_advantage').cohenKappa).toBe(1);
    expect(code('complexity').percent).toBeCloseTo(500 / 6, 10);
    expect(code('complexity').cohenKappa).toBeCloseTo(0, 10);
  });

  it('gives the valence figures where both applied a code', () => {
    expect(a.valence.overall.units).toBe(4);
    expect(a.valence.overall.percent).toBe(75);
    expect(a.valence.overall.cohenKappa).toBeCloseTo(0.5, 10);
    expect(a.valence.perCode.find((c) => c.code === 'relative_advantage')!.stats.percent).toBe(50);
  });

  it('lists the three disagreements with who applied what, and the pair table', () => {
    expect(a.disagreements.map((d) => [d.unit.id, d.code, d.kind])).toEqual([
      ['interviews/w1-ani:4', 'complexity', 'presence'],
      ['interviews/w2-beni:2', 'relative_advantage', 'valence'],
      ['interviews/w3-citra:4', 'trialability', 'presence'],
    ]);
    const [first, second] = a.disagreements;
    expect(first!.applied).toEqual([{ coder: 'ana', valence: -1, codes: ['complexity.ease_of_use'], quotes: ['Aplikasinya sulit dipakai'] }]);
    expect(first!.notApplied).toEqual(['budi']);
    expect(first!.unit.text).toBe('Aplikasinya sulit dipakai, saya bingung mengisi formulirnya.');
    expect(second!.applied.map((x) => [x.coder, x.valence])).toEqual([
      ['ana', 1],
      ['budi', -1],
    ]);
    const pair = a.pairs[0]!;
    expect(pair.coders).toEqual(['ana', 'budi']);
    expect({ both: pair.overall.both, onlyA: pair.overall.onlyA, onlyB: pair.overall.onlyB, neither: pair.overall.neither }).toEqual({
      both: 4,
      onlyA: 1,
      onlyB: 1,
      neither: 36,
    });
    // Rows ana's valence, columns budi's, in the order −, 0, +: three agree, one + against −.
    expect(pair.overall.valence).toEqual([
      [1, 0, 0],
      [0, 0, 0],
      [1, 0, 2],
    ]);
  });

  it('counts sentences, paragraphs and sources as units', () => {
    const input = agreementInput(tiny.opened, tiny.coded);
    const units = (unit: 'sentence' | 'paragraph' | 'source') => studyAgreement(input, { unit, bootstrap: false }).presence.perCode[0]!.stats.unitsTotal;
    // w3-citra:4 holds two sentences in two paragraphs; every other turn one.
    expect(units('sentence')).toBe(7);
    expect(units('paragraph')).toBe(7);
    expect(units('source')).toBe(3);
    const bySentence = studyAgreement(input, { unit: 'sentence', bootstrap: false });
    // budi's trialability quote covers only the first sentence of w3-citra:4.
    expect(bySentence.disagreements.find((d) => d.code === 'trialability')!.unit.id).toBe('interviews/w3-citra:4#1');
  });

  it('adds auto on request: three coders, Cohen null, auto reading every informant turn', () => {
    const three = studyAgreement(agreementInput(tiny.opened, tiny.coded), { coders: ['ana', 'budi', 'auto'], bootstrap: false });
    expect(three.coders.map((c) => [c.name, c.units])).toEqual([
      ['ana', 6],
      ['budi', 6],
      ['auto', 6],
    ]);
    expect(three.presence.overall.cohenKappa).toBeNull();
    expect(three.presence.overall.fleissKappa).not.toBeNull();
    expect(three.presence.perCode.every((c) => c.stats.cohenKappa === null)).toBe(true);
  });

  it('--codes takes sub-codes and rolls nothing else in; unknown codes and coders are usage errors', () => {
    const input = agreementInput(tiny.opened, tiny.coded);
    const one = studyAgreement(input, { codes: ['relative_advantage.time_saving'], bootstrap: false });
    expect(one.codes).toEqual(['relative_advantage.time_saving']);
    expect(one.presence.overall.units).toBe(6);
    expect(() => studyAgreement(input, { codes: ['kemudahan'] })).toThrow(QiaError);
    expect(() => studyAgreement(input, { coders: ['ana', 'zaki'] })).toThrow(/no coder "zaki"/);
  });

  it('the report section: the two persons, pooled and per code figures with words, no interval by default', () => {
    const s = agreementSection(tiny.opened, tiny.coded, 'en')!;
    expect(s.coders.map((c) => c.name)).toEqual(['ana', 'budi']);
    expect(s.overall.presence.cohenKappa).toBeCloseTo(286 / 370, 10);
    expect(s.overall.presence.words.cohenKappa).toBe('substantial');
    expect(s.overall.presence.alphaInterval).toBeNull();
    expect(s.codes).toHaveLength(7);
    expect(s.codes[0]).toMatchObject({ code: 'relative_advantage', label: 'Relative advantage' });
    expect(s.disagreements).toBe(3);
    expect(s.counting).toMatch(/counts once/);
    expect(agreementSection(tiny.opened, tiny.coded, 'id')!.overall.presence.words.cohenKappa).toBe('kuat');
  });
});

describe('reviewers and adjudicators', () => {
  /** The tiny study with a decision log for `coder` holding `lines` (each given the segment's fingerprint). */
  async function withLog(coder: string, lines: (fp: (segment: string) => string) => string[]) {
    const dir = fresh();
    const base = await open(dir);
    const fp = (id: string) => fingerprint(base.coded.corpus.segments.find((s) => s.id === id)!.text);
    writeFileSync(join(dir, 'codings', `${coder}.decisions.jsonl`), lines(fp).join(''));
    return open(dir);
  }

  it('a reviewer is a coder of the segments they decided on: accepted codings apply, rejected ones and undecided segments do not', async () => {
    const s = await withLog('rina', (fp) => [
      logLine(1, 'rina', 'accept', 'interviews/w1-ani:2', { code: 'relative_advantage.time_saving' }, fp('interviews/w1-ani:2')),
      logLine(2, 'rina', 'reject', 'interviews/w1-ani:4', { code: 'complexity.ease_of_use' }, fp('interviews/w1-ani:4')),
      logLine(3, 'rina', 'add', 'interviews/w2-beni:4', { code: 'obstacle_external.network', valence: -1 }, fp('interviews/w2-beni:4')),
    ]);
    const r = studyAgreement(agreementInput(s.opened, s.coded), { bootstrap: false });
    expect(r.coders.map((c) => [c.name, c.from, c.units])).toEqual([
      ['ana', ['file'], 6],
      ['budi', ['file'], 6],
      ['rina', ['log'], 3],
    ]);
    expect(r.adjudicators).toEqual([]);
    const ra = r.presence.perCode.find((c) => c.code === 'relative_advantage')!.stats;
    // rina read 3 segments, so three values on those and two elsewhere: 6 units all pairable.
    expect(ra.pairable).toBe(6 * 2 + 3);
    // Her rejection of complexity on w1-ani:4 is a 0 beside ana's 1 and budi's 0.
    const cx = r.disagreements.find((d) => d.code === 'complexity')!;
    expect(cx.notApplied).toEqual(['budi', 'rina']);
  });

  it('a reviewer who decided only where the others disagree is their adjudicator: not compared, and counted as adjudicating', async () => {
    const s = await withLog('rina', (fp) => [
      logLine(1, 'rina', 'reject', 'interviews/w1-ani:4', { code: 'complexity.ease_of_use' }, fp('interviews/w1-ani:4')),
      logLine(2, 'rina', 'add', 'interviews/w3-citra:4', { code: 'trialability.trial', valence: 1 }, fp('interviews/w3-citra:4')),
    ]);
    const r = studyAgreement(agreementInput(s.opened, s.coded), { bootstrap: false });
    expect(r.coders.map((c) => c.name)).toEqual(['ana', 'budi']);
    expect(r.adjudicators).toEqual(['rina']);
    expect(r.presence.overall.cohenKappa).toBeCloseTo(286 / 370, 10);
    expect(r.adjudicated).toBe(2);
    expect(r.disagreements.map((d) => d.adjudicated.map((m) => `${m.by} ${m.op} ${m.code}`))).toEqual([
      ['rina reject complexity.ease_of_use'],
      [],
      ['rina add trialability.trial'],
    ]);
    // Named as a coder, the adjudicator is compared like anyone, and adjudicates nothing.
    const named = studyAgreement(agreementInput(s.opened, s.coded), { coders: ['ana', 'budi', 'rina'], bootstrap: false });
    expect(named.adjudicators).toEqual([]);
    expect(named.adjudicated).toBe(0);
    // The report still shows the two coders, with the adjudication counted.
    expect(agreementSection(s.opened, s.coded, 'en')).toMatchObject({ coders: [{ name: 'ana' }, { name: 'budi' }], adjudicators: ['rina'], adjudicated: 2 });
  });

  it('one coder: no report section, and agree compares that coder with auto', async () => {
    const dir = fresh();
    rmSync(join(dir, 'codings', 'budi.csv'));
    const s = await open(dir);
    expect(agreementSection(s.opened, s.coded, 'en')).toBeUndefined();
    const r = studyAgreement(agreementInput(s.opened, s.coded), { bootstrap: false });
    expect(r.chosenBy).toBe('persons-and-auto');
    expect(r.coders.map((c) => c.name)).toEqual(['ana', 'auto']);
  });

  it('no coder but the codebook: agree has nothing to compare (exit 1), and the report no section', async () => {
    const dir = fresh();
    rmSync(join(dir, 'codings'), { recursive: true });
    const s = await open(dir);
    expect(() => studyAgreement(agreementInput(s.opened, s.coded))).toThrow(expect.objectContaining({ code: 'agree/too-few-coders', exitCode: 1 }));
    expect(agreementSection(s.opened, s.coded, 'en')).toBeUndefined();
  });

  it('the report section is made from the sources kept whole, without the texts, and matches qia agree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qia-agree-sample-'));
    dirs.push(dir);
    cpSync('samples/lapak-asik', dir, { recursive: true });
    const opened = await openStudy(dir);
    const streamed = await codeStudy(opened);
    const whole = await codeStudy(opened, { texts: true });
    const s = agreementSection(opened, streamed, 'en')!;
    const full = studyAgreement(agreementInput(opened, whole), { bootstrap: false });
    expect(s.coders.map((c) => c.name)).toEqual(['coder-a', 'coder-b']);
    expect(s.overall.presence.units).toBe(full.presence.overall.units);
    expect(s.overall.presence.cohenKappa).toBe(full.presence.overall.cohenKappa);
    expect(s.codes.map((c) => c.presence.alpha)).toEqual(full.presence.perCode.map((c) => c.stats.alpha));
    expect(s.disagreements).toBe(full.disagreements.length);
  });
});
