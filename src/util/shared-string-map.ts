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

/**
 * A SharedStringMap being filled: `set` as on a Map (a key set again keeps its entry and takes
 * the new value). Keys and entries grow in ordinary buffers and are copied once into shared
 * ones by `done`, so building one makes no object per entry.
 */
export class SharedStringMapBuilder {
  private chars = new Uint16Array(1024);
  private units = 0;
  private entries = new Int32Array(3 * 64);
  private count = 0;
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** `most`: at most how many different keys will be set. */
  constructor(most: number) {
    // At most half full: a missing key's probe ends after about two slots.
    let size = 1;
    while (size < most * 2) size *= 2;
    this.slots = shared(Int32Array, 4, size);
    this.mask = size - 1;
  }

  set(key: string, value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff)
      throw new RangeError(`SharedStringMap: value ${value} of key ${JSON.stringify(key)} is not an integer from 0 to 2^31-1`);
    const e = find(key, this.chars, this.entries, this.slots, this.mask);
    if (e >= 0) {
      this.entries[e * ENTRY + 2] = value;
      return;
    }
    if (this.count * 2 >= this.slots.length) throw new RangeError(`SharedStringMap: more keys than the ${this.slots.length / 2} it was made for`);
    this.chars = room(this.chars, this.units + key.length);
    this.entries = room(this.entries, (this.count + 1) * ENTRY);
    for (let i = 0; i < key.length; i++) this.chars[this.units + i] = key.charCodeAt(i);
    const at = this.count * ENTRY;
    this.entries[at] = this.units;
    this.entries[at + 1] = key.length;
    this.entries[at + 2] = value;
    let s = hash(key) & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    this.slots[s] = ++this.count;
    this.units += key.length;
  }

  done(): SharedStringMap {
    const chars = shared(Uint16Array, 2, this.units);
    chars.set(this.chars.subarray(0, this.units));
    const entries = shared(Int32Array, 4, this.count * ENTRY);
    entries.set(this.entries.subarray(0, this.count * ENTRY));
    return new SharedStringMap({ chars, entries, slots: this.slots });
  }
}

/** `a`, or a copy of it at least twice as long when it is shorter than `need`. */
function room<T extends Int32Array | Uint16Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const bigger = new (a.constructor as new (length: number) => T)(Math.max(need, a.length * 2));
  bigger.set(a);
  return bigger;
}

/** The entry holding `key`, or -1. */
function find(key: string, chars: Uint16Array, entries: Int32Array, slots: Int32Array, mask: number): number {
  if (slots.length === 0) return -1;
  for (let s = hash(key) & mask; ; s = (s + 1) & mask) {
    const slot = slots[s]!;
    if (slot === 0) return -1;
    const e = slot - 1;
    if (entries[e * ENTRY + 1] !== key.length) continue;
    const start = entries[e * ENTRY]!;
    let i = 0;
    while (i < key.length && chars[start + i] === key.charCodeAt(i)) i++;
    if (i === key.length) return e;
  }
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

  /** The entries in order; a later entry of the same key wins, as Map.set would. */
  static from(entries: readonly (readonly [string, number])[]): SharedStringMap {
    const b = new SharedStringMapBuilder(entries.length);
    for (const [k, v] of entries) b.set(k, v);
    return b.done();
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
    return find(key, this.chars, this.entries, this.slots, this.mask);
  }
}
