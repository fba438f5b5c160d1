import type { Lang } from '../model/codebook.js';
import type { Audit, AuditFile } from '../model/conclusion.js';

type Words = Record<Lang, string>;

/** The audit table's settings, each named in the report's language; the study.yaml key follows in `code`. */
const SETTINGS: Record<string, Words> = {
  tool: { id: 'Perangkat', en: 'Tool' },
  codebook: { id: 'Buku kode', en: 'Codebook' },
  'coding.merge': { id: 'Penggabungan koding manual dan otomatis', en: 'Merging manual and automatic codings' },
  language: { id: 'Bahasa bahan', en: 'Language of the material' },
  'report.lang': { id: 'Bahasa laporan', en: 'Language of the report' },
  'verdicts.min_informants': { id: 'Saksi minimum', en: 'Fewest witnesses' },
  'verdicts.min_codings': { id: 'Koding minimum', en: 'Fewest codings' },
  'verdicts.favourable_share': { id: 'Porsi mendukung untuk "baik"', en: 'Favourable share for "favourable"' },
  'verdicts.unfavourable_share': { id: 'Porsi melemahkan untuk "kurang baik"', en: 'Unfavourable share for "unfavourable"' },
  'verdicts.group_agreement': { id: 'Pemeriksaan kesepakatan kelompok', en: 'Group agreement check' },
  'verdicts.min_group_codings': { id: 'Koding berarah minimum per kelompok', en: 'Fewest valenced codings per group' },
  'verdicts.min_obstacle_codings': { id: 'Koding minimum untuk kendala', en: 'Fewest codings for an obstacle' },
  'saturation.order': { id: 'Urutan kejenuhan', en: 'Saturation order' },
  counts: { id: 'Jumlah', en: 'Counts' },
};

const VALUES: Record<string, Words> = {
  true: { id: 'ya', en: 'yes' },
  false: { id: 'tidak', en: 'no' },
  'date-then-id': { id: 'tanggal, lalu id', en: 'date, then id' },
};

const FILE_ROLES: Record<AuditFile['role'], Words> = {
  study: { id: 'studi', en: 'study' },
  informants: { id: 'informan', en: 'informants' },
  codebook: { id: 'buku kode', en: 'codebook' },
  source: { id: 'sumber', en: 'source' },
  codings: { id: 'koding', en: 'codings' },
  review: { id: 'tinjauan', en: 'review' },
  decisions: { id: 'keputusan', en: 'decisions' },
  memo: { id: 'memo', en: 'memo' },
};

/** What kind of file an audited file is, in the report's language. */
export function fileRoleLabel(role: AuditFile['role'], lang: Lang): string {
  return FILE_ROLES[role]?.[lang] ?? role;
}

export interface AuditSettingRow {
  /** The setting named in words. */
  label: string;
  /** Its key as written in study.yaml (or empty for what is not a setting). */
  key: string;
  value: string;
}

/** The audit's settings as rows in the report's language: words first, the key for who edits study.yaml. */
export function auditSettingRows(a: Audit, lang: Lang): AuditSettingRow[] {
  const v = a.settings.verdicts;
  const value = (x: string | number | boolean) => VALUES[String(x)]?.[lang] ?? String(x);
  const row = (key: string, x: string | number | boolean, shownKey = key): AuditSettingRow => ({ label: SETTINGS[key]![lang], key: shownKey, value: value(x) });
  const c = a.counts;
  const counts =
    lang === 'id'
      ? `${c.sources} sumber, ${c.segments} segmen, ${c.codings} koding, ${c.informants} informan`
      : `${c.sources} sources, ${c.segments} segments, ${c.codings} codings, ${c.informants} informants`;
  return [
    row('tool', `${a.tool.name} ${a.tool.version}`, ''),
    row('codebook', `${a.codebook.id} ${a.codebook.version} (${a.codebook.path})`),
    row('coding.merge', a.settings.merge),
    row('language', a.settings.language),
    row('report.lang', a.settings.reportLanguage),
    row('verdicts.min_informants', v.minInformants),
    row('verdicts.min_codings', v.minCodings),
    row('verdicts.favourable_share', v.favourableShare),
    row('verdicts.unfavourable_share', v.unfavourableShare),
    row('verdicts.group_agreement', v.groupAgreement),
    row('verdicts.min_group_codings', v.minGroupCodings),
    row('verdicts.min_obstacle_codings', v.minObstacleCodings),
    row('saturation.order', a.settings.saturationOrder, ''),
    row('counts', counts, ''),
  ];
}
