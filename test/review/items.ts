import type { ReviewItem, ReviewProposal } from '../../src/review/types.js';

export function proposal(code: string, valence: -1 | 0 | 1 = 1, more: Partial<ReviewProposal> = {}): ReviewProposal {
  return { code, valence, status: 'auto', rule: `${code}#1`, score: 0.5, matches: [], cues: [], origin: 'rule', coder: 'auto', ...more };
}

export function item(id: string, proposals: ReviewProposal[], text = 'Tidak perlu antre dari subuh lagi, cukup dari rumah.'): ReviewItem {
  return {
    id,
    source: id.split(':')[0]!,
    sourcePath: `sources/${id.split(':')[0]!}.md`,
    informant: 'P1',
    role: 'peserta',
    kind: 'interview',
    line: 3,
    endLine: 4,
    text,
    proposals,
  };
}

/** Three segments: two codings, one, none. */
export function threeItems(): ReviewItem[] {
  return [
    item('interviews/w01:1', [proposal('relative_advantage.time_saving', -1), proposal('complexity.ease_of_use', 1)]),
    item('interviews/w01:2', [proposal('obstacle_internal.server_system', -1)]),
    item('interviews/w01:3', []),
  ];
}
