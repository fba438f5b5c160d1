import type { CodingStatus } from '../model/decision.js';
import type { RefusalReason } from './session.js';
import type { DecisionDraft, SourceKind } from './types.js';

export type Lang = 'id' | 'en';

/** Every word the screen shows, in both languages; `{x}` are filled by `fill`. */
export interface Labels {
  item: string;
  proposalsDecided: string;
  coder: string;
  source: string;
  lines: string;
  line: string;
  informant: string;
  segment: string;
  kind: Record<SourceKind, string>;
  question: string;
  before: string;
  after: string;
  codings: string;
  perCode: string;
  noCodings: string;
  moreBelow: string;
  moreAbove: string;
  status: Record<CodingStatus, string>;
  rule: string;
  score: string;
  suggestion: string;
  memo: string;
  /** Before the coder's reason for a proposal (its memo): why it was proposed. */
  reason: string;
  /** The coder's reasons, rendered from the English memo `qia code` writes (src/review/reason.ts). */
  reasons: ReasonLabels;
  /** Between a coding's origin and its coder: "rule by auto". */
  by: string;
  pickRecode: string;
  pickAdd: string;
  noMatch: string;
  pickHelp: string;
  valencePrompt: string;
  valenceHelp: string;
  memoPrompt: string;
  memoHelp: string;
  helpTitle: string;
  helpClose: string;
  endTitle: string;
  endBody: string;
  endHelp: string;
  tooSmall: string;
  /** In the message line on opening, when --learn found no coding of a person's to learn from. */
  nothingToLearn: string;
  done: Record<DecisionDraft['op'], string>;
  refused: Record<RefusalReason, string>;
  /** The always-visible key line, at three widths: up to 80 columns, up to 120, and wider. */
  keysShort: string;
  keysMid: string;
  keysLong: string;
  /** Key, what it does, what it records: the help screen and docs/review.md. */
  keys: [string, string, string][];
}

/**
 * The few memos `qia code` writes, one template each; `{x}` are the parts read back from the
 * memo. English reproduces the memo as written (src/coding/question-context.ts, auto.ts,
 * prior-reading.ts, learn.ts), so an English screen shows exactly what codings.csv holds.
 */
export interface ReasonLabels {
  /** `answer to {segment} (line {line}) "{question}"`. */
  question: string;
  /** `a quotation after {segment} (line {line}), which names it`. */
  lead: string;
  /** `no rule fired; the codebook's words for {code} weigh most here ({words}); a suggestion to review`. */
  prior: string;
  /** `learned from {n} segments a person coded; weighed most: {words}`. */
  learned: string;
  /** `primary by what was learnt from {n} segments a person coded`, alone or after another memo. */
  primary: string;
}

