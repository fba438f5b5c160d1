import type { Lang } from '../model/codebook.js';
import type { ValenceCounts } from '../model/evidence.js';

/** Every header and phrase the displays print themselves, in both languages of the toolkit. */
const TERMS = {
  informant: { id: 'Informan', en: 'Informant' },
  informants: { id: 'informan', en: 'informants' },
  role: { id: 'Peran', en: 'Role' },
  group: { id: 'Kelompok', en: 'Group' },
  sourceKind: { id: 'Jenis sumber', en: 'Source kind' },
  source: { id: 'Sumber', en: 'Source' },
  segment: { id: 'Segmen', en: 'Segment' },
  sources: { id: 'sumber', en: 'sources' },
  lines: { id: 'Baris', en: 'Lines' },
  code: { id: 'Kode', en: 'Code' },
  valence: { id: 'Arah', en: 'Valence' },
  quote: { id: 'Kutipan', en: 'Quote' },
  coder: { id: 'Pengode', en: 'Coder' },
  status: { id: 'Status', en: 'Status' },
  attribute: { id: 'Atribut', en: 'Attribute' },
  indicator: { id: 'Indikator', en: 'Indicator' },
  present: { id: 'Ada', en: 'Present' },
  strength: { id: 'Kekuatan', en: 'Strength' },
  evidence: { id: 'Bukti', en: 'Evidence' },
  finding: { id: 'Temuan', en: 'Finding' },
  obstacle: { id: 'Kendala', en: 'Obstacle' },
  type: { id: 'Jenis', en: 'Type' },
  who: { id: 'Disampaikan oleh', en: 'Who said it' },
  count: { id: 'Jumlah', en: 'Count' },
  period: { id: 'Periode', en: 'Period' },
  yes: { id: 'ya', en: 'yes' },
  no: { id: 'tidak', en: 'no' },
  strong: { id: 'kuat', en: 'strong' },
  some: { id: 'sebagian', en: 'some' },
  none: { id: 'tidak ada', en: 'none' },
  general: { id: 'umum', en: 'general' },
  noRole: { id: '(tanpa peran)', en: '(no role)' },
  codings: { id: 'koding', en: 'codings' },
} as const satisfies Record<string, Record<Lang, string>>;

export type Term = keyof typeof TERMS;

export function t(lang: Lang, term: Term): string {
  return TERMS[term][lang];
}

const ROLES: Record<string, Record<Lang, string>> = {
  head: { id: 'Pimpinan', en: 'Head' },
  staff: { id: 'Pegawai', en: 'Staff' },
  user: { id: 'Pengguna layanan', en: 'Service users' },
  partner: { id: 'Mitra', en: 'Partners' },
};

const GROUPS: Record<string, Record<Lang, string>> = {
  provider: { id: 'Penyedia layanan', en: 'Service provider' },
  user: { id: 'Pengguna layanan', en: 'Service users' },
  partner: { id: 'Mitra', en: 'Partners' },
};

const KINDS: Record<string, Record<Lang, string>> = {
  interview: { id: 'Wawancara', en: 'Interview' },
  observation: { id: 'Observasi', en: 'Observation' },
  document: { id: 'Dokumen', en: 'Document' },
};

const CODE_GROUPS: Record<string, Record<Lang, string>> = {
  attribute: { id: 'atribut', en: 'attribute' },
  obstacle: { id: 'kendala', en: 'obstacle' },
  other: { id: 'lainnya', en: 'other' },
};

/** A code's group (attribute, obstacle, other) in the report's language. */
export function codeGroupLabel(group: string, lang: Lang): string {
  return CODE_GROUPS[group]?.[lang] ?? group;
}

/** Known roles get a translated label; a role the researcher invented is shown as written. */
export function roleLabel(role: string, lang: Lang): string {
  return ROLES[role]?.[lang] ?? role;
}

export function groupLabel(group: string, lang: Lang): string {
  return GROUPS[group]?.[lang] ?? group;
}

export function kindLabel(kind: string, lang: Lang): string {
  return KINDS[kind]?.[lang] ?? kind;
}

/** The word before a line number in a citation: `w01-kepala, baris 27`. */
export function lineWord(lang: Lang): string {
  return lang === 'id' ? 'baris' : 'line';
}

/**
 * Where a quote is in its file, written so it cannot be mistaken for a segment id
 * (`interviews/w01-kepala:10`): the source, a comma, and the file's line as an editor numbers it.
 */
export function citation(sourceId: string, line: number | undefined, lang: Lang, endLine?: number): string {
  if (line === undefined) return sourceId;
  if (endLine !== undefined && endLine > line) return `${sourceId}, ${lang === 'id' ? 'baris' : 'lines'} ${line}–${endLine}`;
  return `${sourceId}, ${lineWord(lang)} ${line}`;
}

/** U+2212 for minus: it reads as a sign, and spreadsheets do not take it for a formula. */
export const MINUS = '−';
/** Neutral codings are marked with a middle dot. */
export const NEUTRAL = '·';

/**
 * Valence marks such as `+3 −1` (favourable, then unfavourable, then `·2` for neutral);
 * zero counts are left out, and an empty tally gives an empty string.
 */
export function valenceMarks(c: ValenceCounts): string {
  const parts: string[] = [];
  if (c.positive) parts.push(`+${c.positive}`);
  if (c.negative) parts.push(`${MINUS}${c.negative}`);
  if (c.neutral) parts.push(`${NEUTRAL}${c.neutral}`);
  return parts.join(' ');
}

export function valenceSign(v: number): string {
  return v > 0 ? '+' : v < 0 ? MINUS : '0';
}

const STATUSES: Record<string, Record<Lang, string>> = {
  auto: { id: 'belum ditinjau', en: 'not reviewed' },
  accepted: { id: 'diterima', en: 'accepted' },
  changed: { id: 'diubah', en: 'changed' },
  rejected: { id: 'ditolak', en: 'rejected' },
  manual: { id: 'manual', en: 'manual' },
};

/** What a person made of a coding (model/decision.ts CodingStatus), in words. */
export function statusLabel(status: string, lang: Lang): string {
  return STATUSES[status]?.[lang] ?? status;
}
