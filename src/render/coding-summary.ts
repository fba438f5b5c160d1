import Table from 'cli-table3';

/** No rule between body rows: long lists stay readable in a terminal. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
import type { Codebook, Lang } from '../model/codebook.js';
import { header } from '../i18n/listing.js';
import type { CodeCount } from './coding-tally.js';

const ROLE_ORDER = ['head', 'staff', 'user', 'partner'];

export function orderRoles(roles: Iterable<string>): string[] {
  const rank = (r: string) => {
    const i = ROLE_ORDER.indexOf(r);
    return i !== -1 ? i : r === 'interviewer' ? 100 : r === '' ? 101 : 50;
  };
  return [...new Set(roles)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Code × count by valence and by role. Every top-level code of the codebook gets a row (a
 * zero says as much as a count); sub-codes follow their parent, indented, when they occur.
 * A parent's row counts its sub-codes too (coding-tally.ts counts both).
 */
export function summaryTable(codebook: Codebook, counts: ReadonlyMap<string, CodeCount>, lang: Lang = 'en'): string {
  const roles = orderRoles([...counts.values()].flatMap((k) => [...k.roles.keys()]));
  const table = new Table({
    head: [header('code', lang), 'n', '+', '0', '-', ...roles.map((r) => r || header('noRole', lang))],
    style: { head: [], border: [] },
    chars: COMPACT,
    colAligns: ['left', 'right', 'right', 'right', 'right', ...roles.map(() => 'right' as const)],
  });
  const known = new Set(codebook.codes.map((c) => c.id));
  const order = [...codebook.codes.map((c) => c.id), ...[...counts.keys()].filter((c) => !known.has(c)).sort()];
  for (const id of order) {
    const k = counts.get(id);
    const isTop = !id.includes('.');
    if (!k && !isTop) continue;
    const label = isTop ? id : `  .${id.slice(id.indexOf('.') + 1)}`;
    const z = k ?? { n: 0, pos: 0, neu: 0, neg: 0, roles: new Map<string, number>() };
    table.push([label, z.n, z.pos, z.neu, z.neg, ...roles.map((r) => z.roles.get(r) ?? 0)]);
  }
  return table.toString();
}
