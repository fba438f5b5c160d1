import { stringify } from 'yaml';
import type { Lang, Valence } from '../model/codebook.js';
import type { SourceKind } from '../model/source.js';
import { Diagnostics } from '../util/diagnostics.js';
import { codebookYaml, importCodes, type ImportedCodebook } from './codes-in.js';
import { normalGuid } from './guid.js';
import { slug, uniqueNamer } from './names.js';
import { baseText, chooseReading, describeReading, scoreReadings, toUtf16, type OffsetUnit, type ScoredReading } from './offset-units.js';
import { offsetConverter } from './offsets.js';
import { csvLine, decodeBytes, neutralised, normalizeText } from './qia.js';
import type { RefiCoding, RefiNote, RefiProject, RefiSelection, RefiTextSource } from './refi-model.js';
import type { ReadZip } from './zip.js';

/**
 * A REFI-QDA project as the files of a qia study: study.yaml, informants.csv (from cases and
 * their variables), sources/<kind>/<name>.txt (the text exactly as qia will read it, with the
 * source's variables as front matter), codebook.yaml, one coder CSV per user in the format
 * `qia code` reads (quote plus the text around it, so qia places every coding where it was), and
 * memos/*.md for notes. Nothing is written here: the caller gets the plan and decides.
 */

export interface PlannedFile {
  /** Relative to the study folder, '/'-separated. */
  path: string;
  content: string;
}

export interface ImportOptions {
  /** Force the offset unit; by default it is read from the file (offset-units.ts). */
  offsets?: OffsetUnit;
  /** Language of the material when the file does not say. */
  lang?: Lang;
  /** Shown in generated files' comments and in diagnostics. */
  file: string;
}

export interface ImportPlan {
  files: PlannedFile[];
  diagnostics: Diagnostics;
  counts: { sources: number; codings: number; coders: number; codes: number; informants: number; memos: number };
  reading?: ScoredReading;
}

const KIND_FOLDERS: Record<SourceKind, string> = { interview: 'interviews', observation: 'observations', document: 'documents' };

/** What a source is, from a `kind` variable, else from words in its name, else an interview. */
function kindOf(src: RefiTextSource, kindValue: string | undefined): SourceKind {
  const k = kindValue?.trim().toLowerCase();
  if (k === 'interview' || k === 'observation' || k === 'document') return k;
  const words = `${src.name ?? ''} ${src.description ?? ''}`.toLowerCase();
  if (/observ|pengamatan|catatan[ -]lapangan|field[ -]?notes?/.test(words)) return 'observation';
  if (/dokumen|document|\bdoc\b|\bsop\b|berita|news|laporan|report|rekap|regulasi|peraturan|surat edaran|artikel|article|pedoman|guideline|brosur|leaflet/.test(words)) return 'document';
  return 'interview';
}

const ID_WORDS = new Set(['yang', 'dan', 'tidak', 'itu', 'ini', 'saya', 'dengan', 'untuk', 'ada', 'sudah', 'kami', 'bisa', 'juga', 'karena']);
const EN_WORDS = new Set(['the', 'and', 'of', 'to', 'is', 'that', 'it', 'we', 'was', 'for', 'with', 'not', 'they', 'have']);

/** Indonesian or English, by which language's commonest words the texts use more. */
export function guessLanguage(texts: readonly string[]): Lang | undefined {
  let id = 0;
  let en = 0;
  for (const t of texts) {
    for (const w of t.slice(0, 200_000).toLowerCase().match(/\p{L}+/gu) ?? []) {
      if (ID_WORDS.has(w)) id++;
      else if (EN_WORDS.has(w)) en++;
    }
  }
  return id === en ? undefined : id > en ? 'id' : 'en';
}

/** `key: value` lines of a Description qia wrote (`case: …`, `language: …`). */
function descriptionField(text: string | undefined, key: string): string | undefined {
  const m = text ? new RegExp(`^${key}: (.*)$`, 'm').exec(text) : null;
  return m ? m[1]!.trim() : undefined;
}

function parseValence(description: string | undefined): Valence {
  const m = description ? /^valence:\s*([+-]?)([01])\b/im.exec(description) : null;
  if (!m || m[2] === '0') return 0;
  return m[1] === '-' ? -1 : 1;
}

