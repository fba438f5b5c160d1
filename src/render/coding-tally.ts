import type { CountingPolicy } from '../model/analysis.js';
import type { Coding } from '../model/coding.js';
import { countedCodings } from '../index/counted.js';
import { topCode } from '../coding/merge.js';

/**
 * What `qia code`'s summary table and status line print, counted as codings go by: the codings
 * themselves need not be kept. A tally of one source is made where its codings are (a worker
 * thread) and crosses to the main thread as plain data (Maps and numbers); tallies add up,
 * because every count is a sum over sources.
 */

export interface CodeCount {
  n: number;
  pos: number;
  neu: number;
  neg: number;
  /** Counted codings by the role column of their row ('' for none). */
  roles: Map<string, number>;
}

export interface CodingTally {
  /** Every coding, counted or not. */
  codings: number;
  /** Distinct segments holding a coding (a segment id names its source, so sources add up). */
  segments: number;
  /** Automatic codings manual ones replaced (the sum of every coding's `replaces`). */
  replaced: number;
  /** Codings by status. */
  status: Map<string, number>;
  /** The counted codings (index/counted.ts) by code and by top-level code. */
  counts: Map<string, CodeCount>;
}

export function emptyTally(): CodingTally {
  return { codings: 0, segments: 0, replaced: 0, status: new Map(), counts: new Map() };
}

/**
 * `codings` in the pipeline's order (whole sources: the counting groups a segment's codings,
 * which never span two sources) added to `into`.
 */
export function tallyCodings(
  codings: readonly Coding[],
  counting: CountingPolicy,
  roleOf: (c: Coding) => string,
  into: CodingTally = emptyTally(),
): CodingTally {
  const segments = new Set<string>();
  for (const c of codings) {
    segments.add(c.segmentId);
    into.status.set(c.status, (into.status.get(c.status) ?? 0) + 1);
    into.replaced += c.replaces?.length ?? 0;
  }
  into.codings += codings.length;
  into.segments += segments.size;
  for (const { coding } of countedCodings(codings, counting).counted) {
    const role = roleOf(coding);
    bump(into.counts, coding.code, coding.valence, role);
    const top = topCode(coding.code);
    if (top !== coding.code) bump(into.counts, top, coding.valence, role);
  }
  return into;
}

/** `other` added to `into`. */
export function addTally(into: CodingTally, other: CodingTally): CodingTally {
  into.codings += other.codings;
  into.segments += other.segments;
  into.replaced += other.replaced;
  for (const [s, n] of other.status) into.status.set(s, (into.status.get(s) ?? 0) + n);
  for (const [code, k] of other.counts) {
    const mine = countOf(into.counts, code);
    mine.n += k.n;
    mine.pos += k.pos;
    mine.neu += k.neu;
    mine.neg += k.neg;
    for (const [r, n] of k.roles) mine.roles.set(r, (mine.roles.get(r) ?? 0) + n);
  }
  return into;
}

function bump(counts: Map<string, CodeCount>, code: string, valence: number, role: string): void {
  const k = countOf(counts, code);
  k.n++;
  if (valence > 0) k.pos++;
  else if (valence < 0) k.neg++;
  else k.neu++;
  k.roles.set(role, (k.roles.get(role) ?? 0) + 1);
}

function countOf(counts: Map<string, CodeCount>, code: string): CodeCount {
  let k = counts.get(code);
  if (!k) counts.set(code, (k = { n: 0, pos: 0, neu: 0, neg: 0, roles: new Map() }));
  return k;
}
