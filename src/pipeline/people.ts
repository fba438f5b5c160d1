import type { Informant } from '../model/informant.js';
import { informantKeys, type InformantKeys } from '../segment/labels.js';
import type { Lookup } from '../util/lookup.js';

/**
 * The study's informants as the readers and the segmenter look them up: Maps made once in the
 * main thread (`people`), or the shared table a worker reads in place (shared-people.ts).
 */
export interface People {
  /** By lower-cased id (front matter `informant:`). */
  byId: Lookup<Informant>;
  /** By every key a speaker label may name them with. */
  keys: InformantKeys;
}

export function people(informants: readonly Informant[]): People {
  const byId = new Map<string, Informant>();
  for (const inf of informants) byId.set(inf.id.toLowerCase(), inf);
  return { byId, keys: informantKeys(informants) };
}
