import type { CodeChoice } from './types.js';

/** The code picker's state: what has been typed and which of the matching codes is chosen. */
export interface Completion {
  readonly query: string;
  readonly selected: number;
}

export const emptyCompletion: Completion = { query: '', selected: 0 };

/** Whether `q` starts a word of `s` (after a dot, underscore, space, hyphen or slash). */
function startsWord(s: string, q: string): boolean {
  for (let i = s.indexOf(q); i >= 0; i = s.indexOf(q, i + 1)) {
    if (i === 0 || '._ -/'.includes(s[i - 1]!)) return true;
  }
  return false;
}

/** Lower is better; undefined when the code does not match at all. */
function rank(c: CodeChoice, q: string): number | undefined {
  const id = c.id.toLowerCase();
  const label = c.label.toLowerCase();
  if (id.startsWith(q)) return 0;
  if (startsWord(id, q)) return 1;
  if (startsWord(label, q)) return 2;
  if (id.includes(q)) return 3;
  if (label.includes(q)) return 4;
  return undefined;
}

/**
 * Codes whose id or label contains the query, ignoring case, best first: ids that start with
 * it, then ids and labels with a word that starts with it, then any other place, each in
 * codebook order. So "server" finds obstacle_internal.server_system before obSERVability.
 */
export function candidates(codes: readonly CodeChoice[], query: string): CodeChoice[] {
  const q = query.trim().toLowerCase();
  if (q === '') return codes.slice();
  const ranked: [number, number, CodeChoice][] = [];
  codes.forEach((c, i) => {
    const r = rank(c, q);
    if (r !== undefined) ranked.push([r, i, c]);
  });
  return ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
}

export function typed(c: Completion, text: string): Completion {
  return { query: c.query + text, selected: 0 };
}

export function erased(c: Completion): Completion {
  return { query: [...c.query].slice(0, -1).join(''), selected: 0 };
}

export function chosen(c: Completion, codes: readonly CodeChoice[], by: number): Completion {
  const n = candidates(codes, c.query).length;
  if (n === 0) return c;
  return { ...c, selected: (((c.selected + by) % n) + n) % n };
}

/**
 * Tab: first extend the query to what every matching id shares (as a shell completes a file
 * name), and when that adds nothing, take the chosen code's id.
 */
export function tabbed(c: Completion, codes: readonly CodeChoice[]): Completion {
  const list = candidates(codes, c.query);
  if (list.length === 0) return c;
  const q = c.query.toLowerCase();
  if (list.every((x) => x.id.toLowerCase().startsWith(q))) {
    const common = commonPrefix(list.map((x) => x.id));
    if (common.length > c.query.length) return { query: common, selected: 0 };
  }
  const pick = list[Math.min(c.selected, list.length - 1)]!;
  return pick.id === c.query ? c : { query: pick.id, selected: 0 };
}

/** Enter: the code typed exactly, else the chosen match; none when nothing matches. */
export function confirmed(c: Completion, codes: readonly CodeChoice[]): CodeChoice | undefined {
  const exact = codes.find((x) => x.id === c.query.trim());
  if (exact) return exact;
  const list = candidates(codes, c.query);
  return list[Math.min(c.selected, list.length - 1)];
}

function commonPrefix(ids: readonly string[]): string {
  let p = ids[0] ?? '';
  for (const id of ids) {
    let i = 0;
    while (i < p.length && i < id.length && p[i] === id[i]) i++;
    p = p.slice(0, i);
  }
  return p;
}