const id: Labels = {
  item: 'segmen {n} dari {total}',
  proposalsDecided: '{d}/{t} usulan diputuskan',
  coder: 'koder {c}',
  source: 'Sumber',
  lines: 'baris {a}–{b}',
  line: 'baris {a}',
  informant: 'Informan',
  segment: 'segmen',
  kind: { interview: 'wawancara', observation: 'observasi', document: 'dokumen' },
  question: 'Pertanyaan',
  before: 'Sebelumnya',
  after: 'Sesudahnya',
  codings: 'Koding',
  perCode: 'per kode: diputuskan/jumlah',
  noCodings: '(tidak ada koding: a menambah kode)',
  moreBelow: '↓ {n} baris lagi: j/PgDn',
  moreAbove: '↑ k/PgUp',
  status: { auto: 'belum', accepted: 'diterima', changed: 'diubah', rejected: 'ditolak', manual: 'manual' },
  rule: 'aturan',
  score: 'skor',
  suggestion: 'saran, belum dihitung',
  memo: 'memo',
  reason: 'alasan',
  reasons: {
    question: 'jawaban atas pertanyaan "{question}" ({segment}, baris {line})',
    lead: 'kutipan sesudah paragraf {segment} (baris {line}) yang menyebut atributnya',
    prior: 'tidak ada aturan yang cocok; kata-kata buku kode untuk {code} paling berbobot di sini ({words}); usulan untuk ditinjau',
    learned: 'dipelajari dari {n} segmen yang dikoding orang; paling berbobot: {words}',
    primary: 'kode utama menurut yang dipelajari dari {n} segmen yang dikoding orang',
  },
  by: 'oleh',
  pickRecode: 'Ubah {code} menjadi',
  pickAdd: 'Tambah kode',
  noMatch: '(tidak ada kode yang cocok)',
  pickHelp: 'ketik untuk menyaring · Tab lengkapi · ↑↓ pilih · Enter ok · Esc batal',
  valencePrompt: 'Valensi {code}: + / - / 0, Enter = {v}',
  valenceHelp: '+ - 0 pilih · Enter tetap {v} · Esc batal',
  memoPrompt: 'Memo {code}: ',
  memoHelp: 'Enter simpan · Esc batal · Ctrl-U hapus baris',
  helpTitle: 'Tombol qia review',
  helpClose: 'tombol apa saja: kembali',
  endTitle: 'Semua {total} segmen sudah ditinjau.',
  endBody: 'Keputusan sesi ini: {d}. Setiap keputusan sudah tercatat di log.',
  endHelp: 'Enter/q selesai · u batalkan · b kembali',
  tooSmall: 'Jendela terlalu kecil ({w}×{h}); perlu paling sedikit 40×12.',
  nothingToLearn: 'learn: belum ada koding orang untuk dipelajari, jadi tidak ada usulan learned',
  done: {
    accept: '✓ #{seq} diterima: {code}',
    reject: '✓ #{seq} ditolak: {code}',
    recode: '✓ #{seq} {code} → {to}',
    valence: '✓ #{seq} valensi {code} → {v}',
    add: '✓ #{seq} ditambah: {code} {v}',
    remove: '✓ #{seq} tambahan dicabut: {code}',
    memo: '✓ #{seq} memo pada {code}',
    skip: '✓ #{seq} dilewati',
    undo: '↶ #{seq} membatalkan #{undoes}',
  },
  refused: {
    'no-coding': 'Tidak ada koding di sini: a menambah kode.',
    'at-end': 'Ini sudah segmen terakhir.',
    'at-start': 'Ini segmen pertama.',
    'nothing-to-undo': 'Belum ada keputusan sesi ini untuk dibatalkan.',
    'manual-accept': '{code} koding manual: tidak perlu diterima.',
    'manual-recode': '{code} koding manual: ubah di tempat dibuatnya, atau n lalu a.',
    'manual-reject': '{code} koding manual dari sesi lain: cabut dengan qia untag.',
    'same-code': 'Kodenya sudah {code}.',
    'same-valence': 'Valensinya sudah itu; y menerima.',
    'flip-zero': 'Valensi 0 tidak bisa dibalik: tekan + atau -.',
    duplicate: '{code} sudah ada di segmen ini.',
    'empty-memo': 'Memo kosong: tidak dicatat.',
  },
  keysShort: 'y terima n tolak c ubah v/+/-/0 valensi a tambah m memo s lewati u batal ←→ q ?',
  keysMid: 'y terima  n tolak  c ubah kode  v/+/-/0 valensi  a tambah  m memo  s lewati  u batal  ←/→ segmen  j/k gulir  q keluar ?',
  keysLong:
    'y terima · n tolak · c ubah kode · v balik · +/-/0 valensi · a tambah kode · m memo · s/Spasi lewati · u batal · b/← kembali · →/Enter lanjut · j/k gulir · q keluar · ? bantuan',
  keys: [
    ['y', 'terima koding di kursor', 'accept'],
    ['n', 'tolak (tambahan sesi ini: dicabut)', 'reject / remove'],
    ['c', 'ubah kodenya (pilih kode, lalu valensi)', 'recode'],
    ['v', 'balik valensi + ↔ -', 'valence'],
    ['+ - 0', 'tetapkan valensi', 'valence'],
    ['a', 'tambah kode lain (pilih kode, lalu valensi)', 'add'],
    ['m', 'memo satu baris pada koding di kursor', 'memo'],
    ['s Spasi', 'lewati segmen ini', 'skip'],
    ['u', 'batalkan keputusan terakhir, berulang kali', 'undo'],
    ['↑ ↓', 'pindah antar koding segmen ini', '—'],
    ['b ←', 'segmen sebelumnya', '—'],
    ['→ Enter', 'segmen berikutnya', '—'],
    ['j k PgDn PgUp', 'gulir teks segmen', '—'],
    ['?', 'bantuan ini', '—'],
    ['q Ctrl-C', 'keluar (semua keputusan sudah tercatat)', '—'],
  ],
};

