import type { Lang } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { ID_TEXTS, PHRASES, type IdEntry } from './diagnostics-id.js';

/**
 * Diagnostics in Indonesian, keyed by their stable code. Messages are written in English where
 * they arise; each entry here matches an English message (capturing its names and numbers) and
 * says it again in Indonesian, with the hint. A message no entry matches stays English, so a
 * new message is never lost, only untranslated. The code in brackets never changes.
 */
interface Entry {
  message: [RegExp, string][];
  hint?: [RegExp, string][];
}

const DID_YOU_MEAN: [RegExp, string] = [/^did you mean (.+)\?$/, 'maksud Anda $1?'];
const SEE_CODES: [RegExp, string] = [/^see `qia codebook show` for the code ids$/, 'lihat id kode dengan `qia codebook show`'];

const ID: Record<string, Entry> = {
  'source/no-informant': {
    message: [
      [
        /^interview with no informant: it has no front matter, and no speaker label is an id from informants\.csv; its codings count for no informant or role$/,
        'wawancara tanpa informan: berkas tidak punya front matter, dan tidak ada label pembicara yang merupakan id di informants.csv; kodingnya tidak dihitung untuk informan atau peran mana pun',
      ],
      [
        /^interview with no informant: its front matter names no `informant:`, and no speaker label is an id from informants\.csv; its codings count for no informant or role$/,
        'wawancara tanpa informan: front matter-nya tidak menyebut `informant:`, dan tidak ada label pembicara yang merupakan id di informants.csv; kodingnya tidak dihitung untuk informan atau peran mana pun',
      ],
      [
        /^interview with no informant: study\.yaml gives it no informant, and no speaker label is an id from informants\.csv; its codings count for no informant or role$/,
        'wawancara tanpa informan: study.yaml tidak memberinya informan, dan tidak ada label pembicara yang merupakan id di informants.csv; kodingnya tidak dihitung untuk informan atau peran mana pun',
      ],
    ],
    hint: [
      [/^start the file with front matter: (.+) \(an id from informants\.csv\)$/, 'awali berkas dengan front matter: $1 (id dari informants.csv)'],
      [
        /^add `informant: P1` to its entry in study\.yaml, or label the turns with informant ids \(`P1: …`\)$/,
        'tambahkan `informant: P1` pada entrinya di study.yaml, atau beri label giliran bicara dengan id informan (`P1: …`)',
      ],
    ],
  },
  'source/unknown-informant': {
    message: [
      [/^informant (.+) is not listed in informants\.csv$/, 'informan $1 tidak ada di informants.csv'],
      [/^speaker (.+) maps to (.+), which is not listed in informants\.csv$/, 'pembicara $1 dipetakan ke $2, yang tidak ada di informants.csv'],
    ],
    hint: [
      [/^add a row to informants\.csv or correct the id$/, 'tambahkan baris di informants.csv atau perbaiki id-nya'],
      [/^use an informant id or the word interviewer$/, 'pakai id informan atau kata interviewer'],
    ],
  },
  'coding/unknown-code': {
    message: [
      [/^unknown code "(.+)"$/, 'kode "$1" tidak dikenal'],
      [/^inline tag names unknown code "(.+)"$/, 'tag di dalam teks menyebut kode "$1" yang tidak dikenal'],
    ],
    hint: [DID_YOU_MEAN, SEE_CODES],
  },
  'query/unknown-code': { message: [[/^no code "(.+)" in the codebook$/, 'tidak ada kode "$1" di buku kode']], hint: [DID_YOU_MEAN, SEE_CODES] },
  'review/unknown-code': {
    message: [[/^unknown code "(.+)"; this decision has no effect$/, 'kode "$1" tidak dikenal; keputusan ini tidak berlaku']],
    hint: [DID_YOU_MEAN, SEE_CODES],
  },
  'coding/unknown-source': {
    message: [
      [/^no source "(.+)" in this study$/, 'tidak ada sumber "$1" di studi ini'],
      [/^segment "(.+)" names no source of this study$/, 'segmen "$1" tidak menunjuk sumber mana pun di studi ini'],
    ],
    hint: [
      [/^use the source id as `qia sources` lists it, e\.g\. (.+)$/, 'pakai id sumber seperti yang ditampilkan `qia sources`, misalnya $1'],
      [/^use a segment id as `qia code --format csv` prints it, e\.g\. (.+)$/, 'pakai id segmen seperti yang dicetak `qia code --format csv`, misalnya $1'],
    ],
  },
  'source/empty': {
    message: [[/^source has no text$/, 'sumber tidak berisi teks']],
    hint: [[/^add the transcript, or remove the file$/, 'tambahkan transkripnya, atau hapus berkasnya']],
  },
  'source/missing': {
    message: [[/^source file (.+) does not exist$/, 'berkas sumber $1 tidak ada']],
    hint: [[/^check the path, relative to the study folder$/, 'periksa jalurnya, relatif terhadap folder studi']],
  },
  'source/glob-no-match': {
    message: [[/^source glob `(.+)` matches no file$/, 'pola sumber `$1` tidak cocok dengan berkas apa pun']],
    hint: [[/^check the folder name, or remove the entry$/, 'periksa nama foldernya, atau hapus entri itu']],
  },
  'source/front-matter-invalid': { message: [[/^invalid front matter: (.+)$/, 'front matter tidak valid: $1']] },
  'source/invalid-date': {
    message: [[/^date `(.+)` is not a day written YYYY-MM-DD$/, 'tanggal `$1` bukan hari yang ditulis YYYY-MM-DD']],
    hint: [[/^time-ordered displays sort by this date$/, 'tampilan menurut waktu diurutkan dengan tanggal ini']],
  },
  'source/duplicate-id': {
    message: [[/^(.+) has the same id \((.+)\) as (.+)$/, '$1 memiliki id yang sama ($2) dengan $3']],
    hint: [[/^rename one of the files; ids are paths without extension$/, 'ganti nama salah satu berkas; id adalah jalur tanpa ekstensi']],
  },
  'study/unknown-key': {
    message: [[/^unknown key `(.+)` in (.+)$/, 'kunci `$1` tidak dikenal di $2']],
    hint: [[/^known keys: (.+)$/, 'kunci yang dikenal: $1']],
  },
  'memo/no-code': {
    message: [
      [
        /^memo has no front matter naming its code; it is left out of the digest$/,
        'memo tidak punya front matter yang menyebut kodenya; memo ini tidak masuk ringkasan',
      ],
    ],
    hint: [[/^start the file with\n---\ncode: <code id>\n---$/, 'awali berkas dengan\n---\ncode: <id kode>\n---']],
  },
  'memo/unknown-code': {
    message: [[/^memo names code "(.+)", which the codebook does not define$/, 'memo menyebut kode "$1", yang tidak ada di buku kode']],
    hint: [DID_YOU_MEAN, [/^use a code id from the codebook \(`qia codebook show`\)$/, 'pakai id kode dari buku kode (`qia codebook show`)']],
  },
  'coding/moved': {
    message: [
      [/^quote is no longer in (.+); found in (.+)$/, 'kutipan tidak lagi ada di $1; ditemukan di $2'],
      [/^quote is no longer in (.+); found elsewhere$/, 'kutipan tidak lagi ada di $1; ditemukan di tempat lain'],
    ],
    hint: [[/^the transcript was edited; update the segment column when convenient$/, 'transkrip sudah diubah; perbarui kolom segment bila sempat']],
  },
};

