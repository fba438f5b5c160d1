import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { autoCode } from '../../src/coding/auto.js';
import { explainCodings, PLAIN_MARKER } from '../../src/render/explain-codings.js';
import { isQuestion, questionContextEnabled, QUESTION_CONTEXT_RULE, yesNoOpener } from '../../src/coding/question-context.js';
import { RowMaker } from '../../src/render/coding-rows.js';
import { compileCodebook } from '../../src/match/compile.js';
import { loadCodebook } from '../../src/study/codebook.js';
import type { Matcher } from '../../src/model/codebook.js';
import type { Coding } from '../../src/model/coding.js';
import { qia } from '../helpers/cli.js';
import { build } from './build.js';

/** Question context with the default codebook on short interview passages. */

let matcher: Matcher;
beforeAll(async () => {
  const { codebook } = await loadCodebook('builtin:rogers');
  matcher = compileCodebook(codebook!);
});

function coded(text: string, questionContext = true): Coding[] {
  const t = build('interviews/w01', text);
  return autoCode(t.segments, matcher, { sourceText: () => t.source.text, questionContext });
}
function summary(cs: readonly Coding[]): string[] {
  return cs.map((c) => `${c.segmentId.split(':')[1]} ${c.code} ${c.valence}${c.matches[0]!.ruleId === QUESTION_CONTEXT_RULE ? ' (context)' : ''}`);
}

describe('question context', () => {
  it('codes a short answer for the attribute the question asks about, valence from the answer', () => {
    const easy = coded('P: Menurut Bapak, apakah aplikasinya mudah digunakan?\nK1: Iya, gampang saja.');
    expect(summary(easy)).toEqual(['2 complexity 1 (context)']);
    const hard = coded('P: Menurut Bapak, apakah aplikasinya mudah digunakan?\nK1: Belum, masih bingung.');
    expect(summary(hard)).toEqual(['2 complexity -1 (context)']);
  });

  it('reads a bare yes or no against the direction of the question', () => {
    expect(summary(coded('P: Apakah layanan ini sesuai dengan kebutuhan warga?\nK1: Iya, Pak.'))).toEqual(['2 compatibility 1 (context)']);
    expect(summary(coded('P: Apakah layanan ini sesuai dengan kebutuhan warga?\nK1: Tidak juga.'))).toEqual(['2 compatibility -1 (context)']);
    // A question about difficulty: "no" means it was not difficult, which is favourable.
    expect(summary(coded('P: Apakah aplikasinya sulit dipakai?\nK1: Nggak, Mbak.'))).toEqual(['2 complexity 1 (context)']);
    expect(summary(coded('P: Was the booking form easy to use?\nK1: Not really.'))).toEqual(['2 complexity -1 (context)']);
    // An obstacle asked about and denied: absent, which is favourable.
    expect(summary(coded('P: Apakah ada kendala jaringan di lokasi?\nK1: Tidak ada.'))).toEqual(['2 obstacle_external 1 (context)']);
    expect(summary(coded('P: Apakah ada kendala jaringan di lokasi?\nK1: Ada, Mbak.'))).toEqual(['2 obstacle_external -1 (context)']);
    expect(summary(coded('P: Did the form suit your family?\nK1: Yes, it did.'))).toEqual(['2 compatibility 1 (context)']);
  });

  it('does not code a bare confirmation of a statement, only what the informant adds', () => {
    expect(coded('P: Jadi layanannya sudah sesuai dengan kebutuhan warga.\nK1: Betul.')).toEqual([]);
    const added = coded('P: Jadi ada bagian yang masih rumit bagi masyarakat.\nK1: Ada. Di meja kami mudah, tapi setelah pulang mereka bingung sendiri.');
    expect(summary(added)).toEqual(['2 complexity -1 (context)']);
  });

  it('leaves answers the rules already code for that attribute alone', () => {
    const cs = coded('P: Apakah aplikasinya mudah digunakan?\nK1: Aplikasinya mudah digunakan, tidak sulit sama sekali.');
    expect(summary(cs)).toEqual(['2 complexity.ease_of_use 1']);
  });

  it('answers follow their own question: a new interviewer turn, or a new source, ends the context', () => {
    const cs = coded('P: Apakah aplikasinya mudah digunakan?\nK1: Iya.\nP: Berapa lama Bapak tinggal di sini?\nK1: Iya, sudah lama.');
    expect(summary(cs)).toEqual(['2 complexity 1 (context)']);
    const a = build('interviews/w01', 'P: Apakah aplikasinya mudah digunakan?');
    const b = build('interviews/w02', 'K1: Iya, gampang.');
    expect(autoCode([...a.segments, ...b.segments], matcher, {})).toEqual([]);
  });

  it('reads the direction in the first sentences of the answer, where the question is answered', () => {
    const cs = coded('P: Apakah aplikasinya mudah digunakan?\nK1: Iya. Saya pakai tiap minggu. Anak saya juga. Cuma HP adik saya yang sulit, memorinya penuh.');
    expect(summary(cs).filter((x) => x.includes('complexity'))).toEqual(['2 complexity 1 (context)']);
  });

  it('does not read a slow machine in an answer as a misfit with the users', () => {
    // compatibility#21's "closes" cues once held "terlambat", whose stem is "lambat" (slow): every slow
    // laptop or server in an answer to a question on fit became compatibility -.
    const cs = coded('P: Apakah pelayanan paspor sesuai dengan kebutuhan warga?\nK1: Kendalanya laptop kantor lambat sekali.');
    expect(summary(cs).filter((x) => x.includes('compatibility'))).toEqual([]);
  });

  it('can be switched off', () => {
    expect(coded('P: Menurut Bapak, apakah aplikasinya mudah digunakan?\nK1: Iya, gampang saja.', false)).toEqual([]);
    expect(questionContextEnabled({ coding: { question_context: false } })).toBe(false);
    expect(questionContextEnabled({ coding: { merge: 'union' } })).toBe(true);
    expect(questionContextEnabled({})).toBe(true);
  });

  it('is traceable: the question is the first match and the memo, and --explain shows it', () => {
    const text = 'P: Menurut Ibu, apakah prosedurnya mudah dipahami?\nK1: Iya, jelas kok.';
    const t = build('interviews/w01', text);
    const [c] = autoCode(t.segments, matcher, { sourceText: () => t.source.text });
    expect(c!.matches[0]).toEqual({
      ruleId: QUESTION_CONTEXT_RULE,
      span: { start: 3, end: text.indexOf('\n') },
      text: 'Menurut Ibu, apakah prosedurnya mudah dipahami?',
    });
    expect(c!.quote).toBe('Iya, jelas kok.');
    expect(c!.cues.map((x) => x.text)).toEqual(['jelas']);
    expect(c!.memo).toContain('interviews/w01:1');
    expect(c!.origin).toBe('rule');
    const rows = new RowMaker({ sources: [t.source], segments: t.segments, informants: [] });
    const shown = explainCodings([c!], rows, PLAIN_MARKER);
    expect(shown).toContain('rule question-context');
    expect(shown).toContain('apakah prosedurnya mudah dipahami?');
    expect(shown).toContain('((jelas))');
  });
});

