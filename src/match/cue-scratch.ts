import { widened } from '../util/typed-arrays.js';
import { SMALL } from './small-sort.js';

/**
 * The cues in scope of the valence being decided, as parallel typed arrays reused by every
 * segment, so deciding a valence makes no garbage: per cue its first and last token and
 * direction, then what it decides (direction after negation, the token it counts from, the
 * contrast group it falls in).
 */
export class CueScratch {
  first = new Int32Array(64);
  last = new Int32Array(64);
  dir = new Int32Array(64);
  decFrom = new Int32Array(64);
  decGroup = new Int32Array(64);
  decDir = new Int32Array(64);
  /** How many cues are held. */
  n = 0;

  add(first: number, last: number, dir: number): void {
    this.ensureRoom(this.n + 1);
    this.first[this.n] = first;
    this.last[this.n] = last;
    this.dir[this.n] = dir;
    this.n++;
  }

  /** Sorts by first token (longer first at equal starts, else as added), then drops a cue inside the one before it. */
  sortAndDropNested(): void {
    this.sort();
    // A cue inside a longer cue (`lancar` in `sudah lancar`) counts once.
    const { first, last, dir } = this;
    let kept = 0;
    for (let j = 0; j < this.n; j++) {
      if (kept > 0 && first[j]! >= first[kept - 1]! && last[j]! <= last[kept - 1]!) continue;
      first[kept] = first[j]!;
      last[kept] = last[j]!;
      dir[kept] = dir[j]!;
      kept++;
    }
    this.n = kept;
  }

  /**
   * Whether another cue lies wholly between the negation token `neg` and cue `j`. Cues are
   * sorted by first token and none holds another, so only the cues just before `j` that start
   * after the negation can: a backward walk of at most the negation window.
   */
  between(j: number, neg: number, starts: Int32Array, ends: Int32Array): boolean {
    const to = starts[this.first[j]!]!;
    for (let i = j - 1; i >= 0 && this.first[i]! > neg; i--) if (ends[this.last[i]!]! <= to) return true;
    return false;
  }

  /** Where the last contrast group starts: groups only grow, so it is a run at the end. */
  lastGroupFrom(): number {
    const lastGroup = this.decGroup[this.n - 1]!;
    let from = this.n - 1;
    while (from > 0 && this.decGroup[from - 1] === lastGroup) from--;
    return from;
  }

  /** The direction cues `from`… decide: their sum's sign, the last cue's on a tie. */
  direction(from: number): number {
    let sum = 0;
    for (let j = from; j < this.n; j++) sum += this.decDir[j]!;
    return sum !== 0 ? Math.sign(sum) : this.decDir[this.n - 1]!;
  }

  /** Stable; insertion for the few cues of most segments, Array#sort on indexes for a long turn's many. */
  private sort(): void {
    const { first, last, dir, n } = this;
    if (n > SMALL) {
      const order = Array.from({ length: n }, (_, i) => i);
      order.sort((x, y) => first[x]! - first[y]! || last[y]! - last[x]! || x - y);
      const f = order.map((i) => first[i]!);
      const l = order.map((i) => last[i]!);
      const d = order.map((i) => dir[i]!);
      first.set(f);
      last.set(l);
      dir.set(d);
      return;
    }
    for (let i = 1; i < n; i++) {
      const f = first[i]!;
      const l = last[i]!;
      const d = dir[i]!;
      let j = i - 1;
      while (j >= 0 && (first[j]! > f || (first[j] === f && last[j]! < l))) {
        first[j + 1] = first[j]!;
        last[j + 1] = last[j]!;
        dir[j + 1] = dir[j]!;
        j--;
      }
      first[j + 1] = f;
      last[j + 1] = l;
      dir[j + 1] = d;
    }
  }

  private ensureRoom(n: number): void {
    if (n <= this.first.length) return;
    const size = Math.max(n, this.first.length * 2);
    this.first = widened(this.first, size);
    this.last = widened(this.last, size);
    this.dir = widened(this.dir, size);
    this.decFrom = widened(this.decFrom, size);
    this.decGroup = widened(this.decGroup, size);
    this.decDir = widened(this.decDir, size);
  }
}
