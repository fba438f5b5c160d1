import type { Informant } from '../model/informant.js';
import { informantKeys, type InformantKeys } from '../segment/labels.js';

/** The study's informants as the readers and the segmenter look them up, made once per thread. */
export interface People {
  /** By lower-cased id (front matter `informant:`). */
  byId: Map<string, Informant>;
  /** By every key a speaker label may name them with. */
  keys: InformantKeys;
}

export function people(informants: readonly Informant[]): People {
  const byId = new Map<string, Informant>();
  for (const inf of informants) byId.set(inf.id.toLowerCase(), inf);
  return { byId, keys: informantKeys(informants) };
}

/** An informant as it crosses to a worker thread: id, label, role, group, line. */
export type InformantRow = [string, string, string, string, number];

/**
 * The informants as a worker thread gets them: what reading, segmenting and the rows of
 * codings.csv use, without informants.csv's further columns. Every worker holds its own copy
 * of the table, so with one informant per transcript it is a good part of what a worker keeps
 * (48,000 informants: the further columns alone were about 6 MB a thread). As rows of five
 * values they also cross as five values each, not as objects holding objects.
 */
export function informantRows(informants: readonly Informant[]): InformantRow[] {
  return informants.map((i) => [i.id, i.label, i.role, i.group, i.line]);
}

const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** The rows back as informants, in the worker: one empty `attrs` for all, each role and group one string. */
export function informantsOfRows(rows: readonly InformantRow[]): Informant[] {
  const names = new Map<string, string>();
  const one = (s: string) => names.get(s) ?? (names.set(s, s), s);
  return rows.map(([id, label, role, group, line]) => ({ id, label, role: one(role), group: one(group), attrs: NO_ATTRS, line }));
}
