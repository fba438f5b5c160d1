import type { Analysis } from '../model/analysis.js';
import type { LinePlace } from '../segment/lines.js';
import type { Lang, Valence } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Decision, DecisionAnchor } from '../model/decision.js';
import type { Corpus } from '../pipeline/run.js';
import { isWithin } from '../codebook/codes.js';
import { fingerprint, type LoggedDecision } from '../coding/decision-log.js';
import type { PlacedDecision } from '../coding/decisions.js';
import { ruleIds } from '../render/coding-rows.js';
import { MINUS } from '../i18n/labels.js';
import type { Disagreement, StudyAgreement } from '../conclude/agreement/study.js';
import type { StudyCoder } from '../conclude/agreement/study-coders.js';
import { codingLine, reviewItems, type ReviewFilter } from './from-study.js';
import type { DecisionDraft, ReviewItem, ReviewProposal, TextRange } from './types.js';

/**
 * `qia review --disagreements`: the review loop on the segments where a study's coders disagree
 * (docs/agreement.md, "Adjudication"). Each item holds the disagreeing codes' codings, each
 * proposal saying who gave it ("coder-a +, auto −; not coder-b" in its rule text). A code the
 * codebook proposed is the automatic coding, judged as `qia review` judges it; a code only
 * persons gave is the adjudicator's to take over: the loop's drafts about it are translated into
 * the adjudicator's own `add`, `remove`, `valence` and `reject` lines (AdjudicationRecorder).
 */

/** What a proposal of an adjudication item stands for. */
export interface AdjudicationProposal {
  item: string;
  code: string;
  /** The codebook's coding of this code in the segment, when it proposed one. */
  auto?: Coding;
  /** A person's coding of it, for the words an adjudicator's `add` is anchored on. */
  person?: Coding;
  /** The top-level (or named) code whose disagreement it belongs to. */
  disagreement: string;
}

export interface AdjudicationItems {
  items: ReviewItem[];
  /** Keyed by `item` and code (`key`). */
  proposals: Map<string, AdjudicationProposal>;
  /** The disagreements behind the items, for the summary. */
  disagreements: Disagreement[];
}

export const key = (item: string, code: string): string => `${item}\u0000${code}`;

export interface AdjudicationInput {
  agreement: StudyAgreement;
  /** The compared coders as studyCoders made them (their marks say who gave what). */
  coders: readonly StudyCoder[];
  corpus: Corpus;
  analysis: Analysis;
  /** The codebook's proposals (CodingParts.auto) and every person's coding (CodingParts.manual). */
  auto: readonly Coding[];
  manual: readonly Coding[];
  filter?: ReviewFilter;
  lang: Lang;
}

