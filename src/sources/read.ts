import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Informant } from '../model/informant.js';
import type { Lookup } from '../util/lookup.js';
import { SOURCE_KINDS, type Block, type LineAnchor, type Source, type SourceFormat, type SourceKind } from '../model/source.js';
import type { SourceSpec, Study } from '../model/study.js';
import { displayPath } from '../util/display-path.js';
import { isCalendarDate } from '../util/date.js';
import { Diagnostics } from '../util/diagnostics.js';
import { lineStarts } from '../util/lines.js';
import { findBrokenLinks } from './broken-links.js';
import { checkInside, OUTSIDE_HINT, refusalText } from '../util/boundary.js';
import type { ReadResult } from './reader.js';
import { formatOfExtension, readableExtensions, SOURCE_FORMATS } from './formats.js';
import { limitsOf } from './limits.js';

/** Front matter keys that become Source fields; the rest stay in `meta`. */
const UNDERSTOOD = new Set(['kind', 'informant', 'role', 'group', 'date', 'title']);

/** Source id: the path without extension, with the conventional leading `sources/` dropped. */
export function sourceIdOf(relPath: string): string {
  const noExt = relPath.slice(0, relPath.length - extname(relPath).length);
  return noExt.startsWith('sources/') ? noExt.slice('sources/'.length) : noExt;
}

/** A folder named after a kind is a good guess when neither front matter nor study.yaml says. */
function kindFromPath(relPath: string): SourceKind | undefined {
  const p = relPath.toLowerCase();
  if (/(^|\/)(interviews?|wawancara|transkrip|transcripts?)(\/|$)/.test(p)) return 'interview';
  if (/(^|\/)(observations?|observasi|catatan-lapangan|fieldnotes?)(\/|$)/.test(p)) return 'observation';
  if (/(^|\/)(documents?|dokumen|dokumentasi)(\/|$)/.test(p)) return 'document';
  return undefined;
}

/** A file a study's globs matched, with the study.yaml entry that claimed it. */
export interface Planned {
  rel: string;
  spec: SourceSpec;
}