/** The Indonesian of `text` by the first rule that matches it, or undefined. */
function byRules(text: string, rules: readonly [RegExp, string][] | undefined): string | undefined {
  for (const [re, to] of rules ?? []) if (re.test(text)) return text.replace(re, to);
  return undefined;
}

const SENTENCES = new Map<string, RegExp>();

/** An English sentence of diagnostics-id.ts as a pattern: `%s` takes any value, the rest is literal. */
function sentencePattern(en: string): RegExp {
  let re = SENTENCES.get(en);
  if (!re) {
    re = new RegExp(
      `^${en
        .split('%s')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('([\\s\\S]*?)')}$`,
    );
    SENTENCES.set(en, re);
  }
  return re;
}

function phrase(value: string): string {
  return PHRASES.find(([en]) => en === value)?.[1] ?? value;
}

/** The Indonesian of `text` by the first sentence it is, with its values put back, or undefined. */
function bySentences(text: string, pairs: IdEntry['m']): string | undefined {
  for (const [en, id] of pairs ?? []) {
    const m = sentencePattern(en).exec(text);
    if (m) return id.replace(/%(\d)/g, (_, n: string) => phrase(m[Number(n)] ?? ''));
  }
  return undefined;
}

/**
 * The diagnostic in `lang`: message and hint in Indonesian by the sentence tables (this file's,
 * then diagnostics-id.ts's); a sentence neither knows gets its code's Indonesian gist with the
 * English sentence after it in brackets, so its names and numbers are not lost. Code, severity,
 * file and position unchanged.
 */
export function localDiagnostic(d: Diagnostic, lang: Lang): Diagnostic {
  if (lang === 'en') return d;
  const entry = ID[d.code];
  const texts = ID_TEXTS[d.code];
  if (!entry && !texts) return d;
  const message = byRules(d.message, entry?.message) ?? bySentences(d.message, texts?.m) ?? (texts ? `${texts.gist} (${d.message})` : d.message);
  const out: Diagnostic = { ...d, message };
  if (d.hint !== undefined) out.hint = byRules(d.hint, entry?.hint) ?? bySentences(d.hint, texts?.h) ?? (texts ? `${texts.todo} (${d.hint})` : d.hint);
  return out;
}

/** The printed summary line in Indonesian: `qia: 1 galat, 7 peringatan (2 tidak ditampilkan; --verbose menampilkan semua)`. */
export function summaryLineId(c: { errors: number; warnings: number; notes: number; hidden: number }): string {
  const parts: string[] = [];
  if (c.errors > 0) parts.push(`${c.errors} galat`);
  if (c.warnings > 0) parts.push(`${c.warnings} peringatan`);
  if (c.notes > 0) parts.push(`${c.notes} catatan`);
  return `qia: ${parts.join(', ')}${c.hidden > 0 ? ` (${c.hidden} tidak ditampilkan; --verbose menampilkan semua)` : ''}`;
}

/** Codes the sentence table of this file translates (for the tests and the docs). */
export const TRANSLATED_CODES: readonly string[] = Object.keys(ID);

/** Every code with an Indonesian text: a sentence here, or an entry of diagnostics-id.ts. */
export const INDONESIAN_CODES: ReadonlySet<string> = new Set([...Object.keys(ID), ...Object.keys(ID_TEXTS)]);
