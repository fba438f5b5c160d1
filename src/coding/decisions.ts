import type { Valence } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { CodingStatus } from '../model/decision.js';
import type { Segment } from '../model/segment.js';
import { segmentNumber } from '../segment/ids.js';
import type { Diagnostics } from '../util/diagnostics.js';
import { anchorQuote } from './anchor.js';
import { fingerprint, standing, type LoggedDecision } from './decision-log.js';
import { segmentByQuote, type SegmentIndex } from './lookup.js';
import { quoteContext, trimSpan } from './quote-context.js';

/**
 * The researchers' decisions (their logs, model/decision.ts) applied to a run's codings: each
 * standing decision is found again in the current text, then accepts, rejects or corrects the
 * automatic coding it names, or adds (and takes back) a coding of the coder's own.
 */

/** A standing decision and the segment it applies to in the current text. */
export interface PlacedDecision extends LoggedDecision {
  segment: Segment;
}

/**
 * Where each standing decision applies now: the segment it was made on while its words are
 * unchanged (the fingerprint), else the segment of the same source with those words, else the
 * one holding its quote. One whose words are gone is a warning naming its log line, never
 * applied elsewhere.
 */
export function placeDecisions(logs: readonly (readonly LoggedDecision[])[], segments: SegmentIndex, diags: Diagnostics): PlacedDecision[] {
  const out: PlacedDecision[] = [];
  for (const log of logs) {
    for (const d of standing(log)) {
      if (d.op === 'skip') continue;
      const segment = place(d, segments, diags);
      if (segment) out.push({ ...d, segment });
    }
  }
  return out;
}

function place(d: LoggedDecision, segments: SegmentIndex, diags: Diagnostics): Segment | undefined {
  const where = { file: d.file, line: d.line };
  const a = d.anchor;
  const named = segments.get(a.segment);
  if (named && named.sourceId === a.source && fingerprint(named.text) === a.fingerprint) return named;
  const candidates = segments.ofSource(a.source);
  const near = named?.n ?? segmentNumber(a.segment);
  const same = candidates.filter((s) => fingerprint(s.text) === a.fingerprint).sort((x, y) => Math.abs(x.n - near) - Math.abs(y.n - near))[0];
  const found = same ?? (a.quote ? segmentByQuote(candidates, { quote: a.quote, prefix: a.prefix ?? '', suffix: a.suffix ?? '' }, near) : undefined);
  if (!found) {
    diags.warn(
      'decision/unanchored',
      `the words this ${d.op} was made on are not in ${a.source} any more (line ${a.line} then); it was not applied`,
      where,
      'the transcript was edited: judge the coding again in qia review',
    );
    return undefined;
  }
  if (found.id !== a.segment) diags.info('decision/moved', `${a.segment} was edited or moved; this ${d.op} now applies to ${found.id}`, where);
  return found;
}

/** One automatic coding as one coder's decisions leave it. */
interface Judged {
  status: CodingStatus;
  code: string;
  valence: Valence;
  memo?: string;
  /** The log line of the last decision that judged it. */
  at: LoggedDecision;
}

export interface DecisionEffect {
  /** Every automatic coding, with its status (and code, valence, memo) after the decisions. */
  auto: Coding[];
  /** The codings the coders added (`qia review` add, `qia tag`), status `manual`. */
  added: Coding[];
}

/**
 * The placed decisions applied to the automatic codings of their segments, in the order each
 * coder made them; a code they name must be in the codebook. When two coders judged one coding
 * differently, rejection wins, else the first coder by name; the conflict is a warning.
 */
export function applyDecisions(auto: readonly Coding[], placed: readonly PlacedDecision[], codes: ReadonlySet<string>, diags: Diagnostics): DecisionEffect {
  const bySegment = new Map<string, PlacedDecision[]>();
  for (const d of placed) {
    if (!checkCodes(d, codes, diags)) continue;
    const list = bySegment.get(d.segment.id) ?? [];
    list.push(d);
    bySegment.set(d.segment.id, list);
  }
  const autoBySegment = new Map<string, Coding[]>();
  for (const c of auto) if (bySegment.has(c.segmentId)) autoBySegment.set(c.segmentId, [...(autoBySegment.get(c.segmentId) ?? []), c]);

  const judged = new Map<Coding, Map<string, Judged>>();
  const added: Coding[] = [];
  for (const [segmentId, decisions] of bySegment) {
    const codings = autoBySegment.get(segmentId) ?? [];
    for (const [coder, mine] of byCoder(decisions)) {
      const { states, adds } = replay(codings, mine, diags);
      for (const [c, s] of states) {
        const perCoder = judged.get(c) ?? new Map<string, Judged>();
        perCoder.set(coder, s);
        judged.set(c, perCoder);
      }
      for (const a of adds) added.push(addedCoding(a, coder));
    }
  }
  return { auto: auto.map((c) => (judged.has(c) ? judgedCoding(c, judged.get(c)!, diags) : c)), added };
}

function checkCodes(d: PlacedDecision, codes: ReadonlySet<string>, diags: Diagnostics): boolean {
  const unknown = [d.code, d.to].filter((x): x is string => x !== undefined && !codes.has(x));
  if (unknown.length === 0) return true;
  diags.warn(
    'decision/unknown-code',
    `no code ${unknown.join(', ')} in the codebook; this ${d.op} was not applied`,
    { file: d.file, line: d.line },
    'the codebook changed since the decision: judge the coding again in qia review',
  );
  return false;
}

