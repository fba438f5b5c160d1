import type { Lang } from '../model/codebook.js';

/**
 * The lines `qia tag`, `qia untag` and `qia codebook check` print on stdout, in Indonesian and
 * English. Numbers, ids, codes and paths go in as they are; only the words around them change.
 */

/** A line range as the file's lines: `12` or `12–14`. */
function span(line: number, endLine: number): string {
  return line === endLine ? `${line}` : `${line}–${endLine}`;
}

export const TAG_LINES = {
  /** `<segment> (line 12) <code>`: what was tagged, as the other lines name it. */
  where: (segment: string, line: number, endLine: number, code: string, lang: Lang) =>
    `${segment} (${lang === 'id' ? 'baris' : 'line'} ${span(line, endLine)}) ${code}`,
  tagged: (seq: number, where: string, sign: string, lang: Lang) => (lang === 'id' ? `ditandai #${seq} ${where} ${sign}` : `tagged #${seq} ${where} ${sign}`),
  already: (where: string, sign: string, lang: Lang) =>
    lang === 'id' ? `sudah ditandai: ${where} ${sign}; tidak ada yang ditulis` : `already tagged: ${where} ${sign}; nothing written`,
  retagged: (removed: number, added: number, where: string, from: string, to: string, memoChanged: boolean, lang: Lang) =>
    lang === 'id'
      ? `ditandai ulang #${removed} #${added} ${where} ${from} → ${to}${memoChanged ? ' (memo berubah)' : ''}`
      : `retagged #${removed} #${added} ${where} ${from} → ${to}${memoChanged ? ' (memo changed)' : ''}`,
  untagged: (seq: number, segment: string, code: string, lang: Lang) =>
    lang === 'id' ? `tanda dicabut #${seq} ${segment} ${code}` : `untagged #${seq} ${segment} ${code}`,
  interviewerSkipped: (segment: string, line: number, endLine: number, lang: Lang) =>
    lang === 'id'
      ? `tidak ditandai: giliran pewawancara ${segment} (baris ${span(line, endLine)}); tandai barisnya sendiri untuk mengodenya`
      : `not tagged: the interviewer's turn ${segment} (line ${span(line, endLine)}); tag its line alone to code it`,
  by: (coder: string, log: string, lang: Lang) => (lang === 'id' ? `oleh ${coder} di ${log}` : `by ${coder} in ${log}`),
};

function count(n: number, noun: { one: string; many: string }): string {
  return `${n} ${n === 1 ? noun.one : noun.many}`;
}

const NOUNS: Record<Lang, Record<'code' | 'rule' | 'error' | 'warning', { one: string; many: string }>> = {
  // Indonesian nouns do not change for the plural.
  id: {
    code: { one: 'kode', many: 'kode' },
    rule: { one: 'aturan', many: 'aturan' },
    error: { one: 'galat', many: 'galat' },
    warning: { one: 'peringatan', many: 'peringatan' },
  },
  en: {
    code: { one: 'code', many: 'codes' },
    rule: { one: 'rule', many: 'rules' },
    error: { one: 'error', many: 'errors' },
    warning: { one: 'warning', many: 'warnings' },
  },
};

/** `codebooks/rogers.yaml: ok: 35 codes, 120 rules, 0 errors, 0 warnings`. */
export function codebookCheckLine(file: string, c: { failed: boolean; codes: number; rules: number; errors: number; warnings: number }, lang: Lang): string {
  const n = NOUNS[lang];
  const verdict = c.failed ? (lang === 'id' ? 'ada galat' : 'has errors') : lang === 'id' ? 'baik' : 'ok';
  return `${file}: ${verdict}: ${count(c.codes, n.code)}, ${count(c.rules, n.rule)}, ${count(c.errors, n.error)}, ${count(c.warnings, n.warning)}`;
}

/** What `qia export` and `qia import` wrote, counted. */
export const EXCHANGE_LINES = {
  codes: (file: string, codes: number, lang: Lang) => `${file}: ${codes} ${lang === 'id' ? 'kode' : codes === 1 ? 'code' : 'codes'}`,
  qdpx: (file: string, c: { sources: number; codings: number; users: number; codes: number; cases: number; notes: number }, lang: Lang) =>
    lang === 'id'
      ? `${file}: ${c.sources} sumber, ${c.codings} koding oleh ${c.users} pengode (termasuk auto), ${c.codes} kode, ${c.cases} kasus, ${c.notes} catatan`
      : `${file}: ${c.sources} sources, ${c.codings} codings by ${c.users} coders (auto included), ${c.codes} codes, ${c.cases} cases, ${c.notes} notes`,
  study: (dir: string, c: { sources: number; codings: number; coders: number; codes: number; informants: number; memos: number }, lang: Lang) =>
    lang === 'id'
      ? `${dir}: ${c.sources} sumber, ${c.codings} koding oleh ${c.coders} pengode, ${c.codes} kode, ${c.informants} informan, ${c.memos} memo\nBerikutnya: qia sources ${dir}`
      : `${dir}: ${c.sources} sources, ${c.codings} codings by ${c.coders} coders, ${c.codes} codes, ${c.informants} informants, ${c.memos} memos\nNext: qia sources ${dir}`,
};
