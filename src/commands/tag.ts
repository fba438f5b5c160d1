import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { effectiveValence } from '../codebook/effective-valence.js';
import { fingerprint } from '../coding/decision-log.js';
import { placeDecisions } from '../coding/decisions.js';
import { SegmentIndex } from '../coding/lookup.js';
import { trimSpan } from '../coding/quote-context.js';
import { parseValence } from '../coding/valence.js';
import type { Lang, Valence } from '../model/codebook.js';
import { TAG_LINES } from '../i18n/commands.js';
import type { DecisionAnchor } from '../model/decision.js';
import type { Segment } from '../model/segment.js';
import type { Source } from '../model/source.js';
import { readCorpus } from '../pipeline/run.js';
import { sameSource } from '../review/from-study.js';
import { lineAt } from '../segment/lines.js';
import { coderName } from '../study/coder.js';
import { DecisionLogFile } from '../study/decision-log-file.js';
import { openStudy, type OpenedStudy } from '../study/open.js';
import { resolveStudyDir } from '../study/resolve.js';
import { displayPath } from '../util/display-path.js';
import { Diagnostics, QiaError } from '../util/diagnostics.js';
import type { CommandResult } from './result.js';

export interface TagOptions {
  allowOutside?: boolean;
  lang?: Lang;
  study?: string;
  coder?: string;
  memo?: string;
}

/**
 * `qia tag <source> <line>[-<line>] <code>[+|-|0]`: one manual coding from the shell, appended
 * to the coder's decision log like a decision made in `qia review` (an `add`), so the next run
 * has it with `origin: manual`. `<source>` is the file's path or its source id; the lines are the
 * file's lines as an editor numbers them. `qia untag` takes a tag back (a `remove`).
 */
export async function run(args: string[], opts: Record<string, unknown>): Promise<CommandResult> {
  return tagOrUntag('tag', args, opts as TagOptions);
}

export async function tagOrUntag(op: 'tag' | 'untag', args: string[], o: TagOptions): Promise<CommandResult> {
  // The language of what is printed: --lang, else the study's once it is open (a refusal before
  // that is in --lang or English).
  const said = { lang: o.lang };
  try {
    return await tagOrUntagIn(op, args, o, said);
  } catch (err) {
    if (err instanceof QiaError && said.lang !== undefined) return { diagnostics: [err.toDiagnostic()], exitCode: err.exitCode, lang: said.lang };
    throw err;
  }
}

