import { stringify } from 'yaml';
import type { Lang, Valence } from '../model/codebook.js';
import type { SourceKind } from '../model/source.js';
import { Diagnostics } from '../util/diagnostics.js';
import { codebookYaml, importCodes, type ImportedCodebook } from './codes-in.js';
import { normalGuid } from './guid.js';
import { slug, uniqueNamer } from './names.js';
import { chooseReading, describeReading, scoreReadings, type OffsetUnit, type ScoredReading } from './offset-units.js';
import { placer } from './place.js';
import { csvRecord } from '../render/csv-write.js';
import { decodeBytes } from '../sources/decode.js';
import type { RefiCoding, RefiNote, RefiProject, RefiSelection, RefiTextSource } from './refi-model.js';
import { descriptionField, guessLanguage, KIND_FOLDERS, kindOf, sourceFile, studyYaml } from './study-in.js';
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
  /** The language of the new study (its study.yaml `language`). */
  lang: Lang;
}

function parseValence(description: string | undefined): Valence {
  const m = description ? /^valence:\s*([+-]?)([01])\b/im.exec(description) : null;
  if (!m || m[2] === '0') return 0;
  return m[1] === '-' ? -1 : 1;
}

interface LoadedText {
  src: RefiTextSource;
  /** As stored in the file, BOM removed. */
  raw: string;
}

function textOf(
  entry: { plainTextPath?: string; plainTextContent?: string; name?: string },
  zip: ReadZip | undefined,
  diags: Diagnostics,
  file: string,
  what: string,
): string | undefined {
  if (entry.plainTextContent !== undefined) return entry.plainTextContent;
  const path = entry.plainTextPath;
  if (path === undefined) {
    diags.warn('import/no-text', `${what} "${entry.name ?? ''}" has neither plainTextPath nor PlainTextContent; it was skipped`, { file });
    return undefined;
  }
  if (!/^internal:\/\//i.test(path)) {
    diags.warn(
      'import/external-text',
      `${what} "${entry.name ?? ''}" points to ${path}, outside the .qdpx; it was skipped`,
      { file },
      'export the project again with its sources embedded',
    );
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

  const said = descriptionField(p.description, 'language');
  const lang: Lang = said === 'id' || said === 'en' ? said : (opts.lang ?? guessLanguage(loaded.map((l) => l.raw)) ?? 'id');
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
    diags.info(
      'import/offsets',
      `selection positions read as ${describeReading(reading)}: ${reading.fits} of ${total} selections start and end between words that way, ${rival.fits} as ${describeReading(rival)}`,
      { file },
      'choose the unit yourself with --offsets codepoints|utf16',
    );
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
  for (const v of p.variables)
    if (p.cases.some((c) => c.values.some((x) => x.variable === v.guid)) && !caseVarNames.includes(v.name)) caseVarNames.push(v.name);
  const extra = caseVarNames.filter((n) => !['id', 'label', 'role', 'group'].includes(n.toLowerCase()));
  const byName = (values: Map<string, string>, name: string) => [...values].find(([k]) => k.toLowerCase() === name)?.[1];
  let informants = csvRecord(['id', 'label', 'role', 'group', ...extra]);
  for (const r of caseRows)
    informants += csvRecord([
      r.id,
      byName(r.values, 'label') ?? r.name,
      byName(r.values, 'role') ?? '',
      byName(r.values, 'group') ?? '',
      ...extra.map((n) => r.values.get(n) ?? ''),
    ]);

  // ---- sources → files, selections → rows ----
  type Row = { source: string; start: number; end: number; quote: string; prefix: string; suffix: string; code: string; valence: Valence; memo: string };
  const rowsByUser = new Map<string, Row[]>();
  const userNames = new Map(p.users.map((u) => [u.guid, u.name]));
  const coderNames = uniqueNamer();
  const coderOf = new Map<string, string>();
  const coder = (guid: string | undefined) => {
    const key = guid ?? '';
    let name = coderOf.get(key);
    if (!name) {
      const base = slug((guid && userNames.get(guid)) || 'imported') || 'imported';
      // codings/review.csv is the review file, not a coder's: a user called Review gets another name.
      coderOf.set(key, (name = coderNames(base === 'review' ? 'review-coder' : base)));
    }
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

    const { text, place } = placer(raw, reading);

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
      diags.warn(
        'import/inline-tag-like',
        `source "${src.name ?? sourceId}" contains {{…}}, which qia reads as an inline coding tag; check sources/${sourceId}.txt`,
        { file },
      );
    }
    files.push({ path: `sources/${sourceId}.txt`, content: sourceFile(fields, text) });

    if (src.sourceCodings.length) {
      diags.warn(
        'import/source-coding',
        `source "${src.name ?? sourceId}" has ${src.sourceCodings.length} coding(s) of the whole source; qia codes passages, so they were skipped`,
        { file },
      );
    }
    for (const sel of src.selections) {
      const placed = place(sel.start, sel.end);
      if (typeof placed === 'string') {
        const why = placed === 'empty' ? 'holds no text' : 'lies outside its text';
        diags.warn(
          `import/${placed === 'empty' ? 'empty-selection' : 'selection-out-of-range'}`,
          `a selection of "${src.name ?? sourceId}" at ${sel.start}–${sel.end} ${why}; it was skipped`,
          { file },
        );
        continue;
      }
      for (const c of sel.codings) addRow(c, sel, { source: sourceId, ...placed });
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
    rows.sort(
      (a, b) =>
        (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) || a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
    let csv = csvRecord(['source', 'segment', 'quote', 'code', 'valence', 'coder', 'memo', 'prefix', 'suffix']);
    for (const r of rows) csv += csvRecord([r.source, '', r.quote, r.code, valenceMark(r.valence), user, r.memo, r.prefix, r.suffix]);
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
    lang,
  };
}
