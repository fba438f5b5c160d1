import type { ExportedStudy } from './project-out-input.js';
import type { Lang, Valence } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Memo } from '../model/evidence.js';
import type { Source } from '../model/source.js';
import { refiCodes } from './codes-out.js';
import { guidFor } from './guid.js';
import { offsetConverter } from './offsets.js';
import type { RefiCase, RefiNote, RefiProject, RefiSelection, RefiTextSource, RefiValue, RefiVariable, RefiVariableType } from './refi-model.js';

/**
 * A coded study as a REFI-QDA project. Every coder's codings are kept apart (the automatic
 * coder is the user `auto`), one PlainTextSelection per coding, with its valence in the
 * selection's Description (the standard has no field for it) and a coding memo as a Note.
 * Informants are Cases with their informants.csv columns as Variables; a source's kind, date
 * and scalar front-matter fields are Variables of the source. Every GUID comes from ids qia
 * keeps stable, and every list is sorted, so the same study always gives the same bytes.
 */

export const AUTO_CODER = 'auto';

export interface ProjectExport {
  project: RefiProject;
  /** The plain texts, by the internal file name `project.sources[i].plainTextPath` points to. */
  texts: { name: string; text: string }[];
  diagnostics: Diagnostic[];
}

/** The label language: the study's when the codebook has it, else the codebook's first. */
export function exportLanguage(study: Lang, codebookLangs: readonly Lang[]): Lang {
  return codebookLangs.includes(study) ? study : (codebookLangs[0] ?? study);
}

export function valenceDescription(v: Valence): string {
  return `valence: ${v > 0 ? '+1' : v < 0 ? '-1' : '0'}`;
}

/** The start of a quote, on one line, for the selection's name in desktop programs' lists. */
function selectionName(quote: string): string {
  const one = quote.replace(/\s+/g, ' ').trim();
  const chars = [...one];
  return chars.length > 60 ? chars.slice(0, 59).join('') + '…' : one;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const INTEGER = /^(0|-?[1-9]\d{0,14})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Integer when every value is a plain whole number (age, year), else Text. */
function typeOf(values: readonly string[], date = false): RefiVariableType {
  const present = values.filter((v) => v !== '');
  if (present.length && present.every((v) => INTEGER.test(v))) return 'Integer';
  if (date && present.length && present.every((v) => DATE.test(v))) return 'Date';
  return 'Text';
}

interface VariableSet {
  variables: RefiVariable[];
  /** Values of one owner (an informant or a source), in the variables' order, empty ones left out. */
  valuesOf(get: (name: string) => string | undefined): RefiValue[];
}

function variableSet(owner: 'case' | 'source', names: readonly string[], all: (name: string) => string[], dates: readonly string[] = []): VariableSet {
  const variables = names.map((name) => ({ guid: guidFor('variable', `${owner}\n${name}`), name, type: typeOf(all(name), dates.includes(name)) }));
  return {
    variables,
    valuesOf: (get) =>
      variables.flatMap((v) => {
        const value = get(v.name);
        return value === undefined || value === '' ? [] : [{ variable: v.guid, value, type: v.type }];
      }),
  };
}

function metaScalars(s: Source): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(s.meta)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.set(k, String(v));
  }
  return out;
}