async function tagOrUntagIn(op: 'tag' | 'untag', args: string[], o: TagOptions, said: { lang: Lang | undefined }): Promise<CommandResult> {
  const [sourceArg = '', linesArg = '', codeArg = ''] = args;
  const lines = parseLines(linesArg);
  const opened = await openStudy(studyOf(sourceArg, o.study), { allowOutside: Boolean(o.allowOutside) });
  const lang = (said.lang ??= opened.study.language);
  const { code, valence } = parseCode(codeArg, opened, op);
  const corpus = await readCorpus(opened);
  const source = corpus.sources.find((s) => sameSource(s, sourceArg) || sameSource(s, relative(opened.study.root, resolve(sourceArg)).split(sep).join('/')));
  if (!source)
    throw new QiaError(
      `${op}/unknown-source`,
      `no source "${sourceArg}" in ${displayPath(opened.study.root)}`,
      {},
      "give the file's path or its id as `qia sources` lists it",
    );
  const ofSource = corpus.segments.filter((s) => s.sourceId === source.id).map((s) => ({ seg: s, ...fileLines(s, source) }));
  const here = ofSource.filter((s) => s.line <= lines.to && s.endLine >= lines.from);
  if (here.length === 0) {
    throw new QiaError(
      `${op}/no-segment`,
      `no text of ${source.id} on line ${lines.label}`,
      { file: source.path, line: lines.from, column: 1 },
      nearestText(ofSource, lines),
    );
  }
  // A range across several turns tags the informants' words, not the interviewer's questions
  // between them (those are context, as in automatic coding); one interviewer turn alone is tagged when asked.
  const spoken = here.filter((s) => !s.seg.interviewer);
  const chosen = op === 'tag' && spoken.length > 0 ? spoken : here;
  const passed = here.filter((s) => !chosen.includes(s));
  // study.yaml's own problems are shown; a coding.coder it could not take would send the tag to someone else's log.
  const settings = opened.diagnostics.filter((d) => d.file !== undefined && d.file.endsWith('study.yaml'));
  const badCoder = settings.find((d) => d.severity === 'error' && d.message.startsWith('coding.coder'));
  if (o.coder === undefined && badCoder)
    throw new QiaError(
      badCoder.code,
      badCoder.message,
      { file: badCoder.file, line: badCoder.line, column: badCoder.column },
      'correct coding.coder in study.yaml, or give --coder NAME',
    );
  const coder = coderName(o.coder, opened.study);
  const log = new DecisionLogFile(opened.study.root, coder);
  const done: string[] = [];
  const tagged = taggedSegments(opened, coder, code, new SegmentIndex(corpus.segments));
  if (op === 'tag') {
    for (const { seg, line, endLine } of chosen) {
      const where = TAG_LINES.where(seg.id, line, endLine, code, lang);
      const had = tagged.get(seg.id);
      const memo = o.memo ?? had?.memo;
      const add = () => log.append({ op: 'add', code, valence, anchor: anchorOn(seg, source, lines), ...(memo ? { memo } : {}) });
      if (had === undefined) {
        done.push(TAG_LINES.tagged(add(), where, sign(valence), lang));
      } else if (had.count === 1 && had.valence === valence && memo === had.memo) {
        // Run twice (a script, a shell history): one coding, not two.
        done.push(TAG_LINES.already(where, sign(valence), lang));
      } else {
        // Another valence or memo for this coder's own tag: take the old one back and tag again,
        // so the segment holds one coding of the code by this coder, not a + and a − side by side.
        const removed = log.append({ op: 'remove', code, anchor: anchorOn(seg, source, lines) });
        done.push(TAG_LINES.retagged(removed, add(), where, sign(had.valence), sign(valence), memo !== had.memo, lang));
      }
    }
  } else {
    const targets = here.map((s) => s.seg).filter((s) => tagged.has(s.id));
    if (targets.length === 0)
      throw new QiaError(
        'untag/nothing',
        `${coder} has no tag of ${code} on line ${lines.label} of ${source.id}`,
        { file: source.path, line: lines.from, column: 1 },
        'qia untag takes back what qia tag or qia review added; a coding in a coder CSV file or an inline tag is edited in that file',
        1,
      );
    for (const seg of targets) done.push(TAG_LINES.untagged(log.append({ op: 'remove', code, anchor: anchorOn(seg, source, lines) }), seg.id, code, lang));
  }
  const notes = passed.map((s) => TAG_LINES.interviewerSkipped(s.seg.id, s.line, s.endLine, lang));
  return { stdout: [...done, ...notes, TAG_LINES.by(coder, displayPath(log.path), lang)].join('\n'), diagnostics: settings, exitCode: 0, lang };
}

/**
 * The lines of the file a segment's words are on, as an editor shows them. A caption cue's
 * segment starts on its timing line and the words follow on the next; a reader's block records
 * both, so a tag on the words' own line finds the cue.
 */
function fileLines(seg: Segment, source: Source): { line: number; endLine: number } {
  let line = seg.line;
  let endLine = seg.endLine;
  for (const b of source.blocks ?? []) {
    if (b.line === undefined || b.span.start >= seg.span.end || b.span.end <= seg.span.start) continue;
    line = Math.min(line, b.line);
    endLine = Math.max(endLine, b.endLine ?? b.line);
  }
  return { line, endLine };
}

/** Where the text nearest the asked lines is, so the user can correct the line number. */
function nearestText(segs: readonly { line: number; endLine: number }[], lines: Lines): string {
  if (segs.length === 0) return 'the source has no text qia codes (see `qia sources`)';
  const before = segs.filter((s) => s.endLine < lines.from).at(-1);
  const after = segs.find((s) => s.line > lines.to);
  const first = segs[0]!.line;
  const last = segs[segs.length - 1]!.endLine;
  const near = [before?.endLine, after?.line].filter((n): n is number => n !== undefined);
  // Whole sentences, each as i18n/diagnostics-id.ts translates it.
  return near.length === 2
    ? `the nearest text is on lines ${near[0]} and ${near[1]}; its text runs from line ${first} to line ${last}`
    : `the nearest text is on line ${near[0]}; its text runs from line ${first} to line ${last}`;
}

/** The study a source path lies in (the nearest folder above it with study.yaml), else --study or the current study. */
function studyOf(sourceArg: string, study: string | undefined): string {
  if (study !== undefined) return resolveStudyDir(study).dir;
  if (sourceArg !== '' && existsSync(sourceArg) && statSync(sourceArg).isFile()) {
    for (let dir = dirname(resolve(sourceArg)); ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'study.yaml'))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  const { dir, bundled } = resolveStudyDir(undefined);
  if (bundled)
    throw new QiaError(
      'tag/no-study',
      'no study here: qia tag writes into a study folder',
      {},
      "run it inside a study, give the source file's path, or --study DIR",
    );
  return dir;
}