describe('question and yes/no detection', () => {
  it('tells questions from statements', () => {
    expect(isQuestion('Bagaimana dengan sinyalnya')).toBe(true);
    expect(isQuestion('Ada kendala waktu pelaksanaan, Pak?')).toBe(true);
    expect(isQuestion('How easy was it for the staff')).toBe(true);
    expect(isQuestion('Jadi ada bagian yang masih rumit bagi masyarakat.')).toBe(false);
    expect(isQuestion('Thanks, that is really helpful.')).toBe(false);
  });
  it('finds the yes or no a reply opens with, after fillers', () => {
    expect(yesNoOpener('Hmm, iya, lumayan.')?.yes).toBe(true);
    expect(yesNoOpener('Oh, belum pernah.')?.yes).toBe(false);
    expect(yesNoOpener('Ya nggak juga sih.')?.yes).toBe(false);
    expect(yesNoOpener('Well, no.')?.yes).toBe(false);
    expect(yesNoOpener("I didn't, no.")?.yes).toBe(false);
    expect(yesNoOpener('Saya tinggal di sini sejak kecil.')).toBeUndefined();
    const o = yesNoOpener('Betul, Pak.', 100)!;
    expect(o.span).toEqual({ start: 100, end: 105 });
  });
});

describe('qia code with question context', () => {
  it('codes the answer, explains it with the question, and obeys coding.question_context: false', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qia-qc-'));
    try {
      mkdirSync(join(dir, 'sources'));
      writeFileSync(join(dir, 'informants.csv'), 'id,role,group,label\nK1,user,Pengguna,Pak K\n');
      writeFileSync(
        join(dir, 'sources', 'w01.md'),
        '---\nkind: interview\n---\n\nP: Menurut Bapak, apakah aplikasinya mudah digunakan?\n\nK1: Iya, gampang saja.\n',
      );
      const yaml = (extra: string) =>
        `title: QC\ncase: QC\nlanguage: id\ncodebook: builtin:rogers\nsources:\n  - glob: "sources/*.md"\n    kind: interview\n${extra}`;
      writeFileSync(join(dir, 'study.yaml'), yaml(''));
      const on = qia(['code', dir, '--format', 'json']);
      expect(on.status, on.stderr).toBe(0);
      const codings = (JSON.parse(on.stdout) as { codings: { code: string; valence: number; origin: string; quote: string; matches: { rule: string }[] }[] })
        .codings;
      expect(codings.map((c) => [c.code, c.valence, c.origin, c.quote, c.matches[0]!.rule])).toEqual([
        ['complexity', 1, 'rule', 'Iya, gampang saja.', 'question-context'],
      ]);
      const explained = qia(['code', dir, '--explain']);
      expect(explained.stdout).toContain('question-context');
      expect(explained.stdout).toContain('apakah aplikasinya mudah digunakan?');
      writeFileSync(join(dir, 'study.yaml'), yaml('coding:\n  question_context: false\n'));
      const off = qia(['code', dir, '--format', 'json']);
      expect(off.status, off.stderr).toBe(0);
      expect(JSON.parse(off.stdout)).toEqual({ format: 'qia-codings/1', codings: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
