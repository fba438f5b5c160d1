import type { Coding } from '../model/coding.js';
import type { Diagnostics } from '../util/diagnostics.js';
import type { PlacedDecision } from './decisions.js';

/**
 * Rejections that name no rule coding of their segment. With `coding.learn` on they may be of a
 * learned proposal (`qia review` lists those), which is made only after the decisions are applied,
 * since it learns from them; so they are held back from `applyDecisions` and applied to the
 * learned proposals by `rejectLearned`. Accepting or changing a learned proposal needs none of
 * this: `qia review` records it as an `add`, the code becoming the reviewer's own.
 */
export function rejectsOfNoRuleCoding(placed: readonly PlacedDecision[], proposed: readonly Coding[]): PlacedDecision[] {
  const ruled = new Set(proposed.map((c) => keyOf(c.segmentId, c.code)));
  return placed.filter((d) => d.op === 'reject' && d.code !== undefined && !ruled.has(keyOf(d.segment.id, d.code)));
}

/**
 * The held rejections applied to the learned proposals: the one a rejection names is `rejected`
 * (listed in codings.csv with its reviewer, counted nowhere). A rejection naming no learned
 * proposal either is noted exactly as `applyDecisions` notes a decision that names no coding.
 */
export function rejectLearned(proposals: readonly Coding[], rejects: readonly PlacedDecision[], diags: Diagnostics): Coding[] {
  const byKey = new Map(proposals.map((c) => [keyOf(c.segmentId, c.code), c]));
  const rejected = new Map<Coding, string>();
  for (const d of [...rejects].sort((a, b) => a.seq - b.seq)) {
    const c = byKey.get(keyOf(d.segment.id, d.code!));
    if (c) {
      rejected.set(c, d.coder);
      continue;
    }
    diags.info(
      'decision/unused',
      `no automatic coding of ${d.code} in ${d.segment.id} to ${d.op}`,
      { file: d.file, line: d.line },
      'the codebook or the transcript changed since the decision; it can stay in the log',
    );
  }
  return proposals.map((c) => {
    const by = rejected.get(c);
    return by === undefined ? c : { ...c, status: 'rejected', reviewer: by };
  });
}

function keyOf(segment: string, code: string): string {
  return `${segment}\u0000${code}`;
}
