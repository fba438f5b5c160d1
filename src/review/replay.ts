import type { Decision } from '../model/decision.js';
import { applyDraft, fromProposal, type ProposalState } from './effects.js';
import type { DecisionDraft, ReviewItem, ReviewProposal } from './types.js';

/**
 * A decision log read back onto the items it was made about, matched by segment id only:
 * enough for the demo and for tests, and a reference for the loader, which must also find
 * segments again after an edit (by `anchor.fingerprint` and the quote) before calling this.
 */
export interface Replayed {
  /** The items with the log's standing decisions applied to their proposals' status, code and valence. */
  items: ReviewItem[];
  /** Where the review resumes: after the last standing decision's item, or on it while it has undecided codings. */
  resumeAt: number;
}

/** Seqs that no longer stand: cancelled by an undo that itself stands (an undo can be undone). */
function cancelledSeqs(log: readonly Decision[]): Set<number> {
  const cancelled = new Set<number>();
  const bySeqDesc = [...log].sort((a, b) => b.seq - a.seq);
  for (const d of bySeqDesc) {
    if (cancelled.has(d.seq)) continue;
    if (d.op === 'undo' && d.undoes !== undefined) cancelled.add(d.undoes);
  }
  return cancelled;
}

function toDraft(d: Decision): DecisionDraft {
  const draft: DecisionDraft = { item: d.anchor.segment, op: d.op };
  if (d.code !== undefined) draft.code = d.code;
  if (d.to !== undefined) draft.to = d.to;
  if (d.valence !== undefined) draft.valence = d.valence;
  if (d.memo !== undefined) draft.memo = d.memo;
  if (d.undoes !== undefined) draft.undoes = d.undoes;
  return draft;
}

function toProposal(p: ProposalState, loaded: ReviewProposal | undefined, coder: string): ReviewProposal {
  const base: ReviewProposal = loaded ? { ...loaded } : { code: p.code, valence: p.valence, status: p.status, matches: [], cues: [], origin: 'manual', coder };
  base.valence = p.valence;
  base.status = p.status;
  if (p.shown !== p.code) base.to = p.shown;
  else delete base.to;
  return base;
}

export function replayLog(items: readonly ReviewItem[], log: readonly Decision[], coder: string): Replayed {
  const cancelled = cancelledSeqs(log);
  const standing = log.filter((d) => d.op !== 'undo' && !cancelled.has(d.seq)).sort((a, b) => a.seq - b.seq);
  const at = new Map(items.map((it, i) => [it.id, i]));
  const codings: (readonly ProposalState[])[] = items.map((it) => it.proposals.map(fromProposal));
  for (const d of standing) {
    const i = at.get(d.anchor.segment);
    if (i !== undefined) codings[i] = applyDraft(codings[i]!, toDraft(d));
  }
  const out = items.map((it, i) => {
    const loaded = new Map(it.proposals.map((p) => [p.code, p]));
    return { ...it, proposals: codings[i]!.map((p) => toProposal(p, loaded.get(p.code), coder)) };
  });
  let resumeAt = 0;
  const last = standing.findLast((d) => at.has(d.anchor.segment));
  if (last) {
    const i = at.get(last.anchor.segment)!;
    const open = codings[i]!.some((p) => p.status === 'auto');
    resumeAt = last.op === 'skip' || !open ? i + 1 : i;
  }
  return { items: out, resumeAt };
}
