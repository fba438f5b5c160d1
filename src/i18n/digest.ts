import type { Lang } from '../model/codebook.js';

/** The words of the digest (`qia condense`, render/digest.ts) in Indonesian and English. */
const W = {
  heading: { id: 'Reduksi data', en: 'Data condensation' },
  codings: { id: 'koding', en: 'codings' },
  informants: { id: 'informan', en: 'informants' },
  sources: { id: 'sumber', en: 'sources' },
  sourcesCol: { id: 'Sumber', en: 'Sources' },
  noCodings: { id: 'Tidak ada koding untuk kode ini.', en: 'No codings for this code.' },
  role: { id: 'Peran', en: 'Role' },
  group: { id: 'Kelompok', en: 'Group' },
  kind: { id: 'Jenis sumber', en: 'Source kind' },
  informant: { id: 'Informan', en: 'Informant' },
  informantsCol: { id: 'Informan', en: 'Informants' },
  evidence: { id: 'Bukti', en: 'Evidence' },
  subcode: { id: 'Sub-kode', en: 'Sub-code' },
  excerpts: { id: 'Kutipan terpilih', en: 'Selected excerpts' },
  memos: { id: 'Memo peneliti', en: 'Researcher memos' },
  orphan: { id: 'Memo untuk kode lain', en: 'Memos on other codes' },
  lines: { id: 'baris', en: 'lines' },
  legend: {
    id: 'Tanda: +n mendukung (untuk kendala: teratasi), −n melemahkan (untuk kendala: menghambat), ·n netral. Kutipan dipilih dari yang terkuat, tanpa duplikat yang mirip, bergiliran antarinforman.',
    en: 'Marks: +n favourable (obstacles: overcome), −n unfavourable (obstacles: hindering), ·n neutral. Excerpts are the strongest, without near-duplicates, taken in turn across informants.',
  },
} as const;

export function digestWord(lang: Lang, key: keyof typeof W): string {
  return W[key][lang];
}