/** Expand every glob; a file matched by several entries belongs to the first. */
export async function plan(study: Study, diags: Diagnostics): Promise<Planned[]> {
  const file = displayPath(study.file);
  const taken = new Map<string, Planned>();
  for (const spec of study.sources) {
    const matches = (await glob(spec.glob, { cwd: study.root, onlyFiles: true, dot: false, expandDirectories: false }))
      .map((m) => m.split('\\').join('/'))
      .filter((m) => !m.split('/').some((part) => part.startsWith('~$')) && !m.startsWith('out/'))
      .sort();
    if (matches.length === 0) {
      if (isDynamicPattern(spec.glob)) {
        diags.warn(
          'source/glob-no-match',
          `source glob \`${spec.glob}\` matches no file`,
          { file, line: spec.line, column: spec.column ?? 1 },
          'check the folder name, or remove the entry',
        );
      } else {
        diags.error(
          'source/missing',
          `source file ${spec.glob} does not exist`,
          { file, line: spec.line, column: spec.column ?? 1 },
          'check the path, relative to the study folder',
        );
      }
    }
    for (const rel of matches) if (!taken.has(rel)) taken.set(rel, { rel, spec });
  }
  const kept = await readable(study, [...taken.values()], diags);
  for (const link of await findBrokenLinks(
    study.root,
    study.sources.map((s) => s.glob),
  )) {
    diags.warn(
      'source/broken-link',
      `broken symbolic link to ${link.target} (the target does not exist); the file is left out`,
      { file: displayPath(join(study.root, link.rel)) },
      'restore the file it points to, or remove the link',
    );
  }
  return kept.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/**
 * The planned files qia may read: regular files inside the study (src/study/boundary.ts), each
 * real file once, however many links lead to it (a `loop -> ..` link would read every source twice).
 */
async function readable(study: Study, planned: readonly Planned[], diags: Diagnostics): Promise<Planned[]> {
  const byReal = new Map<string, Planned>();
  const twice: string[] = [];
  const sorted = [...planned].sort((a, b) => a.rel.length - b.rel.length || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  for (const p of sorted) {
    const abs = join(study.root, p.rel);
    const checked = await checkInside(study.root, abs, study.allowOutside);
    if (checked.refused === 'missing') {
      byReal.set(abs, p); // reported when it is read
    } else if (checked.refused) {
      diags.error('source/outside-study', `${p.rel} is not read: ${refusalText(checked.refused)}`, { file: displayPath(abs) }, OUTSIDE_HINT);
    } else if (byReal.has(checked.real!)) {
      twice.push(p.rel);
    } else byReal.set(checked.real!, p);
  }
  if (twice.length > 0) {
    diags.warn(
      'source/same-file',
      `${twice.length} file${twice.length === 1 ? '' : 's'} reached a second time through a link (first: ${twice.sort()[0]}); each is read once`,
      { file: displayPath(join(study.root, twice[0]!)) },
      'a link to a folder above the sources (e.g. `loop -> ..`) makes every file appear twice; remove it',
    );
  }
  return [...byReal.values()];
}

function asString(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/**
 * One planned file read into a Source; undefined (with a diagnostic) when it cannot be used.
 * `given` is the file's bytes when the caller has read them already (the pass cache has).
 */
export async function readOne(study: Study, p: Planned, byId: Lookup<Informant>, diags: Diagnostics, given?: Uint8Array): Promise<Source | undefined> {
  const abs = join(study.root, p.rel);
  const file = displayPath(abs);
  const format = formatOfExtension(extname(p.rel));
  if (!format) {
    diags.error(
      'source/unknown-extension',
      `cannot read ${extname(p.rel) || 'files without an extension'}`,
      { file },
      `sources are ${readableExtensions()}; narrow the glob in study.yaml or convert the file`,
    );
    return undefined;
  }
  const bytes = given ?? (await readRegularFile(abs, file, diags));
  if (!bytes) return undefined;
  const r = await SOURCE_FORMATS[format].read(bytes, limitsOf(study.settings));
  if (!reported(r, file, diags)) return undefined;
  if (r.text.trim() === '') {
    diags.error('source/empty', 'source has no text', { file, line: r.bodyLine, column: 1 }, 'add the transcript, or remove the file');
    return undefined;
  }
  const front = r.front ?? {};
  const frontAt = (key: string) => ({ file, line: r.frontLines?.[key] ?? 1, column: 1 });
  const source: Source = {
    id: sourceIdOf(p.rel),
    path: p.rel,
    format,
    kind: kindOf(front, p, format, diags, frontAt),
    text: r.text,
    meta: {},
    hash: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    bodyLine: r.bodyLine,
    lineStarts: lineStarts(r.text),
  };
  describe(source, front, p.spec, byId, diags, frontAt);
  if (r.blocks) source.blocks = r.blocks;
  const anchors = r.lineAnchors ?? anchorsOfBlocks(r.blocks);
  if (anchors.length > 0) source.lineAnchors = anchors;
  if (r.inlineTags) source.inlineTags = r.inlineTags;
  return source;
}

/** A block the reader placed on a line of the file (a CSV row, a DOCX paragraph) anchors its text there. */
function anchorsOfBlocks(blocks: readonly Block[] | undefined): LineAnchor[] {
  const out: LineAnchor[] = [];
  for (const b of blocks ?? []) if (b.line !== undefined) out.push({ offset: b.span.start, line: b.line });
  return out;
}

type At = (key: string) => { file: string; line: number; column: number };

/** The bytes of a regular file (a named pipe would block the read), or undefined, reported. */
async function readRegularFile(abs: string, file: string, diags: Diagnostics): Promise<Uint8Array | undefined> {
  // Read at once, not through the thread pool: a source is a file of a few kilobytes to a few
  // megabytes, and the asynchronous stat, open, fstat, read and close (and a FileHandle to
  // collect) cost a study of thousands of small files more CPU than reading them.
  try {
    const st = statSync(abs);
    if (!st.isFile()) throw new Error('not a regular file');
    return readFileSync(abs);
  } catch (err) {
    diags.error(
      'source/unreadable',
      `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      { file },
      'check that the file exists and you may read it',
    );
    return undefined;
  }
}

/** The reader's problems as diagnostics; false when the file could not be read at all (a file with fixable flaws still loads). */
function reported(r: ReadResult, file: string, diags: Diagnostics): boolean {
  let usable = true;
  for (const pr of r.problems) {
    const d: Diagnostic = { severity: pr.severity, code: pr.code, message: pr.message, file };
    if (pr.line !== undefined) {
      d.line = pr.line;
      d.column = pr.column ?? 1;
    }
    if (pr.hint) d.hint = pr.hint;
    diags.add(d);
    if (pr.severity === 'error' && pr.code !== 'source/front-matter-invalid') usable = false;
  }
  return usable;
}

/** Front matter `kind`, else study.yaml's entry, else the folder's name, else the format's default. */
function kindOf(front: Record<string, unknown>, p: Planned, format: SourceFormat, diags: Diagnostics, frontAt: At): SourceKind {
  const fk = asString(front['kind']);
  if (fk !== undefined) {
    if ((SOURCE_KINDS as readonly string[]).includes(fk)) return fk as SourceKind;
    diags.warn('source/unknown-kind', `kind \`${fk}\` is not ${SOURCE_KINDS.join(', ')}; using the default`, frontAt('kind'));
  }
  return p.spec.kind ?? kindFromPath(p.rel) ?? SOURCE_FORMATS[format].defaultKind;
}

/** Informant, role, group, title, date and the rest of the front matter: front matter first, then study.yaml's entry, then the informant's row. */
function describe(source: Source, front: Record<string, unknown>, spec: SourceSpec, byId: Lookup<Informant>, diags: Diagnostics, frontAt: At): void {
  const informantId = asString(front['informant']) ?? spec.informant;
  if (informantId !== undefined) {
    const inf = byId.get(informantId.toLowerCase());
    if (inf) source.informant = inf.id;
    else {
      source.informant = informantId;
      if (asString(front['informant']) !== undefined) {
        diags.error(
          'source/unknown-informant',
          `informant ${informantId} is not listed in informants.csv`,
          frontAt('informant'),
          'add a row to informants.csv or correct the id',
        );
      }
    }
  }
  const inf = source.informant ? byId.get(source.informant.toLowerCase()) : undefined;
  const role = asString(front['role'])?.toLowerCase() ?? spec.role ?? (inf?.role || undefined);
  if (role) source.role = role;
  const group = asString(front['group'])?.toLowerCase() ?? spec.group ?? (inf?.group || undefined);
  if (group) source.group = group;
  const title = asString(front['title']) ?? spec.title;
  if (title) source.title = title;
  const date = asString(front['date']) ?? spec.date;
  if (date) {
    source.date = date;
    if (!isCalendarDate(date))
      diags.warn('source/invalid-date', `date \`${date}\` is not a day written YYYY-MM-DD`, frontAt('date'), 'time-ordered displays sort by this date');
  }
  for (const [k, v] of Object.entries(front)) if (!UNDERSTOOD.has(k)) source.meta[k] = v;
  checkSpeakers(source, byId, diags, frontAt('speakers'));
}

/** `speakers:` maps a label as written to an informant id or the word `interviewer`. */
function checkSpeakers(source: Source, byId: Lookup<Informant>, diags: Diagnostics, where: { file: string; line: number; column: number }): void {
  const sp = source.meta['speakers'];
  if (sp === undefined) return;
  if (sp === null || typeof sp !== 'object' || Array.isArray(sp)) {
    diags.warn('source/invalid-speakers', '`speakers` must map a label to an informant id or `interviewer`, e.g. `{P: interviewer, "Bu Rina": S1}`', where);
    delete source.meta['speakers'];
    return;
  }
  const clean: Record<string, string> = {};
  for (const [label, value] of Object.entries(sp as Record<string, unknown>)) {
    const v = asString(value);
    if (v === undefined) continue;
    if (v.toLowerCase() === 'interviewer') clean[label] = 'interviewer';
    else if (byId.has(v.toLowerCase())) clean[label] = byId.get(v.toLowerCase())!.id;
    else {
      diags.error(
        'source/unknown-informant',
        `speaker ${label} maps to ${v}, which is not listed in informants.csv`,
        where,
        'use an informant id or the word interviewer',
      );
      clean[label] = v;
    }
  }
  source.meta['speakers'] = clean;
}

/**
 * Two files with one id (`a.md` and `a.txt`): the first read, in path order, keeps it; each
 * later one is a located error and is left out. `ids` maps the ids claimed so far to their paths.
 */
export function claimId(ids: Map<string, string>, source: Pick<Source, 'id' | 'path'>, root: string, diags: Diagnostics): boolean {
  const clash = ids.get(source.id);
  if (clash !== undefined) {
    diags.error(
      'source/duplicate-id',
      `${source.path} has the same id (${source.id}) as ${clash}`,
      { file: displayPath(join(root, source.path)) },
      'rename one of the files; ids are paths without extension',
    );
    return false;
  }
  ids.set(source.id, source.path);
  return true;
}
