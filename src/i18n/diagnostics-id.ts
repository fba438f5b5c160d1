/**
 * Every diagnostic code in Indonesian. Each entry has
 *
 * - `gist` and `todo`: what the code means and what to do, in general (as docs/errors.md says
 *   them); used when none of the entry's sentences matches the English message or hint;
 * - `m` and `h`: the English sentences qia writes for that code, with `%s` where a name, number
 *   or path goes, each beside its Indonesian, which puts the same values back as `%1`, `%2`…
 *
 * A value that is itself one of qia's English phrases (why a file is refused, "elsewhere") is
 * put into Indonesian by PHRASES. test/i18n/diagnostics-id.test.ts fails when a code qia can
 * emit has no entry here or in diagnostics.ts, and when an English sentence here no longer
 * occurs in src/ (a message reworded there would otherwise fall back to the gist unnoticed).
 */
export interface IdEntry {
  gist: string;
  todo: string;
  m?: [en: string, id: string][];
  h?: [en: string, id: string][];
}

const HINT_CSV_QUOTES =
  'sel yang memuat pemisah, tanda kutip, atau ganti baris harus diapit tanda kutip ganda, dan tanda kutip di dalamnya ditulis dua kali ("")';
const HINT_UTF8 = 'simpan berkas sebagai UTF-8 di editor Anda agar huruf beraksen dan tanda kutip pasti benar';
const HINT_BAD_BYTE = 'ada bita nyasar dari pengodean lain: ketik ulang karakter di situ, atau simpan lagi berkasnya sebagai UTF-8';
const HINT_OUTSIDE = 'pindahkan berkas ke dalam folder studi; atau, bila Anda memercayai studi ini, jalankan perintah dengan --allow-outside';
const HINT_LAYOUT_MATRIX = 'satu baris per unit, satu kolom per pengode, baris pertama berisi nama pengode: unit,pengode_a,pengode_b';
const HINT_LOG_BY_HAND = 'log ini ditulis oleh qia review, qia tag, dan qia untag; hapus baris itu bila disunting dengan tangan';
const HINT_CODEBOOK_SHOW = 'lihat id kode dengan `qia codebook show`';
const HINT_REEXPORT = 'ekspor ulang proyeknya dengan sumber yang tertanam di dalamnya';
const HINT_READ_ACCESS = 'periksa bahwa berkasnya ada dan Anda boleh membacanya';

const ENCODING: IdEntry = {
  gist: 'berkas bukan UTF-8 dan dibaca sebagai Windows-1252 (atau UTF-16)',
  todo: HINT_UTF8,
  m: [
    ['file is not valid UTF-8; read it as Windows-1252', 'berkas bukan UTF-8 yang sah; dibaca sebagai Windows-1252'],
    ['file is %s; read it as such', 'berkas berpengodean %1; dibaca sebagai %1'],
  ],
  h: [['save the file as UTF-8 in your editor to be sure accented letters and quotes are right', HINT_UTF8]],
};
const INVALID_UTF8: IdEntry = {
  gist: 'ada bita yang bukan UTF-8 sah; ditampilkan sebagai �',
  todo: HINT_BAD_BYTE,
  m: [
    [
      '%s byte%s not valid UTF-8 (the first here); read as UTF-8 with each shown as �',
      '%1 bita bukan UTF-8 yang sah (yang pertama di sini); dibaca sebagai UTF-8 dengan tiap bita itu tampil sebagai �',
    ],
  ],
  h: [['a stray byte from another encoding: retype the character there, or save the file as UTF-8 again', HINT_BAD_BYTE]],
};
const UNREADABLE: IdEntry = {
  gist: 'berkas tidak dapat dibaca',
  todo: HINT_READ_ACCESS,
  m: [
    ['cannot read %s: %s', 'tidak dapat membaca %1: %2'],
    ['%s looks binary, not a CSV file', '%1 tampaknya berkas biner, bukan CSV'],
  ],
  h: [
    ['check that the file exists and you may read it', HINT_READ_ACCESS],
    ['save it from your spreadsheet program as CSV (comma separated)', 'simpan dari program lembar kerja Anda sebagai CSV (dipisah koma)'],
  ],
};
const CSV_SYNTAX: IdEntry = {
  gist: 'satu baris CSV tidak terbaca (tanda kutip terbuka atau nyasar); baris itu dilewati dan pembacaan berlanjut di baris berikutnya',
  todo: HINT_CSV_QUOTES,
  m: [['unreadable CSV row: %s', 'baris CSV tidak terbaca: %1']],
  h: [
    [
      'check the quotes in that row: a field with a comma or a line break must be in double quotes, and a quote inside it doubled (""); the other rows were read',
      'periksa tanda kutip di baris itu: sel yang memuat koma atau ganti baris harus diapit tanda kutip ganda, dan tanda kutip di dalamnya ditulis dua kali (""); baris lainnya tetap dibaca',
    ],
  ],
};
const OUTSIDE: IdEntry = {
  gist: 'berkas tidak dibaca karena berada di luar folder studi atau bukan berkas biasa',
  todo: HINT_OUTSIDE,
  m: [
    ['%s is not read: %s', '%1 tidak dibaca: %2'],
    ['informants file %s is not read: %s', 'berkas informan %1 tidak dibaca: %2'],
    ['codebook %s is not read: %s', 'buku kode %1 tidak dibaca: %2'],
  ],
  h: [['move the file into the study folder; or, if you trust this study, run the command with --allow-outside', HINT_OUTSIDE]],
};
const NO_SEGMENT: IdEntry = {
  gist: 'tidak ada teks pada baris itu',
  todo: 'pilih baris yang berisi teks; petunjuknya menyebut baris terdekat',
  m: [['no text of %s on line %s', 'tidak ada teks %1 pada baris %2']],
  h: [
    [
      'the nearest text is on lines %s and %s; its text runs from line %s to line %s',
      'teks terdekat ada di baris %1 dan %2; teksnya mulai baris %3 sampai baris %4',
    ],
    ['the nearest text is on line %s; its text runs from line %s to line %s', 'teks terdekat ada di baris %1; teksnya mulai baris %2 sampai baris %3'],
    ['the source has no text qia codes (see `qia sources`)', 'sumber ini tidak punya teks yang dikode qia (lihat `qia sources`)'],
  ],
};
const TAG_UNKNOWN_CODE: IdEntry = {
  gist: 'kode tidak ada di buku kode',
  todo: HINT_CODEBOOK_SHOW,
  m: [['no code "%s" in the codebook', 'tidak ada kode "%1" di buku kode']],
  h: [
    ['did you mean %s?', 'maksud Anda %1?'],
    ['see `qia codebook show` for the code ids', HINT_CODEBOOK_SHOW],
  ],
};
const TAG_UNKNOWN_SOURCE: IdEntry = {
  gist: 'sumber itu tidak ada di studi',
  todo: 'beri jalur berkasnya atau id-nya seperti yang ditampilkan `qia sources`',
  m: [['no source "%s" in %s', 'tidak ada sumber "%1" di %2']],
  h: [["give the file's path or its id as `qia sources` lists it", 'beri jalur berkasnya atau id-nya seperti yang ditampilkan `qia sources`']],
};
const INVALID_DATE = (file: string): IdEntry => ({
  gist: 'tanggal tidak ditulis sebagai YYYY-MM-DD',
  todo: `tulis tanggal ${file} sebagai YYYY-MM-DD; tampilan menurut waktu diurutkan dengan tanggal ini`,
  m: [['date `%s` is not a day written YYYY-MM-DD', 'tanggal `%1` bukan hari yang ditulis YYYY-MM-DD']],
  h: [['time-ordered displays sort by this date', 'tampilan menurut waktu diurutkan dengan tanggal ini']],
});

/** English phrases that arrive inside a value (`%s`) and their Indonesian. */
export const PHRASES: [en: string, id: string][] = [
  ['it lies outside the study folder (through a link or a `..` path)', 'letaknya di luar folder studi (lewat tautan atau jalur `..`)'],
  ['it is not a regular file (a folder, a named pipe or a device)', 'bukan berkas biasa (folder, named pipe, atau perangkat)'],
  ['it cannot be found', 'tidak ditemukan'],
  ['files without an extension', 'berkas tanpa ekstensi'],
  ['stdin and stdout are not TTYs', 'stdin dan stdout bukan terminal'],
  ['stdin is not a TTY', 'stdin bukan terminal'],
  ['stdout is not a TTY', 'stdout bukan terminal'],
  ['TERM=dumb cannot show a full-screen loop', 'TERM=dumb tidak dapat menampilkan layar penuh'],
];