function byCoder(decisions: readonly PlacedDecision[]): [string, PlacedDecision[]][] {
  const m = new Map<string, PlacedDecision[]>();
  for (const d of decisions) m.set(d.coder, [...(m.get(d.coder) ?? []), d]);
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** One coder's decisions on one segment, in the order made. */
function replay(codings: readonly Coding[], decisions: readonly PlacedDecision[], diags: Diagnostics): { states: Map<Coding, Judged>; adds: PlacedDecision[] } {
  const states = new Map<Coding, Judged>();
  let adds: PlacedDecision[] = [];
  for (const d of [...decisions].sort((a, b) => a.seq - b.seq)) {
    if (d.op === 'add') {
      adds.push(d);
      continue;
    }
    if (d.op === 'remove') {
      const before = adds.length;
      adds = adds.filter((a) => a.code !== d.code);
      if (adds.length === before)
        diags.warn('decision/unused', `no coding of ${d.code} added by ${d.coder} in ${d.segment.id} to take back`, { file: d.file, line: d.line });
      continue;
    }
    const c = codings.find((x) => x.code === d.code);
    const add = adds.find((a) => a.code === d.code);
    if (!c) {
      // A memo or valence on the coder's own addition corrects the addition.
      if (add && d.op === 'valence' && d.valence !== undefined) add.valence = d.valence;
      else if (add && d.op === 'memo' && d.memo !== undefined) add.memo = d.memo;
      else
        diags.info(
          'decision/unused',
          `no automatic coding of ${d.code} in ${d.segment.id} to ${d.op}`,
          { file: d.file, line: d.line },
          'the codebook or the transcript changed since the decision; it can stay in the log',
        );
      continue;
    }
    const s: Judged = states.get(c) ?? { status: 'auto', code: c.code, valence: c.valence, at: d };
    states.set(c, judge(s, d, c));
  }
  return { states, adds };
}

/** What one decision does to a judged coding (model/decision.ts). */
function judge(s: Judged, d: PlacedDecision, proposed: Coding): Judged {
  const next: Judged = { ...s, at: d };
  switch (d.op) {
    case 'accept':
      return { ...next, status: 'accepted', code: proposed.code, valence: proposed.valence };
    case 'reject':
      return { ...next, status: 'rejected' };
    case 'recode':
      return { ...next, status: 'changed', code: d.to ?? s.code, valence: d.valence ?? s.valence };
    case 'valence':
      return { ...next, status: 'changed', valence: d.valence ?? s.valence };
    case 'memo':
      return d.memo === undefined ? s : { ...s, memo: d.memo };
    default:
      return s;
  }
}

/** An automatic coding as its reviewers left it. */
function judgedCoding(c: Coding, byReviewer: Map<string, Judged>, diags: Diagnostics): Coding {
  const reviewers = [...byReviewer.keys()].sort();
  const verdicts = reviewers.map((r) => byReviewer.get(r)!);
  const same = verdicts.every((v) => v.status === verdicts[0]!.status && v.code === verdicts[0]!.code && v.valence === verdicts[0]!.valence);
  if (!same) {
    const last = verdicts.reduce((a, b) => (b.at.seq > a.at.seq ? b : a)).at;
    diags.warn(
      'decision/conflict',
      `${reviewers.join(' and ')} judged the automatic coding of ${c.code} in ${c.segmentId} differently (${verdicts.map((v, i) => `${reviewers[i]}: ${v.status}`).join(', ')}); ${verdicts.some((v) => v.status === 'rejected') ? 'rejection' : `${reviewers[0]}'s decision`} stands`,
      { file: last.file, line: last.line },
      'agree on one decision (qia review --disagreements), then undo the other',
    );
  }
  const chosen = same ? verdicts[0]! : (verdicts.find((v) => v.status === 'rejected') ?? verdicts[0]!);
  const out: Coding = { ...c, status: chosen.status, reviewer: same ? reviewers.join(';') : reviewers[verdicts.indexOf(chosen)]! };
  if (chosen.status === 'changed') {
    out.proposed = { code: c.code, valence: c.valence };
    out.code = chosen.code;
    out.valence = chosen.valence;
  }
  const memo = verdicts.find((v) => v.memo !== undefined)?.memo;
  if (memo !== undefined) out.memo = memo;
  return out;
}

/** A coder's own coding from an `add`: on the words it names inside its segment, else the whole turn. */
function addedCoding(d: PlacedDecision, coder: string): Coding {
  const seg = d.segment;
  const base = seg.span.start;
  const found = d.anchor.quote ? anchorQuote(seg.text, { quote: d.anchor.quote, prefix: d.anchor.prefix ?? '', suffix: d.anchor.suffix ?? '' }) : undefined;
  // Offsets in the segment's own text, then absolute in the source.
  const inSegment = found?.span ?? trimSpan(seg.text, { start: seg.body.start - base, end: seg.body.end - base });
  const q = quoteContext(seg.text, inSegment);
  const coding: Coding = {
    segmentId: seg.id,
    sourceId: seg.sourceId,
    code: d.code!,
    valence: d.valence ?? 0,
    coder,
    origin: 'manual',
    status: 'manual',
    span: { start: base + inSegment.start, end: base + inSegment.end },
    quote: q.quote,
    prefix: q.prefix,
    suffix: q.suffix,
    matches: [],
    cues: [],
    score: 1,
    from: { file: d.file, line: d.line },
  };
  if (d.memo !== undefined) coding.memo = d.memo;
  return coding;
}
