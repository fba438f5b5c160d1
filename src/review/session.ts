import { applyDraft, fromProposal, JUDGING_OPS, type ProposalState } from './effects.js';
import type { DecisionDraft, ReviewItem, Valence } from './types.js';

/**
 * The review session as plain data and pure functions, so it is tested without a terminal.
 * A decision takes two steps, because the log gives its seq: `decide` turns a key's intent into
 * a draft (or a move, or a refusal), the caller records the draft, and `applyRecorded` applies it
 * with its seq. The undo stack keeps each decision's seq and its segment's codings before it.
 */

export interface UndoEntry {
  readonly seq: number;
  readonly op: DecisionDraft['op'];
  /** Where the review stood when the decision was made: undo returns there. */
  readonly index: number;
  readonly cursor: number;
  readonly before: readonly ProposalState[];
}

export interface SessionState {
  readonly items: readonly ReviewItem[];
  /** The item on screen; `items.length` is the end, after the last one. */
  readonly index: number;
  /** The coding under the cursor inside the item. */
  readonly cursor: number;
  /** Per item, its codings after this session's decisions. */
  readonly codings: readonly (readonly ProposalState[])[];
  readonly undo: readonly UndoEntry[];
}

export type ReviewAction =
  | { kind: 'accept' }
  | { kind: 'reject' }
  | { kind: 'recode'; to: string; valence?: Valence }
  | { kind: 'valence'; valence: Valence }
  | { kind: 'flip' }
  | { kind: 'add'; code: string; valence: Valence }
  | { kind: 'memo'; memo: string }
  | { kind: 'skip' }
  | { kind: 'undo' }
  | { kind: 'next' }
  | { kind: 'back' }
  | { kind: 'move'; by: number };

export type RefusalReason =
  | 'no-coding'
  | 'at-end'
  | 'at-start'
  | 'nothing-to-undo'
  | 'manual-accept'
  | 'manual-recode'
  | 'manual-reject'
  | 'same-code'
  | 'same-valence'
  | 'flip-zero'
  | 'duplicate'
  | 'empty-memo';

export interface Refusal {
  reason: RefusalReason;
  code?: string;
}

export type Outcome = { kind: 'record'; draft: DecisionDraft } | { kind: 'move'; state: SessionState } | { kind: 'refuse'; refusal: Refusal };

export function startSession(items: readonly ReviewItem[], startAt = 0): SessionState {
  const codings = items.map((it) => it.proposals.map(fromProposal));
  const index = Math.max(0, Math.min(items.length, Math.trunc(Number.isFinite(startAt) ? startAt : 0)));
  return { items, index, cursor: entryCursor(codings[index]), codings, undo: [] };
}

/** Entering an item puts the cursor on its first undecided coding, so resuming lands on work. */
function entryCursor(list: readonly ProposalState[] | undefined): number {
  const i = list?.findIndex((p) => p.status === 'auto') ?? -1;
  return i < 0 ? 0 : i;
}

export function atEnd(s: SessionState): boolean {
  return s.index >= s.items.length;
}

export function currentCodings(s: SessionState): readonly ProposalState[] {
  return s.codings[s.index] ?? [];
}

export function currentCoding(s: SessionState): ProposalState | undefined {
  return currentCodings(s)[s.cursor];
}

/** Decisions of this session still standing, skips not counted. */
export function decidedCount(s: SessionState): number {
  return s.undo.reduce((n, e) => (e.op === 'skip' ? n : n + 1), 0);
}

const refuse = (reason: RefusalReason, code?: string): Outcome => ({ kind: 'refuse', refusal: code === undefined ? { reason } : { reason, code } });

