import { stringify } from 'yaml';
import type { Lang } from '../model/codebook.js';
import type { SourceKind } from '../model/source.js';
import type { RefiTextSource } from './refi-model.js';

/** The parts of an imported study that are not codings: where sources go, front matter, study.yaml. */

export const KIND_FOLDERS: Record<SourceKind, string> = { interview: 'interviews', observation: 'observations', document: 'documents' };

/** What a source is, from a `kind` variable, else from words in its name, else an interview. */
export function kindOf(src: RefiTextSource, kindValue: string | undefined): SourceKind {
  const k = kindValue?.trim().toLowerCase();
  if (k === 'interview' || k === 'observation' || k === 'document') return k;
  const words = `${src.name ?? ''} ${src.description ?? ''}`.toLowerCase();
  if (/observ|pengamatan|catatan[ -]lapangan|field[ -]?notes?/.test(words)) return 'observation';
  if (
    /dokumen|document|\bdoc\b|\bsop\b|berita|news|laporan|report|rekap|regulasi|peraturan|surat edaran|artikel|article|pedoman|guideline|brosur|leaflet/.test(
      words,
    )
  )
    return 'document';
  return 'interview';
}

const ID_WORDS = new Set(['yang', 'dan', 'tidak', 'itu', 'ini', 'saya', 'dengan', 'untuk', 'ada', 'sudah', 'kami', 'bisa', 'juga', 'karena']);
const EN_WORDS = new Set(['the', 'and', 'of', 'to', 'is', 'that', 'it', 'we', 'was', 'for', 'with', 'not', 'they', 'have']);

/** Indonesian or English, by which language's commonest words the texts use more. */
export function guessLanguage(texts: readonly string[]): Lang | undefined {
  let id = 0;
  let en = 0;
  for (const t of texts) {
    for (const w of t
      .slice(0, 200_000)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []) {
      if (ID_WORDS.has(w)) id++;
      else if (EN_WORDS.has(w)) en++;
    }
  }
  return id === en ? undefined : id > en ? 'id' : 'en';
}

/** A `key: value` line of a Description qia wrote (`case: …`, `language: …`). */
export function descriptionField(text: string | undefined, key: string): string | undefined {
  const m = text ? new RegExp(`^${key}: ([^\\n]*)$`, 'm').exec(text) : null;
  return m ? m[1]!.trim() : undefined;
}

/** A .txt source: front matter when there is any to give, then the text exactly. */
export function sourceFile(fields: Record<string, string>, body: string): string {
  // A body that starts like front matter gets an empty block of its own, so it stays body.
  if (Object.keys(fields).length === 0) return body.startsWith('---') ? `---\n---\n${body}` : body;
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n${body}`;
}

/** Only the kinds the project has get a glob: an empty one would be warned about on every run. */
export function studyYaml(title: string, kase: string, lang: Lang, kinds: readonly SourceKind[], file: string, origin: string | undefined): string {
  const q = (s: string) => JSON.stringify(s);
  return [
    `# Imported by qia from ${file}${origin ? ` (written by ${origin.replace(/\s+/g, ' ')})` : ''}.`,
    `title: ${q(title)}`,
    `case: ${q(kase)}`,
    `language: ${lang}`,
    'codebook: codebook.yaml',
    'informants: informants.csv',
    'sources:',
    ...kinds.flatMap((k) => [`  - glob: "sources/${KIND_FOLDERS[k]}/*"`, `    kind: ${k}`]),
    'coding:',
    "  # the coders' codings came from the project; add rules to codebook.yaml for automatic coding",
    '  merge: manual-overrides-auto',
    '',
  ].join('\n');
}
