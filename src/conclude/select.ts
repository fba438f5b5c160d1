/**
 * The best `k` items under `compare` (negative = a before b), at most one per `keyOf` key,
 * in one pass with a small sorted buffer: O(n·k) rather than sorting everything, which
 * matters when a code has a hundred thousand codings and the report wants three quotes.
 */
export function topDistinct<T, K = string>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number, keyOf: (x: T) => K): T[] {
  const best: T[] = [];
  const keys: K[] = [];
  if (k <= 0) return best;
  for (const x of items) {
    // Not better than the last of a full buffer: not better than any item of its own key
    // either, so it is passed over before its key is made (keys may cost a string each).
    if (best.length === k && compare(x, best[k - 1]!) >= 0) continue;
    const key = keyOf(x);
    const at = keys.indexOf(key);
    if (at !== -1) {
      if (compare(x, best[at]!) >= 0) continue;
      best.splice(at, 1);
      keys.splice(at, 1);
    }
    let i = best.length;
    while (i > 0 && compare(x, best[i - 1]!) < 0) i--;
    best.splice(i, 0, x);
    keys.splice(i, 0, key);
    if (best.length > k) {
      best.pop();
      keys.pop();
    }
  }
  return best;
}
