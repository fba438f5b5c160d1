import type { Lang } from '../model/codebook.js';

type Words = Record<Lang, string>;

/**
 * The column headers of the listings (`qia query`, `qia kwic`, `qia sources`, `qia code`) in
 * the terminal and in Markdown. CSV and JSON keep the English keys: scripts read those.
 */
const HEADERS: Record<string, Words> = {
  segment: { id: 'segmen', en: 'segment' },
  source: { id: 'sumber', en: 'source' },
  lines: { id: 'baris', en: 'lines' },
  line: { id: 'baris', en: 'line' },
  informant: { id: 'informan', en: 'informant' },
  role: { id: 'peran', en: 'role' },
  kind: { id: 'jenis', en: 'kind' },
  code: { id: 'kode', en: 'code' },
  valence: { id: 'arah', en: 'valence' },
  coder: { id: 'pengode', en: 'coder' },
  status: { id: 'status', en: 'status' },
  quote: { id: 'kutipan', en: 'quote' },
  speaker: { id: 'pembicara', en: 'speaker' },
  left: { id: 'kiri', en: 'left' },
  keyword: { id: 'kata kunci', en: 'keyword' },
  right: { id: 'kanan', en: 'right' },
  segments: { id: 'segmen', en: 'segments' },
  words: { id: 'kata', en: 'words' },
  noRole: { id: '(tanpa peran)', en: '(no role)' },
};

/** A listing's header in the language asked for; an unknown key is shown as it is. */
export function header(key: string, lang: Lang): string {
  return HEADERS[key]?.[lang] ?? key;
}

const KINDS: Record<string, Words> = {
  interview: { id: 'wawancara', en: 'interview' },
  observation: { id: 'observasi', en: 'observation' },
  document: { id: 'dokumen', en: 'document' },
};

/** "3 interview" / "3 wawancara" in a totals line. */
export function kindWord(kind: string, lang: Lang): string {
  return KINDS[kind]?.[lang] ?? kind;
}

function n(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The line under a listing. */
export const LISTING_LINES = {
  codingsUnder: (count: number, code: string, lang: Lang) =>
    lang === 'id' ? `${count} koding di bawah ${code}` : `${n(count, 'coding', 'codings')} under ${code}`,
  matchesFor: (count: number, term: string, lang: Lang) => (lang === 'id' ? `${count} temuan untuk ${term}` : `${n(count, 'match', 'matches')} for ${term}`),
  writtenTo: (file: string, lang: Lang) => (lang === 'id' ? `ditulis ke ${file}` : `written to ${file}`),
  sourcesTotal: (t: { sources: number; kinds: string; informants: number; notListed: string[]; segments: number; words: number }, lang: Lang) => {
    const not =
      t.notListed.length > 0
        ? lang === 'id'
          ? ` (tidak ada di informants.csv, tidak dihitung: ${t.notListed.join(', ')})`
          : ` (not in informants.csv, not counted: ${t.notListed.join(', ')})`
        : '';
    return lang === 'id'
      ? `total: ${t.sources} sumber (${t.kinds || 'tidak ada'}), ${t.informants} informan${not}, ${t.segments} segmen, ${t.words} kata`
      : `total: ${n(t.sources, 'source', 'sources')} (${t.kinds || 'none'}), ${n(t.informants, 'informant', 'informants')}${not}, ${t.segments} segments, ${t.words} words`;
  },
};
