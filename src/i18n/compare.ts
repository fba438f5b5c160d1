import type { Lang } from '../model/codebook.js';

/** The words of the comparison's displays and report, in Indonesian and English. */
const WORDS = {
  comparison: { id: 'Perbandingan lintas kasus', en: 'Cross-case comparison' },
  cases: { id: 'Kasus', en: 'Cases' },
  case: { id: 'Kasus', en: 'Case' },
  study: { id: 'Studi', en: 'Study' },
  folder: { id: 'Folder', en: 'Folder' },
  title: { id: 'Judul', en: 'Title' },
  sources: { id: 'Sumber', en: 'Sources' },
  informants: { id: 'Informan', en: 'Informants' },
  codings: { id: 'Koding', en: 'Codings' },
  codebook: { id: 'Buku kode', en: 'Codebook' },
  variables: { id: 'Variabel', en: 'Variables' },
  narrative: { id: 'Ringkasan pola', en: 'Patterns and contrasts' },
  meta: { id: 'Meta-matriks tertata sebagian: kasus × atribut', en: 'Partially ordered meta-matrix: case × attribute' },
  metaNote: {
    id: 'Setiap sel: kesimpulan, bukti mendukung (+), melemahkan (−) dan netral (·), informan dan sumber. `qia compare … --cell kasus,kode` menunjukkan kutipan di baliknya.',
    en: 'Each cell: verdict, favourable (+), unfavourable (−) and neutral (·) evidence, informants and sources. `qia compare … --cell case,code` shows the quotes behind it.',
  },
  ordered: { id: 'Tampilan tertata menurut kasus', en: 'Case-ordered display' },
  orderedBy: { id: 'Diurutkan menurut', en: 'Ordered by' },
  favourability: { id: 'porsi bukti mendukung pada semua atribut', en: 'favourable share of the evidence on all attributes' },
  shareOf: { id: 'porsi bukti mendukung pada', en: 'favourable share of the evidence on' },
  variable: { id: 'variabel studi', en: 'study variable' },
  value: { id: 'Nilai', en: 'Value' },
  rank: { id: 'No.', en: 'Rank' },
  obstacles: { id: 'Hambatan lintas kasus', en: 'Obstacles across cases' },
  obstacle: { id: 'Hambatan', en: 'Obstacle' },
  foundIn: { id: 'Ditemukan di', en: 'Found in' },
  hindering: { id: 'Bukti menghambat', en: 'Hindering evidence' },
  strongest: { id: 'Kutipan terkuat', en: 'Strongest quote' },
  roles: { id: 'Peran lintas kasus', en: 'Roles across cases' },
  rolesNote: {
    id: 'Arah tiap peran informan (kolom `role` di informants.csv) pada setiap atribut: + mendukung, − melemahkan, ± seimbang, · netral; “berbeda arah” bila satu peran mendukung dan yang lain melemahkan. “Peran yang berbeda arah” menyebut tiap pasangan peran yang berbeda arah, ke tiap arah, dengan kasusnya; “Arah sama?” bernilai tidak bila satu pasangan berbeda arah ke satu arah di satu kasus dan ke arah sebaliknya di kasus lain.',
    en: 'How each informant role (informants.csv `role`) leans on each attribute: + favourable, − unfavourable, ± balanced, · neutral; “diverge” when one role is favourable and another unfavourable. “Roles that split” names each pair of roles that split, each way, with the cases; “Same way?” is no when a pair splits one way in one case and the other way in another.',
  },
  rolePairs: { id: 'Peran yang berbeda arah', en: 'Roles that split' },
  bothHeard: { id: 'kasus yang keduanya bersuara', en: 'cases where both spoke' },
  attribute: { id: 'Atribut', en: 'Attribute' },
  sameWay: { id: 'Arah sama?', en: 'Same way?' },
  yes: { id: 'ya', en: 'yes' },
  no: { id: 'tidak', en: 'no' },
  stability: { id: 'Kestabilan kesimpulan', en: 'Verdict stability' },
  modal: { id: 'Kesimpulan terbanyak', en: 'Most cases' },
  holds: { id: 'Berlaku di', en: 'Holds in' },
  flips: { id: 'Berbalik di', en: 'Flips in' },
  insufficient: { id: 'Bukti belum cukup', en: 'Insufficient evidence' },
  notShared: { id: 'Kode yang tidak dimiliki semua kasus (tidak dibandingkan)', en: 'Codes not in every case (not compared)' },
  refused: { id: 'Kode yang ditolak: makna berbeda', en: 'Refused codes: different meanings' },
  code: { id: 'Kode', en: 'Code' },
  inCases: { id: 'Ada di', en: 'In' },
  differs: { id: 'Berbeda pada', en: 'Differs in' },
  none: { id: 'tidak ada', en: 'none' },
  of: { id: 'dari', en: 'of' },
  method: { id: 'Cara membandingkan', en: 'How the cases were compared' },
  methodText: {
    id: 'Setiap studi dianalisis dengan buku kode dan pengaturannya sendiri, persis seperti `qia run`. Kasus dibandingkan hanya pada kode yang ada di semua buku kode dengan makna yang sama (kelompok, induk dan arah valensi); kode lain didaftar, tidak dibandingkan. Angka adalah jumlah bukti terkode di tiap studi, bukan ukuran statistik.',
    en: 'Each study was analysed with its own codebook and settings, exactly as `qia run` does. Cases are compared only on codes every codebook has with one meaning (group, parent and valence direction); other codes are listed, not compared. Numbers are counts of coded evidence in each study, not statistical measures.',
  },
  evidence: { id: 'Bukti', en: 'Evidence' },
  support: { id: 'Bukti terkuat untuk kesimpulan', en: 'Strongest evidence for the verdict' },
  against: { id: 'Bukti yang berlawanan', en: 'Evidence against the verdict' },
  more: { id: 'lainnya dalam laporan studi', en: "more in the study's report" },
  report: { id: 'Laporan', en: 'Report' },
  diverge: { id: 'berbeda arah', en: 'diverge' },
} as const;

export type CompareWord = keyof typeof WORDS;

export function w(lang: Lang, word: CompareWord): string {
  return WORDS[word][lang];
}