/** The segments with disagreements, in text order, each with the disagreeing codes' proposals. */
export function adjudicationItems(input: AdjudicationInput): AdjudicationItems {
  const { agreement, coders, lang } = input;
  const bySegment = new Map<string, Disagreement[]>();
  for (const d of agreement.disagreements) {
    const seg = d.unit.segmentIds[0]!;
    bySegment.set(seg, [...(bySegment.get(seg) ?? []), d]);
  }
  // The loop's items (words, lines, context) for those segments: one coding per segment is enough to name it.
  const anyCoding = new Map<string, Coding>();
  for (const c of [...input.auto, ...input.manual]) if (bySegment.has(c.segmentId) && !anyCoding.has(c.segmentId)) anyCoding.set(c.segmentId, c);
  const filter: ReviewFilter = {};
  if (input.filter?.source !== undefined) filter.source = input.filter.source;
  if (input.filter?.informant !== undefined) filter.informant = input.filter.informant;
  const shells = reviewItems([...anyCoding.values()], input.corpus, input.analysis, filter);
  const segments = new Map(input.corpus.segments.map((s) => [s.id, s]));

  const proposals = new Map<string, AdjudicationProposal>();
  const items: ReviewItem[] = [];
  const kept: Disagreement[] = [];
  for (const shell of shells) {
    const seg = segments.get(shell.id)!;
    const list: ReviewProposal[] = [];
    for (const d of bySegment.get(shell.id) ?? []) {
      kept.push(d);
      const leafCodes = [...new Set(d.applied.flatMap((x) => x.codes))].sort();
      for (const code of leafCodes) {
        if (proposals.has(key(shell.id, code))) continue;
        const givers = coders.flatMap((c) => {
          const marks = c.marks.filter((m) => m.segmentId === shell.id && m.code === code);
          return marks.length === 0 ? [] : [{ coder: c.name, valence: Math.sign(marks.reduce((s, m) => s + m.valence, 0)) as Valence }];
        });
        const readers = new Set([...d.applied.map((x) => x.coder), ...d.notApplied]);
        const not = coders.filter((c) => readers.has(c.name) && !givers.some((g) => g.coder === c.name)).map((c) => c.name);
        const rule = giversText(givers, not, lang);
        const auto = input.auto.find((c) => c.segmentId === shell.id && c.code === code);
        const person = input.manual.find((c) => c.segmentId === shell.id && c.code === code && givers.some((g) => g.coder === c.coder));
        const p: ReviewProposal = auto
          ? {
              code,
              valence: auto.valence,
              status: 'auto',
              matches: inside(
                auto.matches.map((m) => m.span),
                seg.span,
              ),
              cues: inside(
                auto.cues.map((m) => m.span),
                seg.span,
              ),
              origin: 'rule',
              coder: auto.coder,
              score: auto.score,
              rule: ruleIds(auto) ? `${rule} · ${ruleIds(auto)}` : rule,
            }
          : {
              code,
              valence: commonValence(givers.map((g) => g.valence)),
              // Open for the adjudicator to judge: accepting it makes the coding theirs (an `add`).
              status: 'auto',
              matches: person ? inside([person.span], seg.span) : [],
              cues: [],
              origin: 'manual',
              coder: givers.map((g) => g.coder).join(', '),
              rule,
            };
        // Why it was given: the automatic coding's memo, else the coder's own memo, named.
        if (auto?.memo) p.reason = auto.memo;
        else if (person?.memo) p.reason = `${person.coder}: ${person.memo}`;
        list.push(p);
        const ap: AdjudicationProposal = { item: shell.id, code, disagreement: d.code };
        if (auto) ap.auto = auto;
        if (person) ap.person = person;
        proposals.set(key(shell.id, code), ap);
      }
    }
    if (list.length > 0) items.push({ ...shell, proposals: list });
  }
  return { items, proposals, disagreements: kept };
}

/** "coder-a +, auto −; not coder-b" (Indonesian: "…; tidak oleh coder-b"). */
export function giversText(givers: readonly { coder: string; valence: Valence }[], not: readonly string[], lang: Lang): string {
  const sign = (v: Valence) => (v > 0 ? '+' : v < 0 ? MINUS : '0');
  const gave = givers.map((g) => `${g.coder} ${sign(g.valence)}`).join(', ');
  if (not.length === 0) return gave;
  return `${gave}; ${lang === 'id' ? 'tidak oleh' : 'not'} ${not.join(', ')}`;
}

/** The valence most givers gave; a tie goes to the first giver's. */
function commonValence(vs: readonly Valence[]): Valence {
  let best = vs[0] ?? 0;
  let most = 0;
  for (const v of vs) {
    const n = vs.filter((x) => x === v).length;
    if (n > most) {
      best = v;
      most = n;
    }
  }
  return best;
}

function inside(spans: readonly TextRange[], seg: { start: number; end: number }): TextRange[] {
  return spans.filter((s) => s.start >= seg.start && s.end <= seg.end).map((s) => ({ start: s.start - seg.start, end: s.end - seg.start }));
}

/**
 * The adjudicator's earlier decisions applied to the items, so a resumed adjudication shows what
 * their log says: on the codebook's codings as `qia review` replays them; on a code only persons
 * gave, a standing `add` of it means accepted (with the add's valence, changed when it differs),
 * a `reject` rejected, a `remove` open again, the last of them winning; an addition of any other
 * code is shown as the adjudicator's own coding. Resumes after the last item decided on.
 */