const en: Labels = {
  item: 'segment {n} of {total}',
  proposalsDecided: '{d}/{t} proposals decided',
  coder: 'coder {c}',
  source: 'Source',
  lines: 'lines {a}–{b}',
  line: 'line {a}',
  informant: 'Informant',
  segment: 'segment',
  kind: { interview: 'interview', observation: 'observation', document: 'document' },
  question: 'Question',
  before: 'Before',
  after: 'After',
  codings: 'Codings',
  perCode: 'per code: decided/total',
  noCodings: '(no codings: a adds a code)',
  moreBelow: '↓ {n} more lines: j/PgDn',
  moreAbove: '↑ k/PgUp',
  status: { auto: 'open', accepted: 'accepted', changed: 'changed', rejected: 'rejected', manual: 'manual' },
  rule: 'rule',
  score: 'score',
  suggestion: 'suggestion, not counted',
  memo: 'memo',
  reason: 'why',
  reasons: {
    question: 'answer to {segment} (line {line}) "{question}"',
    lead: 'a quotation after {segment} (line {line}), which names it',
    prior: "no rule fired; the codebook's words for {code} weigh most here ({words}); a suggestion to review",
    learned: 'learned from {n} segments a person coded; weighed most: {words}',
    primary: 'primary by what was learnt from {n} segments a person coded',
  },
  by: 'by',
  pickRecode: 'Change {code} to',
  pickAdd: 'Add code',
  noMatch: '(no code matches)',
  pickHelp: 'type to filter · Tab complete · ↑↓ choose · Enter ok · Esc cancel',
  valencePrompt: 'Valence of {code}: + / - / 0, Enter = {v}',
  valenceHelp: '+ - 0 choose · Enter keeps {v} · Esc cancel',
  memoPrompt: 'Memo on {code}: ',
  memoHelp: 'Enter save · Esc cancel · Ctrl-U clear',
  helpTitle: 'qia review keys',
  helpClose: 'any key: back',
  endTitle: 'All {total} segments reviewed.',
  endBody: 'Decisions this session: {d}. Every one is already in the log.',
  endHelp: 'Enter/q finish · u undo · b back',
  tooSmall: 'Window too small ({w}×{h}); needs at least 40×12.',
  nothingToLearn: 'learn: no coding of a person to learn from yet, so no learned proposals',
  done: {
    accept: '✓ #{seq} accepted: {code}',
    reject: '✓ #{seq} rejected: {code}',
    recode: '✓ #{seq} {code} → {to}',
    valence: '✓ #{seq} valence of {code} → {v}',
    add: '✓ #{seq} added: {code} {v}',
    remove: '✓ #{seq} add taken back: {code}',
    memo: '✓ #{seq} memo on {code}',
    skip: '✓ #{seq} skipped',
    undo: '↶ #{seq} undoes #{undoes}',
  },
  refused: {
    'no-coding': 'No coding here: a adds a code.',
    'at-end': 'This is the last segment.',
    'at-start': 'This is the first segment.',
    'nothing-to-undo': 'No decision of this session to undo.',
    'manual-accept': '{code} is a manual coding: nothing to accept.',
    'manual-recode': '{code} is a manual coding: change it where it was made, or n then a.',
    'manual-reject': '{code} is a manual coding from another session: take it back with qia untag.',
    'same-code': 'The code is already {code}.',
    'same-valence': 'The valence is already that; y accepts.',
    'flip-zero': 'Valence 0 has no opposite: press + or -.',
    duplicate: '{code} is already in this segment.',
    'empty-memo': 'Empty memo: nothing recorded.',
  },
  keysShort: 'y accept n reject c change v/+/-/0 valence a add m memo s skip u undo ←→ q ?',
  keysMid: 'y accept  n reject  c change code  v/+/-/0 valence  a add  m memo  s skip  u undo  ←/→ segment  j/k scroll  q quit ?',
  keysLong:
    'y accept · n reject · c change code · v flip · +/-/0 valence · a add code · m memo · s/Space skip · u undo · b/← back · →/Enter next · j/k scroll · q quit · ? help',
  keys: [
    ['y', 'accept the coding under the cursor', 'accept'],
    ['n', 'reject it (a new add: take it back)', 'reject / remove'],
    ['c', 'change its code: pick a code, then a valence', 'recode'],
    ['v', 'flip its valence + ↔ -', 'valence'],
    ['+ - 0', 'set its valence', 'valence'],
    ['a', 'add another code: pick it, then a valence', 'add'],
    ['m', 'one-line memo on the coding under the cursor', 'memo'],
    ['s Space', 'skip this segment', 'skip'],
    ['u', 'undo the last decision, again and again', 'undo'],
    ['↑ ↓', "move between this segment's codings", '—'],
    ['b ←', 'previous segment', '—'],
    ['→ Enter', 'next segment', '—'],
    ['j k PgDn PgUp', "scroll the segment's text", '—'],
    ['?', 'this help', '—'],
    ['q Ctrl-C', 'quit (every decision is already logged)', '—'],
  ],
};

export function labels(lang: Lang): Labels {
  return lang === 'en' ? en : id;
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

export function valenceText(v: number): string {
  return v > 0 ? '+1' : v < 0 ? '-1' : '0';
}
