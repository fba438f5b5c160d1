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
