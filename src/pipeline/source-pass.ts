import { join } from 'node:path';
import { autoCode } from '../coding/auto.js';
import { questionContextEnabled } from '../coding/question-context.js';
import { priorReadingEnabled } from '../coding/prior-reading.js';
import { inlineCodings } from '../coding/inline.js';
import { SegmentIndex } from '../coding/lookup.js';
import type { Matcher } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Informant } from '../model/informant.js';
import type { CodedSegment, Segment } from '../model/segment.js';
import type { Source, SourceInfo } from '../model/source.js';
import type { Study } from '../model/study.js';
import { segmentSource } from '../segment/segment.js';
import { readOne, type Planned } from '../sources/read.js';
import { displayPath } from '../util/display-path.js';
import { Diagnostics } from '../util/diagnostics.js';
import { detached, sharedCopy } from '../util/detach.js';
import { keptWhole } from './source-keys.js';
import type { People } from './people.js';
import type { StreamSettings } from './streamed-pass.js';

/**
 * One source file through read → segment → auto-code → inline tags, keeping only what later
 * stages need: the codings, what the source is (without its text), and the segments that hold a
 * coding, with their words. A source that manual codings or the review file refer to is also
 * kept whole, text and every segment, because those are placed in its text once every coder
 * file has been read.
 *
 * The function is pure in the file it is given, so it runs the same in the main thread and in
 * a worker, and the results merge in plan order whatever thread made them.
 */

export interface PassSettings {
  study: Study;
  informants: readonly Informant[];
  /** Code ids of the codebook, for inline tags. */
  codes: ReadonlySet<string>;
  interviewer: boolean;
  /** Source keys (ids, paths) manual codings and review decisions name: those sources stay whole. */
  keep: ReadonlySet<string>;
  /** Keep every source whole. */
  keepAll: boolean;
  /** False: read and segment only, no coding (for commands that list or search the texts). */
  code: boolean;
  /**
   * Set in a worker thread: its results cross to the main thread as copies, so the strings of
   * the codings need not be detached from the source's text here.
   */
  inWorker?: boolean;
  /**
   * `qia code`'s summary run: a pass not kept whole is reduced to its rows of codings.csv and its
   * counts where it is made (streamed-pass.ts).
   */
  stream?: StreamSettings;
}

export interface SourcePass {
  /** Undefined when the file could not be read (its diagnostics say why). */
  info?: SourceInfo;
  /** The source with its text and every segment, when it was kept whole. */
  whole?: { source: Source; segments: Segment[] };
  /** The segments that hold an automatic or inline coding, with their words. */
  coded: CodedSegment[];
  /** How many segments the source has. */
  segmentCount: number;
  /** The informants who speak in the source's segments, each once, in order of first turn. */
  speakers: string[];
  auto: Coding[];
  inline: Coding[];
  /** Problems reading the file. */
  readDiagnostics: Diagnostic[];
  /** Problems with its inline tags (dropped with the source when its id clashes with another's). */
  inlineDiagnostics: Diagnostic[];
}

/** `bytes`: the file's content when the caller has read it already. `matcher`: undefined when not coding. */
export async function passSource(
  settings: Omit<PassSettings, 'informants'>,
  matcher: Matcher | undefined,
  planned: Planned,
  who: People,
  bytes?: Uint8Array,
): Promise<SourcePass> {
  const readDiags = new Diagnostics();
  const source = await readOne(settings.study, planned, who.byId, readDiags, bytes);
  if (!source) return { coded: [], segmentCount: 0, speakers: [], auto: [], inline: [], readDiagnostics: readDiags.items, inlineDiagnostics: [] };
  const segments = segmentSource(source, who.keys, settings.study.language);
  const speakers = speakersOf(segments);
  // After an error about the file (its front matter is broken, say) this would only repeat it.
  if (source.kind === 'interview' && source.informant === undefined && speakers.length === 0 && !readDiags.hasErrors)
    warnNoInformant(source, readDiags, settings.study.root);
  const auto = matcher
    ? autoCode(segments, matcher, {
        interviewer: settings.interviewer,
        sourceText: () => source.text,
        questionContext: questionContextEnabled(settings.study.settings),
        // Published documents only: a field note is the researcher's own record, coded by hand.
        priorReading: source.kind === 'document' && priorReadingEnabled(settings.study.settings),
      })
    : [];
  const inlineDiags = new Diagnostics();
  const inline = source.inlineTags?.length
    ? inlineCodings([source], new SegmentIndex(segments), settings.codes, inlineDiags, (s) => displayPath(join(settings.study.root, s.path)))
    : [];
  // A source with inline tags stays whole too: its tagger is a coder of every one of its segments.
  const whole = keptWhole(settings, source) || inline.length > 0;
  const codedIds = new Set<string>();
  for (const c of auto) codedIds.add(c.segmentId);
  for (const c of inline) codedIds.add(c.segmentId);
  const codedHere = segments.filter((s) => codedIds.has(s.id));
  // A pass not kept whole in a streamed run is reduced to its rows as soon as it is made, in
  // this thread (streamed-pass.ts): its codings and segments go with the text, so they need no
  // copies of their own (a row's text is copied when the rows are written or set aside).
  const reduced = settings.stream !== undefined && !whole;
  const pass: SourcePass = {
    info: infoOf(source),
    coded: whole || reduced ? codedHere : codedHere.map(codedCopy),
    segmentCount: segments.length,
    speakers,
    auto,
    inline,
    readDiagnostics: readDiags.items,
    inlineDiagnostics: inlineDiags.items,
  };
  if (whole) pass.whole = { source, segments };
  // Codings cut from a text that is let go must not keep it alive. A worker's results reach the
  // main thread as copies anyway (JSON, structured clone).
  else if (!settings.inWorker && !reduced) for (const c of [...auto, ...inline]) detach(c);
  return pass;
}

