/**
 * A string with the same characters that shares no storage with the one it was cut from.
 * In V8 a slice of 13 or more code units points into its parent and keeps all of it alive;
 * a streaming run drops each source's text after coding it, so what it keeps must be copies.
 * The concatenation is flattened into a fresh string when sliced, and the slice points there.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
