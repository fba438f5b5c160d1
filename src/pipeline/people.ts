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

/**
 * The informants as a worker thread gets them: what reading, segmenting and the rows of
 * codings.csv use (id, label, role, group, line), without informants.csv's further columns.
 * Every worker holds its own copy of the table, and with one informant per transcript the
 * further columns were a third of it (48,000 informants: about 6 MB a thread).
 */
export function workerInformants(informants: readonly Informant[]): Informant[] {
  return informants.map((i) => ({ id: i.id, label: i.label, role: i.role, group: i.group, attrs: {}, line: i.line }));
}
