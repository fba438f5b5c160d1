import type { Lang } from '../model/codebook.js';
import type { Lean, TriangulationStatus, Verdict, VerdictReason } from '../model/conclusion.js';

/** Every heading and phrase of the report in both languages; headings follow thesis usage. */
const TERMS = {
  report: { id: 'Laporan Analisis', en: 'Analysis Report' },
  case: { id: 'Kasus', en: 'Case' },
  language: { id: 'Bahasa data', en: 'Language of the material' },
  contents: { id: 'Daftar isi', en: 'Contents' },
  glance: { id: 'Ringkasan kesimpulan', en: 'Verdicts at a glance' },
  informants: { id: 'Informan Penelitian', en: 'Research Informants' },
  informantsTable: { id: 'Tabel informan penelitian', en: 'Table of research informants' },
  findings: { id: 'Temuan per Atribut Inovasi', en: 'Findings per Innovation Attribute' },
  displays: { id: 'Penyajian Data (Matriks)', en: 'Data Displays (Matrices)' },
  obstacles: { id: 'Kendala Internal dan Eksternal', en: 'Internal and External Obstacles' },
  triangulation: { id: 'Triangulasi', en: 'Triangulation' },
  verdicts: { id: 'Penarikan Kesimpulan', en: 'Conclusions' },
  saturation: { id: 'Kejenuhan Data', en: 'Saturation' },
  appendix: { id: 'Lampiran Metode', en: 'Method Appendix' },
  codebook: { id: 'Buku kode', en: 'Codebook' },
  audit: { id: 'Jejak audit', en: 'Audit trail' },
  heatmap: { id: 'Peta panas peran × atribut', en: 'Heatmap of roles × attributes' },
  id: { id: 'Kode', en: 'ID' },
  label: { id: 'Nama samaran', en: 'Pseudonym' },
  role: { id: 'Peran', en: 'Role' },
  group: { id: 'Kelompok', en: 'Group' },
  position: { id: 'Jabatan/keterangan', en: 'Position' },
  sources: { id: 'Sumber', en: 'Sources' },
  source: { id: 'Sumber', en: 'Source' },
  kind: { id: 'Jenis sumber', en: 'Source kind' },
  codings: { id: 'Koding', en: 'Codings' },
  attribute: { id: 'Atribut', en: 'Attribute' },
  obstacle: { id: 'Kendala', en: 'Obstacle' },
  code: { id: 'Kode', en: 'Code' },
  verdict: { id: 'Kesimpulan', en: 'Verdict' },
  favourable: { id: 'Mendukung (+)', en: 'Favourable (+)' },
  unfavourable: { id: 'Melemahkan (−)', en: 'Unfavourable (−)' },
  neutral: { id: 'Netral', en: 'Neutral' },
  hinders: { id: 'Menghambat (−)', en: 'Hindering (−)' },
  overcome: { id: 'Teratasi (+)', en: 'Overcome (+)' },
  share: { id: 'Porsi mendukung', en: 'Favourable share' },
  witnesses: { id: 'Saksi', en: 'Witnesses' },
  informantCount: { id: 'Informan', en: 'Informants' },
  why: { id: 'Alasan', en: 'Why' },
  support: { id: 'Kutipan pendukung', en: 'Supporting quotes' },
  negative: { id: 'Kasus negatif (bukti yang berlawanan)', en: 'Negative cases (evidence against the verdict)' },
  noNegative: { id: 'Tidak ada bukti yang berlawanan dengan kesimpulan.', en: 'No evidence runs against the verdict.' },
  memos: { id: 'Memo peneliti', en: 'Researcher memos' },
  memosElsewhere: { id: 'Memo untuk kode lain', en: 'Memos on other codes' },
  subcodes: { id: 'Indikator', en: 'Indicators' },
  rule: { id: 'Aturan kesimpulan', en: 'The verdict rule' },
  sourceTri: { id: 'Triangulasi sumber', en: 'Source triangulation' },
  methodTri: { id: 'Triangulasi metode', en: 'Method triangulation' },
  status: { id: 'Status', en: 'Status' },
  silent: { id: 'Tidak bersuara', en: 'Silent' },
  sideBySide: { id: 'Kutipan yang berbeda arah', en: 'Diverging excerpts side by side' },
  order: { id: 'Urutan', en: 'Order' },
  date: { id: 'Tanggal', en: 'Date' },
  newCodes: { id: 'Kode baru', en: 'New codes' },
  cumulative: { id: 'Kumulatif', en: 'Cumulative' },
  chart: { id: 'Grafik', en: 'Chart' },
  file: { id: 'Berkas', en: 'File' },
  kindOfFile: { id: 'Jenis', en: 'Role' },
  sha: { id: 'SHA-256', en: 'SHA-256' },
  bytes: { id: 'Bita', en: 'Bytes' },
  setting: { id: 'Pengaturan', en: 'Setting' },
  value: { id: 'Nilai', en: 'Value' },
  definition: { id: 'Definisi', en: 'Definition' },
  filterRole: { id: 'Peran', en: 'Roles' },
  filterKind: { id: 'Jenis sumber', en: 'Source kinds' },
  clickHint: { id: 'Klik sel untuk melihat kutipan di baliknya.', en: 'Click a cell to see the quotes behind it.' },
  noQuotes: { id: 'Tidak ada kutipan untuk sel ini dengan filter yang dipilih.', en: 'No quotes for this cell with the chosen filters.' },
  more: { id: 'lainnya', en: 'more' },
  allInJson: { id: 'semua tercantum di report.json', en: 'all are listed in report.json' },
  generatedBy: { id: 'Dibuat dengan', en: 'Made with' },
  none: { id: '—', en: '—' },
  // The inter-coder agreement section (render/report-agreement.ts).
  agreementHeading: { id: 'Kesepakatan Antarpengode', en: 'Inter-coder Agreement' },
  agreementCoders: { id: 'Pengode yang dibandingkan', en: 'Coders compared' },
  agreementCoder: { id: 'Pengode', en: 'Coder' },
  agreementFrom: { id: 'Asal koding', en: 'Codings from' },
  agreementUnits: { id: 'Unit', en: 'Units' },
  agreementOverall: { id: 'Kesepakatan keseluruhan', en: 'Overall agreement' },
  agreementPerCode: { id: 'Kesepakatan per kode (ada/tidak ada kode)', en: 'Agreement per code (code present or absent)' },
  agreementMeasure: { id: 'Yang diukur', en: 'Measured' },
  agreementPresence: { id: 'Ada/tidak ada kode', en: 'Code present or absent' },
  agreementValence: { id: 'Valensi', en: 'Valence' },
  agreementPercent: { id: 'Persentase', en: 'Percent' },
  agreementKappa: { id: 'Kappa', en: 'Kappa' },
  agreementBP: { id: 'Brennan–Prediger', en: 'Brennan–Prediger' },
  agreementAlpha: { id: 'Alpha Krippendorff', en: "Krippendorff's alpha" },
  agreementAdjudicators: { id: 'Adjudikator (tidak dibandingkan)', en: 'Adjudicators (not compared)' },
  originFile: { id: 'berkas pengode', en: 'coder file' },
  originInline: { id: 'tag dalam teks', en: 'inline tags' },
  originLog: { id: 'log keputusan', en: 'decision log' },
  originCodebook: { id: 'buku kode', en: 'codebook' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ReportTerm = keyof typeof TERMS;

export function tr(lang: Lang, term: ReportTerm): string {
  return TERMS[term][lang];
}

const VERDICTS: Record<Verdict, Record<Lang, string>> = {
  favourable: { id: 'baik (mendukung)', en: 'favourable' },
  mixed: { id: 'campuran', en: 'mixed' },
  unfavourable: { id: 'kurang baik', en: 'unfavourable' },
  insufficient: { id: 'bukti belum cukup', en: 'insufficient evidence' },
  found: { id: 'ditemukan', en: 'found' },
  'not-found': { id: 'tidak ditemukan', en: 'not found' },
};

export function verdictLabel(v: Verdict, lang: Lang): string {
  return VERDICTS[v][lang];
}

const STATUS: Record<TriangulationStatus, Record<Lang, string>> = {
  converges: { id: 'konvergen (sejalan)', en: 'converges' },
  diverges: { id: 'divergen (berbeda arah)', en: 'diverges' },
  'single-source': { id: 'satu sumber saja', en: 'single source' },
  'one-dimension': { id: 'belum cukup: sejalan pada satu dimensi saja', en: 'insufficient: agrees along one dimension only' },
};

export function statusLabel(s: TriangulationStatus, lang: Lang): string {
  return STATUS[s][lang];
}

const LEANS: Record<Lean, Record<Lang, string>> = {
  favourable: { id: 'mendukung', en: 'favourable' },
  unfavourable: { id: 'melemahkan', en: 'unfavourable' },
  balanced: { id: 'seimbang', en: 'balanced' },
  neutral: { id: 'netral', en: 'neutral' },
  silent: { id: 'diam', en: 'silent' },
};

export function leanLabel(l: Lean, lang: Lang, obstacle = false): string {
  if (obstacle && l === 'favourable') return lang === 'id' ? 'teratasi' : 'overcome';
  if (obstacle && l === 'unfavourable') return lang === 'id' ? 'menghambat' : 'hindering';
  return LEANS[l][lang];
}

const REASONS: Record<VerdictReason, Record<Lang, string>> = {
  'too-few-codings': { id: 'koding terlalu sedikit', en: 'too few codings' },
  'too-few-informants': { id: 'saksi terlalu sedikit', en: 'too few witnesses' },
  'no-valenced-evidence': { id: 'tidak ada bukti yang berarah', en: 'no evidence with a direction' },
  'favourable-share': { id: 'porsi mendukung mencapai ambang', en: 'favourable share reaches the threshold' },
  'unfavourable-share': { id: 'porsi melemahkan mencapai ambang', en: 'unfavourable share reaches the threshold' },
  'between-thresholds': { id: 'porsi di antara kedua ambang', en: 'share between the two thresholds' },
  'groups-disagree': { id: 'kelompok informan berbeda arah', en: 'informant groups disagree' },
  'kinds-disagree': { id: 'jenis sumber berbeda arah', en: 'source kinds disagree' },
  'obstacle-reported': { id: 'dilaporkan menghambat', en: 'reported as hindering' },
  'obstacle-not-reported': { id: 'tidak dilaporkan menghambat', en: 'not reported as hindering' },
};

export function reasonLabel(r: VerdictReason, lang: Lang): string {
  return REASONS[r][lang];
}

export function pct(x: number | null): string {
  return x === null ? '—' : `${Math.round(x * 100)}%`;
}
