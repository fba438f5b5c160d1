import type { Informant } from '../model/informant.js';
import type { InformantKeys } from '../segment/labels.js';
import type { Lookup } from '../util/lookup.js';

/**
 * The study's informants as the readers and the segmenter look them up, made once per run
 * (shared-people.ts: one table in shared buffers, read in place by every thread).
 */
export interface People {
  /** By lower-cased id (front matter `informant:`). */
  byId: Lookup<Informant>;
  /** By every key a speaker label may name them with. */
  keys: InformantKeys;
}
