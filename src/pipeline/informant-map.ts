import type { Informant } from '../model/informant.js';

/** Informants by lower-cased id, as source readers look them up. */
export function informantMap(informants: readonly Informant[]): Map<string, Informant> {
  const m = new Map<string, Informant>();
  for (const inf of informants) m.set(inf.id.toLowerCase(), inf);
  return m;
}
