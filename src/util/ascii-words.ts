import { isAsciiLetter } from './letter-runs.js';

/**
 * A memo of what each word of ASCII letters stands for, looked up where the word is in a text:
 * the text's runs of letters are hashed (FNV-1a, lower-cased) as they are read and compared in
 * place, so a word seen before costs no substring, no lower-cased copy of the text and no
 * string hashing. For a text with any character beyond ASCII the caller takes its own path
 * (lower-casing such a text is not a matter of single letters).
 */
export class AsciiWords<V> {
  private slots = new Int32Array(1 << 12);
  private readonly words: string[] = [];
  private readonly values: V[] = [];
  private readonly hashes: number[] = [];

  /** `valueOf`: the value of a word (lower-case ASCII letters); `limit`: how many words are kept. */
  constructor(
    private readonly valueOf: (word: string) => V,
    private readonly limit: number,
  ) {}

  /**
   * Calls `f` with the value of each run of ASCII letters (lower-cased) of at least `min`
   * letters in `text`, in order. Returns false, having stopped, at the first character beyond
   * ASCII: the caller then reads the text its own way (and discards what `f` was given).
   * With `from` and `to`, only that part of the text is read, as if it were all of it.
   */
  forEachWord(text: string, min: number, f: (v: V) => void, from = 0, to = text.length): boolean {
    // `from`, `to`: only that part of the text, read as if it were the whole.
    const n = to;
    let start = -1;
    let h = 0;
    for (let i = from; i <= n; i++) {
      const c = i < n ? text.charCodeAt(i) : 32;
      if (c >= 128) return false;
      if (isAsciiLetter(c)) {
        if (start < 0) {
          start = i;
          h = 0x811c9dc5 | 0;
        }
        h = Math.imul(h ^ (c | 0x20), 16777619);
      } else if (start >= 0) {
        if (i - start >= min) f(this.valueAt(text, start, i, h));
        start = -1;
      }
    }
    return true;
  }

  private valueAt(text: string, s: number, e: number, h: number): V {
    const { words, slots } = this;
    const mask = slots.length - 1;
    const len = e - s;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const slot = slots[i]!;
      if (slot === 0) break;
      const w = words[slot - 1]!;
      if (this.hashes[slot - 1] === h && w.length === len) {
        let k = 0;
        while (k < len && w.charCodeAt(k) === (text.charCodeAt(s + k) | 0x20)) k++;
        if (k === len) return this.values[slot - 1]!;
      }
    }
    const word = text.slice(s, e).toLowerCase();
    const v = this.valueOf(word);
    if (words.length < this.limit) this.remember(word, v, h);
    return v;
  }

  private remember(word: string, v: V, h: number): void {
    if ((this.words.length + 1) * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let k = 0; k < this.words.length; k++) this.place(this.hashes[k]!, k);
    }
    this.words.push(word);
    this.values.push(v);
    this.hashes.push(h);
    this.place(h, this.words.length - 1);
  }

  private place(h: number, k: number): void {
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = k + 1;
  }
}