const SPACE = /[ \n\t\r\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;

/** Moves an offset off the low half of a surrogate pair, so no slice splits a character. */
function whole(text: string, i: number, dir: -1 | 1): number {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i + (dir > 0 ? 1 : -1) : i;
}

/** Smallest offset of the normalised text whose original offset is at least `o`. */
function toNormalised(map: { toOriginal(n: number): number }, length: number, o: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map.toOriginal(mid) >= o) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

interface LoadedText {
  src: RefiTextSource;
  /** As stored in the file, BOM removed. */
  raw: string;
}

function textOf(entry: { plainTextPath?: string; plainTextContent?: string; name?: string }, zip: ReadZip | undefined, diags: Diagnostics, file: string, what: string): string | undefined {
  if (entry.plainTextContent !== undefined) return entry.plainTextContent;
  const path = entry.plainTextPath;
  if (path === undefined) {
    diags.warn('import/no-text', `${what} "${entry.name ?? ''}" has neither plainTextPath nor PlainTextContent; it was skipped`, { file });
    return undefined;
  }
  if (!/^internal:\/\//i.test(path)) {
    diags.warn('import/external-text', `${what} "${entry.name ?? ''}" points to ${path}, outside the .qdpx; it was skipped`, { file }, 'export the project again with its sources embedded');
    return undefined;
  }
  const bytes = zip?.source(path.replace(/^internal:\/\//i, ''));
  if (!bytes) {
    diags.warn('import/missing-text', `${what} "${entry.name ?? ''}": ${path} is not in the .qdpx; it was skipped`, { file });
    return undefined;
  }
  const decoded = decodeBytes(bytes);
  if (decoded.binary) {
    diags.warn('import/binary-text', `${what} "${entry.name ?? ''}": ${path} is not plain text; it was skipped`, { file });
    return undefined;
  }
  return decoded.text;
}

function frontMatter(fields: Record<string, string>, body: string): string {
  const keys = Object.keys(fields);
  // A body that starts like front matter gets an empty block of its own, so it stays body.
  if (keys.length === 0) return body.startsWith('---') ? `---\n---\n${body}` : body;
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n${body}`;
}

function valenceMark(v: Valence): string {
  return v > 0 ? '+' : v < 0 ? '-' : '0';
}

export function planImport(p: RefiProject, zip: ReadZip | undefined, opts: ImportOptions): ImportPlan {
  const diags = new Diagnostics();
  const file = opts.file;
  const files: PlannedFile[] = [];
  if (p.otherSources.length) {
    const kinds = [...new Set(p.otherSources)].join(', ');
    diags.warn('import/other-sources', `${p.otherSources.length} source(s) that are not plain text (${kinds}) were skipped: qia reads text only`, { file });
  }

  const variables = new Map(p.variables.map((v) => [v.guid, v]));
  const notes = new Map(p.notes.map((n) => [n.guid, n]));
  const noteText = (n: RefiNote) => textOf(n, zip, diags, file, 'note');

  // ---- sources: text as stored, then normalised as qia reads it ----
  const loaded: LoadedText[] = [];
  for (const src of p.sources) {
    const raw = textOf(src, zip, diags, file, 'source');
    if (raw !== undefined) loaded.push({ src, raw });
  }

  const lang = (descriptionField(p.description, 'language') as Lang | undefined) ?? opts.lang ?? guessLanguage(loaded.map((l) => l.raw)) ?? 'id';
  const codebook: ImportedCodebook = importCodes(p.codes, lang);

  // ---- offsets: which unit the positions count ----
  const units: OffsetUnit[] = opts.offsets ? [opts.offsets] : ['codepoints', 'utf16'];
  const scored = scoreReadings(
    loaded.map((l) => ({ text: l.raw, selections: l.src.selections })),
    units,
  );
  const reading = chooseReading(scored);
  const total = loaded.reduce((n, l) => n + l.src.selections.length, 0);
  const rival = scored.filter((r) => r !== reading).sort((a, b) => b.fits - a.fits)[0];
  if (rival && rival.fits !== reading.fits) {
    diags.info('import/offsets', `selection positions read as ${describeReading(reading)}: ${reading.fits} of ${total} selections start and end between words that way, ${rival.fits} as ${describeReading(rival)}`, { file }, 'choose the unit yourself with --offsets codepoints|utf16');
  }

  // ---- cases → informants ----
  const caseIds = uniqueNamer();
  const informantOf = new Map<string, string[]>();
  const caseRows = p.cases.map((c, i) => {
    const id = caseIds((c.name ?? '').trim() || `case-${i + 1}`);
    for (const s of c.sources) informantOf.set(s, [...(informantOf.get(s) ?? []), id]);
    const values = new Map<string, string>();
    for (const v of c.values) {
      const name = variables.get(v.variable)?.name;
      if (name) values.set(name, v.value);
    }
    return { id, values, name: (c.name ?? '').trim() };
  });
  const caseVarNames: string[] = [];
  for (const v of p.variables) if (p.cases.some((c) => c.values.some((x) => x.variable === v.guid)) && !caseVarNames.includes(v.name)) caseVarNames.push(v.name);
  const extra = caseVarNames.filter((n) => !['id', 'label', 'role', 'group'].includes(n.toLowerCase()));
  const byName = (values: Map<string, string>, name: string) => [...values].find(([k]) => k.toLowerCase() === name)?.[1];
  let informants = csvLine(['id', 'label', 'role', 'group', ...extra]);
  for (const r of caseRows) informants += csvLine([r.id, byName(r.values, 'label') ?? r.name, byName(r.values, 'role') ?? '', byName(r.values, 'group') ?? '', ...extra.map((n) => r.values.get(n) ?? '')]);

  // ---- sources → files, selections → rows ----
  type Row = { source: string; start: number; end: number; quote: string; prefix: string; suffix: string; code: string; valence: Valence; memo: string };
  const rowsByUser = new Map<string, Row[]>();
  const userNames = new Map(p.users.map((u) => [u.guid, u.name]));
  const coderNames = uniqueNamer();
  const coderOf = new Map<string, string>();
  const coder = (guid: string | undefined) => {
    const key = guid ?? '';
    let name = coderOf.get(key);
    if (!name) coderOf.set(key, (name = coderNames(slug((guid && userNames.get(guid)) || 'imported') || 'imported')));
    return name;
  };
  const fileNames = new Map<string, (b: string) => string>();
  let codings = 0;
  for (const { src, raw } of loaded) {
    const kindVar = src.values.find((v) => variables.get(v.variable)?.name === 'kind')?.value;
    const kind = kindOf(src, kindVar);
    const folder = KIND_FOLDERS[kind];
    if (!fileNames.has(folder)) fileNames.set(folder, uniqueNamer());
    const stem = fileNames.get(folder)!(slug(src.name ?? '') || 'source');
    const sourceId = `${folder}/${stem}`;

    const norm = normalizeText(baseText(raw, reading));
    const text = norm.text;
    const base = baseText(raw, reading);
    const conv = offsetConverter(base);
    const same = text === base;
    const at = (pos: number) => {
      const u = toUtf16(base, pos, reading, conv);
      return u === undefined ? undefined : same ? u : toNormalised(norm.map, text.length, u);
    };

    const fields: Record<string, string> = {};
    const who = informantOf.get(src.guid) ?? [];
    if (who.length === 1) fields['informant'] = who[0]!;
    for (const v of src.values) {
      const name = variables.get(v.variable)?.name;
      if (!name || name === 'kind') continue;
      if (name === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v.value)) continue;
      fields[name] = v.value;
    }
    if (src.description?.trim() && fields['title'] === undefined) fields['title'] = src.description.replace(/\s+/g, ' ').trim();
    if (/\{\{[^{}]*\}\}/.test(text)) {
      diags.warn('import/inline-tag-like', `source "${src.name ?? sourceId}" contains {{…}}, which qia reads as an inline coding tag; check sources/${sourceId}.txt`, { file });
    }
    files.push({ path: `sources/${sourceId}.txt`, content: frontMatter(fields, text) });

    if (src.sourceCodings.length) {
      diags.warn('import/source-coding', `source "${src.name ?? sourceId}" has ${src.sourceCodings.length} coding(s) of the whole source; qia codes passages, so they were skipped`, { file });
    }
    for (const sel of src.selections) {
      const s0 = at(sel.start);
      const e0 = at(sel.end);
      if (s0 === undefined || e0 === undefined || s0 > e0) {
        diags.warn('import/selection-out-of-range', `a selection of "${src.name ?? sourceId}" at ${sel.start}–${sel.end} lies outside its text; it was skipped`, { file });
        continue;
      }
      let s = s0;
      let e = e0;
      while (s < e && SPACE.test(text[s]!)) s++;
      while (e > s && SPACE.test(text[e - 1]!)) e--;
      if (s === e) {
        diags.warn('import/empty-selection', `a selection of "${src.name ?? sourceId}" at ${sel.start}–${sel.end} holds no text; it was skipped`, { file });
        continue;
      }
      const quote = text.slice(s, e);
      const prefix = text.slice(whole(text, Math.max(0, s - 32), 1), s);
      const suffix = text.slice(e, whole(text, Math.min(text.length, e + 32), 1));
      for (const c of sel.codings) addRow(c, sel, { source: sourceId, start: s, end: e, quote, prefix, suffix });
    }
  }

  function addRow(c: RefiCoding, sel: RefiSelection, place: Pick<Row, 'source' | 'start' | 'end' | 'quote' | 'prefix' | 'suffix'>): void {
    const code = codebook.byGuid.get(normalGuid(c.code));
    if (!code) {
      diags.warn('import/unknown-code', `a coding refers to code ${c.code}, which the project's codebook lacks; it was skipped`, { file });
      return;
    }
    const memo = [...c.notes, ...sel.notes].flatMap((g) => {
      const n = notes.get(g);
      const t = n ? noteText(n)?.trim() : undefined;
      return t ? [t] : [];
    });
    const user = coder(c.creatingUser ?? sel.creatingUser ?? p.creatingUser);
    let rows = rowsByUser.get(user);
    if (!rows) rowsByUser.set(user, (rows = []));
    rows.push({ ...place, code, valence: parseValence(sel.description), memo: memo.join('\n\n') });
    codings++;
  }

  for (const [user, rows] of [...rowsByUser].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    rows.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) || a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    let csv = csvLine(['source', 'segment', 'quote', 'code', 'valence', 'coder', 'memo', 'prefix', 'suffix']);
    for (const r of rows) csv += csvLine([r.source, '', neutralised(r.quote), r.code, valenceMark(r.valence), user, r.memo, r.prefix, r.suffix]);
    files.push({ path: `codings/${user}.csv`, content: csv });
  }

  // ---- notes: on a code → a memo of that code; on the project, a source or nothing → a memo of its own ----
  const codeOfNote = new Map<string, string>();
  const visit = (codes: RefiProject['codes']) => {
    for (const c of codes) {
      const id = codebook.byGuid.get(c.guid);
      for (const n of c.notes) if (id && !codeOfNote.has(n)) codeOfNote.set(n, id);
      visit(c.children);
    }
  };
  visit(p.codes);
  const onCodings = new Set(p.sources.flatMap((s) => s.selections.flatMap((sel) => [...sel.notes, ...sel.codings.flatMap((c) => c.notes)])));
  const memoNames = uniqueNamer();
  let memos = 0;
  for (const n of p.notes) {
    if (onCodings.has(n.guid) && !codeOfNote.has(n.guid)) continue;
    const body = noteText(n);
    if (body === undefined) continue;
    const name = memoNames(slug(n.name ?? '') || 'memo');
    const fields: Record<string, string> = {};
    const code = codeOfNote.get(n.guid);
    if (code) fields['code'] = code;
    if (n.name?.trim()) fields['title'] = n.name.trim();
    files.push({ path: `memos/${name}.md`, content: `---\n${stringify(fields, { lineWidth: 0 })}---\n${body.replace(/\r\n?/g, '\n').trim()}\n` });
    memos++;
  }

  const title = p.name.trim() || opts.file.replace(/^.*[\\/]/, '').replace(/\.qdpx$/i, '');
  const kase = descriptionField(p.description, 'case') ?? title;
  const fileName = opts.file.replace(/^.*[\\/]/, '');
  const kinds = (Object.keys(KIND_FOLDERS) as SourceKind[]).filter((k) => fileNames.has(KIND_FOLDERS[k]));
  files.push({ path: 'study.yaml', content: studyYaml(title, kase, lang, kinds.length ? kinds : ['interview'], fileName, p.origin) });
  files.push({ path: 'informants.csv', content: informants });
  files.push({ path: 'codebook.yaml', content: codebookYaml(codebook, { id: slug(fileName.replace(/\.[^.]*$/, '')) || 'imported', from: fileName }) });

  return {
    files,
    diagnostics: diags,
    counts: { sources: loaded.length, codings, coders: rowsByUser.size, codes: codebook.codes.length, informants: caseRows.length, memos },
    reading,
  };
}

/** Only the kinds the project has get a glob: an empty one would be warned about on every run. */
function studyYaml(title: string, kase: string, lang: Lang, kinds: readonly SourceKind[], file: string, origin: string | undefined): string {
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
    '  # the coders\' codings came from the project; add rules to codebook.yaml for automatic coding',
    '  merge: manual-overrides-auto',
    '',
  ].join('\n');
}

