import type { CodeChoice } from './types.js';

/** The code picker's state: what has been typed and which of the matching codes is chosen. */
export interface Completion {
  readonly query: string;
  readonly selected: number;
}

export const emptyCompletion: Completion = { query: '', selected: 0 };

/**
 * Codes whose id or label contains the query, ignoring case. Ids that start with it come first,
 * then other id matches, then label-only matches, each in codebook order, so typing the start
 * of an id puts it on top while a word of a label still finds its code.
 */
export function candidates(codes: readonly CodeChoice[], query: string): CodeChoice[] {
  const q = query.trim().toLowerCase();
  if (q === '') return codes.slice();
  const prefix: CodeChoice[] = [];
  const inId: CodeChoice[] = [];
  const inLabel: CodeChoice[] = [];
  for (const c of codes) {
    const id = c.id.toLowerCase();
    if (id.startsWith(q)) prefix.push(c);
    else if (id.includes(q)) inId.push(c);
    else if (c.label.toLowerCase().includes(q)) inLabel.push(c);
  }
  return [...prefix, ...inId, ...inLabel];
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