export function decide(s: SessionState, a: ReviewAction): Outcome {
  switch (a.kind) {
    case 'next':
      return atEnd(s) ? refuse('at-end') : { kind: 'move', state: enter(s, s.index + 1) };
    case 'back':
      return s.index === 0 ? refuse('at-start') : { kind: 'move', state: enter(s, s.index - 1) };
    case 'move': {
      const n = currentCodings(s).length;
      if (n === 0) return refuse('no-coding');
      return { kind: 'move', state: { ...s, cursor: Math.max(0, Math.min(n - 1, s.cursor + a.by)) } };
    }
    case 'undo': {
      const top = s.undo[s.undo.length - 1];
      if (!top) return refuse('nothing-to-undo');
      return { kind: 'record', draft: { item: s.items[top.index]!.id, op: 'undo', undoes: top.seq } };
    }
    default:
      break;
  }
  if (atEnd(s)) return refuse('at-end');
  const item = s.items[s.index]!.id;
  if (a.kind === 'skip') return { kind: 'record', draft: { item, op: 'skip' } };
  if (a.kind === 'add') {
    if (currentCodings(s).some((p) => p.code === a.code || (p.shown === a.code && p.status !== 'rejected'))) return refuse('duplicate', a.code);
    return { kind: 'record', draft: { item, op: 'add', code: a.code, valence: a.valence } };
  }
  const p = currentCoding(s);
  if (!p) return refuse('no-coding');
  const code = p.code;
  // A person's coding (manual, inline tag, coder file) is not the loop's to accept or recode;
  // only an add of this session can be taken back, by `remove`.
  const manual = p.status === 'manual';
  switch (a.kind) {
    case 'accept':
      if (manual) return refuse('manual-accept', code);
      return { kind: 'record', draft: { item, op: 'accept', code } };
    case 'reject':
      if (manual) return p.added ? { kind: 'record', draft: { item, op: 'remove', code } } : refuse('manual-reject', code);
      return { kind: 'record', draft: { item, op: 'reject', code } };
    case 'recode': {
      if (manual) return refuse('manual-recode', code);
      if (a.to === p.shown) {
        // Only the valence differs: that is a valence decision, not a recode.
        if (a.valence === undefined || a.valence === p.valence) return refuse('same-code', a.to);
        return { kind: 'record', draft: { item, op: 'valence', code, valence: a.valence } };
      }
      const draft: DecisionDraft = { item, op: 'recode', code, to: a.to };
      if (a.valence !== undefined && a.valence !== p.valence) draft.valence = a.valence;
      return { kind: 'record', draft };
    }
    case 'valence':
    case 'flip': {
      if (manual && !p.added) return refuse('manual-recode', code);
      if (a.kind === 'flip' && p.valence === 0) return refuse('flip-zero', code);
      const valence: Valence = a.kind === 'flip' ? (p.valence === 1 ? -1 : 1) : a.valence;
      if (valence === p.valence) return refuse('same-valence', code);
      return { kind: 'record', draft: { item, op: 'valence', code, valence } };
    }
    case 'memo': {
      const memo = a.memo.trim();
      if (memo === '') return refuse('empty-memo', code);
      return { kind: 'record', draft: { item, op: 'memo', code, memo } };
    }
  }
}

function enter(s: SessionState, index: number): SessionState {
  return { ...s, index, cursor: entryCursor(s.codings[index]) };
}

/** Apply a draft `decide` gave, now written to the log as `seq`. */
export function applyRecorded(s: SessionState, d: DecisionDraft, seq: number): SessionState {
  if (d.op === 'undo') {
    const top = s.undo[s.undo.length - 1];
    if (!top || top.seq !== d.undoes) throw new Error(`undo of seq ${String(d.undoes)} is not the last decision of this session`);
    const codings = s.codings.slice();
    codings[top.index] = top.before;
    return { ...s, codings, index: top.index, cursor: top.cursor, undo: s.undo.slice(0, -1) };
  }
  const index = s.items[s.index]?.id === d.item ? s.index : s.items.findIndex((it) => it.id === d.item);
  if (index < 0) throw new Error(`decision about unknown item ${d.item}`);
  const before = s.codings[index]!;
  const after = applyDraft(before, d);
  const codings = s.codings.slice();
  codings[index] = after;
  const entry: UndoEntry = { seq, op: d.op, index, cursor: index === s.index ? s.cursor : 0, before };
  const next: SessionState = { ...s, index, codings, undo: [...s.undo, entry] };
  if (d.op === 'skip') return enter(next, index + 1);
  if (d.op === 'add') return { ...next, cursor: after.length - 1 };
  if (!JUDGING_OPS.has(d.op)) return next;
  // Like `git add -p`: on to the next undecided coding of the segment, then to the next segment.
  const from = d.op === 'remove' ? s.cursor : s.cursor + 1;
  for (let k = 0; k < after.length; k++) {
    const i = (from + k) % after.length;
    if (after[i]!.status === 'auto') return { ...next, cursor: i };
  }
  return enter(next, index + 1);
}

export interface CodeProgress {
  code: string;
  decided: number;
  total: number;
}

export interface Progress {
  /** Proposals (as loaded, not adds) decided so far, this session's and earlier ones'. */
  decided: number;
  total: number;
  byCode: CodeProgress[];
}

/** Per code, how many of its proposals are decided; codes in the order they first appear. */
export function progress(s: SessionState): Progress {
  const by = new Map<string, CodeProgress>();
  let decided = 0;
  let total = 0;
  for (const list of s.codings) {
    for (const p of list) {
      if (p.added) continue;
      let c = by.get(p.code);
      if (!c) by.set(p.code, (c = { code: p.code, decided: 0, total: 0 }));
      c.total++;
      total++;
      if (p.status !== 'auto') {
        c.decided++;
        decided++;
      }
    }
  }
  return { decided, total, byCode: [...by.values()] };
}
