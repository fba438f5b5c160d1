import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementInput, studyAgreement, studyCoders } from '../../src/conclude/agreement/index.js';
import { placeDecisions } from '../../src/coding/decisions.js';
import { SegmentIndex } from '../../src/coding/lookup.js';
import type { LoggedDecision } from '../../src/coding/decision-log.js';
import { codeStudy, type CodedStudy, type Corpus } from '../../src/pipeline/run.js';
import { AdjudicationRecorder, adjudicationItems, replayAdjudication, type AdjudicationItems, type LogLine } from '../../src/review/disagreements.js';
import { openStudy, type OpenedStudy } from '../../src/study/open.js';
import { Diagnostics } from '../../src/util/diagnostics.js';
import { writeTinyStudy } from '../conclude/agreement/tiny-study.js';

/**
 * The adjudication loop's data without a terminal: which segments and proposals it walks, how a
 * draft about a code only persons gave becomes the adjudicator's own lines, and resuming.
 */

let dir: string;
let opened: OpenedStudy;
let coded: CodedStudy & { corpus: Corpus };
let found: AdjudicationItems;
beforeAll(async () => {
  dir = writeTinyStudy();
  opened = await openStudy(dir);
  coded = await codeStudy(opened, { texts: true });
  const input = agreementInput(opened, coded);
  const agreement = studyAgreement(input, { bootstrap: false, adjudicator: 'rina' });
  const coders = studyCoders(input).filter((c) => agreement.coders.some((x) => x.name === c.name));
  found = adjudicationItems({
    agreement,
    coders,
    corpus: coded.corpus,
    analysis: coded.analysis,
    auto: coded.parts.auto,
    manual: coded.parts.manual,
    lang: 'en',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A recorder writing into an array, seqs from 1. */
function recorder(initial = found.items) {
  const lines: LogLine[] = [];
  const r = new AdjudicationRecorder(
    found,
    (l) => lines.push(l) && lines.length,
    (item, code, op) => ({
      source: item.slice(0, item.lastIndexOf(':')),
      segment: item,
      fingerprint: '',
      line: 1,
      ...(code ? { quote: `${op} ${code}` } : {}),
    }),
    initial,
  );
  const ops = () => lines.map((l) => [l.op, l.code ?? l.undoes, ...(l.valence !== undefined ? [l.valence] : [])]);
  return { r, lines, ops };
}

const W1 = 'interviews/w1-ani:4';
const W2 = 'interviews/w2-beni:2';
const W3 = 'interviews/w3-citra:4';

describe('adjudication items', () => {
  it('walks the three disagreeing segments only, each proposal saying who gave it', () => {
    expect(found.items.map((it) => it.id)).toEqual([W1, W2, W3]);
    expect(found.items.map((it) => it.proposals.map((p) => [p.code, p.valence, p.origin, p.rule]))).toEqual([
      [['complexity.ease_of_use', -1, 'rule', 'ana −; not budi · complexity.ease_of_use#3;complexity.ease_of_use#4;complexity.ease_of_use#5']],
      [['relative_advantage.time_saving', -1, 'rule', 'ana +, budi − · relative_advantage.time_saving#2']],
      [['trialability.trial', 1, 'manual', 'budi +; not ana']],
    ]);
    expect(found.items[2]!.proposals[0]!.status).toBe('auto');
    expect(found.items[2]!.question).toBe('P: Bagaimana petugas belajar memakainya?');
  });
});

describe('why each code was given', () => {
  it("a code only persons gave carries the coder's memo, named, as its reason; the codebook's carries its own memo", () => {
    const input = agreementInput(opened, coded);
    const agreement = studyAgreement(input, { bootstrap: false, adjudicator: 'rina' });
    const coders = studyCoders(input).filter((c) => agreement.coders.some((x) => x.name === c.name));
    const memo = 'latihan bergantian = mencoba dulu sebelum dipakai';
    const withMemos = adjudicationItems({
      agreement,
      coders,
      corpus: coded.corpus,
      analysis: coded.analysis,
      auto: coded.parts.auto.map((c) => (c.segmentId === W2 ? { ...c, memo: 'question-context: answer to interviews/w2-beni:1' } : c)),
      manual: coded.parts.manual.map((c) => (c.segmentId === W3 ? { ...c, memo } : c)),
      lang: 'en',
    });
    expect(withMemos.items.map((it) => it.proposals.map((p) => p.reason))).toEqual([
      [undefined],
      ['question-context: answer to interviews/w2-beni:1'],
      [`budi: ${memo}`],
    ]);
  });
});

describe('AdjudicationRecorder', () => {
  it("a decision on the codebook's coding is written as qia review writes it", () => {
    const { r, lines } = recorder();
    expect(r.record({ item: W1, op: 'reject', code: 'complexity.ease_of_use' })).toBe(1);
    expect(lines).toEqual([
      {
        op: 'reject',
        code: 'complexity.ease_of_use',
        anchor: { source: 'interviews/w1-ani', segment: W1, fingerprint: '', line: 1, quote: 'reject complexity.ease_of_use' },
      },
    ]);
  });

  it("accepting a code only persons gave adds it as the adjudicator's; a valence corrects the add; reject takes it back", () => {
    const { r, ops } = recorder();
    r.record({ item: W3, op: 'accept', code: 'trialability.trial' });
    r.record({ item: W3, op: 'valence', code: 'trialability.trial', valence: 0 });
    r.record({ item: W3, op: 'reject', code: 'trialability.trial' });
    expect(ops()).toEqual([
      ['add', 'trialability.trial', 1],
      ['valence', 'trialability.trial', 0],
      ['remove', 'trialability.trial'],
      ['reject', 'trialability.trial'],
    ]);
  });

  it('a recode rejects the code and adds the new one; undo cancels every line the decision wrote, newest first', () => {
    const { r, ops } = recorder();
    r.record({ item: W3, op: 'accept', code: 'trialability.trial' });
    const seq = r.record({ item: W3, op: 'recode', code: 'trialability.trial', to: 'trialability.pilot' });
    expect(ops()).toEqual([
      ['add', 'trialability.trial', 1],
      ['remove', 'trialability.trial'],
      ['reject', 'trialability.trial'],
      ['add', 'trialability.pilot', 1],
    ]);
    expect(seq).toBe(4);
    expect(r.record({ item: W3, op: 'undo', undoes: 4 })).toBe(7);
    expect(ops().slice(4)).toEqual([
      ['undo', 4],
      ['undo', 3],
      ['undo', 2],
    ]);
    // Back to accepted: accepting again writes only a valence line, not a second add.
    r.record({ item: W3, op: 'accept', code: 'trialability.trial' });
    expect(ops().at(-1)).toEqual(['valence', 'trialability.trial', 1]);
  });

  it('counts a disagreement decided once a standing line is about it, and not after its undo', () => {
    const { r } = recorder();
    r.record({ item: W2, op: 'valence', code: 'relative_advantage.time_saving', valence: 1 });
    const seq = r.record({ item: W3, op: 'accept', code: 'trialability.trial' });
    expect([...r.decidedHere()].map((k) => k.split('\u0000'))).toEqual([
      [W2, 'relative_advantage'],
      [W3, 'trialability'],
    ]);
    r.record({ item: W3, op: 'undo', undoes: seq });
    expect(r.decidedHere().size).toBe(1);
  });
});

describe('resuming an adjudication', () => {
  function placed(lines: Array<Partial<LoggedDecision> & Pick<LoggedDecision, 'seq' | 'op'>>) {
    const log = lines.map((l) => {
      const segment = l.anchor?.segment ?? '';
      const seg = coded.corpus.segments.find((s) => s.id === segment)!;
      return {
        v: 1 as const,
        at: '',
        coder: 'rina',
        file: 'codings/rina.decisions.jsonl',
        line: l.seq,
        ...l,
        anchor: { source: seg.sourceId, segment, fingerprint: '', line: 1, quote: seg.text.slice(3, 20) },
      };
    });
    return placeDecisions([log], new SegmentIndex(coded.corpus.segments), new Diagnostics());
  }
  const at = (segment: string) => ({ anchor: { source: '', segment, fingerprint: '', line: 1 } });

  it("shows what the log says: the codebook's coding rejected, a person's code added (accepted), and resumes after the last", () => {
    const p = placed([
      { seq: 1, op: 'reject', code: 'complexity.ease_of_use', ...at(W1) },
      { seq: 2, op: 'add', code: 'trialability.trial', valence: 1, ...at(W3) },
    ]);
    const { items, resumeAt } = replayAdjudication(found, p, 'rina');
    expect(items.map((it) => it.proposals.map((x) => x.status))).toEqual([['rejected'], ['auto'], ['accepted']]);
    expect(resumeAt).toBe(2);
    // The recorder starts from it: rejecting the accepted code takes the add back first.
    const { r, ops } = recorder(items);
    r.record({ item: W3, op: 'reject', code: 'trialability.trial' });
    expect(ops()).toEqual([
      ['remove', 'trialability.trial'],
      ['reject', 'trialability.trial'],
    ]);
  });

  it("an add with another valence is changed; a remove opens it again; an add of another code is the adjudicator's own coding", () => {
    const p = placed([
      { seq: 1, op: 'add', code: 'trialability.trial', valence: -1, ...at(W3) },
      { seq: 2, op: 'add', code: 'relative_advantage.cost_saving', valence: 1, ...at(W2) },
    ]);
    const { items, resumeAt } = replayAdjudication(found, p, 'rina');
    expect(items[2]!.proposals.map((x) => [x.code, x.status, x.valence])).toEqual([['trialability.trial', 'changed', -1]]);
    expect(items[1]!.proposals.map((x) => [x.code, x.status, x.coder])).toEqual([
      ['relative_advantage.time_saving', 'auto', 'auto'],
      ['relative_advantage.cost_saving', 'manual', 'rina'],
    ]);
    expect(resumeAt).toBe(1);
    const again = replayAdjudication(
      found,
      placed([
        { seq: 1, op: 'add', code: 'trialability.trial', valence: 1, ...at(W3) },
        { seq: 2, op: 'remove', code: 'trialability.trial', ...at(W3) },
      ]),
      'rina',
    );
    expect(again.items[2]!.proposals[0]!.status).toBe('auto');
  });
});
