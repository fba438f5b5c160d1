import type { Valence } from '../../model/codebook.js';
import type { Coding } from '../../model/coding.js';
import type { Segment } from '../../model/segment.js';
import type { Span } from '../../model/span.js';
import { DECISION_LOG_SUFFIX, type LoggedDecision } from '../../coding/decision-log.js';
import { applyDecisions, placeDecisions, type PlacedDecision } from '../../coding/decisions.js';
import { SegmentIndex } from '../../coding/lookup.js';
import { Diagnostics } from '../../util/diagnostics.js';

/**
 * The coders of a study, each with what they applied and which segments they read, as inter-coder
 * agreement compares them (docs/agreement.md, "Coders of a study"):
 *
 * - every manual coder by name: the coder files' rows and the inline tags, each coder reading
 *   every segment of the sources they coded;
 * - every reviewer of a decision log: the automatic codings they accepted or changed (as
 *   changed), not those they rejected, plus what they added, on the segments they made any
 *   decision on; a proposal they left undecided there is missing data for its code;
 * - `auto`: the codebook's proposals before any decision, on every segment but interviewer turns.
 *
 * A name that is both a manual coder and a reviewer is one coder with both. Pure: the codings,
 * segments and logs come from the pipeline.
 */

/** Where a coder's codings come from. */
export type CoderOrigin = 'file' | 'inline' | 'log' | 'codebook';

/** One coding as a coder left it: where, which code, which valence. */
export interface CoderMark {
  segmentId: string;
  sourceId: string;
  code: string;
  valence: Valence;
  span: Span;
  quote: string;
}

export interface StudyCoder {
  name: string;
  from: CoderOrigin[];
  /** True for `auto`: it read every segment but interviewer turns. */
  everySegment: boolean;
  /** Sources read whole (a manual coder's). */
  sources: ReadonlySet<string>;
  /** Single segments read (a reviewer's: those with a decision). */
  segments: ReadonlySet<string>;
  /** What the coder applied. */
  marks: CoderMark[];
  /** Proposals on segments they decided on but left undecided: their code is missing there. */
  open: CoderMark[];
  /** A reviewer's standing decisions, placed (empty for others). */
  decisions: PlacedDecision[];
}

export interface StudyCodingsInput {
  /** Every segment the units are made of (a study's corpus, or the sources kept whole). */
  segments: readonly Segment[];
  /** The automatic codings as proposed (CodingParts.auto). */
  auto: readonly Coding[];
  /** Every person's coding (CodingParts.manual): coder files, inline tags, decision-log additions. */
  manual: readonly Coding[];
  /** The decision logs as written (OpenedStudy.decisionLogs). */
  logs: readonly (readonly LoggedDecision[])[];
  /** The codebook's code ids. */
  codes: ReadonlySet<string>;
}

export const AUTO_CODER = 'auto';

/** The persons (manual coders and reviewers, sorted by name), then `auto`. */
export function studyCoders(input: StudyCodingsInput): StudyCoder[] {
  const persons = new Map<string, StudyCoder>();
  const person = (name: string): StudyCoder => {
    let c = persons.get(name);
    if (!c) persons.set(name, (c = { name, from: [], everySegment: false, sources: new Set(), segments: new Set(), marks: [], open: [], decisions: [] }));
    return c;
  };
  const addFrom = (c: StudyCoder, o: CoderOrigin) => {
    if (!c.from.includes(o)) c.from.push(o);
  };

  for (const m of input.manual) {
    // A decision log's additions belong to its reviewer's view, made below from the log itself.
    if (m.origin === 'manual' && m.from?.file.endsWith(DECISION_LOG_SUFFIX)) continue;
    const c = person(m.coder);
    addFrom(c, m.origin === 'inline' ? 'inline' : 'file');
    (c.sources as Set<string>).add(m.sourceId);
    c.marks.push(mark(m));
  }

  const index = new SegmentIndex(input.segments);
  const quiet = new Diagnostics();
  for (const log of input.logs) {
    const name = log[0]?.coder;
    if (name === undefined) continue;
    const placed = placeDecisions([log], index, quiet);
    if (placed.length === 0) continue;
    const c = person(name);
    addFrom(c, 'log');
    c.decisions.push(...placed);
    const decided = c.segments as Set<string>;
    for (const d of placed) decided.add(d.segment.id);
    const judged = applyDecisions(input.auto, placed, input.codes, quiet);
    for (const a of judged.auto) {
      if (!decided.has(a.segmentId)) continue;
      if (a.status === 'accepted' || a.status === 'changed') c.marks.push(mark(a));
      else if (a.status === 'auto') c.open.push(mark(a));
    }
    for (const a of judged.added) c.marks.push(mark(a));
  }

  const auto: StudyCoder = {
    name: AUTO_CODER,
    from: ['codebook'],
    everySegment: true,
    sources: new Set(),
    segments: new Set(),
    marks: input.auto.map(mark),
    open: [],
    decisions: [],
  };
  const sorted = [...persons.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // A person called "auto" would be indistinguishable from the codebook: the codebook keeps the name.
  return [...sorted.filter((p) => p.name !== AUTO_CODER), auto];
}

function mark(c: Coding): CoderMark {
  return { segmentId: c.segmentId, sourceId: c.sourceId, code: c.code, valence: c.valence, span: c.span, quote: c.quote };
}

/** Whether the coder has any decision-log view (and so may be an adjudicator). */
export function isReviewerOnly(c: StudyCoder): boolean {
  return c.from.length === 1 && c.from[0] === 'log';
}
