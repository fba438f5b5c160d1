/**
 * The best `k` items under `compare` (negative = a before b), at most one per `keyOf` key,
 * in one pass with a small sorted buffer: O(n·k) rather than sorting everything, which
 * matters when a code has a hundred thousand codings and the report wants three quotes.
 */
export function topDistinct<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number, keyOf: (x: T) => string): T[] {
  const best: T[] = [];
  const keys: string[] = [];
  if (k <= 0) return best;
  for (const x of items) {
    const key = keyOf(x);
    const at = keys.indexOf(key);
    if (at !== -1) {
      if (compare(x, best[at]!) >= 0) continue;
      best.splice(at, 1);
      keys.splice(at, 1);
    } else if (best.length === k && compare(x, best[k - 1]!) >= 0) {
      continue;
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
