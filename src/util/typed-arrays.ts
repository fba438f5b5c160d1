/**
 * A copy of `a` with room for `size` elements (twice its length unless told): the matcher's
 * scratch arrays grow this way, keeping what they already hold.
 */
export function widened(a: Int32Array, size = a.length * 2): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