export function replayAdjudication(found: AdjudicationItems, placed: readonly PlacedDecision[], coder: string): { items: ReviewItem[]; resumeAt: number } {
  const at = new Map(found.items.map((it, i) => [it.id, i]));
  const sorted = [...placed].filter((d) => at.has(d.segment.id)).sort((a, b) => a.seq - b.seq);
  const items = found.items.map((it) => ({ ...it, proposals: it.proposals.map((p) => ({ ...p })) }));
  const extra = new Map<string, Map<string, ReviewProposal>>();
  for (const d of sorted) {
    const item = items[at.get(d.segment.id)!]!;
    const ap = d.code === undefined ? undefined : found.proposals.get(key(item.id, d.code));
    const p = d.code === undefined ? undefined : item.proposals.find((x) => x.code === d.code);
    if (ap && p && ap.auto) applyToAuto(p, d);
    else if (ap && p) applyToPersons(p, d, ap);
    else if (d.code !== undefined && (d.op === 'add' || d.op === 'remove' || d.op === 'valence')) {
      const mine = extra.get(item.id) ?? new Map<string, ReviewProposal>();
      extra.set(item.id, mine);
      if (d.op === 'add') mine.set(d.code, { code: d.code, valence: d.valence ?? 0, status: 'manual', matches: [], cues: [], origin: 'manual', coder });
      else if (d.op === 'remove') mine.delete(d.code);
      else if (mine.has(d.code) && d.valence !== undefined) mine.get(d.code)!.valence = d.valence;
    }
  }
  for (const [id, mine] of extra) items[at.get(id)!]!.proposals.push(...mine.values());
  let resumeAt = 0;
  const last = sorted[sorted.length - 1];
  if (last) {
    const i = at.get(last.segment.id)!;
    resumeAt = items[i]!.proposals.some((p) => p.status === 'auto') ? i : i + 1;
  }
  return { items, resumeAt: Math.min(resumeAt, Math.max(0, items.length - 1)) };
}

function applyToAuto(p: ReviewProposal, d: LoggedDecision): void {
  switch (d.op) {
    case 'accept':
      p.status = 'accepted';
      delete p.to;
      break;
    case 'reject':
      p.status = 'rejected';
      break;
    case 'recode':
      p.status = 'changed';
      if (d.to !== undefined) p.to = d.to;
      if (d.valence !== undefined) p.valence = d.valence;
      break;
    case 'valence':
      p.status = 'changed';
      if (d.valence !== undefined) p.valence = d.valence;
      break;
    default:
      break;
  }
}

/** Keeps the valence the proposal was loaded with apart, to tell `accepted` from `changed`. */
const loadedValence = new WeakMap<ReviewProposal, Valence>();

function applyToPersons(p: ReviewProposal, d: LoggedDecision, _ap: AdjudicationProposal): void {
  if (!loadedValence.has(p)) loadedValence.set(p, p.valence);
  const original = loadedValence.get(p)!;
  switch (d.op) {
    case 'add':
      p.valence = d.valence ?? 0;
      p.status = p.valence === original ? 'accepted' : 'changed';
      break;
    case 'valence':
      if (p.status === 'accepted' || p.status === 'changed') {
        p.valence = d.valence ?? p.valence;
        p.status = p.valence === original ? 'accepted' : 'changed';
      }
      break;
    case 'reject':
      p.status = 'rejected';
      break;
    case 'remove':
      p.status = 'auto';
      p.valence = original;
      break;
    default:
      break;
  }
}

/** A line as the log takes it (DecisionLogFile.append): the recorder's caller adds `v`, `seq`, `at` and `coder`. */
export type LogLine = Omit<Decision, 'v' | 'seq' | 'at' | 'coder'>;
/** A line before its anchor is added. */
type Line = Omit<LogLine, 'anchor'>;

interface PersonState {
  /** The code the adjudicator's standing add for this proposal is of, if any. */
  added: string | null;
  /** The valence the loop shows for it. */
  valence: Valence;
}

