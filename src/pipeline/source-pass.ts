import { join } from 'node:path';
import { autoCode } from '../coding/auto.js';
import { questionContextEnabled } from '../coding/question-context.js';
import { inlineCodings } from '../coding/inline.js';
import { SegmentIndex } from '../coding/lookup.js';
import type { Matcher } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Informant } from '../model/informant.js';
import type { Segment } from '../model/segment.js';
import type { Source } from '../model/source.js';
import type { Study } from '../model/study.js';
import { segmentSource } from '../segment/segment.js';
import { readOne, type Planned } from '../sources/read.js';
import { displayPath } from '../util/display-path.js';
import { Diagnostics } from '../util/diagnostics.js';
import { detached, sharedCopy } from '../util/detach.js';
import { lineStarts } from '../util/lines.js';
import { keptWhole } from './source-keys.js';

/**
 * One source file through read → segment → auto-code → inline tags, with only what later
 * stages need kept: the codings, the source's metadata and, for the segments that were coded,
 * a stub without text. A source that manual codings or the review file refer to is kept
 * whole, because those are placed in its text once every coder file has been read.
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
  /**
   * Set in a worker thread: its results cross to the main thread as copies, so the strings of
   * the codings need not be detached from the source's text here.
   */
  inWorker?: boolean;
  /**
   * When a source is not kept whole, keep the text of its coded segments: the report's quotes
   * and keyword-in-context need those words, and no others.
   */
  codedText?: boolean;
}

export interface SourcePass {
  source?: Source;
  /** True when `source` still has its text and `segments` are complete. */
  whole: boolean;
  /** Every segment when whole; otherwise stubs of the coded segments only (text-less unless `codedText`). */
  segments: Segment[];
  /** How many segments the source has, whether or not they were kept. */
  segmentCount: number;
  /** The informants who speak in the source's segments, each once, in order of first turn. */
  speakers: string[];
  /** Line starts of the source's text, for line numbers after the text is gone (not kept when whole). */
  lines?: number[];
  auto: Coding[];
  inline: Coding[];
  /** Problems reading the file. */
  readDiagnostics: Diagnostic[];
  /** Problems with its inline tags (dropped with the source when its id clashes with another's). */
  inlineDiagnostics: Diagnostic[];
}

/** `bytes`: the file's content when the caller has read it already. */
export async function passSource(settings: PassSettings, matcher: Matcher, planned: Planned, byId: Map<string, Informant>, bytes?: Uint8Array): Promise<SourcePass> {
  const readDiags = new Diagnostics();
  const source = await readOne(settings.study, planned, byId, readDiags, bytes);
  if (!source) return { whole: false, segments: [], segmentCount: 0, speakers: [], auto: [], inline: [], readDiagnostics: readDiags.items, inlineDiagnostics: [] };
  const segments = segmentSource(source, settings.informants, settings.study.language);
  const speakers = new Set<string>();
  for (const s of segments) if (s.informant !== undefined) speakers.add(detached(s.informant));
  const auto = autoCode(segments, matcher, { interviewer: settings.interviewer, sourceText: () => source.text, questionContext: questionContextEnabled(settings.study.settings) });
  const inlineDiags = new Diagnostics();
  const inline = source.inlineTags?.length
    ? inlineCodings([source], new SegmentIndex(segments), settings.codes, inlineDiags, (s) => displayPath(join(settings.study.root, s.path)))
    : [];
  const whole = keptWhole(settings, source);
  const pass: SourcePass = { source, whole, segments, segmentCount: segments.length, speakers: [...speakers], auto, inline, readDiagnostics: readDiags.items, inlineDiagnostics: inlineDiags.items };
  if (whole) return pass;

  // Let the text go: keep line starts for line numbers, and a stub of each coded segment.
  const coded = new Set<string>();
  for (const c of auto) coded.add(c.segmentId);
  for (const c of inline) coded.add(c.segmentId);
  if (coded.size > 0) pass.lines = lineStarts(source.text);
  pass.segments = segments.filter((s) => coded.has(s.id)).map((s) => (settings.codedText ? withText(stub(s), s.text) : stub(s)));
  // A worker's results reach the main thread as copies anyway (JSON, structured clone).
  if (!settings.inWorker) {
    for (const c of auto) detach(c);
    for (const c of inline) detach(c);
  }
  const lite: Source = { ...source, text: '', meta: detachedDeep(source.meta) as Record<string, unknown> };
  for (const k of ['title', 'informant', 'role', 'group', 'date'] as const) if (lite[k] !== undefined) lite[k] = detached(lite[k]!);
  delete lite.blocks;
  delete lite.inlineTags;
  pass.source = lite;
  return pass;
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

/** Codings cut from the text must not keep it alive once it is let go. */
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

const NO_SENTENCES: Segment['sentences'] = [];

function withText(s: Segment, text: string): Segment {
  s.text = detached(text);
  return s;
}

function stub(s: Segment): Segment {
  const out: Segment = { id: s.id, sourceId: s.sourceId, n: s.n, kind: s.kind, span: s.span, text: '', sentences: NO_SENTENCES, body: s.body, interviewer: s.interviewer, line: s.line, endLine: s.endLine };
  if (s.speaker !== undefined) out.speaker = detached(s.speaker);
  if (s.informant !== undefined) out.informant = detached(s.informant);
  if (s.time !== undefined) out.time = detached(s.time);
  if (s.page !== undefined) out.page = s.page;
  return out;
}
