import { widened } from '../util/typed-arrays.js';

/**
 * Lists of integer pairs (a, b) keyed by a small number (a rule, a code), appended in order and
 * read from `first(key)` along `next`, all in shared typed arrays: a list is empty until the
 * current call (a counter) first appends to it, so nothing is cleared or allocated per call.
 */
export class HitLists {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  next = new Int32Array(1024);
  private n = 0;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly stamp: Int32Array;

  constructor(keys: number) {
    this.head = new Int32Array(keys);
    this.tail = new Int32Array(keys);
    this.stamp = new Int32Array(keys);
  }

  clear(): void {
    this.n = 0;
  }

  push(key: number, a: number, b: number, call: number): void {
    const h = this.n++;
    if (h === this.a.length) this.grow();
    this.a[h] = a;
    this.b[h] = b;
    this.next[h] = -1;
    if (this.stamp[key] !== call) {
      this.stamp[key] = call;
      this.head[key] = h;
    } else this.next[this.tail[key]!] = h;
    this.tail[key] = h;
  }

  /** The first entry of `key`'s list in this call, or -1. */
  first(key: number, call: number): number {
    return this.stamp[key] === call ? this.head[key]! : -1;
  }

  private grow(): void {
    this.a = widened(this.a);
    this.b = widened(this.b);
    this.next = widened(this.next);
  }
}
