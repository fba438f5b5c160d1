/**
 * A read-only map from strings to non-negative integers whose whole content lives in
 * SharedArrayBuffers: made once in one thread and posted to worker threads, which look keys up
 * in place. A Map of the same keys costs every thread that holds one an object per entry and a
 * copy of every key; this costs the process one set of buffers, however many threads use it.
 *
 * Keys are kept as their UTF-16 code units, so every JavaScript string (a lone surrogate too)
 * is its own key, exactly as in a Map.
 */

/** What crosses to another thread (the typed arrays share their buffers, they are not copied). */
export interface SharedStringMapData {
  /** Every key's code units, one key after another. */
  chars: Uint16Array;
  /** Per entry, three numbers: where its key starts in `chars`, the key's length, its value. */
  entries: Int32Array;
  /** Open addressing with linear probing: an entry's index + 1, or 0 for an empty slot. A power of two long. */
  slots: Int32Array;
}

const ENTRY = 3;

/** FNV-1a over the code units, with a final mix so that the low bits (the slot) depend on every unit. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

function shared<T extends Int32Array | Uint16Array>(make: new (buffer: SharedArrayBuffer) => T, bytesPer: number, length: number): T {
  return new make(new SharedArrayBuffer(length * bytesPer));
}

export class SharedStringMap {
  private readonly chars: Uint16Array;
  private readonly entries: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(readonly data: SharedStringMapData) {
    this.chars = data.chars;
    this.entries = data.entries;
    this.slots = data.slots;
    this.mask = data.slots.length - 1;
  }

  /** The map's entries, in its iteration order; a later entry of the same key wins, as Map.set would. */
  static from(map: Iterable<readonly [string, number]>): SharedStringMap {
    const unique = new Map<string, number>();
    for (const [k, v] of map) {
      if (!Number.isInteger(v) || v < 0 || v > 0x7fffffff)
        throw new RangeError(`SharedStringMap: value ${v} of key ${JSON.stringify(k)} is not an integer from 0 to 2^31-1`);
      unique.set(k, v);
    }
    let units = 0;
    for (const k of unique.keys()) units += k.length;
    const chars = shared(Uint16Array, 2, units);
    const entries = shared(Int32Array, 4, unique.size * ENTRY);
    // At most half full: a missing key's probe ends after about two slots.
    let size = 1;
    while (size < unique.size * 2) size *= 2;
    const slots = shared(Int32Array, 4, size);
    const mask = size - 1;
    let at = 0;
    let e = 0;
    for (const [k, v] of unique) {
      for (let i = 0; i < k.length; i++) chars[at + i] = k.charCodeAt(i);
      entries[e * ENTRY] = at;
      entries[e * ENTRY + 1] = k.length;
      entries[e * ENTRY + 2] = v;
      let s = hash(k) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = e + 1;
      at += k.length;
      e++;
    }
    return new SharedStringMap({ chars, entries, slots });
  }

  get size(): number {
    return this.entries.length / ENTRY;
  }

  get(key: string): number | undefined {
    const e = this.find(key);
    return e < 0 ? undefined : this.entries[e * ENTRY + 2];
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** The entry holding `key`, or -1. */
  private find(key: string): number {
    if (this.slots.length === 0) return -1;
    const { chars, entries, slots, mask } = this;
    for (let s = hash(key) & mask; ; s = (s + 1) & mask) {
      const slot = slots[s]!;
      if (slot === 0) return -1;
      const e = slot - 1;
      const start = entries[e * ENTRY]!;
      if (entries[e * ENTRY + 1] !== key.length) continue;
      let i = 0;
      while (i < key.length && chars[start + i] === key.charCodeAt(i)) i++;
      if (i === key.length) return e;
    }
  }
}
