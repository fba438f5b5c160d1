import { beforeAll, describe, expect, it } from 'vitest';
import { autoCode } from '../../src/coding/auto.js';
import { compileCodebook } from '../../src/match/compile.js';
import { loadCodebook } from '../../src/study/codebook.js';
import type { Matcher } from '../../src/model/codebook.js';
import type { Coding } from '../../src/model/coding.js';
import { labels } from '../../src/review/i18n.js';
import { reasonShown } from '../../src/review/reason.js';
import { build } from '../coding/build.js';

/**
 * The review screen reads the coder's English memos back (src/review/reason.ts). These memos are
 * made by the coder itself, not copied into the test, so a change of wording in src/coding that
 * the screen no longer recognises fails here instead of showing English on an Indonesian screen.
 */

let matcher: Matcher;
beforeAll(async () => {
  const { codebook } = await loadCodebook('builtin:rogers');
  matcher = compileCodebook(codebook!);
});

function memoOf(cs: readonly Coding[], rule: string): { memo: string; rule: string } {
  const c = cs.find((x) => x.matches.some((m) => m.ruleId === rule) && x.memo);
  expect(c, `a coding by ${rule} with a memo`).toBeDefined();
  return { memo: c!.memo!, rule };
}

const code = (id: string, text: string, priorReading = false) => {
  const t = build(id, text);
  return autoCode(t.segments, matcher, { sourceText: () => t.source.text, questionContext: true, priorReading });
};

describe('the memos the coder writes today are all shown in Indonesian', () => {
  const id = labels('id');
  const en = labels('en');
  const memos = () => [
    memoOf(code('interviews/w01', 'P: Menurut Bapak, apakah aplikasinya mudah digunakan?\nK1: Iya, gampang saja.'), 'question-context'),
    memoOf(
      code(
        'documents/d01',
        [
          'Dari sisi kesesuaian, layanan jemput bola ini dinilai tepat oleh perangkat desa. Hal ini disampaikan oleh Kepala Seksi Pelayanan:',
          '"Warga di sini kebanyakan berangkat ke kebun sejak subuh dan pulang sore. Jadi petugas kami datang malam hari, sesudah mereka istirahat."',
        ].join('\n'),
      ),
      'lead-context',
    ),
    memoOf(code('documents/d02', 'Warga kampung menyaksikan hasil pelayanan keliling itu dari tahun ke tahun.', true), 'codebook-prior'),
  ];

  it('each is rewritten (no English template words left) and, on an English screen, shown as written without its rule id', () => {
    for (const { memo, rule } of memos()) {
      // A memo the screen does not recognise is shown as written in both languages.
      const asWritten = memo.slice(`${rule}: `.length);
      expect(reasonShown(en, memo, rule)).toBe(asWritten);
      const shown = reasonShown(id, memo, rule);
      expect(shown, memo).not.toBe(asWritten);
      expect(shown, memo).not.toMatch(/answer to|a quotation after|no rule fired|weigh most|which names it/);
    }
  });
});