/** `lang` names the codes (default: exportLanguage); the study's own language is recorded as it is. */
export function exportProject(
  a: ExportedStudy,
  memos: readonly Memo[],
  origin: string,
  lang: Lang = exportLanguage(a.study.language, a.codebook.languages),
): ProjectExport {
  const diagnostics: Diagnostic[] = [];
  const codeIds = new Set(a.codebook.codes.map((c) => c.id));

  // Memos: notes attached to their code, or to the project when the codebook lacks the code.
  const notes: RefiNote[] = [];
  const codeNotes = new Map<string, string[]>();
  const projectNotes: string[] = [];
  const memoKeys = new Map<string, number>();
  for (const m of memos) {
    const name = m.title ?? m.file.replace(/^.*\//, '').replace(/\.md$/i, '');
    const base = `memo\n${m.code}\n${name}`;
    const n = (memoKeys.get(base) ?? 0) + 1;
    memoKeys.set(base, n);
    const guid = guidFor('note', n === 1 ? base : `${base}\n${n}`);
    notes.push({ guid, name, plainTextContent: m.body });
    if (codeIds.has(m.code)) codeNotes.set(m.code, [...(codeNotes.get(m.code) ?? []), guid]);
    else {
      projectNotes.push(guid);
      diagnostics.push({
        severity: 'warning',
        code: 'export/memo-code',
        message: `memo names code "${m.code}", which the codebook lacks; it is exported as a note on the project`,
        file: m.file,
      });
    }
  }

  const coders = [...new Set(a.codings.map((c) => c.coder))].filter((c) => c !== AUTO_CODER).sort(cmp);
  const users = [AUTO_CODER, ...coders].map((name) => ({ guid: guidFor('user', name), name }));
  const userGuid = new Map(users.map((u) => [u.name, u.guid]));

  // Informants as cases, with every informants.csv column but the id as a variable.
  const attrNames: string[] = [];
  for (const i of a.informants) for (const k of Object.keys(i.attrs)) if (!attrNames.includes(k)) attrNames.push(k);
  const informantValue = (i: ExportedStudy['informants'][number], name: string): string | undefined =>
    name === 'label' ? i.label : name === 'role' ? i.role : name === 'group' ? i.group : i.attrs[name];
  const caseVars = a.informants.length
    ? variableSet('case', ['label', 'role', 'group', ...attrNames.filter((n) => !['label', 'role', 'group'].includes(n))], (name) =>
        a.informants.map((i) => informantValue(i, name) ?? ''),
      )
    : variableSet('case', [], () => []);

  const sources = [...a.sources].sort((x, y) => cmp(x.id, y.id));
  const metas = new Map(sources.map((s) => [s.id, metaScalars(s)]));
  const metaNames = [...new Set(sources.flatMap((s) => [...metas.get(s.id)!.keys()]))].filter((k) => k !== 'kind' && k !== 'date').sort(cmp);
  const sourceValue = (s: Source, name: string): string | undefined => (name === 'kind' ? s.kind : name === 'date' ? s.date : metas.get(s.id)!.get(name));
  const sourceVars = variableSet(
    'source',
    ['kind', ...(sources.some((s) => s.date) ? ['date'] : []), ...metaNames],
    (name) => sources.map((s) => sourceValue(s, name) ?? ''),
    ['date'],
  );

  // Who speaks in each source: its front-matter informant and every informant a turn maps to.
  const speakers = new Map<string, Set<string>>();
  for (const s of sources) speakers.set(s.id, new Set(s.informant ? [s.informant] : []));
  for (const seg of a.segments) if (seg.informant && !seg.interviewer) speakers.get(seg.sourceId)?.add(seg.informant);

  const bySource = new Map<string, Coding[]>();
  for (const c of a.codings) {
    let list = bySource.get(c.sourceId);
    if (!list) bySource.set(c.sourceId, (list = []));
    list.push(c);
  }

  const texts: ProjectExport['texts'] = [];
  const refiSources: RefiTextSource[] = sources.map((s) => {
    const guid = guidFor('source', s.id);
    const conv = offsetConverter(s.text);
    const codings = (bySource.get(s.id) ?? [])
      .slice()
      .sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end || cmp(x.coder, y.coder) || cmp(x.code, y.code) || x.valence - y.valence);
    const seen = new Map<string, number>();
    const selections: RefiSelection[] = codings.map((c) => {
      const base = `${s.id}\n${c.span.start}\n${c.span.end}\n${c.coder}\n${c.code}\n${c.valence}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const key = n === 1 ? base : `${base}\n${n}`;
      const user = userGuid.get(c.coder);
      const codingNotes: string[] = [];
      if (c.memo) {
        const note = guidFor('note', `coding\n${key}`);
        notes.push({ guid: note, name: `${c.coder}: ${c.code}`, plainTextContent: c.memo });
        codingNotes.push(note);
      }
      return {
        guid: guidFor('selection', key),
        name: selectionName(s.text.slice(c.span.start, c.span.end)),
        start: conv.toCodePoints(c.span.start),
        end: conv.toCodePoints(c.span.end),
        ...(user ? { creatingUser: user } : {}),
        description: valenceDescription(c.valence),
        codings: [{ guid: guidFor('coding', key), code: guidFor('code', c.code), ...(user ? { creatingUser: user } : {}), notes: codingNotes }],
        notes: [],
      };
    });
    const file = `${guid}.txt`;
    texts.push({ name: file, text: s.text });
    const src: RefiTextSource = {
      guid,
      name: s.id.slice(s.id.lastIndexOf('/') + 1),
      plainTextPath: `internal://${file}`,
      selections,
      sourceCodings: [],
      notes: [],
      values: sourceVars.valuesOf((name) => sourceValue(s, name)),
    };
    if (s.title) src.description = s.title;
    return src;
  });

  const cases: RefiCase[] = a.informants.map((i) => ({
    guid: guidFor('case', i.id),
    name: i.id,
    values: caseVars.valuesOf((name) => informantValue(i, name)),
    sources: sources.filter((s) => speakers.get(s.id)!.has(i.id)).map((s) => guidFor('source', s.id)),
  }));

  const project: RefiProject = {
    name: a.study.title,
    origin,
    users,
    codes: refiCodes(a.codebook, lang, (id) => codeNotes.get(id) ?? []),
    variables: [...caseVars.variables, ...sourceVars.variables],
    cases,
    sources: refiSources,
    notes,
    description: `case: ${a.study.case}\nlanguage: ${a.study.language}`,
    projectNotes,
    otherSources: [],
  };
  return { project, texts, diagnostics };
}
