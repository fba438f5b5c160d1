import type { DecisionDraft, ReviewProposal, Valence } from './types.js';
import type { CodingStatus } from '../model/decision.js';

/**
 * One coding of a segment as the review sees it now. `code` is the identity the log names
 * (the automatic coding's own code, or the code of an `add`); `shown` is what it has become.
 */
export interface ProposalState {
  readonly code: string;
  readonly shown: string;
  readonly valence: Valence;
  readonly status: CodingStatus;
  readonly memo?: string;
  readonly origin: ReviewProposal['origin'];
  /** Made by `add` in this session, so `reject` on it takes the add back (`remove`). */
  readonly added: boolean;
}

export function fromProposal(p: ReviewProposal): ProposalState {
  return { code: p.code, shown: p.to ?? p.code, valence: p.valence, status: p.status, origin: p.origin, added: false };
}

/** The operations that judge one coding (they move the review on to the next undecided one). */
export const JUDGING_OPS = new Set<DecisionDraft['op']>(['accept', 'reject', 'recode', 'valence', 'remove']);

/**
 * What one decision does to a segment's codings, as docs/coding.md's "Decisions" reads the
 * contract in src/model/decision.ts. The session model and `replay` share it, so a resumed
 * session shows exactly what the log says. A decision naming no coding of the segment changes
 * nothing (the merge warns about it; the loop never writes one).
 */
export function applyDraft(list: readonly ProposalState[], d: DecisionDraft): readonly ProposalState[] {
  if (d.op === 'add') {
    if (d.code === undefined) return list;
    return [...list, { code: d.code, shown: d.code, valence: d.valence ?? 0, status: 'manual', origin: 'manual', added: true }];
  }
  const at = list.findIndex((p) => p.code === d.code);
  if (at < 0) return list;
  const p = list[at]!;
  let next: ProposalState | undefined;
  switch (d.op) {
    case 'accept':
      // "Accepted as proposed": an earlier recode no longer stands.
      next = { ...p, shown: p.code, status: 'accepted' };
      break;
    case 'reject':
      next = { ...p, status: 'rejected' };
      break;
    case 'recode':
      next = { ...p, shown: d.to ?? p.shown, valence: d.valence ?? p.valence, status: 'changed' };
      break;
    case 'valence':
      // A person's own coding stays theirs when its valence is corrected.
      next = { ...p, valence: d.valence ?? p.valence, status: p.status === 'manual' ? 'manual' : 'changed' };
      break;
    case 'memo':
      next = d.memo === undefined ? p : { ...p, memo: d.memo };
      break;
    case 'remove':
      next = undefined;
      break;
    default:
      return list;
  }
  const out = list.slice();
  if (next) out[at] = next;
  else out.splice(at, 1);
  return out;
}
