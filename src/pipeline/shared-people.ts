import type { Informant } from '../model/informant.js';
import type { Lookup } from '../util/lookup.js';
import { SharedStringMap, SharedStringMapBuilder, type SharedStringMapData } from '../util/shared-string-map.js';
import type { People } from './people.js';

/**
 * The study's informants as a pass looks them up, in SharedArrayBuffers: built once by the main
 * thread, shared by every worker without a copy, and read in place by the main thread too when
 * it passes the files itself (issue 22). With one informant per transcript, each worker's own
 * copy of the table and its three maps (by lower-cased id, by speaker key, by id) was what still
 * grew with the corpus, about 20 MB a worker at 48,000.
 *
 * Each map is made by the same loop as the Map it stands for (a Map by lower-cased id,
 * labels.ts `informantKeys`, coding-rows.ts `informantsById`), so a key that two informants
 * share goes to the later one, as Map.set does (test/pipeline/shared-people.test.ts).
 */

/** What crosses to a worker: typed arrays over shared buffers only. */
export interface SharedPeopleData {
  /** Every distinct string of the table (ids, labels, roles, groups), one after another. */
  chars: Uint16Array;
  /** Where string i ends in `chars` (it starts where string i - 1 ends). */
  ends: Int32Array;
  /** Per informant, ROW numbers: its id, label, role and group (string indices), its line. */
  rows: Int32Array;
  byLowerId: SharedStringMapData;
  byKey: SharedStringMapData;
  byId: SharedStringMapData;
}

const ROW = 5;

/**
 * Made in the main thread, once per run. It makes no object per informant: the rows and keys go
 * straight into typed arrays (a 48,000-informant table built from Maps and key pairs first was
 * a passing 20 MB or so in the main thread as the workers started).
 */
export function sharedPeopleData(informants: readonly Informant[]): SharedPeopleData {
  // Ids and labels are mostly each its own; roles and groups repeat, so those are kept once.
  const repeated = new Map<string, number>();
  const strings: string[] = [];
  const once = (s: string) => {
    let i = repeated.get(s);
    if (i === undefined) repeated.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const rows = new Int32Array(new SharedArrayBuffer(informants.length * ROW * 4));
  informants.forEach((inf, r) => {
    const at = r * ROW;
    rows[at] = strings.push(inf.id) - 1;
    rows[at + 1] = strings.push(inf.label) - 1;
    rows[at + 2] = once(inf.role);
    rows[at + 3] = once(inf.group);
    rows[at + 4] = inf.line;
  });
  let units = 0;
  for (const s of strings) units += s.length;
  const chars = new Uint16Array(new SharedArrayBuffer(units * 2));
  const ends = new Int32Array(new SharedArrayBuffer(strings.length * 4));
  let at = 0;
  strings.forEach((s, i) => {
    for (let k = 0; k < s.length; k++) chars[at + k] = s.charCodeAt(k);
    ends[i] = at += s.length;
  });
  const byLowerId = new SharedStringMapBuilder(informants.length);
  const byKey = new SharedStringMapBuilder(informants.length * 2);
  const byId = new SharedStringMapBuilder(informants.length);
  informants.forEach((inf, r) => {
    const lower = inf.id.toLowerCase();
    byLowerId.set(lower, r);
    byKey.set(lower, r);
    if (inf.label) byKey.set(inf.label.toLowerCase(), r);
    byId.set(inf.id, r);
  });
  return { chars, ends, rows, byLowerId: byLowerId.done().data, byKey: byKey.done().data, byId: byId.done().data };
}

const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Informants made from their rows and kept for reuse, up to this many (then forgotten, all at once). */
const KEEP = 1024;

/**
 * The lookups a worker makes, read in place from the shared table. An informant comes back as
 * the worker's copy used to: without informants.csv's further columns (`attrs` empty), which
 * reading, segmenting and the rows of codings.csv do not use.
 */
export class SharedPeople implements People {
  readonly byId: Lookup<Informant>;
  readonly keys: Lookup<string>;
  /** By id as written (coding-rows.ts RowMaker). */
  readonly byExactId: Lookup<Informant>;
  private readonly made = new Map<number, Informant>();

  constructor(private readonly data: SharedPeopleData) {
    this.byId = this.lookup(new SharedStringMap(data.byLowerId), (r) => this.informant(r));
    this.keys = this.lookup(new SharedStringMap(data.byKey), (r) => this.text(this.data.rows[r * ROW]!));
    this.byExactId = this.lookup(new SharedStringMap(data.byId), (r) => this.informant(r));
  }

  private lookup<V>(map: SharedStringMap, value: (row: number) => V): Lookup<V> {
    return {
      get: (key) => {
        const r = map.get(key);
        return r === undefined ? undefined : value(r);
      },
      has: (key) => map.has(key),
    };
  }

  /** Informant `r`: made once while it is looked up often (a source's rows look up its speakers again and again). */
  private informant(r: number): Informant {
    let inf = this.made.get(r);
    if (inf) return inf;
    const at = r * ROW;
    const { rows } = this.data;
    inf = {
      id: this.text(rows[at]!),
      label: this.text(rows[at + 1]!),
      role: this.text(rows[at + 2]!),
      group: this.text(rows[at + 3]!),
      attrs: NO_ATTRS,
      line: rows[at + 4]!,
    };
    if (this.made.size >= KEEP) this.made.clear();
    this.made.set(r, inf);
    return inf;
  }

  /** String `i` of the table. */
  private text(i: number): string {
    const { chars, ends } = this.data;
    const start = i === 0 ? 0 : ends[i - 1]!;
    const end = ends[i]!;
    let s = '';
    // In pieces: apply passes each code unit as an argument, and arguments are on the stack.
    for (let k = start; k < end; k += 4096) s += String.fromCharCode.apply(null, chars.subarray(k, Math.min(end, k + 4096)) as unknown as number[]);
    return s;
  }
}