export const ID_TEXTS: Record<string, IdEntry> = {
  // qia agree
  'agree/bad-confidence': {
    gist: 'tingkat kepercayaan harus di antara 0 dan 1',
    todo: 'beri --confidence sebagai pecahan seperti 0.95',
    m: [['the confidence level must lie between 0 and 1, got %s', 'tingkat kepercayaan harus di antara 0 dan 1, bukan %1']],
  },
  'agree/bad-data': {
    gist: 'data kesepakatan tidak utuh: jumlah nilai per unit tidak sama dengan jumlah pengode',
    todo: 'beri setiap unit satu nilai per pengode; apit dengan tanda kutip sel yang memuat pemisah',
    m: [
      ['unit "%s" has %s values for %s coders', 'unit "%1" punya %2 nilai untuk %3 pengode'],
      ['%s count columns but only %s categories', '%1 kolom hitungan tetapi hanya %2 kategori'],
      ['unit %s: count %s is not a whole number ≥ 0', 'unit %1: hitungan %2 bukan bilangan bulat ≥ 0'],
      ['value %s is neither a label nor a finite number', 'nilai %1 bukan label dan bukan bilangan terhingga'],
      ['%s "%s" appears twice', '%1 "%2" muncul dua kali'],
    ],
  },
  'agree/bad-draws': {
    gist: 'jumlah tarikan bootstrap harus bilangan bulat ≥ 1',
    todo: 'beri --draws bilangan bulat, misalnya --draws 2000',
    m: [['the number of bootstrap draws must be a whole number ≥ 1, got %s', 'jumlah tarikan bootstrap harus bilangan bulat ≥ 1, bukan %1']],
  },
  'agree/bad-level': {
    gist: 'tingkat pengukuran --level tidak dikenal',
    todo: 'pakai --level nominal, ordinal, interval, atau ratio',
    m: [['--level must be one of %s, got "%s"', '--level harus salah satu dari %1, bukan "%2"']],
  },
  'agree/bad-option': {
    gist: 'nilai opsi qia agree tidak sah',
    todo: 'pakai nilai yang disebut pesan (--unit segment, sentence, paragraph, atau source; --codes dengan id kode)',
    m: [
      ['--unit must be one of %s, got "%s"', '--unit harus salah satu dari %1, bukan "%2"'],
      ['--codes needs at least one code id', '--codes memerlukan sedikitnya satu id kode'],
      ['%s must be a whole number from %s to %s, got "%s"', '%1 harus bilangan bulat dari %2 sampai %3, bukan "%4"'],
    ],
    h: [['for example: --codes complexity,complexity.skills', 'misalnya: --codes complexity,complexity.skills']],
  },
  'agree/coder-name': {
    gist: 'sebuah kolom tidak punya nama pengode; kolom itu diabaikan',
    todo: 'beri nama setiap pengode di baris pertama',
    m: [['column %s has no coder name; the column was left out', 'kolom %1 tidak punya nama pengode; kolom itu diabaikan']],
    h: [['name every coder in the first row', 'beri nama setiap pengode di baris pertama']],
  },
  'agree/coders': {
    gist: '--coders memerlukan sedikitnya dua pengode',
    todo: 'sebut dua pengode atau lebih dari studi ini, misalnya --coders rina,budi',
    m: [
      ['--coders needs at least two coders, separated by commas', '--coders memerlukan sedikitnya dua pengode, dipisah koma'],
      ['--coders needs at least two coder names, separated by commas', '--coders memerlukan sedikitnya dua nama pengode, dipisah koma'],
    ],
    h: [
      ["this study's coders are %s", 'pengode studi ini: %1'],
      ['the coders in %s are %s', 'pengode di %1: %2'],
      ['for example: --coders coder-a,coder-b (auto is the codebook)', 'misalnya: --coders coder-a,coder-b (auto adalah buku kode)'],
    ],
  },
  'agree/conflicting-values': {
    gist: 'satu pengode memberi dua nilai berbeda untuk satu unit',
    todo: 'pertahankan satu nilai per pengode dan unit; gabungkan barisnya',
    m: [['coder "%s" gave unit "%s" both %s and %s', 'pengode "%1" memberi unit "%2" nilai %3 sekaligus %4']],
  },
  'agree/csv-syntax': {
    gist: 'CSV tidak terbaca',
    todo: HINT_CSV_QUOTES,
    m: [['unreadable CSV: %s', 'CSV tidak terbaca: %1']],
    h: [['a cell with the separator, a quote or a line break must be in double quotes, and a quote inside it doubled ("")', HINT_CSV_QUOTES]],
  },
  'agree/duplicate-coder': {
    gist: 'satu pengode menamai dua kolom; kolom kedua diabaikan',
    todo: 'beri setiap pengode satu kolom',
    m: [['coder "%s" names two columns; the second was left out', 'pengode "%1" menamai dua kolom; kolom kedua diabaikan']],
    h: [['give each coder one column', 'beri setiap pengode satu kolom']],
  },
  'agree/duplicate-unit': {
    gist: 'unit yang sama muncul dua kali; baris kedua diabaikan',
    todo: 'setiap unit satu baris; beri baris-baris itu id yang berbeda',
    m: [['unit "%s" already appeared on line %s; this row was left out', 'unit "%1" sudah muncul di baris %2; baris ini diabaikan']],
    h: [['each unit is one row; give the rows distinct ids', 'setiap unit satu baris; beri baris-baris itu id yang berbeda']],
  },
  'agree/empty': {
    gist: 'berkas tidak punya baris judul maupun baris data',
    todo: HINT_LAYOUT_MATRIX,
    m: [['the file has no header and no rows', 'berkas tidak punya baris judul dan tidak punya baris data']],
  },
  'agree/encoding': {
    gist: 'berkas bukan UTF-8; dibaca sebagai Latin-1',
    todo: 'simpan sebagai "CSV UTF-8" agar pasti',
    m: [
      [
        'the file is not UTF-8; it was read as Latin-1, so labels with accented letters may differ from what the spreadsheet shows',
        'berkas bukan UTF-8; dibaca sebagai Latin-1, jadi label berhuruf aksen bisa berbeda dari yang tampil di lembar kerja',
      ],
    ],
    h: [['save it as "CSV UTF-8" to be sure', 'simpan sebagai "CSV UTF-8" agar pasti']],
  },
  'agree/extra-field': {
    gist: 'baris punya sel lebih banyak daripada kolom di baris judul; baris itu diabaikan',
    todo: 'tambahkan pengode itu ke baris judul, atau apit dengan tanda kutip label yang memuat pemisah',
    m: [['row has %s cells, the header names %s columns; the row was left out', 'baris punya %1 sel, baris judul menyebut %2 kolom; baris ini diabaikan']],
    h: [
      [
        'a value without a coder column cannot be counted: add the coder to the header, or quote a label that contains the separator',
        'nilai tanpa kolom pengode tidak dapat dihitung: tambahkan pengode itu ke baris judul, atau apit dengan tanda kutip label yang memuat pemisah',
      ],
    ],
  },
  'agree/ignored-option': {
    gist: 'opsi ini berlaku untuk koding sebuah studi, bukan untuk berkas matriks; opsi diabaikan',
    todo: 'hilangkan opsi itu untuk berkas matriks, atau jalankan qia agree pada studinya',
    m: [
      [
        "%s applies to a study's codings, not to a matrix file; it was ignored",
        '%1 berlaku untuk koding sebuah studi, bukan untuk berkas matriks; opsi ini diabaikan',
      ],
      ['the study "%s" was ignored: --matrix gives the data', 'studi "%1" diabaikan: datanya dari --matrix'],
      [
        "--disagreements lists the disagreements of a study's coders, not of a matrix file; it was ignored",
        '--disagreements mendaftar ketidaksepakatan para pengode sebuah studi, bukan berkas matriks; opsi ini diabaikan',
      ],
    ],
  },
  'agree/negative-ratio': {
    gist: 'tingkat rasio memerlukan nilai ≥ 0',
    todo: 'pakai --level interval untuk nilai yang bisa negatif',
    m: [
      ['the ratio level needs values ≥ 0, and %s is negative', 'tingkat rasio memerlukan nilai ≥ 0, dan %1 negatif'],
      [
        'coder %s: %s is negative, and the ratio level needs values ≥ 0; the cell was left out',
        'pengode %1: %2 negatif, padahal tingkat rasio memerlukan nilai ≥ 0; sel ini diabaikan',
      ],
    ],
    h: [['use --level interval for values that can be negative', 'pakai --level interval untuk nilai yang bisa negatif']],
  },
  'agree/no-file': {
    gist: 'berkas matriks tidak dapat dibaca',
    todo: 'beri berkas CSV dengan satu baris per unit dan satu kolom per pengode',
    m: [['cannot read the matrix %s: %s', 'tidak dapat membaca matriks %1: %2']],
    h: [['give a CSV file with one row per unit and one column per coder', 'beri berkas CSV dengan satu baris per unit dan satu kolom per pengode']],
  },
  'agree/no-unit': {
    gist: 'baris tidak punya id unit; baris itu diabaikan',
    todo: 'beri setiap baris id di kolom pertama',
    m: [['row has no unit id; the row was left out', 'baris tidak punya id unit; baris ini diabaikan']],
    h: [['give every row an id in the first column', 'beri setiap baris id di kolom pertama']],
  },
  'agree/no-units': {
    gist: 'berkas punya baris judul tetapi tidak ada baris data',
    todo: HINT_LAYOUT_MATRIX,
    m: [['the file has a header but no rows of data', 'berkas punya baris judul tetapi tidak ada baris data']],
  },
  'agree/not-numeric': {
    gist: 'tingkat pengukuran ini memerlukan angka, dan nilainya berupa label',
    todo: 'pakai --level nominal untuk label, atau kodekan nilainya sebagai angka',
    m: [
      ['the %s level needs numbers, and "%s" is a label', 'tingkat %1 memerlukan angka, dan "%2" adalah label'],
      [
        'coder %s: "%s" is not a number, and the %s level needs numbers; the cell was left out',
        'pengode %1: "%2" bukan angka, padahal tingkat %3 memerlukan angka; sel ini diabaikan',
      ],
    ],
    h: [['use --level nominal for labels, or code the values as numbers', 'pakai --level nominal untuk label, atau kodekan nilainya sebagai angka']],
  },
  'agree/short-row': {
    gist: 'baris punya sel lebih sedikit daripada kolom; yang kurang dihitung tidak dikode',
    todo: 'akhiri baris dengan pemisah untuk sel kosong agar nilai yang hilang jelas disengaja',
    m: [['row has %s cell%s for %s columns; the missing ones count as not coded', 'baris punya %1 sel untuk %3 kolom; yang kurang dihitung tidak dikode']],
    h: [
      [
        'end the row with separators for empty cells so a missing value is visibly meant',
        'akhiri baris dengan pemisah untuk sel kosong agar nilai yang hilang jelas disengaja',
      ],
    ],
  },
  'agree/too-few-coders': {
    gist: 'kesepakatan memerlukan sedikitnya dua pengode',
    todo: HINT_LAYOUT_MATRIX,
    m: [
      [
        'this study has one coder, the codebook (auto): no coder file, inline tag or decision log',
        'studi ini hanya punya satu pengode, yaitu buku kode (auto): tidak ada berkas pengode, tag di dalam teks, atau log keputusan',
      ],
      ['agreement needs at least two coder columns, the header has %s', 'kesepakatan memerlukan sedikitnya dua kolom pengode, baris judul hanya punya %1'],
    ],
    h: [
      [
        'add a coder file codings/<name>.csv, or review the automatic codings with qia review',
        'tambahkan berkas pengode codings/<nama>.csv, atau tinjau koding otomatis dengan qia review',
      ],
    ],
  },
  'agree/unknown-code': {
    gist: 'kode tidak ada di buku kode',
    todo: HINT_CODEBOOK_SHOW,
    m: [['no code "%s" in the codebook', 'tidak ada kode "%1" di buku kode']],
  },
  'agree/unknown-coder': {
    gist: 'pengode itu tidak ada',
    todo: 'sebut pengode yang didaftar pesan, dengan --coders',
    m: [
      ['no coder "%s" in this study; its coders are %s', 'tidak ada pengode "%1" di studi ini; pengodenya: %2'],
      ['no coder "%s"; the coders are %s', 'tidak ada pengode "%1"; pengodenya: %2'],
    ],
  },
  'agree/write': {
    gist: 'berkas keluaran tidak dapat ditulis',
    todo: 'periksa bahwa folder keluarannya ada dan Anda boleh menulis ke sana',
    m: [['cannot write %s: %s', 'tidak dapat menulis %1: %2']],
  },

  // qia code
  'code/learned': {
    gist: 'qia belajar dari koding yang dibuat atau dinilai orang dan mengusulkan koding untuk segmen yang belum dibaca',
    todo: 'tinjau usulan itu (`qia review`); usulan baru dihitung setelah diterima bila skornya di bawah `coding.min_score`',
    m: [
      [
        'learned from %s segments a person coded or judged (codes: %s): %s codings proposed for segments nobody has read, coder "learned"',
        'belajar dari %1 segmen yang dikode atau dinilai orang (kode: %2): %3 koding diusulkan untuk segmen yang belum dibaca siapa pun, pengode "learned"',
      ],
    ],
  },
  'code/not-written': {
    gist: 'mengode sampel bawaan; codings.csv tidak ditulis',
    todo: 'beri --out FOLDER untuk menulisnya, atau sebut folder studi',
    m: [['coding the bundled sample; codings.csv was not written', 'mengode sampel bawaan; codings.csv tidak ditulis']],
    h: [['give --out DIR to write it, or name a study folder', 'beri --out FOLDER untuk menulisnya, atau sebut folder studi']],
  },
  'code/nothing-to-learn': {
    gist: 'tidak ada segmen yang dikode atau dinilai orang, jadi tidak ada yang bisa dipelajari',
    todo: 'kode atau tinjau beberapa segmen dulu (qia review, qia tag, berkas CSV pengode)',
    m: [
      [
        'coding.learn: no segment has a coding a person made or judged, so there is nothing to learn from',
        'coding.learn: belum ada segmen dengan koding yang dibuat atau dinilai orang, jadi tidak ada yang bisa dipelajari',
      ],
    ],
    h: [
      [
        'code or review some segments first (qia review, qia tag, a coder CSV)',
        'kode atau tinjau beberapa segmen dulu (qia review, qia tag, berkas CSV pengode)',
      ],
    ],
  },

  // codebooks
  'codebook/duplicate-id': {
    gist: 'id kode didefinisikan dua kali',
    todo: 'ganti nama atau gabungkan salah satunya',
    m: [['code "%s" is defined twice (first at line %s)', 'kode "%1" didefinisikan dua kali (pertama di baris %2)']],
    h: [['rename or merge one of them', 'ganti nama atau gabungkan salah satunya']],
  },
  'codebook/duplicate-key': {
    gist: 'kunci yang sama ditulis dua kali',
    todo: 'pertahankan salah satunya; YAML tidak menyimpan keduanya dengan andal',
    m: [['"%s" is given twice in %s', '"%1" ditulis dua kali di %2']],
  },
  'codebook/empty-rule': {
    gist: 'aturan tidak punya terms, near, atau regex',
    todo: 'beri aturan itu terms: [...], near: [...], atau regex: "..."',
    m: [
      ['rule %s has no terms, near or regex', 'aturan %1 tidak punya terms, near, atau regex'],
      ['rule %s has an empty list of terms', 'aturan %1 punya daftar terms yang kosong'],
      [
        'near in rule %s needs at least two slots, e.g. near: [server, down|error]',
        'near di aturan %1 memerlukan sedikitnya dua slot, misalnya near: [server, down|error]',
      ],
      ['rule %s has an empty regex', 'aturan %1 punya regex kosong'],
    ],
    h: [['give the rule terms: [...], near: [...] or regex: "..."', 'beri aturan itu terms: [...], near: [...], atau regex: "..."']],
  },
  'codebook/invalid': {
    gist: 'buku kode tidak dapat dipakai',
    todo: 'perbaiki masalah yang dicetak sebelumnya; `qia codebook check BERKAS` mendaftar semuanya',
    m: [['cannot use codebook %s', 'buku kode %1 tidak dapat dipakai']],
  },
  'codebook/invalid-id': {
    gist: 'id kode harus huruf kecil, angka, dan _ dalam bagian bertitik',
    todo: 'misalnya relative_advantage.time_saving',
    m: [
      [
        'code id "%s" must be lowercase letters, digits and _ in dotted parts',
        'id kode "%1" harus berupa huruf kecil, angka, dan _ dalam bagian-bagian bertitik',
      ],
    ],
    h: [['for example relative_advantage.time_saving', 'misalnya relative_advantage.time_saving']],
  },
  'codebook/invalid-regex': {
    gist: 'regex aturan bukan pola JavaScript yang sah, atau flag-nya bukan i, m, s, u',
    todo: 'perbaiki polanya (uji di konsol JavaScript) atau flag-nya (hanya i, m, s, u)',
    m: [
      ['flags of rule %s may only use i, m, s and u', 'flag aturan %1 hanya boleh i, m, s, dan u'],
      ['rule %s: %s', 'aturan %1: %2'],
    ],
  },
  'codebook/invalid-value': {
    gist: 'nilai berjenis salah di buku kode',
    todo: 'tulis nilai yang disebut pesan; docs/codebook.md mendaftar nilai setiap kunci',
    m: [
      ['a codebook is a YAML mapping with id, languages and codes', 'buku kode adalah pemetaan YAML berisi id, languages, dan codes'],
      ['stem_overrides must map words to stems (kerumitan: rumit)', 'stem_overrides harus memetakan kata ke kata dasar (kerumitan: rumit)'],
      ['stem override "%s" must map one word to one stem', 'stem override "%1" harus memetakan satu kata ke satu kata dasar'],
      ['negation must be a mapping with words and window', 'negation harus berupa pemetaan berisi words dan window'],
      ['valence of %s must be a mapping (inverted, default, more, less)', 'valence %1 harus berupa pemetaan (inverted, default, more, less)'],
      ['inverted must be true or false', 'inverted harus true atau false'],
      ['default must be +1, 0 or -1', 'default harus +1, 0, atau -1'],
      ['rule %s must be a mapping (terms, near, regex…)', 'aturan %1 harus berupa pemetaan (terms, near, regex…)'],
      ['near in rule %s has %s slots; at most 8', 'near di aturan %1 punya %2 slot; paling banyak 8'],
      ['scope must be segment or sentence, not "%s"', 'scope harus segment atau sentence, bukan "%1"'],
      ['weight must be a number above 0 (default 1)', 'weight harus angka di atas 0 (bawaan 1)'],
      ['codes must be a list (each entry starts with `- id:`)', 'codes harus berupa daftar (setiap entri diawali `- id:`)'],
      ['each code must be a mapping with at least an id', 'setiap kode harus berupa pemetaan, sedikitnya dengan id'],
      ['group must be attribute, obstacle or other, not "%s"', 'group harus attribute, obstacle, atau other, bukan "%1"'],
      ['rules of %s must be a list', 'rules %1 harus berupa daftar'],
      ['%s must be text or a map of languages (id:, en:)', '%1 harus berupa teks atau pemetaan bahasa (id:, en:)'],
      ['%s must be a list of text', '%1 harus berupa daftar teks'],
      ['%s must be a whole number from %s to %s', '%1 harus bilangan bulat dari %2 sampai %3'],
      ['%s must be text', '%1 harus berupa teks'],
    ],
  },
  'codebook/missing-key': {
    gist: 'buku kode tidak punya id atau codes, atau ada kode tanpa id',
    todo: 'tambahkan baris seperti `id: buku-kode-saya`',
    m: [
      ['the codebook has no id', 'buku kode tidak punya id'],
      ['the codebook has no codes', 'buku kode tidak punya codes'],
      ['a code has no id', 'ada kode yang tidak punya id'],
    ],
    h: [
      ['add a line such as `id: my-codebook`', 'tambahkan baris seperti `id: buku-kode-saya`'],
      ['add `codes:` with a list of codes', 'tambahkan `codes:` berisi daftar kode'],
      ['add `id: attribute.sub_code`', 'tambahkan `id: atribut.sub_kode`'],
    ],
  },
  'codebook/missing-label': {
    gist: 'kode tidak punya label dalam salah satu bahasa',
    todo: 'tambahkan label: { id: ..., en: ... }',
    m: [['code "%s" has no label in %s', 'kode "%1" tidak punya label dalam bahasa %2']],
    h: [['add label: { %s: ... }', 'tambahkan label: { %1: ... }']],
  },
  'codebook/missing-parent': {
    gist: 'kode induknya tidak ada',
    todo: 'tambahkan kode induk itu',
    m: [['code "%s" has no parent code "%s"', 'kode "%1" tidak punya kode induk "%2"']],
    h: [['add a code with id: %s', 'tambahkan kode dengan id: %1']],
  },
  'codebook/missing-translation': {
    gist: 'kode tidak punya definisi dalam salah satu bahasa',
    todo: 'tambahkan definisi dalam bahasa itu, atau keluarkan bahasa itu dari `languages`',
    m: [['code "%s" has no definition in %s', 'kode "%1" tidak punya definisi dalam bahasa %2']],
  },
  'codebook/mixed-rule': {
    gist: 'satu aturan mencampur beberapa jenis',
    todo: 'pecah menjadi satu aturan per jenis (terms, near, regex)',
    m: [['rule %s mixes %s; write one rule for each', 'aturan %1 mencampur %2; tulis satu aturan untuk masing-masing']],
  },
  'codebook/no-codes': {
    gist: 'daftar kode kosong: tidak ada yang akan dikode',
    todo: 'tambahkan kode, atau pakai `codebook: builtin:rogers` di study.yaml',
    m: [['the list of codes is empty: nothing will be coded', 'daftar kode kosong: tidak ada yang akan dikode']],
    h: [['add codes, or use `codebook: builtin:rogers` in study.yaml', 'tambahkan kode, atau pakai `codebook: builtin:rogers` di study.yaml']],
  },
  'codebook/not-found': {
    gist: 'buku kode tidak dapat dibaca',
    todo: 'periksa jalurnya, atau pakai builtin:rogers untuk buku kode Rogers bawaan',
    m: [['cannot read codebook %s', 'tidak dapat membaca buku kode %1']],
    h: [['check the path, or use builtin:rogers for the default Rogers codebook', 'periksa jalurnya, atau pakai builtin:rogers untuk buku kode Rogers bawaan']],
  },
  'codebook/unknown-key': {
    gist: 'kunci tidak dikenal di buku kode',
    todo: 'pakai salah satu kunci yang dikenal',
    m: [['unknown key "%s" in %s', 'kunci "%1" tidak dikenal di %2']],
    h: [['known keys: %s', 'kunci yang dikenal: %1']],
  },
  'codebook/unknown-language': {
    gist: 'bahasa tidak dikenal',
    todo: 'pakai id (Indonesia) dan/atau en (Inggris)',
    m: [['unknown language "%s"', 'bahasa "%1" tidak dikenal']],
    h: [['use id (Indonesian) and/or en (English)', 'pakai id (Indonesia) dan/atau en (Inggris)']],
  },
  'codebook/unreachable-term': {
    gist: 'istilah ini tidak akan pernah cocok',
    todo: 'tulis kata dari huruf atau angka; pakai * hanya sebagai wildcard (kendala*, *rumit*)',
    m: [['the term "%s" can never match: %s', 'istilah "%1" tidak akan pernah cocok: %2']],
    h: [
      [
        'write words of letters or digits; use * only as a glob wildcard (kendala*, *rumit*)',
        'tulis kata dari huruf atau angka; pakai * hanya sebagai wildcard (kendala*, *rumit*)',
      ],
    ],
  },
  'codebook/unsupported-regex': {
    gist: 'regex memakai konstruksi yang tidak dapat dijalankan mesin regex waktu-linear (rujukan balik, lookahead/lookbehind, pengulangan di atas 1000, pola terlalu besar)',
    todo: 'petunjuknya menyebut penggantinya; lihat docs/codebook.md, bagian Regular expressions',
    m: [['rule %s: %s', 'aturan %1: %2']],
  },
  'codebook/unused-key': {
    gist: 'window hanya berlaku untuk aturan near',
    todo: 'hapus `window`, atau jadikan aturan itu aturan near',
    m: [['window only applies to near rules (rule %s)', 'window hanya berlaku untuk aturan near (aturan %1)']],
  },
  'codebook/yaml': {
    gist: 'buku kode bukan YAML yang sah',
    todo: 'perbaiki sintaks YAML (indentasi, tanda kutip, kurung)',
    h: [['fix the YAML syntax (indentation, quotes, brackets)', 'perbaiki sintaks YAML (indentasi, tanda kutip, kurung)']],
  },

  // coder files, inline tags
  'coding/ambiguous-quote': {
    gist: 'kutipan muncul lebih dari sekali; tempat pertama yang dipakai',
    todo: 'tambahkan id segmen, atau kolom prefix/suffix, untuk menunjuk yang mana',
    m: [['quote occurs more than once in %s; the first place was taken: "%s"', 'kutipan muncul lebih dari sekali di %1; tempat pertama yang dipakai: "%2"']],
    h: [['add the segment id, or prefix/suffix columns, to say which one', 'tambahkan id segmen, atau kolom prefix/suffix, untuk menunjuk yang mana']],
  },
  'coding/bad-merge-mode': {
    gist: 'coding.merge tidak dikenal; mode bawaan yang dipakai',
    todo: 'pakai salah satu mode yang didaftar pesan (coding.merge di study.yaml)',
    m: [['coding.merge "%s" is not one of %s; using %s', 'coding.merge "%1" bukan salah satu dari %2; memakai %3']],
  },
  'coding/bad-valence': {
    gist: 'arah (valence) bukan +, -, atau 0',
    todo: 'pakai + untuk mendukung, - untuk menghambat, 0 untuk netral',
    m: [['valence "%s" is not one of +, -, 0 (or +1, -1, 1)', 'arah "%1" bukan salah satu dari +, -, 0 (atau +1, -1, 1)']],
    h: [['use + for favourable, - for unfavourable, 0 for neutral', 'pakai + untuk mendukung, - untuk menghambat, 0 untuk netral']],
  },
  'coding/csv-syntax': CSV_SYNTAX,
  'coding/empty-file': {
    gist: 'berkas koding tidak punya baris judul dan baris data',
    todo: 'baris judulnya harus: source,segment,quote,code,valence,coder,memo (prefix,suffix boleh ada); atau hapus berkasnya',
    m: [['coding file has no header and no rows', 'berkas koding tidak punya baris judul dan tidak punya baris data']],
  },
  'coding/empty-tag': {
    gist: 'tag di dalam teks tidak mengapit teks apa pun',
    todo: 'letakkan kata yang dikode di antara tag pembuka dan penutup',
    m: [['inline tag {{%s}} encloses no text', 'tag di dalam teks {{%1}} tidak mengapit teks apa pun']],
    h: [['put the coded words between the opening and the closing tag', 'letakkan kata yang dikode di antara tag pembuka dan penutup']],
  },
  'coding/encoding': ENCODING,
  'coding/extra-field': {
    gist: 'baris punya sel lebih banyak daripada baris judul; sisanya diabaikan',
    todo: 'apit dengan tanda kutip ganda memo atau kutipan yang memuat koma: "mudah, cepat"',
    m: [['row has %s fields, the header has %s; the extra ones were ignored', 'baris punya %1 sel, baris judul punya %2; sel tambahannya diabaikan']],
    h: [
      [
        'put a memo or quote that contains commas in double quotes: "mudah, cepat"',
        'apit dengan tanda kutip ganda memo atau kutipan yang memuat koma: "mudah, cepat"',
      ],
    ],
  },
  'coding/invalid-utf8': INVALID_UTF8,
  'coding/missing-column': {
    gist: 'kolom yang diperlukan tidak ada',
    todo: 'baris judulnya harus: source,segment,quote,code,valence,coder,memo (prefix,suffix boleh ada)',
    m: [
      ['missing column%s: %s; the file was not loaded', 'kolom tidak ada: %2; berkas ini tidak dimuat'],
      ['row has %s field%s, the header has %s: missing %s', 'baris punya %1 sel, baris judul punya %3: kurang %4'],
    ],
    h: [['add the missing fields (empty ones still need their commas)', 'tambahkan sel yang kurang (sel kosong tetap perlu komanya)']],
  },
  'coding/missing-value': {
    gist: 'baris tidak lengkap',
    todo: 'isi kolom source, code, dan segment atau quote',
    m: [
      ['row names no code', 'baris tidak menyebut kode'],
      ['row has neither a segment nor a quote', 'baris tidak punya segment maupun quote'],
      ['row names no source', 'baris tidak menyebut sumber'],
    ],
    h: [
      [
        'fill the code column with a codebook code id, e.g. relative_advantage.time_saving',
        'isi kolom code dengan id kode dari buku kode, misalnya relative_advantage.time_saving',
      ],
      ['give the segment id (e.g. interviews/w01:3) or the exact text coded', 'beri id segmen (misalnya interviews/w01:3) atau teks persis yang dikode'],
      ['fill the source column with the source id, e.g. interviews/w01-kepala', 'isi kolom source dengan id sumber, misalnya interviews/w01-kepala'],
    ],
  },
  'coding/not-read': {
    gist: 'berkas di codings/ ini tidak dibaca',
    todo: 'simpan sebagai CSV langsung di codings/, atau pindahkan keluar dari codings/',
    m: [
      [
        '%s is in a folder under codings/; only files directly in codings/ are read',
        '%1 ada di subfolder codings/; hanya berkas yang langsung di codings/ yang dibaca',
      ],
      [
        '%s is not a coder file qia reads (CSV, .tsv or .txt saved from a spreadsheet)',
        '%1 bukan berkas pengode yang dibaca qia (CSV, .tsv, atau .txt yang disimpan dari lembar kerja)',
      ],
    ],
    h: [
      [
        'move it up into codings/, or out of codings/ if it is not a coder file',
        'pindahkan ke codings/ langsung, atau keluar dari codings/ bila bukan berkas pengode',
      ],
      [
        'save it from the spreadsheet as CSV (or Unicode text), or keep notes outside codings/',
        'simpan dari lembar kerja sebagai CSV (atau Unicode text), atau simpan catatan di luar codings/',
      ],
    ],
  },
  'coding/quote-changed': {
    gist: 'kutipan sudah diubah di transkrip; ditempatkan di kecocokan terdekat',
    todo: 'periksa bahwa kodingnya masih tepat, lalu perbarui kutipannya',
    m: [
      [
        'quote was edited in the transcript (%s character%s differ); placed at the closest match: "%s"',
        'kutipan sudah diubah di transkrip (%1 karakter berbeda); ditempatkan di kecocokan terdekat: "%3"',
      ],
    ],
    h: [['check the coding still holds, then update the quote', 'periksa bahwa kodingnya masih tepat, lalu perbarui kutipannya']],
  },
  'coding/source-mismatch': {
    gist: 'segmen tidak berada di sumber yang disebut; sumber segmen yang dipakai',
    todo: 'perbaiki kolom source atau segment agar sesuai',
    m: [["segment %s is not in source %s; the segment's source was used", 'segmen %1 tidak ada di sumber %2; sumber milik segmen itu yang dipakai']],
  },
  'coding/unanchored': {
    gist: 'kutipan atau tag koding tidak dapat ditempatkan pada teks sekarang',
    todo: 'transkripnya mungkin sudah diubah: sesuaikan kutipan di baris ini dengan kata-kata yang sekarang',
    m: [
      [
        'inline tag {{%s}} is outside every segment (front matter or a heading?)',
        'tag di dalam teks {{%1}} berada di luar semua segmen (di front matter atau judul?)',
      ],
      ['quote not found in %s: "%s"', 'kutipan tidak ditemukan di %1: "%2"'],
      ['quote in %s falls outside every segment', 'kutipan di %1 berada di luar semua segmen'],
    ],
    h: [
      [
        'the transcript may have been edited: correct the quote in this row to the current wording',
        'transkripnya mungkin sudah diubah: sesuaikan kutipan di baris ini dengan kata-kata yang sekarang',
      ],
    ],
  },
  'coding/unknown-segment': {
    gist: 'segmen itu tidak ada di sumbernya',
    todo: 'beri juga kutipannya agar koding tetap ditemukan setelah transkrip diubah',
    m: [
      ['no segment "%s" in %s; placed by its quote', 'tidak ada segmen "%1" di %2; ditempatkan menurut kutipannya'],
      ['no segment "%s" in %s', 'tidak ada segmen "%1" di %2'],
    ],
    h: [
      [
        '%s has %s segments; give the quote as well, so the coding can be found after edits',
        '%1 punya %2 segmen; beri juga kutipannya agar koding tetap ditemukan setelah transkrip diubah',
      ],
      ['update the segment column, or leave it empty and rely on the quote', 'perbarui kolom segment, atau kosongkan dan andalkan kutipannya'],
    ],
  },
  'coding/unreadable': UNREADABLE,

  // qia compare
  'compare/code-meaning-differs': {
    gist: 'kode yang sama berarti lain di buku kode studi-studi itu (group, induk, atau arah), jadi kode itu dan sub-kodenya tidak dibandingkan',
    todo: 'beri kode itu satu makna di semua buku kode, atau id lain bila maknanya memang lain',
    m: [
      [
        "code %s means different things in the studies' codebooks, so it is not compared (nor its sub-codes): %s",
        'kode %1 berarti lain di buku kode studi-studi itu, jadi tidak dibandingkan (begitu pula sub-kodenya): %2',
      ],
    ],
    h: [
      [
        'give the code one group, parent and valence direction in every codebook, or a different id where it means something else',
        'beri kode itu satu group, induk, dan arah yang sama di semua buku kode, atau id lain bila maknanya memang lain',
      ],
    ],
  },
  'compare/config-invalid': {
    gist: 'compare.yaml bukan YAML yang sah, atau bukan pemetaan dengan `studies:`',
    todo: 'perbaiki berkas di baris yang disebut; kuncinya ada di docs/compare.md',
    m: [
      ['not valid YAML: %s', 'bukan YAML yang sah: %1'],
      ['compare.yaml must be a mapping with `studies:`', 'compare.yaml harus berupa pemetaan dengan `studies:`'],
      ['unknown key `%s` in compare.yaml', 'kunci `%1` tidak dikenal di compare.yaml'],
      ['`studies` must be a list of study folders or globs', '`studies` harus berupa daftar folder studi atau glob'],
      ['`%s` needs one value', '`%1` memerlukan satu nilai'],
      ['compare.yaml lists no studies', 'compare.yaml tidak mendaftar studi apa pun'],
    ],
    h: [['known keys: %s', 'kunci yang dikenal: %1']],
  },
  'compare/config-missing': {
    gist: 'compare.yaml yang disebut tidak dapat dibaca',
    todo: 'periksa jalurnya',
    m: [['%s cannot be read', '%1 tidak dapat dibaca']],
  },
  'compare/no-match': {
    gist: 'tidak ada folder yang cocok',
    todo: 'periksa nama folder atau glob-nya',
    m: [
      ['%s (in %s) matches no folder', '%1 (di %2) tidak cocok dengan folder apa pun'],
      ['%s matches no folder', '%1 tidak cocok dengan folder apa pun'],
    ],
  },
  'compare/no-study': {
    gist: 'tidak ada studi yang dapat dianalisis, jadi tidak ada yang dibandingkan',
    todo: 'diagnostik di atas menyebut setiap studi dan masalahnya',
    m: [['no study could be analysed, so there is nothing to compare', 'tidak ada studi yang dapat dianalisis, jadi tidak ada yang dibandingkan']],
    h: [['the diagnostics above name each study and its problem', 'diagnostik di atas menyebut setiap studi dan masalahnya']],
  },
  'compare/not-a-folder': {
    gist: 'yang disebut berkas, bukan folder studi; dilewati',
    todo: 'sebut folder studi',
    m: [['%s is a file, not a study folder: skipped', '%1 adalah berkas, bukan folder studi: dilewati']],
  },
  'compare/study-left-out': {
    gist: 'studi yang bergalat tidak ikut dibandingkan; yang lain tetap dibandingkan',
    todo: 'perbaiki studi yang disebut diagnostik sebelumnya, lalu bandingkan lagi',
    m: [['study %s could not be analysed and is left out of the comparison', 'studi %1 tidak dapat dianalisis dan tidak ikut dibandingkan']],
    h: [['`qia run %s` shows the problem on its own', '`qia run %1` menampilkan masalahnya sendiri']],
  },
  'compare/worker-failed': {
    gist: 'thread yang menganalisis sebuah studi berhenti; studi itu tidak ikut',
    todo: 'jalankan ulang; bila terulang, jalankan `qia run` pada studi itu saja untuk melihat masalahnya',
    m: [['the thread analysing study %s stopped: %s', 'thread yang menganalisis studi %1 berhenti: %2']],
  },

  // decision logs
  'decision/bad-line': {
    gist: 'baris log keputusan tidak terbaca',
    todo: HINT_LOG_BY_HAND,
    m: [['not a JSON object: %s', 'bukan objek JSON: %1']],
    h: [['the log is written by qia review, qia tag and qia untag; remove the line if it was edited by hand', HINT_LOG_BY_HAND]],
  },
  'decision/conflict': {
    gist: 'para peninjau menilai koding otomatis yang sama secara berbeda',
    todo: 'sepakati satu keputusan (qia review --disagreements), lalu batalkan yang lain',
    m: [
      ['%s judged the automatic coding of %s in %s differently (%s); %s stands', '%1 menilai koding otomatis %2 di %3 secara berbeda (%4); yang berlaku: %5'],
    ],
    h: [
      [
        'agree on one decision (qia review --disagreements), then undo the other',
        'sepakati satu keputusan (qia review --disagreements), lalu batalkan yang lain',
      ],
    ],
  },
  'decision/duplicate-seq': {
    gist: 'nomor keputusan muncul dua kali; baris yang belakangan diabaikan',
    todo: 'tidak perlu apa-apa, kecuali log disunting dengan tangan: hapus baris salinannya',
    m: [['decision number %s appears twice; the later line was left out', 'nomor keputusan %1 muncul dua kali; baris yang belakangan diabaikan']],
  },
  'decision/moved': {
    gist: 'keputusan mengikuti kata-katanya setelah transkrip diubah',
    todo: 'tidak perlu apa-apa: ini catatan bahwa keputusan berpindah bersama kata-katanya',
    m: [['%s was edited or moved; this %s now applies to %s', '%1 sudah diubah atau dipindah; keputusan %2 ini sekarang berlaku untuk %3']],
  },
  'decision/truncated': {
    gist: 'baris terakhir log keputusan terpotong; diabaikan',
    todo: 'nilai lagi koding itu; baris-baris sebelumnya tetap berlaku',
    m: [
      [
        'the last line of the decision log is cut short (qia stopped while writing it); it was left out',
        'baris terakhir log keputusan terpotong (qia berhenti saat menulisnya); baris itu diabaikan',
      ],
    ],
    h: [['judge that coding again; the lines before it stand', 'nilai lagi koding itu; baris-baris sebelumnya tetap berlaku']],
  },
  'decision/unanchored': {
    gist: 'kata-kata tempat keputusan dibuat sudah tidak ada; keputusan tidak diterapkan',
    todo: 'transkripnya sudah diubah: nilai lagi kodingnya di qia review',
    m: [
      [
        'the words this %s was made on are not in %s any more (line %s then); it was not applied',
        'kata-kata tempat %1 ini dibuat sudah tidak ada di %2 (dulu baris %3); tidak diterapkan',
      ],
    ],
    h: [['the transcript was edited: judge the coding again in qia review', 'transkripnya sudah diubah: nilai lagi kodingnya di qia review']],
  },
  'decision/unknown-code': {
    gist: 'kode keputusan tidak ada lagi di buku kode; keputusan tidak diterapkan',
    todo: 'buku kode berubah sejak keputusan dibuat: nilai lagi kodingnya di qia review',
    m: [['no code %s in the codebook; this %s was not applied', 'tidak ada kode %1 di buku kode; %2 ini tidak diterapkan']],
    h: [
      [
        'the codebook changed since the decision: judge the coding again in qia review',
        'buku kode berubah sejak keputusan dibuat: nilai lagi kodingnya di qia review',
      ],
    ],
  },
  'decision/unused': {
    gist: 'keputusan tidak menemukan koding yang dituju',
    todo: 'buku kode atau transkrip berubah sejak keputusan dibuat; keputusan boleh tetap di log',
    m: [
      ['no coding of %s added by %s in %s to take back', 'tidak ada koding %1 yang ditambahkan %2 di %3 untuk dicabut'],
      ['no automatic coding of %s in %s to %s', 'tidak ada koding otomatis %1 di %2 untuk di-%3'],
    ],
    h: [
      [
        'the codebook or the transcript changed since the decision; it can stay in the log',
        'buku kode atau transkrip berubah sejak keputusan dibuat; keputusan boleh tetap di log',
      ],
    ],
  },

  // REFI-QDA exchange
  'export/memo-code': {
    gist: 'memo menyebut kode yang tidak ada di buku kode; diekspor sebagai catatan proyek',
    todo: 'tambahkan kode itu ke buku kode, atau perbaiki front matter memo',
    m: [
      [
        'memo names code "%s", which the codebook lacks; it is exported as a note on the project',
        'memo menyebut kode "%1", yang tidak ada di buku kode; memo diekspor sebagai catatan proyek',
      ],
    ],
  },
  'export/no-codes': {
    gist: 'buku kode tidak punya kode, padahal .qdc harus memuat sedikitnya satu',
    todo: 'tambahkan kode ke buku kode sebelum mengekspor .qdc',
    m: [['the codebook has no codes, and a .qdc must hold at least one', 'buku kode tidak punya kode, padahal .qdc harus memuat sedikitnya satu']],
  },
  'import/binary-text': {
    gist: 'teks sumber bukan teks biasa; dilewati',
    todo: 'ekspor ulang proyeknya dengan sumber berupa teks biasa',
    m: [['%s "%s": %s is not plain text; it was skipped', '%1 "%2": %3 bukan teks biasa; dilewati']],
  },
  'import/external-text': {
    gist: 'sumber menunjuk berkas di luar .qdpx; dilewati',
    todo: HINT_REEXPORT,
    m: [['%s "%s" points to %s, outside the .qdpx; it was skipped', '%1 "%2" menunjuk ke %3, di luar .qdpx; dilewati']],
    h: [['export the project again with its sources embedded', HINT_REEXPORT]],
  },
  'import/inline-tag-like': {
    gist: 'sumber memuat {{…}}, yang dibaca qia sebagai tag koding',
    todo: 'periksa berkas sumber itu; ubah kurung kurawalnya bila tidak dimaksudkan sebagai tag',
    m: [
      [
        'source "%s" contains {{…}}, which qia reads as an inline coding tag; check sources/%s.txt',
        'sumber "%1" memuat {{…}}, yang dibaca qia sebagai tag koding di dalam teks; periksa sources/%2.txt',
      ],
    ],
  },
  'import/missing-text': {
    gist: 'teks sumber tidak ada di .qdpx; dilewati',
    todo: HINT_REEXPORT,
    m: [['%s "%s": %s is not in the .qdpx; it was skipped', '%1 "%2": %3 tidak ada di .qdpx; dilewati']],
  },
  'import/no-codes': {
    gist: 'buku kode tidak memuat kode',
    todo: 'tambahkan kode ke buku kode studi setelah impor, atau ekspor proyeknya beserta buku kodenya',
    m: [['the codebook holds no codes', 'buku kode tidak memuat kode']],
  },
  'import/no-project': {
    gist: 'berkas tidak memuat project.qde di akarnya',
    todo: 'apakah ini proyek REFI-QDA (.qdpx)?',
    m: [['%s holds no project.qde at its root', '%1 tidak memuat project.qde di akarnya']],
    h: [['is this a REFI-QDA project (.qdpx)?', 'apakah ini proyek REFI-QDA (.qdpx)?']],
  },
  'import/no-text': {
    gist: 'sumber tidak punya plainTextPath maupun PlainTextContent; dilewati',
    todo: HINT_REEXPORT,
    m: [['%s "%s" has neither plainTextPath nor PlainTextContent; it was skipped', '%1 "%2" tidak punya plainTextPath maupun PlainTextContent; dilewati']],
  },
  'import/not-a-folder': {
    gist: 'tujuan --into sudah ada dan bukan folder',
    todo: 'beri --into nama folder baru',
    m: [['%s exists and is not a folder', '%1 sudah ada dan bukan folder']],
  },
  'import/not-a-zip': {
    gist: 'berkas bukan zip (.qdpx)',
    todo: '.qdpx adalah zip berisi project.qde dan sources/',
    m: [['%s is not a zip file (.qdpx): %s', '%1 bukan berkas zip (.qdpx): %2']],
    h: [['a .qdpx is a zip holding project.qde and sources/', '.qdpx adalah zip berisi project.qde dan sources/']],
  },
  'import/not-empty': {
    gist: 'folder tujuan sudah berisi berkas dan bukan studi baru dari `qia init`; tidak ada yang ditulis',
    todo: 'impor ke folder baru, misalnya `qia import qdpx proyek.qdpx --into studi-baru`',
    m: [
      [
        '%s already holds files (%s) and is not a study fresh from `qia init`; nothing was written',
        '%1 sudah berisi berkas (%2) dan bukan studi baru dari `qia init`; tidak ada yang ditulis',
      ],
    ],
    h: [
      [
        'import into a new folder, e.g. `qia import qdpx project.qdpx --into studi-baru`',
        'impor ke folder baru, misalnya `qia import qdpx proyek.qdpx --into studi-baru`',
      ],
    ],
  },
  'import/not-found': {
    gist: 'berkas yang diimpor tidak dapat dibaca',
    todo: 'periksa jalur berkas .qdpx atau .qdc',
    m: [['cannot read %s: %s', 'tidak dapat membaca %1: %2']],
  },
  'import/offsets': {
    gist: 'satuan posisi seleksi ditebak dari isinya',
    todo: 'pilih satuannya sendiri dengan --offsets codepoints|utf16',
    m: [
      [
        'selection positions read as %s: %s of %s selections start and end between words that way, %s as %s',
        'posisi seleksi dibaca sebagai %1: dengan cara itu %2 dari %3 seleksi mulai dan berakhir di antara kata, %4 bila dibaca sebagai %5',
      ],
    ],
    h: [['choose the unit yourself with --offsets codepoints|utf16', 'pilih satuannya sendiri dengan --offsets codepoints|utf16']],
  },
  'import/other-sources': {
    gist: 'sumber yang bukan teks biasa dilewati: qia hanya membaca teks',
    todo: 'bila diperlukan, ubah sumber itu menjadi teks di program asalnya lalu ekspor lagi',
    m: [
      ['%s source(s) that are not plain text (%s) were skipped: qia reads text only', '%1 sumber yang bukan teks biasa (%2) dilewati: qia hanya membaca teks'],
    ],
  },
  'import/source-coding': {
    gist: 'koding atas seluruh sumber dilewati: qia mengode bagian teks',
    todo: 'kode lagi bagian-bagian itu di qia bila penting',
    m: [
      [
        'source "%s" has %s coding(s) of the whole source; qia codes passages, so they were skipped',
        'sumber "%1" punya %2 koding atas seluruh sumber; qia mengode bagian teks, jadi koding itu dilewati',
      ],
    ],
  },
  'import/too-large': {
    gist: 'bagian proyek terlalu besar untuk diimpor',
    todo: 'proyek melewati batas impor qia; ekspor proyek yang lebih kecil',
    m: [['%s: %s is too large to import', '%1: %2 terlalu besar untuk diimpor']],
  },
  'import/unknown-code': {
    gist: 'koding merujuk kode yang tidak ada di buku kode proyek; dilewati',
    todo: 'ekspor ulang proyeknya dengan buku kode lengkap',
    m: [
      [
        "a coding refers to code %s, which the project's codebook lacks; it was skipped",
        'sebuah koding merujuk kode %1, yang tidak ada di buku kode proyek; dilewati',
      ],
    ],
  },

  // informants.csv
  'informants/duplicate-id': {
    gist: 'id informan sudah dipakai',
    todo: 'beri setiap informan id sendiri',
    m: [['informant id %s is already used on line %s', 'id informan %1 sudah dipakai di baris %2']],
    h: [['give every informant its own id', 'beri setiap informan id sendiri']],
  },
  'informants/empty': {
    gist: 'berkas informan kosong',
    todo: 'tambahkan baris judul `id,label,role,group` dan satu baris per informan',
    m: [['informants file is empty', 'berkas informan kosong']],
    h: [['add a header row `id,label,role,group` and one row per informant', 'tambahkan baris judul `id,label,role,group` dan satu baris per informan']],
  },
  'informants/empty-id': {
    gist: 'baris informan tidak punya id',
    todo: 'beri setiap baris id di kolom pertama',
    m: [['informant row has no id', 'baris informan tidak punya id']],
  },
  'informants/invalid-csv': {
    gist: 'CSV informan tidak dapat diurai',
    todo: 'apit dengan tanda kutip ganda sel yang memuat koma atau ganti baris; simpan sebagai CSV',
    m: [['cannot parse informants CSV: %s', 'CSV informan tidak dapat diurai: %1']],
  },
  'informants/missing-column': {
    gist: 'berkas informan kekurangan kolom wajib',
    todo: 'baris judulnya harus diawali id,label,role,group',
    m: [['informants file has no `%s` column', 'berkas informan tidak punya kolom `%1`']],
    h: [['the header must start with id,label,role,group', 'baris judulnya harus diawali id,label,role,group']],
  },
  'informants/unknown-group': {
    gist: 'kelompok informan bukan provider, user, atau partner',
    todo: 'tampilan menurut peran membandingkan ketiga pihak ini; pakai salah satunya',
    m: [['group `%s` of %s is not provider, user or partner', 'kelompok `%1` milik %2 bukan provider, user, atau partner']],
    h: [['role-ordered displays compare these three sides', 'tampilan menurut peran membandingkan ketiga pihak ini; pakai salah satunya']],
  },

  // qia init
  'init/exists': {
    gist: 'folder itu sudah berisi studi atau berkas yang akan ditulis; tidak ada yang diubah',
    todo: 'pilih nama folder baru',
    m: [
      ['%s already holds a study (study.yaml); nothing was changed', '%1 sudah berisi studi (study.yaml); tidak ada yang diubah'],
      ['%s already has %s; nothing was changed', '%1 sudah punya %2; tidak ada yang diubah'],
    ],
    h: [
      ['choose a new folder name', 'pilih nama folder baru'],
      ['choose a new or empty folder', 'pilih folder baru atau kosong'],
    ],
  },
  'init/no-codebook': {
    gist: 'buku kode bawaan tidak ada di instalasi ini; studi merujuk builtin:rogers',
    todo: 'pasang ulang qia, atau salin codebooks/rogers.yaml ke studi dan sebut di study.yaml',
    m: [
      [
        'the built-in codebook is missing from this installation; the study refers to builtin:rogers instead of a copy',
        'buku kode bawaan tidak ada di instalasi ini; studi merujuk builtin:rogers, bukan salinannya',
      ],
    ],
  },
  'init/not-a-folder': {
    gist: 'nama itu sudah dipakai sesuatu yang bukan folder',
    todo: 'pilih nama yang bukan berkas',
    m: [['%s exists and is not a folder', '%1 sudah ada dan bukan folder']],
  },

  // qia kwic, matrix, memos, query, report
  'kwic/bad-window': {
    gist: '--window harus bilangan bulat dari 0 sampai 100',
    todo: 'beri --window bilangan bulat dari 0 sampai 100',
    m: [['--window must be a whole number of words from 0 to 100, got "%s"', '--window harus bilangan bulat jumlah kata dari 0 sampai 100, bukan "%1"']],
  },
  'kwic/no-term': {
    gist: 'tidak ada kata yang dicari',
    todo: 'misalnya: qia kwic "server down"',
    m: [
      ['give a word, a phrase in quotes or a glob to look for', 'beri kata, frasa dalam tanda kutip, atau glob yang dicari'],
      ['"%s" holds no letters or digits, so no word can match it', '"%1" tidak memuat huruf atau angka, jadi tidak ada kata yang cocok'],
    ],
    h: [['for example: qia kwic %s', 'misalnya: qia kwic %1']],
  },
  'matrix/bad-cell': {
    gist: '--cell memerlukan <baris>,<kolom>',
    todo: 'misalnya: --cell staff,complexity',
    m: [['--cell expects <row>,<column>, got "%s"', '--cell memerlukan <baris>,<kolom>, bukan "%1"']],
    h: [['for example: --cell staff,complexity', 'misalnya: --cell staff,complexity']],
  },
  'matrix/dangling-coding': {
    gist: 'ada koding yang menyebut segmen yang tidak ada di studi; tidak ikut dihitung',
    todo: 'periksa id segmen di codings/*.csv, atau beri kutipan agar koding dapat ditempatkan ulang',
    m: [
      [
        '%s coding(s) name a segment the study does not have (first: %s); they are left out',
        '%1 koding menyebut segmen yang tidak ada di studi (yang pertama: %2); koding itu tidak dihitung',
      ],
    ],
    h: [
      [
        'check the segment ids in codings/*.csv, or give a quote so the coding can be re-anchored',
        'periksa id segmen di codings/*.csv, atau beri kutipan agar koding dapat ditempatkan ulang',
      ],
    ],
  },
  'matrix/long-needs-csv': {
    gist: '--long adalah bentuk keluaran CSV',
    todo: 'tambahkan --format csv',
    m: [['--long is a form of the CSV output', '--long adalah bentuk keluaran CSV']],
    h: [['add --format csv', 'tambahkan --format csv']],
  },
  'matrix/unknown-cell': {
    gist: 'tampilan itu tidak punya sel tersebut',
    todo: 'pakai baris dan kolom yang ada di tampilan itu',
    m: [['the %s matrix has no cell "%s,%s"', 'matriks %1 tidak punya sel "%2,%3"']],
  },
  'matrix/unknown-type': {
    gist: 'jenis tampilan tidak dikenal',
    todo: 'pilih salah satu jenis tampilan yang didaftar `qia matrix --help`',
    m: [['unknown display type "%s"', 'jenis tampilan "%1" tidak dikenal']],
    h: [['choose one of %s', 'pilih salah satu dari %1']],
  },
  'memo/bad-front-matter': {
    gist: 'front matter memo bukan YAML yang sah',
    todo: 'front matter adalah YAML di antara dua baris `---`, misalnya `code: complexity`',
    m: [['front matter is not valid YAML: %s', 'front matter bukan YAML yang sah: %1']],
  },
  'query/unknown-role': {
    gist: 'tidak ada informan dengan peran itu',
    todo: 'pakai salah satu peran di informants.csv',
    m: [['no informant has role "%s"', 'tidak ada informan dengan peran "%1"']],
    h: [['roles in this study: %s', 'peran di studi ini: %1']],
  },
  'report/unknown-format': {
    gist: 'format laporan tidak dikenal',
    todo: 'pilih salah satu format yang didaftar',
    m: [['unknown report format "%s"', 'format laporan "%1" tidak dikenal']],
    h: [['choose one of %s', 'pilih salah satu dari %1']],
  },

  // REFI-QDA files
  'refi/bad-guid': {
    gist: 'elemen tanpa GUID yang sah; dilewati',
    todo: 'tidak ada yang perlu dilakukan di qia; program lain menulis id yang tidak sah',
    m: [['%s has %s; it was skipped', '%1 punya %2; dilewati']],
  },
  'refi/bad-selection': {
    gist: 'PlainTextSelection tanpa posisi bilangan bulat; dilewati',
    todo: 'tidak ada yang perlu dilakukan di qia; program lain menulis seleksi yang tidak sah',
    m: [
      [
        'PlainTextSelection has no whole-number startPosition and endPosition; it was skipped',
        'PlainTextSelection tidak punya startPosition dan endPosition berupa bilangan bulat; dilewati',
      ],
    ],
  },
  'refi/namespace': {
    gist: 'namespace XML bukan yang diharapkan; tetap dibaca',
    todo: 'tidak perlu apa-apa bila hasil impor tampak benar; bila tidak, ekspor lagi dari program lain itu',
    m: [['namespace "%s" is not %s; read anyway', 'namespace "%1" bukan %2; tetap dibaca']],
  },
  'refi/wrong-root': {
    gist: 'elemen akar XML bukan yang diharapkan',
    todo: 'beri proyek (.qdpx) atau buku kode (.qdc) REFI-QDA',
    m: [['the root element is %s, not %s', 'elemen akarnya %1, bukan %2']],
  },
  'refi/xml-syntax': {
    gist: 'XML tidak tersusun dengan benar',
    todo: 'ekspor lagi berkasnya dari program lain itu',
    m: [['not well-formed XML: %s', 'XML tidak tersusun dengan benar: %1']],
  },

  // review.csv, qia review
  'review/adjudicator-is-coder': {
    gist: 'penengah adalah salah satu pengode yang dibandingkan',
    todo: 'tengahi dengan nama Anda sendiri (--coder), agar kesepakatan yang diukur tetap milik koding yang independen',
    m: [
      [
        '%s is one of the coders compared, so cannot adjudicate their disagreements',
        '%1 adalah salah satu pengode yang dibandingkan, jadi tidak dapat menengahi ketidaksepakatan mereka',
      ],
    ],
    h: [
      [
        'adjudicate under a name of your own (--coder), so the agreement measured stays that of the independent codings',
        'tengahi dengan nama Anda sendiri (--coder), agar kesepakatan yang diukur tetap milik koding yang independen',
      ],
    ],
  },
  'review/bad-decision': {
    gist: 'keputusan bukan accept atau reject',
    todo: 'tulis reject untuk membuang koding otomatis, accept untuk mengukuhkannya',
    m: [['decision "%s" is neither accept nor reject', 'keputusan "%1" bukan accept maupun reject']],
    h: [['write reject to drop the automatic coding, accept to confirm it', 'tulis reject untuk membuang koding otomatis, accept untuk mengukuhkannya']],
  },
  'review/bad-option': {
    gist: '--coders hanya berlaku bersama --disagreements',
    todo: 'beri --coders bersama --disagreements',
    m: [
      [
        '--coders goes with --disagreements: it names the coders whose disagreements to walk',
        '--coders dipakai bersama --disagreements: opsi itu menyebut pengode yang ketidaksepakatannya ditelusuri',
      ],
    ],
  },
  'review/bundled-sample': {
    gist: 'qia review menulis keputusan ke folder studi, dan sampel bawaan adalah bagian dari qia',
    todo: 'salin dulu: `qia init studi-saya` untuk studi baru, atau salin samples/lapak-asik, lalu `qia review studi-saya`',
    m: [
      [
        'qia review writes your decisions into the study folder, and the bundled sample is part of qia itself',
        'qia review menulis keputusan Anda ke folder studi, sedangkan sampel bawaan adalah bagian dari qia sendiri',
      ],
    ],
    h: [
      [
        'copy it first: `qia init my-study` for a new study, or copy samples/lapak-asik, then `qia review my-study`',
        'salin dulu: `qia init studi-saya` untuk studi baru, atau salin samples/lapak-asik, lalu `qia review studi-saya`',
      ],
    ],
  },
  'review/conflict': {
    gist: 'dua baris review.csv memutuskan koding yang sama secara berbeda; reject yang menang',
    todo: 'pertahankan salah satu dari kedua baris itu',
    m: [['%s %s is %sed on line %s and %sed here; reject wins', '%1 %2 di-%3 di baris %4 dan di-%5 di sini; reject yang menang']],
  },
  'review/csv-syntax': CSV_SYNTAX,
  'review/encoding': ENCODING,
  'review/invalid-utf8': INVALID_UTF8,
  'review/missing-column': {
    gist: 'kolom review.csv yang diperlukan tidak ada; berkas tidak dipakai',
    todo: 'baris judulnya harus: segment,code,decision,note',
    m: [['missing column%s: %s; the review file was not used', 'kolom tidak ada: %2; berkas tinjauan tidak dipakai']],
    h: [['the header must be: segment,code,decision,note', 'baris judulnya harus: segment,code,decision,note']],
  },
  'review/missing-value': {
    gist: 'baris memerlukan segment dan code',
    todo: 'isi kedua kolom itu, atau hapus barisnya',
    m: [['row needs both a segment and a code', 'baris memerlukan segment dan code sekaligus']],
  },
  'review/moved': {
    gist: 'kutipan keputusan berpindah segmen; keputusan mengikutinya',
    todo: 'transkrip sudah diubah; perbarui kolom segment bila sempat',
    m: [['quote is no longer in %s; the decision now applies to %s', 'kutipan tidak lagi ada di %1; keputusan sekarang berlaku untuk %2']],
    h: [['the transcript was edited; update the segment column when convenient', 'transkrip sudah diubah; perbarui kolom segment bila sempat']],
  },
  'review/not-a-terminal': {
    gist: 'qia review memerlukan terminal untuk layarnya, sedangkan masukannya pipa atau berkas',
    todo: 'jalankan qia review di terminal, bukan lewat pipa atau skrip',
    // The second value is the advice (review/refuse.ts ADVICE), said here in Indonesian.
    m: [['qia review needs a terminal: %s; %s', 'qia review memerlukan terminal: %1; pakai `qia tag` untuk mengode dari skrip']],
  },
  'review/unanchored': {
    gist: 'kutipan keputusan sudah tidak ada; keputusan tidak diterapkan',
    todo: 'transkrip sudah diubah: nilai lagi kodingnya dan perbarui atau hapus baris ini',
    m: [['the quote of this decision is not in %s any more; it was not applied: "%s"', 'kutipan keputusan ini sudah tidak ada di %1; tidak diterapkan: "%2"']],
    h: [
      [
        'the transcript was edited: judge the coding again and update or remove this row',
        'transkrip sudah diubah: nilai lagi kodingnya dan perbarui atau hapus baris ini',
      ],
    ],
  },
  'review/unknown-segment': {
    gist: 'segmen itu tidak ada; keputusan tidak berlaku',
    todo: 'id segmen berubah bila transkrip diubah; tambahkan kolom quote (dari out/codings.csv) agar keputusan mengikuti kata-katanya',
    m: [['no segment "%s"; this decision has no effect', 'tidak ada segmen "%1"; keputusan ini tidak berlaku']],
    h: [
      [
        'segment ids change when a transcript is edited; add the quote column (from out/codings.csv) so decisions follow their words',
        'id segmen berubah bila transkrip diubah; tambahkan kolom quote (dari out/codings.csv) agar keputusan mengikuti kata-katanya',
      ],
    ],
  },
  'review/unknown-source': {
    gist: 'sumber itu tidak ada di studi',
    todo: 'pakai id sumber seperti yang ditampilkan `qia sources`, atau jalurnya',
    m: [['no source "%s" in this study', 'tidak ada sumber "%1" di studi ini']],
    h: [['use a source id as `qia sources` lists it, or its path', 'pakai id sumber seperti yang ditampilkan `qia sources`, atau jalurnya']],
  },
  'review/unreadable': UNREADABLE,
  'review/unused': {
    gist: 'keputusan tidak menemukan koding otomatis yang dituju',
    todo: 'buku kode atau transkrip berubah sejak peninjauan; baris itu boleh dihapus',
    m: [['no automatic coding of %s in %s to %s', 'tidak ada koding otomatis %1 di %2 untuk di-%3']],
    h: [
      ['the codebook or the transcript changed since the review; the row can go', 'buku kode atau transkrip berubah sejak peninjauan; baris itu boleh dihapus'],
    ],
  },

  // sources
  'source/binary': {
    gist: 'berkas tampaknya biner, bukan teks',
    todo: 'simpan sumbernya sebagai teks (.txt, .md), .docx, .pdf, .vtt/.srt, atau .csv',
    m: [
      ['file looks binary, not text', 'berkas tampaknya biner, bukan teks'],
      ['file looks binary, not a caption file', 'berkas tampaknya biner, bukan berkas teks terjemahan (caption)'],
      ['file looks binary, not a CSV table', 'berkas tampaknya biner, bukan tabel CSV'],
    ],
    h: [['only %s are read', 'hanya %1 yang dibaca']],
  },
  'source/broken-link': {
    gist: 'tautan simbolis rusak; berkasnya tidak ikut',
    todo: 'pulihkan berkas yang ditunjuk, atau hapus tautannya',
    m: [
      [
        'broken symbolic link to %s (the target does not exist); the file is left out',
        'tautan simbolis rusak ke %1 (tujuannya tidak ada); berkas ini tidak ikut',
      ],
    ],
    h: [['restore the file it points to, or remove the link', 'pulihkan berkas yang ditunjuk, atau hapus tautannya']],
  },
  'source/csv-columns': {
    gist: 'tabel giliran bicara memerlukan kolom speaker dan text',
    todo: 'ganti baris judulnya menjadi speaker,text,time (time boleh tidak ada)',
    m: [['a turn table needs the columns speaker and text; found %s', 'tabel giliran bicara memerlukan kolom speaker dan text; yang ada: %1']],
    h: [['rename the header row to speaker,text,time (time is optional)', 'ganti baris judulnya menjadi speaker,text,time (time boleh tidak ada)']],
  },
  'source/csv-invalid': {
    gist: 'CSV tidak dapat diurai',
    todo: 'apit dengan tanda kutip ganda sel yang memuat koma atau ganti baris; simpan sebagai CSV',
    m: [['cannot parse CSV: %s', 'CSV tidak dapat diurai: %1']],
  },
  'source/csv-row': {
    gist: 'jumlah sel baris tidak sama dengan baris judul',
    todo: 'beri setiap baris sel speaker dan text, dipisah koma',
    m: [
      [
        'row has %s fields, the header has %s; the extra fields were read as part of the text',
        'baris punya %1 sel, baris judul punya %2; sel tambahannya dibaca sebagai bagian teks',
      ],
      ['row has %s fields, the header has %s; the extra fields were ignored', 'baris punya %1 sel, baris judul punya %2; sel tambahannya diabaikan'],
      ['row has %s field%s, the header has %s; the row was skipped', 'baris punya %1 sel, baris judul punya %3; baris ini dilewati'],
    ],
    h: [
      ['give every row a speaker and a text cell, separated by a comma', 'beri setiap baris sel speaker dan text, dipisah koma'],
      ['put a text that contains commas in double quotes: P,"ya, betul"', 'apit dengan tanda kutip ganda teks yang memuat koma: P,"ya, betul"'],
    ],
  },
  'source/docx-invalid': {
    gist: 'dokumen Word tidak dapat dibaca',
    todo: 'buka di Word atau LibreOffice dan simpan lagi sebagai .docx',
    m: [['cannot read Word document: %s', 'dokumen Word tidak dapat dibaca: %1']],
    h: [['open it in Word or LibreOffice and save it again as .docx', 'buka di Word atau LibreOffice dan simpan lagi sebagai .docx']],
  },
  'source/encoding': ENCODING,
  'source/inline-tag-invalid': {
    gist: 'tag di dalam teks tidak menyebut kode',
    todo: 'sebut kodenya: {{complexity+}} … {{/}}',
    m: [['inline tag %s names no code', 'tag di dalam teks %1 tidak menyebut kode']],
  },
  'source/inline-tag-unclosed': {
    gist: 'tag di dalam teks tidak pernah ditutup',
    todo: 'tutup tag dengan {{/}} di akhir kata yang dikode',
    m: [['inline tag {{%s}} is never closed', 'tag di dalam teks {{%1}} tidak pernah ditutup']],
  },
  'source/inline-tag-unmatched': {
    gist: 'tag penutup tanpa tag pembuka',
    todo: 'hapus tag penutup itu, atau buka tag sebelumnya',
    m: [
      ['closing tag %s has no open tag for %s', 'tag penutup %1 tidak punya tag pembuka untuk %2'],
      ['closing tag %s has no open tag', 'tag penutup %1 tidak punya tag pembuka'],
    ],
  },
  'source/invalid-utf8': INVALID_UTF8,
  'source/invalid-speakers': {
    gist: '`speakers` harus memetakan label ke id informan atau `interviewer`',
    todo: 'petakan setiap label ke id informan atau `interviewer`, misalnya `{P: interviewer, "Bu Rina": S1}`',
    m: [
      [
        '`speakers` must map a label to an informant id or `interviewer`, e.g. `{P: interviewer, "Bu Rina": S1}`',
        '`speakers` harus memetakan label ke id informan atau `interviewer`, misalnya `{P: interviewer, "Bu Rina": S1}`',
      ],
    ],
  },
  'source/long-line': {
    gist: 'baris sangat panjang; dibaca sebagai satu paragraf',
    todo: 'pisahkan giliran bicara dan paragraf dengan ganti baris agar segmen dan nomor baris berguna',
    m: [['line is %s characters long; it is read as one paragraph', 'baris ini %1 karakter panjangnya; dibaca sebagai satu paragraf']],
    h: [
      [
        'separate turns and paragraphs with line breaks so segments and line numbers are useful',
        'pisahkan giliran bicara dan paragraf dengan ganti baris agar segmen dan nomor baris berguna',
      ],
    ],
  },
  'source/no-cues': {
    gist: 'tidak ada isyarat teks terjemahan (baris waktu)',
    todo: 'berkas .vtt atau .srt memerlukan baris waktu; simpan transkrip biasa sebagai .txt atau .md',
    m: [['no caption cues (`00:00:01.000 --> 00:00:04.000` lines) found', 'tidak ditemukan isyarat teks terjemahan (baris `00:00:01.000 --> 00:00:04.000`)']],
    h: [
      [
        'a .vtt or .srt file needs timing lines; save a plain transcript as .txt or .md instead',
        'berkas .vtt atau .srt memerlukan baris waktu; simpan transkrip biasa sebagai .txt atau .md',
      ],
    ],
  },
  'source/outside-study': OUTSIDE,
  'source/pdf-invalid': {
    gist: 'PDF tidak dapat dibaca',
    todo: 'periksa bahwa berkas terbuka di penampil PDF; PDF berkata sandi harus disimpan tanpa kata sandi',
    m: [['cannot read PDF: %s', 'PDF tidak dapat dibaca: %1']],
    h: [
      [
        'check the file opens in a PDF viewer; a password-protected PDF must be saved without a password',
        'periksa bahwa berkas terbuka di penampil PDF; PDF berkata sandi harus disimpan tanpa kata sandi',
      ],
    ],
  },
  'source/pdf-no-text': {
    gist: 'PDF tidak punya lapisan teks (hasil pindai?)',
    todo: 'jalankan OCR dulu, atau tempel teksnya ke berkas .txt',
    m: [['the PDF has no text layer (a scan?)', 'PDF tidak punya lapisan teks (hasil pindai?)']],
    h: [['run OCR on it first, or paste the text into a .txt file', 'jalankan OCR dulu, atau tempel teksnya ke berkas .txt']],
  },
  'source/same-file': {
    gist: 'berkas tercapai dua kali lewat tautan; masing-masing dibaca sekali',
    todo: 'tautan ke folder di atas sumber (misalnya `loop -> ..`) membuat setiap berkas muncul dua kali; hapus tautan itu',
    m: [
      [
        '%s file%s reached a second time through a link (first: %s); each is read once',
        '%1 berkas tercapai kedua kalinya lewat tautan (yang pertama: %3); masing-masing dibaca sekali',
      ],
    ],
    h: [
      [
        'a link to a folder above the sources (e.g. `loop -> ..`) makes every file appear twice; remove it',
        'tautan ke folder di atas sumber (misalnya `loop -> ..`) membuat setiap berkas muncul dua kali; hapus tautan itu',
      ],
    ],
  },
  'source/too-large': {
    gist: 'berkas Word melewati batas ukuran atau jumlah paragraf; tidak dibaca',
    todo: 'bila memang sebanyak itu teksnya, naikkan batasnya di study.yaml: `limits: { docx_mb: 200 }`',
    m: [
      [
        'Word file unzips to %s MB, over the limit of %s MB; it was not read',
        'berkas Word berukuran %1 MB setelah diekstrak, melewati batas %2 MB; tidak dibaca',
      ],
      ['Word file has %s paragraphs, over the limit of %s; it was not read', 'berkas Word punya %1 paragraf, melewati batas %2; tidak dibaca'],
    ],
    h: [
      [
        'if it really holds that much text, raise the limit in study.yaml: `limits: { docx_mb: 200 }`',
        'bila memang sebanyak itu teksnya, naikkan batasnya di study.yaml: `limits: { docx_mb: 200 }`',
      ],
      [
        'if it really has that many, raise the limit in study.yaml: `limits: { paragraphs: 200000 }`',
        'bila memang sebanyak itu, naikkan batasnya di study.yaml: `limits: { paragraphs: 200000 }`',
      ],
    ],
  },
  'source/unknown-extension': {
    gist: 'ekstensi berkas tidak dapat dibaca',
    todo: 'persempit glob di study.yaml atau ubah format berkasnya',
    m: [['cannot read %s', 'tidak dapat membaca %1']],
    h: [
      ['sources are %s; narrow the glob in study.yaml or convert the file', 'sumber yang dibaca: %1; persempit glob di study.yaml atau ubah format berkasnya'],
    ],
  },
  'source/unknown-kind': {
    gist: 'jenis sumber tidak dikenal; jenis bawaan yang dipakai',
    todo: 'pakai salah satu jenis yang didaftar pesan',
    m: [['kind `%s` is not %s; using the default', 'jenis `%1` bukan %2; memakai jenis bawaan']],
  },
  'source/unreadable': {
    gist: 'berkas sumber tidak dapat dibaca',
    todo: HINT_READ_ACCESS,
    m: [['cannot read file: %s', 'tidak dapat membaca berkas: %1']],
    h: [['check that the file exists and you may read it', HINT_READ_ACCESS]],
  },

  // study.yaml
  'study/bundled-sample': {
    gist: 'perintah dijalankan di luar studi, jadi membaca sampel bawaan',
    todo: 'sebut folder studi, atau jalankan di dalamnya',
    m: [
      [
        'no study named and no study.yaml in %s: working on the bundled sample (%s)',
        'tidak ada studi yang disebut dan tidak ada study.yaml di %1: memakai sampel bawaan (%2)',
      ],
    ],
    h: [
      [
        'name your study folder (qia run my-study) or run qia inside it; `qia init my-study` makes a new one',
        'sebut folder studi Anda (qia run studi-saya) atau jalankan qia di dalamnya; `qia init studi-saya` membuat studi baru',
      ],
    ],
  },
  'study/codebook-missing': {
    gist: 'berkas buku kode tidak ada',
    todo: 'pakai `codebook: builtin:rogers`, atau salin codebooks/rogers.yaml ke studi',
    m: [['codebook file %s does not exist', 'berkas buku kode %1 tidak ada']],
    h: [
      [
        'use `codebook: builtin:rogers`, or copy codebooks/rogers.yaml into the study',
        'pakai `codebook: builtin:rogers`, atau salin codebooks/rogers.yaml ke studi',
      ],
    ],
  },
  'study/duplicate-glob': {
    gist: 'glob sumber didaftar dua kali',
    todo: 'gabungkan kedua entri itu',
    m: [['source glob `%s` is listed twice; the entry on line %s applies', 'glob sumber `%1` didaftar dua kali; entri di baris %2 yang berlaku']],
    h: [['merge the two entries', 'gabungkan kedua entri itu']],
  },
  'study/informants-missing': {
    gist: 'berkas informan tidak ada',
    todo: 'buat dengan baris judul `id,label,role,group`',
    m: [['informants file %s does not exist', 'berkas informan %1 tidak ada']],
    h: [['create it with the header `id,label,role,group`', 'buat dengan baris judul `id,label,role,group`']],
  },
  'study/invalid': {
    gist: 'study.yaml tidak dapat dipakai',
    todo: 'perbaiki masalah yang disebut pesan, di baris yang diberikan',
    m: [['study.yaml cannot be used', 'study.yaml tidak dapat dipakai']],
  },
  'study/invalid-date': INVALID_DATE('di study.yaml'),
  'study/invalid-value': {
    gist: 'nilai berjenis salah di study.yaml',
    todo: 'tulis nilai yang disebut pesan; docs/study.md mendaftar nilai setiap kunci',
    m: [
      ['`report` must be a mapping, e.g. `report: { lang: en }`', '`report` harus berupa pemetaan, misalnya `report: { lang: en }`'],
      ['report.lang must be id or en, not `%s`; the report follows `language`', 'report.lang harus id atau en, bukan `%1`; laporan mengikuti `language`'],
      ['language must be id or en, not `%s`', 'language harus id atau en, bukan `%1`'],
      ['no built-in codebook `%s`', 'tidak ada buku kode bawaan `%1`'],
      ['`variables` must be a mapping of names to values, e.g. `year: 2021`', '`variables` harus berupa pemetaan nama ke nilai, misalnya `year: 2021`'],
      ['a variable needs a plain name', 'variabel memerlukan nama biasa'],
      [
        'variable `%s` needs one value (a word or a number), not a list or a mapping',
        'variabel `%1` memerlukan satu nilai (kata atau angka), bukan daftar atau pemetaan',
      ],
      [
        '`sources` must be a list of globs, e.g. `- glob: "sources/interviews/*"`',
        '`sources` harus berupa daftar glob, misalnya `- glob: "sources/interviews/*"`',
      ],
      ['each source entry needs a `glob`', 'setiap entri sumber memerlukan `glob`'],
      ['kind must be %s, not `%s`', 'kind harus %1, bukan `%2`'],
      ['source entry has no `glob`', 'entri sumber tidak punya `glob`'],
      [
        '`coding` must be a mapping, e.g. `coding: { merge: manual-overrides-auto }`',
        '`coding` harus berupa pemetaan, misalnya `coding: { merge: manual-overrides-auto }`',
      ],
      [
        'coding.merge must be one of %s, not `%s`; using manual-overrides-auto',
        'coding.merge harus salah satu dari %1, bukan `%2`; memakai manual-overrides-auto',
      ],
      ['coding.question_context must be true or false, not `%s`', 'coding.question_context harus true atau false, bukan `%1`'],
      ['coding.prior_reading must be true or false, not `%s`', 'coding.prior_reading harus true atau false, bukan `%1`'],
      ['coding.min_score must be a number from 0 to 1, not `%s`; using %s', 'coding.min_score harus angka dari 0 sampai 1, bukan `%1`; memakai %2'],
      ['coding.learn must be true or false, not `%s`', 'coding.learn harus true atau false, bukan `%1`'],
      [
        "coding.count must be evidence (one count per piece of evidence) or coder (every coder's coding counts), not `%s`; using evidence",
        'coding.count harus evidence (satu hitungan per bukti) atau coder (koding setiap pengode dihitung), bukan `%1`; memakai evidence',
      ],
      ['coding.coder must be a name with a letter or digit, not `%s`', 'coding.coder harus nama yang memuat huruf atau angka, bukan `%1`'],
      ['`limits` must be a mapping, e.g. `limits: { docx_mb: 200 }`', '`limits` harus berupa pemetaan, misalnya `limits: { docx_mb: 200 }`'],
      ['limits.%s must be a positive number, not `%s`', 'limits.%1 harus angka positif, bukan `%2`'],
    ],
    h: [
      ['one line per variable: `region: Lampung`', 'satu baris per variabel: `region: Lampung`'],
      ['e.g. `%s: 2021`', 'misalnya `%1: 2021`'],
      ['automatic codings scored under it are suggestions (docs/coding.md)', 'koding otomatis dengan skor di bawahnya menjadi usulan (docs/coding.md)'],
      ['it names the decision log codings/<coder>.decisions.jsonl', 'nama itu menamai log keputusan codings/<pengode>.decisions.jsonl'],
      ['built-in codebooks: %s', 'buku kode bawaan: %1'],
      ['correct coding.coder in study.yaml, or give --coder NAME', 'perbaiki coding.coder di study.yaml, atau beri --coder NAMA'],
    ],
  },
  'study/missing-key': {
    gist: 'study.yaml kekurangan kunci wajib',
    todo: 'tambahkan kunci yang disebut pesan',
    m: [['study.yaml needs a `%s`', 'study.yaml memerlukan `%1`']],
    h: [['a short case name, e.g. `case: %s`', 'nama kasus yang singkat, misalnya `case: %1`']],
  },
  'study/no-study-yaml': {
    gist: 'folder tidak memuat study.yaml',
    todo: 'buat dengan `qia init <folder>`',
    m: [['%s holds no study.yaml', '%1 tidak memuat study.yaml']],
    h: [
      [
        'create one with `qia init <dir>`, or name the folder that holds study.yaml',
        'buat dengan `qia init <folder>`, atau sebut folder yang memuat study.yaml',
      ],
      ['create one with `qia init <dir>`', 'buat dengan `qia init <folder>`'],
    ],
  },
  'study/not-found': {
    gist: 'folder studi tidak ada',
    todo: 'periksa jalurnya, atau buat studi dengan `qia init <folder>`',
    m: [['no such study folder: %s', 'folder studi tidak ada: %1']],
    h: [['check the path, or create a study with `qia init <dir>`', 'periksa jalurnya, atau buat studi dengan `qia init <folder>`']],
  },
  'study/outside-study': OUTSIDE,
  'study/unknown-informant': {
    gist: 'informan tidak ada di informants.csv',
    todo: 'tambahkan baris di informants.csv atau perbaiki id-nya',
    m: [['informant %s is not listed in informants.csv', 'informan %1 tidak ada di informants.csv']],
    h: [['ids in informants.csv: %s', 'id di informants.csv: %1']],
  },
  'study/yaml-invalid': {
    gist: 'study.yaml bukan YAML yang sah',
    todo: 'perbaiki sintaks YAML di baris yang disebut (indentasi, tanda kutip, titik dua)',
    m: [
      ['study.yaml is not valid YAML: %s', 'study.yaml bukan YAML yang sah: %1'],
      ['study.yaml must be a mapping of `key: value` lines', 'study.yaml harus berupa pemetaan baris `kunci: nilai`'],
    ],
  },

  // qia tag, qia untag
  'tag/no-segment': NO_SEGMENT,
  'tag/no-study': {
    gist: 'tidak ada studi di sini: qia tag menulis ke folder studi',
    todo: 'jalankan di dalam studi, beri jalur berkas sumber, atau --study FOLDER',
    m: [['no study here: qia tag writes into a study folder', 'tidak ada studi di sini: qia tag menulis ke folder studi']],
    h: [["run it inside a study, give the source file's path, or --study DIR", 'jalankan di dalam studi, beri jalur berkas sumber, atau --study FOLDER']],
  },
  'tag/unknown-code': TAG_UNKNOWN_CODE,
  'tag/unknown-source': TAG_UNKNOWN_SOURCE,
  'untag/no-segment': NO_SEGMENT,
  'untag/nothing': {
    gist: 'pengode itu tidak punya tanda kode tersebut di baris itu',
    todo: 'qia untag mencabut yang ditambahkan qia tag atau qia review; koding di berkas CSV pengode atau tag di dalam teks disunting di berkas itu',
    m: [['%s has no tag of %s on line %s of %s', '%1 tidak punya tanda %2 di baris %3 pada %4']],
    h: [
      [
        'qia untag takes back what qia tag or qia review added; a coding in a coder CSV file or an inline tag is edited in that file',
        'qia untag mencabut yang ditambahkan qia tag atau qia review; koding di berkas CSV pengode atau tag di dalam teks disunting di berkas itu',
      ],
    ],
  },
  'untag/unknown-code': TAG_UNKNOWN_CODE,
  'untag/unknown-source': TAG_UNKNOWN_SOURCE,

  // usage
  'usage/bad-cell': {
    gist: '`qia compare --cell`: kasus itu tidak ada, atau kodenya tidak dimiliki semua kasus',
    todo: 'tulis --cell kasus,kode dengan kasus dan kode bersama yang didaftar pesan',
    m: [
      ['no case `%s` in this comparison', 'tidak ada kasus `%1` di perbandingan ini'],
      ['`%s` is not a code every case shares', '`%1` bukan kode yang dimiliki semua kasus'],
    ],
    h: [
      ['cases: %s; write --cell case,code', 'kasus: %1; tulis --cell kasus,kode'],
      ['shared codes: %s', 'kode bersama: %1'],
    ],
  },
  'usage/bad-coder': {
    gist: '--coder tidak memuat huruf atau angka untuk menamai log keputusan',
    todo: 'misalnya: --coder rina',
    m: [['--coder "%s" has no letter or digit to name a decision log with', '--coder "%1" tidak memuat huruf atau angka untuk menamai log keputusan']],
    h: [['for example: --coder rina', 'misalnya: --coder rina']],
  },
  'usage/bad-jobs': {
    gist: '--jobs harus bilangan bulat sedikitnya 1',
    todo: 'beri --jobs bilangan bulat seperti 2',
    m: [['--jobs %s is not a whole number of at least 1', '--jobs %1 bukan bilangan bulat sedikitnya 1']],
  },
  'usage/bad-lang': { gist: 'bahasa yang tidak dimiliki qia', todo: 'pakai id atau en', m: [['language must be %s, not %s', 'bahasa harus %1, bukan %2']] },
  'usage/bad-lines': {
    gist: 'bukan nomor baris atau rentang baris',
    todo: 'misalnya 12, atau 12-14',
    m: [['"%s" is not a line or a range of lines', '"%1" bukan nomor baris atau rentang baris']],
    h: [['for example 12, or 12-14', 'misalnya 12, atau 12-14']],
  },
  'usage/bad-order': {
    gist: '`qia compare --order`: bukan favourability, kode tingkat atas bersama, atau variabel studi',
    todo: 'pilih salah satu yang didaftar pesan, boleh dengan :asc atau :desc',
    m: [
      [
        'cannot order cases by `%s`: it is neither favourability, a shared top-level code nor a variable of any study',
        'kasus tidak dapat diurutkan menurut `%1`: bukan favourability, bukan kode tingkat atas bersama, dan bukan variabel studi mana pun',
      ],
    ],
    h: [
      [
        'choose favourability, a code (%s) or a variable (%s), optionally with :asc or :desc',
        'pilih favourability, sebuah kode (%1), atau sebuah variabel (%2), boleh dengan :asc atau :desc',
      ],
      [
        'choose favourability, a code (%s); study variables are set in study.yaml `variables:`, optionally with :asc or :desc',
        'pilih favourability atau sebuah kode (%1), boleh dengan :asc atau :desc; variabel studi diatur di study.yaml `variables:`',
      ],
    ],
  },
  'usage/format': {
    gist: 'format yang tidak dimiliki perintah ini',
    todo: 'pakai salah satu format yang didaftar `--help` perintah itu',
    m: [
      ['import format must be qdc or qdpx, not %s', 'format impor harus qdc atau qdpx, bukan %1'],
      ['export format must be qdc or qdpx, not %s', 'format ekspor harus qdc atau qdpx, bukan %1'],
      ['unknown format %s', 'format %1 tidak dikenal'],
    ],
    h: [['use table or json', 'pakai table atau json']],
  },
  'usage/lang': {
    gist: '--lang harus id atau en',
    todo: 'pakai --lang id atau --lang en',
    m: [['--lang must be id or en, not %s', '--lang harus id atau en, bukan %1']],
  },
  'usage/missing-dir': {
    gist: 'folder yang akan dibuat belum disebut',
    todo: 'sebut foldernya, misalnya `qia init studi-saya`',
    m: [['name the folder to create, e.g. `qia init studi-saya`', 'sebut folder yang akan dibuat, misalnya `qia init studi-saya`']],
  },
  'usage/missing-file': {
    gist: 'berkas yang akan diimpor belum disebut',
    todo: 'sebut berkasnya, misalnya `qia import qdpx proyek.qdpx --into studi-baru`',
    m: [
      [
        'name the file to import, e.g. `qia import qdpx project.qdpx --into studi-baru`',
        'sebut berkas yang akan diimpor, misalnya `qia import qdpx proyek.qdpx --into studi-baru`',
      ],
    ],
  },
  'usage/missing-into': {
    gist: 'folder studi tujuan belum disebut dengan --into',
    todo: 'tambahkan --into dengan nama folder baru',
    m: [
      [
        'name the study folder to create with --into, e.g. `qia import qdpx project.qdpx --into studi-baru`',
        'sebut folder studi yang akan dibuat dengan --into, misalnya `qia import qdpx proyek.qdpx --into studi-baru`',
      ],
    ],
  },
  'usage/missing-out': {
    gist: '.qdpx adalah berkas zip dan perlu nama berkas',
    todo: 'tambahkan -o dengan berkas yang akan ditulis',
    m: [
      [
        'a .qdpx is a zip file: name it with -o, e.g. `qia export qdpx my-study -o my-study.qdpx`',
        '.qdpx adalah berkas zip: beri namanya dengan -o, misalnya `qia export qdpx studi-saya -o studi-saya.qdpx`',
      ],
    ],
  },
  'usage/no-study': {
    gist: 'tidak ada studi yang disebut, atau nama yang disebut tidak cocok dengan folder studi',
    todo: 'sebut folder studi (masing-masing memuat study.yaml), glob seperti samples/*, atau compare.yaml',
    m: [
      ['name the studies to compare: folders, globs or a compare.yaml', 'sebut studi yang dibandingkan: folder, glob, atau compare.yaml'],
      ['no study folder matches %s', 'tidak ada folder studi yang cocok dengan %1'],
    ],
    h: [
      ['e.g. `qia compare samples/*`', 'misalnya `qia compare samples/*`'],
      [
        'name study folders (each holding a study.yaml) or a glob such as samples/*',
        'sebut folder studi (masing-masing memuat study.yaml) atau glob seperti samples/*',
      ],
    ],
  },

  // verdicts in study.yaml
  'verdicts/invalid': {
    gist: '`verdicts` harus berupa pemetaan ambang; nilai bawaan yang dipakai',
    todo: 'tulis misalnya `verdicts: { min_informants: 2, favourable_share: 0.7 }`',
    m: [['`verdicts` must be a mapping of thresholds; using the defaults', '`verdicts` harus berupa pemetaan ambang; memakai nilai bawaan']],
    h: [
      [
        'write for example `verdicts: { min_informants: 2, favourable_share: 0.7 }`; known keys: %s',
        'tulis misalnya `verdicts: { min_informants: 2, favourable_share: 0.7 }`; kunci yang dikenal: %1',
      ],
    ],
  },
  'verdicts/invalid-value': {
    gist: 'nilai ambang verdicts tidak sah; nilai bawaan yang dipakai',
    todo: 'beri angka dalam rentang yang disebut pesan, atau hapus kuncinya',
    m: [['`verdicts.%s` %s; using the default %s', '`verdicts.%1` %2; memakai nilai bawaan %3']],
  },
  'verdicts/unknown-key': {
    gist: 'kunci verdicts tidak dikenal dan diabaikan',
    todo: 'pakai salah satu kunci yang dikenal',
    m: [['unknown key `verdicts.%s` is ignored', 'kunci `verdicts.%1` tidak dikenal dan diabaikan']],
  },

  // The codes diagnostics.ts translates sentence by sentence; these are their gists for anything it does not match.
  'coding/moved': { gist: 'kutipan berpindah dari segmen yang disebut', todo: 'transkrip sudah diubah; perbarui kolom segment bila sempat' },
  'coding/unknown-code': { gist: 'kode tidak dikenal', todo: HINT_CODEBOOK_SHOW },
  'coding/unknown-source': { gist: 'sumber itu tidak ada di studi', todo: 'pakai id sumber seperti yang ditampilkan `qia sources`' },
  'memo/no-code': { gist: 'memo tidak menyebut kodenya; tidak masuk ringkasan', todo: 'awali berkas dengan --- code: <id kode> ---' },
  'memo/unknown-code': { gist: 'memo menyebut kode yang tidak ada di buku kode', todo: 'pakai id kode dari buku kode (`qia codebook show`)' },
  'query/unknown-code': { gist: 'kode tidak ada di buku kode', todo: HINT_CODEBOOK_SHOW },
  'review/unknown-code': {
    gist: 'kode tidak dikenal; keputusan ini tidak berlaku',
    todo: HINT_CODEBOOK_SHOW,
    m: [['no code "%s" in the codebook', 'tidak ada kode "%1" di buku kode']],
  },
  'source/duplicate-id': { gist: 'dua berkas punya id yang sama', todo: 'ganti nama salah satu berkas; id adalah jalur tanpa ekstensi' },
  'source/empty': { gist: 'sumber tidak berisi teks', todo: 'tambahkan transkripnya, atau hapus berkasnya' },
  'source/front-matter-invalid': {
    gist: 'front matter tidak sah; isi berkas dibaca tanpanya',
    todo: 'front matter adalah YAML di antara dua baris `---`, misalnya `informant: K1`',
    h: [
      [
        'front matter is YAML between two `---` lines, e.g. `informant: K1`; the body was read without it',
        'front matter adalah YAML di antara dua baris `---`, misalnya `informant: K1`; isi berkas dibaca tanpanya',
      ],
    ],
  },
  'source/glob-no-match': { gist: 'glob sumber tidak cocok dengan berkas apa pun', todo: 'periksa nama foldernya, atau hapus entri itu' },
  'source/invalid-date': INVALID_DATE('di front matter'),
  'source/missing': { gist: 'berkas sumber tidak ada', todo: 'periksa jalurnya, relatif terhadap folder studi' },
  'source/no-informant': {
    gist: 'wawancara tanpa informan: kodingnya tidak dihitung untuk informan mana pun',
    todo: 'tambahkan front matter `informant: <id dari informants.csv>` di awal transkrip',
  },
  'source/unknown-informant': { gist: 'informan tidak ada di informants.csv', todo: 'tambahkan baris di informants.csv atau perbaiki id-nya' },
  'study/unknown-key': {
    gist: 'kunci tidak dikenal',
    todo: 'pakai salah satu kunci yang dikenal',
    m: [['unknown key `%s` in %s', 'kunci `%1` tidak dikenal di %2']],
  },
};
