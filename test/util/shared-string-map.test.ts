import fc from 'fast-check';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { SharedStringMap, SharedStringMapBuilder, type SharedStringMapData } from '../../src/util/shared-string-map.js';

/** Keys from a few letters (so they repeat, differ only in case, and prefix each other) or any code units. */
const key = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'é', '😀', '\uD800', '\0', ' '), maxLength: 4 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 }),
);
const entries = fc.array(fc.tuple(key, fc.integer({ min: 0, max: 0x7fffffff })), { maxLength: 80 });

describe('SharedStringMap, a map looked up in shared buffers', () => {
  it('answers get and has as a Map of the same entries does, the later of two equal keys winning', () => {
    fc.assert(
      fc.property(entries, fc.array(key, { maxLength: 20 }), (es, probes) => {
        const map = new Map(es);
        const shared = SharedStringMap.from(es);
        expect(shared.size).toBe(map.size);
        // Every key, each with a unit more and a unit less, and keys it never held.
        const asked = [...map.keys(), ...probes, ...[...map.keys()].flatMap((k) => [k + 'a', k.slice(1), k.toUpperCase()])];
        for (const k of asked) {
          expect(shared.get(k)).toBe(map.get(k));
          expect(shared.has(k)).toBe(map.has(k));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds every key among many whose hashes share their low bits', () => {
    const es = Array.from({ length: 5000 }, (_, i): [string, number] => [`P${i}`, i]);
    const shared = SharedStringMap.from(es);
    for (const [k, v] of es) expect(shared.get(k)).toBe(v);
    expect(shared.get('P5000')).toBeUndefined();
    expect(shared.get('')).toBeUndefined();
  });

  it('holds no key when made empty', () => {
    const shared = SharedStringMap.from([]);
    expect(shared.size).toBe(0);
    expect(shared.get('')).toBeUndefined();
    expect(shared.has('x')).toBe(false);
  });

  it('refuses a value that does not fit, naming its key', () => {
    expect(() => SharedStringMap.from([['P1', -1]])).toThrow(/value -1 of key "P1"/);
    expect(() => SharedStringMap.from([['P1', 1.5]])).toThrow(RangeError);
  });

  it('refuses more different keys than it was made for, but not a key set again', () => {
    const b = new SharedStringMapBuilder(2);
    for (const [k, v] of [
      ['a', 1],
      ['b', 2],
      ['a', 3],
      ['b', 4],
      ['b', 5],
    ] as const)
      b.set(k, v);
    expect(() => b.set('c', 6)).toThrow(/more keys than the 2/);
    const done = b.done();
    expect([done.size, done.get('a'), done.get('b'), done.get('c')]).toEqual([2, 3, 5, undefined]);
  });

  it('crosses to another thread without a copy: both sides read the same buffers', async () => {
    const shared = SharedStringMap.from([
      ['P1', 1],
      ['Bu Rina', 2],
    ]);
    const { port1, port2 } = new MessageChannel();
    const got = new Promise<SharedStringMapData>((resolve) => port2.once('message', resolve));
    port1.postMessage(shared.data);
    const there = await got;
    port1.close();
    port2.close();
    expect(there.chars.buffer).toBeInstanceOf(SharedArrayBuffer);
    const other = new SharedStringMap(there);
    expect(other.get('Bu Rina')).toBe(2);
    // The same memory: a change on this side shows on the other.
    shared.data.entries[2] = 7;
    expect(other.get('P1')).toBe(7);
  });
});