interface Group {
  /** The seqs this draft wrote, in order. */
  seqs: number[];
  item: string;
  /** The disagreement (its code) the draft decides, for the summary; none for a memo, a skip, a remove. */
  disagreement?: string;
  /** Person-only proposals' states before the draft, to restore on undo. */
  person?: { key: string; before: PersonState }[];
}

/** The operations that decide a disagreement (as StudyAgreement counts adjudication). */
const DECIDING = new Set<Decision['op']>(['accept', 'reject', 'recode', 'valence', 'add']);

/**
 * Writes the loop's drafts to the adjudicator's log. A draft about a codebook coding, an own
 * addition or a skip goes to the log as `qia review` writes it. A draft about a code only persons
 * gave is translated, since the log's accept/reject/recode apply to automatic codings only:
 *
 * - accept        → `add` the code with the valence shown (the adjudicator's own coding);
 * - valence v     → `add` it with v, or `valence` on the adjudicator's add of it;
 * - recode to T   → `reject` the code and `add` T;
 * - reject        → `reject` the code (a record of the judgement; the persons' codings stay theirs);
 * - memo          → `memo` on it;
 *
 * each preceded by a `remove` of an earlier add that no longer stands. An undo of such a draft
 * writes an `undo` for every line it wrote, newest first, so the log always says what the screen
 * shows.
 */
export class AdjudicationRecorder {
  private readonly state = new Map<string, PersonState>();
  private readonly groups: Group[] = [];
  private readonly touched: Group[] = [];

  constructor(
    private readonly found: AdjudicationItems,
    private readonly append: (line: LogLine) => number,
    private readonly anchor: (item: string, code: string | undefined, op: Decision['op'], person?: Coding) => DecisionAnchor,
    initial: readonly ReviewItem[] = found.items,
  ) {
    // A resumed adjudication starts from what the log says: an accepted person-only code is already added.
    for (const it of initial) {
      for (const p of it.proposals) {
        const ap = found.proposals.get(key(it.id, p.code));
        if (!ap || ap.auto) continue;
        this.state.set(key(it.id, p.code), { added: p.status === 'accepted' || p.status === 'changed' ? p.code : null, valence: p.valence });
      }
    }
  }

  /** The loop's `record`: writes the draft's line(s) and returns the seq the loop will know it by. */
  record(d: DecisionDraft): number {
    if (d.op === 'undo') return this.undo(d);
    const ap = d.code === undefined ? undefined : this.found.proposals.get(key(d.item, d.code));
    if (!ap || ap.auto || d.op === 'skip' || d.op === 'add' || d.op === 'remove') {
      // A decision about the codebook's coding is anchored on its words, as qia review anchors it.
      const seq = this.write(d.item, draftLine(d), ap && !ap.auto ? ap.person : undefined);
      const about = DECIDING.has(d.op) ? this.disagreementOf(d.item, d.code, d.to) : undefined;
      this.push({ seqs: [seq], item: d.item, ...(about !== undefined ? { disagreement: about } : {}) });
      return seq;
    }
    const k = key(d.item, ap.code);
    const before = this.state.get(k) ?? { added: null, valence: 0 };
    const now: PersonState = { ...before };
    const lines: Line[] = [];
    const others: { key: string; before: PersonState }[] = [];
    const removeAdded = () => {
      if (now.added !== null) lines.push({ op: 'remove', code: now.added });
      now.added = null;
    };
    switch (d.op) {
      case 'accept':
        if (now.added === ap.code) lines.push({ op: 'valence', code: ap.code, valence: now.valence });
        else {
          removeAdded();
          lines.push({ op: 'add', code: ap.code, valence: now.valence });
          now.added = ap.code;
        }
        break;
      case 'valence':
        now.valence = d.valence ?? now.valence;
        if (now.added !== null) lines.push({ op: 'valence', code: now.added, valence: now.valence });
        else {
          lines.push({ op: 'add', code: ap.code, valence: now.valence });
          now.added = ap.code;
        }
        break;
      case 'recode': {
        if (d.valence !== undefined) now.valence = d.valence;
        removeAdded();
        lines.push({ op: 'reject', code: ap.code });
        const to = d.to ?? ap.code;
        lines.push({ op: 'add', code: to, valence: now.valence });
        now.added = to;
        // The code it becomes may be another proposal of the segment only persons gave: it is added now too.
        const other = key(d.item, to);
        const was = this.state.get(other);
        if (other !== k && was) {
          others.push({ key: other, before: was });
          this.state.set(other, { added: to, valence: now.valence });
        }
        break;
      }
      case 'reject':
        removeAdded();
        lines.push({ op: 'reject', code: ap.code });
        break;
      default:
        lines.push(draftLine(d));
        break;
    }
    const seqs = lines.map((l) => this.write(d.item, l, ap.person));
    this.state.set(k, now);
    this.push({ seqs, item: d.item, ...(d.op === 'memo' ? {} : { disagreement: ap.disagreement }), person: [{ key: k, before }, ...others] });
    return seqs[seqs.length - 1]!;
  }

