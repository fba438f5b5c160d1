/**
 * A small seeded generator, so a bootstrap interval is the same on every run and machine
 * (Math.random cannot be seeded). xoshiro128** (Blackman & Vigna, 2018): 128 bits of state,
 * period 2^128 − 1, good statistical quality, and only 32-bit integer operations, which are exact
 * in JavaScript. The state is filled from the seed through a Weyl sequence and a 32-bit
 * avalanche mix, so nearby seeds (1, 2, 3) still start far apart.
 */
export class Xoshiro128 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let z = seed >>> 0;
    const next = () => {
      z = (z + 0x9e3779b9) >>> 0;
      let h = z;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      return (h ^ (h >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    // An all-zero state would only ever produce zeros.
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /**
   * `out.length` integers in [0, n), as `below` would give them one by one, with the state in
   * locals: a bootstrap draws millions and this is most of its cost.
   */
  fillBelow(out: Int32Array, n: number): void {
    let { a, b, c, d } = this;
    for (let i = 0; i < out.length; i++) {
      const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      out[i] = Math.floor((r / 4294967296) * n);
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /**
   * An integer in [0, n). Scaling 32 random bits is biased by at most n / 2^32, far below what a
   * bootstrap of a few thousand units could notice, and needs no rejection loop.
   */
  below(n: number): number {
    return Math.floor((this.nextUint32() / 4294967296) * n);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
