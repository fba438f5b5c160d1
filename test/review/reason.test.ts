import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labels } from '../../src/review/i18n.js';
import { reasonShown } from '../../src/review/reason.js';

// The memos exactly as `qia code` writes them into codings.csv (src/coding/*), one per shape.
const QUESTION = 'question-context: answer to interviews/w01:3 (line 12) "Apakah aplikasinya mudah digunakan?"';
const LEAD = 'lead-context: a quotation after documents/d02:4 (line 17), which names it';
const PRIOR = "codebook-prior: no rule fired; the codebook's words for complexity weigh most here (rumit, sulit); a suggestion to review";
const LEARNED = 'learned from 54 segments a person coded; weighed most: foto, tidak pernah, tolak';
const PRIMARY = 'primary by what was learnt from 54 segments a person coded';

const id = labels('id');
const en = labels('en');

describe("the reason a coding was proposed, in the screen's language", () => {
  it('question context: the question, where it was asked and its line', () => {
    expect(reasonShown(id, QUESTION, 'question-context')).toBe('jawaban atas pertanyaan "Apakah aplikasinya mudah digunakan?" (interviews/w01:3, baris 12)');
    expect(reasonShown(en, QUESTION, 'question-context')).toBe('answer to interviews/w01:3 (line 12) "Apakah aplikasinya mudah digunakan?"');
  });

  it('lead context: the paragraph that named the attribute', () => {
    expect(reasonShown(id, LEAD, 'lead-context')).toBe('kutipan sesudah paragraf documents/d02:4 (baris 17) yang menyebut atributnya');
    expect(reasonShown(en, LEAD, 'lead-context')).toBe('a quotation after documents/d02:4 (line 17), which names it');
  });

  it("codebook prior: the code and the codebook's words that weighed", () => {
    expect(reasonShown(id, PRIOR, 'codebook-prior')).toBe(
      'tidak ada aturan yang cocok; kata-kata buku kode untuk complexity paling berbobot di sini (rumit, sulit); usulan untuk ditinjau',
    );
    expect(reasonShown(en, PRIOR, 'codebook-prior')).toBe(
      "no rule fired; the codebook's words for complexity weigh most here (rumit, sulit); a suggestion to review",
    );
  });

  it('a learned proposal: how many segments it learnt from and the words that weighed', () => {
    expect(reasonShown(id, LEARNED, undefined)).toBe('dipelajari dari 54 segmen yang dikoding orang; paling berbobot: foto, tidak pernah, tolak');
    expect(reasonShown(en, LEARNED, undefined)).toBe(LEARNED);
  });

  it("the learner's note on the primary code, alone or after another memo", () => {
    expect(reasonShown(id, PRIMARY, 'complexity#1')).toBe('kode utama menurut yang dipelajari dari 54 segmen yang dikoding orang');
    expect(reasonShown(en, PRIMARY, 'complexity#1')).toBe(PRIMARY);
    expect(reasonShown(id, `${QUESTION}; ${PRIMARY}`, 'question-context')).toBe(
      'jawaban atas pertanyaan "Apakah aplikasinya mudah digunakan?" (interviews/w01:3, baris 12); kode utama menurut yang dipelajari dari 54 segmen yang dikoding orang',
    );
  });

  it('keeps a rule id the rule line does not name (in --disagreements there may be none), translating what follows', () => {
    expect(reasonShown(id, QUESTION, undefined)).toBe(
      'question-context: jawaban atas pertanyaan "Apakah aplikasinya mudah digunakan?" (interviews/w01:3, baris 12)',
    );
    expect(reasonShown(en, LEAD, 'complexity#2')).toBe(LEAD);
  });

  it("a question that holds a template's words or braces is shown as it is, not filled in", () => {
    const tricky = 'question-context: answer to interviews/w01:3 (line 2) "{segment} (line 9) \\"x\\"; primary by what was learnt from 3 segments"';
    expect(reasonShown(id, tricky, 'question-context')).toBe(
      'jawaban atas pertanyaan "{segment} (line 9) \\"x\\"; primary by what was learnt from 3 segments" (interviews/w01:3, baris 2)',
    );
  });

  it("a coder's own memo, or a near miss of a template, is shown as written", () => {
    for (const memo of ['rina: jelas soal kemudahan', 'answer to the boss', 'question-context: answer to w01:3 (line x) "q"', 'learned from many segments']) {
      expect(reasonShown(id, memo, 'complexity#1')).toBe(memo);
      expect(reasonShown(en, memo, 'complexity#1')).toBe(memo);
    }
  });

  it('any memo renders without throwing; one of no known shape passes through unchanged; English reproduces every memo', () => {
    const shaped = fc.oneof(
      fc
        .tuple(fc.stringMatching(/^\S{1,20}$/), fc.nat(9999), fc.string({ maxLength: 60 }))
        .map(([s, n, q]) => `question-context: answer to ${s} (line ${n}) "${q}"`),
      fc.tuple(fc.stringMatching(/^\S{1,20}$/), fc.nat(9999)).map(([s, n]) => `lead-context: a quotation after ${s} (line ${n}), which names it`),
      fc.tuple(fc.nat(999), fc.string({ maxLength: 60 })).map(([n, w]) => `learned from ${n} segments a person coded; weighed most: ${w}`),
    );
    const any = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      shaped,
      shaped.map((m) => `${m}; ${PRIMARY}`),
    );
    const rule = fc.constantFrom(undefined, 'question-context', 'lead-context', 'codebook-prior', 'complexity#1');
    fc.assert(
      fc.property(any, rule, (memo, r) => {
        const flat = memo
          .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim();
        const shownId = reasonShown(id, memo, r);
        const shownEn = reasonShown(en, memo, r);
        expect(typeof shownId).toBe('string');
        // English is the memo as written (less the rule id the rule line names).
        const lead = /^([\w.#-]+): /.exec(flat);
        expect(shownEn).toBe(lead && r === lead[1] ? flat.slice(lead[0].length) : flat);
        // Without any of the templates' words, the Indonesian screen shows it as written too.
        if (!/answer to|quotation after|no rule fired|learned from|primary by/.test(flat)) expect(shownId).toBe(shownEn);
      }),
      { numRuns: 400, seed: 18 },
    );
  });
});