interface Lines {
  from: number;
  to: number;
  label: string;
}

function parseLines(arg: string): Lines {
  const m = /^(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(arg.trim());
  const from = m ? Number(m[1]) : NaN;
  const to = m?.[2] !== undefined ? Number(m[2]) : from;
  if (!m || from < 1 || to < from) throw new QiaError('usage/bad-lines', `"${arg}" is not a line or a range of lines`, {}, 'for example 12, or 12-14');
  return { from, to, label: from === to ? `${from}` : `${from}–${to}` };
}

/** `complexity.ease_of_use+`: the code and its valence (without a sign, the code's default: − for an obstacle, else 0). */
function parseCode(arg: string, opened: OpenedStudy, op: 'tag' | 'untag'): { code: string; valence: Valence } {
  const m = /^(.+?)([+\-−0]|[+-]1)?$/.exec(arg.trim());
  const id = m?.[1] ?? '';
  const code = opened.codebook.codes.find((c) => c.id === id);
  if (!code) {
    // A code named by its last part, the start of its id or of any part of it (`ease` → complexity.ease_of_use).
    const lower = id.toLowerCase();
    const close =
      lower === ''
        ? []
        : opened.codebook.codes
            .filter((c) => c.id.startsWith(lower) || c.id.split('.').some((part) => part.startsWith(lower)))
            .map((c) => c.id)
            .slice(0, 4);
    throw new QiaError(
      `${op}/unknown-code`,
      `no code "${id}" in the codebook`,
      {},
      close.length ? `did you mean ${close.join(', ')}?` : 'see `qia codebook show` for the code ids',
    );
  }
  const valence = m?.[2] !== undefined ? parseValence(m[2]) : effectiveValence(code, opened.codebook.codes).default;
  return { code: code.id, valence: valence ?? 0 };
}

function sign(v: Valence): string {
  return v > 0 ? '+' : v < 0 ? '−' : '0';
}

/**
 * The tagged words inside one segment: the lines asked for, when the file's lines are the
 * text's (a transcript in .txt or .md); the whole turn when a reader placed the segment (a
 * caption cue, a table row, a Word paragraph). The words are kept as the quote even when they
 * are the whole turn: when the turn's text changes (a cue by the same speaker inserted before
 * it joins the turn, a typo fixed elsewhere in it) the fingerprint no longer matches, and the
 * quote is what finds the tag again.
 */
function anchorOn(seg: Segment, source: Source, lines: Lines): DecisionAnchor {
  const anchor: DecisionAnchor = { source: seg.sourceId, segment: seg.id, fingerprint: fingerprint(seg.text), line: Math.max(lines.from, seg.line) };
  let start = seg.body.start;
  let end = seg.body.end;
  if (!source.blocks?.length) {
    while (start < end && lineAt(source, start) < lines.from) start++;
    while (end > start && lineAt(source, end - 1) > lines.to) end--;
  }
  const span = trimSpan(source.text, { start, end });
  if (span.end > span.start) {
    anchor.quote = source.text.slice(span.start, span.end);
    anchor.prefix = source.text.slice(Math.max(seg.span.start, span.start - 32), span.start);
    anchor.suffix = source.text.slice(span.end, Math.min(seg.span.end, span.end + 32));
  }
  return anchor;
}

interface MyTag {
  /** Standing additions of the code in the segment (one, unless tagged twice before). */
  count: number;
  /** The valence and memo of the last of them. */
  valence: Valence;
  memo?: string;
}

/**
 * Where this coder's standing additions of `code` are now, replayed as the pipeline replays them
 * (coding/decisions.ts): an `add` adds one, a `remove` takes back every addition of the code in
 * its segment.
 */
function taggedSegments(opened: OpenedStudy, coder: string, code: string, segments: SegmentIndex): Map<string, MyTag> {
  const mine = opened.decisionLogs.filter((log) => log[0]?.coder === coder);
  const tags = new Map<string, MyTag>();
  for (const d of placeDecisions(mine, segments, new Diagnostics()).sort((a, b) => a.seq - b.seq)) {
    if (d.code !== code) continue;
    if (d.op === 'remove') tags.delete(d.segment.id);
    if (d.op !== 'add') continue;
    const tag: MyTag = { count: (tags.get(d.segment.id)?.count ?? 0) + 1, valence: d.valence ?? 0 };
    if (d.memo !== undefined) tag.memo = d.memo;
    tags.set(d.segment.id, tag);
  }
  return tags;
}