/**
 * An interview nobody is known to speak in counts for no informant and no role in any display,
 * so say so: usually the front matter is missing, or names no informant.
 */
function warnNoInformant(source: Source, diags: Diagnostics, root: string): void {
  const frontMatter = source.format === 'md' || source.format === 'txt';
  const hasFront = frontMatter && source.bodyLine > 1;
  const why = frontMatter ? (hasFront ? 'its front matter names no `informant:`' : 'it has no front matter') : 'study.yaml gives it no informant';
  diags.warn(
    'source/no-informant',
    `interview with no informant: ${why}, and no speaker label is an id from informants.csv; its codings count for no informant or role`,
    { file: displayPath(join(root, source.path)), line: 1, column: 1 },
    frontMatter
      ? 'start the file with front matter: `---` / `informant: P1` / `---` (an id from informants.csv)'
      : 'add `informant: P1` to its entry in study.yaml, or label the turns with informant ids (`P1: …`)',
  );
}

/** What is kept of a source: everything but its text, as strings of their own. */
function infoOf(source: Source): SourceInfo {
  const info: SourceInfo = {
    id: source.id,
    path: source.path,
    format: source.format,
    kind: source.kind,
    meta: detachedDeep(source.meta) as Record<string, unknown>,
    hash: source.hash,
    bytes: source.bytes,
    bodyLine: source.bodyLine,
    lineStarts: source.lineStarts,
  };
  if (source.lineAnchors) info.lineAnchors = source.lineAnchors;
  for (const k of ['title', 'informant', 'role', 'group', 'date'] as const) if (source[k] !== undefined) info[k] = detached(source[k]!);
  return info;
}

function speakersOf(segments: readonly Segment[]): string[] {
  const speakers = new Set<string>();
  for (const s of segments) if (s.informant !== undefined) speakers.add(detached(s.informant));
  return [...speakers];
}

/** Front matter values may be slices of the file's text too. */
function detachedDeep(v: unknown): unknown {
  if (typeof v === 'string') return detached(v);
  if (Array.isArray(v)) return v.map(detachedDeep);
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = detachedDeep(x);
    return out;
  }
  return v;
}

function detach(c: Coding): void {
  c.quote = detached(c.quote);
  c.prefix = detached(c.prefix);
  c.suffix = detached(c.suffix);
  // In place: a match may be shared by codings, and its copy has the same characters. The
  // matcher's texts are shared copies already, which sharedCopy hands back as they are.
  for (const m of c.matches) m.text = sharedCopy(m.text);
  for (const m of c.cues) m.text = sharedCopy(m.text);
  if (c.memo !== undefined) c.memo = detached(c.memo);
}

/** A coded segment that outlives its source's text: its own copy of its words and labels. */
function codedCopy(s: Segment): CodedSegment {
  const out: CodedSegment = {
    id: s.id,
    sourceId: s.sourceId,
    n: s.n,
    kind: s.kind,
    span: s.span,
    text: detached(s.text),
    body: s.body,
    interviewer: s.interviewer,
    line: s.line,
    endLine: s.endLine,
  };
  if (s.speaker !== undefined) out.speaker = detached(s.speaker);
  if (s.informant !== undefined) out.informant = detached(s.informant);
  if (s.time !== undefined) out.time = detached(s.time);
  if (s.page !== undefined) out.page = s.page;
  return out;
}