  private disagreementOf(item: string, ...codes: (string | undefined)[]): string | undefined {
    return this.found.disagreements.find((x) => x.unit.segmentIds[0] === item && codes.some((c) => c !== undefined && isWithin(c, x.code)))?.code;
  }

  /** Disagreements (segment, code) that a standing line of this session is about. */
  decidedHere(): Set<string> {
    return new Set(this.touched.filter((g) => g.disagreement !== undefined).map((g) => key(g.item, g.disagreement!)));
  }

  private undo(d: DecisionDraft): number {
    const g = this.groups.pop();
    if (!g || g.seqs[g.seqs.length - 1] !== d.undoes) {
      // Not one of ours (cannot happen with the loop's stack): undo what it names, as qia review would.
      if (g) this.groups.push(g);
      return this.write(d.item, draftLine(d));
    }
    let seq = 0;
    for (const s of [...g.seqs].reverse()) seq = this.write(g.item, { op: 'undo', undoes: s });
    for (const p of [...(g.person ?? [])].reverse()) this.state.set(p.key, p.before);
    this.touched.splice(this.touched.indexOf(g), 1);
    return seq;
  }

  private push(g: Group): void {
    this.groups.push(g);
    this.touched.push(g);
  }

  private write(item: string, line: Line, person?: Coding): number {
    return this.append({
      ...line,
      anchor: this.anchor(item, line.code, line.op, line.op === 'add' || line.op === 'reject' || line.op === 'valence' ? person : undefined),
    });
  }
}

function draftLine(d: DecisionDraft): Line {
  const { item: _, ...rest } = d;
  return rest;
}

/**
 * The anchor of an adjudication line: as `qia review` anchors it (the segment's fingerprint, and
 * the automatic coding's words for a decision about one), else the words of the person's coding
 * it takes over, so an adjudicator's `add` covers the words the coders coded, not the whole turn.
 */
export function adjudicationAnchor(
  seg: { id: string; sourceId: string; text: string; line: number },
  source: LinePlace | undefined,
  coding: Pick<Coding, 'span' | 'quote' | 'prefix' | 'suffix'> | undefined,
): DecisionAnchor {
  const anchor: DecisionAnchor = { source: seg.sourceId, segment: seg.id, fingerprint: fingerprint(seg.text), line: seg.line };
  if (coding) {
    if (source) anchor.line = codingLine(source, coding);
    anchor.quote = coding.quote;
    anchor.prefix = coding.prefix;
    anchor.suffix = coding.suffix;
  }
  return anchor;
}

/** How many of the disagreements an adjudicator has decided on, counting this session's standing lines. */
export function adjudicatedCount(found: AdjudicationItems, coder: string, here: ReadonlySet<string>): { decided: number; total: number } {
  let decided = 0;
  for (const d of found.disagreements) {
    const before = d.adjudicated.some((m) => m.by === coder);
    if (before || here.has(key(d.unit.segmentIds[0]!, d.code))) decided++;
  }
  return { decided, total: found.disagreements.length };
}
