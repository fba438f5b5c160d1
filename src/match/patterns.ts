import type { Lang } from '../model/codebook.js';
import { globShape, isGlob } from './glob.js';
import { stemIn, BUILTIN_STEM_OVERRIDES } from './stem.js';
import { foldCase, isJoiner, scanWords, wordCharAt } from './tokenize.js';
import { detached } from '../util/detach.js';
import { widened } from '../util/typed-arrays.js';
import { CONTRAST_WORDS, isNegationWord, PSEUDO_NEGATIONS } from './negation.js';

/**
 * The matching engine shared by the codebook matcher and `qia kwic`.
 *
 * A pattern is a sequence of word atoms (a one-word term, a phrase, a glob, or a phrase with
 * globs). Each atom is either a stem key (matched when the token's stem equals the term's stem
 * in one of the languages) or a glob on the case-folded surface. Work per token is: one Map
 * lookup of the surface form in a cache of distinct words; everything else (stemming, index
 * lookups, glob tests) happens once per distinct word. Patterns sit in a trie keyed by atom id,
 * so phrases are found by walking from each token that carries an atom, and the cost per token
 * does not grow with the number of patterns.
 */

export const NEGATOR = 1;
export const CONTRAST = 2;

/** What the engine knows about one distinct surface word. */
export interface WordInfo {
  /** The word as written (a copy, not a slice of any text). */
  surface: string;
  norm: string;
  atoms: readonly number[];
  flags: number;
}

interface TrieNode {
  next: Map<number, TrieNode> | null;
  ends: number[] | null;
}

/** Tokens of one scanned text: parallel arrays, reused between calls. */
export interface TokenBuffer {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  words: WordInfo[];
}

export type TermParse = { words: string[] } | { error: string };

/**
 * What adding terms built, as plain data: the atoms (by id), each pattern's atoms, and every term
 * added in order with its pattern (-1: no word can match it); a pattern's explaining term is the
 * first term added for it. Restoring it builds the same engine without parsing or stemming a
 * term again.
 */
export interface EngineSnapshot {
  atoms: string[];
  patterns: number[][];
  terms: string[];
  termPatterns: number[];
}

/**
 * Split a term into the words the engine matches one by one: a phrase becomes several words,
 * a word the tokenizer would split (`a/b`) too; a glob stays whole.
 */
export function termWords(term: string): TermParse {
  const words: string[] = [];
  for (const piece of foldCase(term).trim().split(/\s+/)) {
    if (piece === '') continue;
    if (isGlob(piece)) {
      const shape = globShape(piece);
      if ('error' in shape) return { error: shape.error };
      words.push(piece);
      continue;
    }
    scanWords(piece, (s, e) => words.push(piece.slice(s, e)));
  }
  if (words.length === 0) return { error: 'it holds no letters or digits, so no word can match it' };
  return { words };
}

const EMPTY: readonly number[] = Object.freeze([]);

/** 1 for ASCII letters and digits, else 0: the scanner's fast path. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;

export class PatternEngine {
  /** Atom keys by id, and (built when first needed after a restore) ids by key. */
  private readonly atomKeys: string[] = [];
  private readonly atomIds = new Map<string, number>();
  private readonly stemIndex = new Map<string, number[]>();
  private readonly prefixes = new Map<string, number[]>();
  private readonly suffixes = new Map<string, number[]>();
  private readonly infixes = new Map<string, number[]>();
  private prefixLens: number[] = [];
  private suffixLens: number[] = [];
  private infixLens: number[] = [];
  private readonly otherGlobs: { re: RegExp; atom: number }[] = [];
  private readonly root: TrieNode = { next: new Map(), ends: null };
  /** First level of the trie as an array indexed by atom id (atom ids are dense). */
  private rootByAtom: (TrieNode | undefined)[] = [];
  private readonly patternIds = new Map<string, number>();
  /** The term text each pattern was first added as, for explanations. */
  readonly patternTerms: string[] = [];
  /** Each pattern's atoms, in order (for snapshots). */
  private readonly patternAtoms: number[][] = [];
  /** Every term added, with its pattern (-1: no word can match it). */
  private readonly termIds = new Map<string, number>();
  private readonly words = new Map<string, WordInfo>();
  private readonly overrides: Map<string, string>;
  private readonly negators: Set<string>;
  private readonly buffer: TokenBuffer = { count: 0, starts: new Int32Array(256), ends: new Int32Array(256), words: [] };
  /** How many texts were scanned: the buffer holds the words of the last, until this moves on. */
  scans = 0;

  constructor(
    readonly langs: readonly Lang[],
    overrides: Readonly<Record<string, string>> = {},
    extraNegators: readonly string[] = [],
  ) {
    this.overrides = new Map(Object.entries({ ...BUILTIN_STEM_OVERRIDES, ...overrides }).map(([k, v]) => [foldCase(k), foldCase(v)]));
    this.negators = new Set(extraNegators.map(foldCase));
  }

  get patternCount(): number {
    return this.patternTerms.length;
  }

  snapshot(): EngineSnapshot {
    return {
      atoms: this.atomKeys.slice(),
      patterns: this.patternAtoms.map((a) => a.slice()),
      terms: [...this.termIds.keys()],
      termPatterns: [...this.termIds.values()],
    };
  }

  /**
   * An engine with a snapshot's atoms, patterns and terms, built without parsing or stemming:
   * the same engine the snapshot was taken of, given the same languages and overrides (the
   * caller keys snapshots by everything that made them). The maps from atom and pattern keys to
   * ids serve only terms added later, so they are built then.
   */
  static restore(
    snap: EngineSnapshot,
    langs: readonly Lang[],
    overrides: Readonly<Record<string, string>> = {},
    extraNegators: readonly string[] = [],
  ): PatternEngine {
    const e = new PatternEngine(langs, overrides, extraNegators);
    for (let id = 0; id < snap.atoms.length; id++) e.restoreAtom(snap.atoms[id]!, id);
    const firstTerm: string[] = new Array<string>(snap.patterns.length);
    for (let k = 0; k < snap.terms.length; k++) {
      const p = snap.termPatterns[k]!;
      e.termIds.set(snap.terms[k]!, p);
      if (p >= 0 && firstTerm[p] === undefined) firstTerm[p] = snap.terms[k]!;
    }
    for (let p = 0; p < snap.patterns.length; p++) e.trieInsert(snap.patterns[p]!, firstTerm[p] ?? '');
    e.lookupsStale = true;
    return e;
  }

  private lookupsStale = false;

  /** The key → id maps of atoms and patterns, left empty by restore until a new term needs them. */
  private ensureLookups(): void {
    if (!this.lookupsStale) return;
    this.lookupsStale = false;
    for (let id = 0; id < this.atomKeys.length; id++) this.atomIds.set(this.atomKeys[id]!, id);
    for (let p = 0; p < this.patternAtoms.length; p++) {
      const key = this.patternAtoms[p]!.join(',');
      if (!this.patternIds.has(key)) this.patternIds.set(key, p);
    }
  }

  private restoreAtom(key: string, id: number): void {
    this.atomKeys.push(key);
    if (key.charCodeAt(0) === 103 /* g */) {
      this.indexGlob(key.slice(2), id);
      return;
    }
    // `s\0lang\0stem\0lang\0stem…`: one stem key (`lang\0stem`) per language, each indexed once.
    const keys: string[] = [];
    for (let at = 2; at < key.length;) {
      const mid = key.indexOf('\0', at);
      let end = key.indexOf('\0', mid + 1);
      if (end < 0) end = key.length;
      const k = key.slice(at, end);
      if (!keys.includes(k)) {
        keys.push(k);
        this.indexStem(k, id);
      }
      at = end + 1;
    }
  }

  /** Stem keys (`lang\0stem`) of a case-folded word. */
  private stemKeys(norm: string): string[] {
    const o = this.overrides.get(norm);
    return this.langs.map((l) => `${l}\0${o ?? stemIn(l, norm)}`);
  }

  private atomFor(word: string): number {
    if (isGlob(word)) {
      const key = `g\0${word}`;
      let id = this.atomIds.get(key);
      if (id !== undefined) return id;
      id = this.newAtom(key);
      this.indexGlob(word, id);
      return id;
    }
    const keys = this.stemKeys(word);
    const key = `s\0${keys.join('\0')}`;
    let id = this.atomIds.get(key);
    if (id !== undefined) return id;
    id = this.newAtom(key);
    for (const k of new Set(keys)) this.indexStem(k, id);
    return id;
  }

  private newAtom(key: string): number {
    const id = this.atomKeys.length;
    this.atomKeys.push(key);
    this.atomIds.set(key, id);
    return id;
  }

  private indexStem(k: string, id: number): void {
    const list = this.stemIndex.get(k);
    if (list) list.push(id);
    else this.stemIndex.set(k, [id]);
  }

  private indexGlob(word: string, id: number): void {
    const shape = globShape(word);
    if ('error' in shape) return; // unreachable; the loader reports it
    if (shape.kind === 'prefix') this.addAffix(this.prefixes, (this.prefixLens = addLen(this.prefixLens, shape.literal.length)), shape.literal, id);
    else if (shape.kind === 'suffix') this.addAffix(this.suffixes, (this.suffixLens = addLen(this.suffixLens, shape.literal.length)), shape.literal, id);
    else if (shape.kind === 'infix') this.addAffix(this.infixes, (this.infixLens = addLen(this.infixLens, shape.literal.length)), shape.literal, id);
    else this.otherGlobs.push({ re: shape.re, atom: id });
  }

  private addAffix(map: Map<string, number[]>, _lens: number[], literal: string, id: number): void {
    const list = map.get(literal);
    if (list) list.push(id);
    else map.set(literal, [id]);
  }

  /**
   * Add a term (word, phrase or glob) and return its pattern id; the same term (or one with
   * the same stems) returns the same id. Returns undefined when no word can match it.
   */
  add(term: string): number | undefined {
    const known = this.termIds.get(term);
    if (known !== undefined) return known < 0 ? undefined : known;
    this.ensureLookups();
    const parsed = termWords(term);
    if ('error' in parsed) {
      this.termIds.set(term, -1);
      return undefined;
    }
    const atoms = parsed.words.map((w) => this.atomFor(w));
    const key = atoms.join(',');
    let id = this.patternIds.get(key);
    if (id === undefined) {
      id = this.trieInsert(atoms, term);
      this.patternIds.set(key, id);
      // Words seen before this pattern was added may now carry new atoms.
      this.words.clear();
      if (this.entryWords.length) this.resetTable();
    }
    this.termIds.set(term, id);
    return id;
  }

  /** A new pattern of `atoms`, first added as `term`, in the trie; returns its id. */
  private trieInsert(atoms: number[], term: string): number {
    const id = this.patternTerms.length;
    this.patternTerms.push(term);
    this.patternAtoms.push(atoms);
    let node = this.root;
    for (const a of atoms) {
      node.next ??= new Map();
      let child = node.next.get(a);
      if (!child) {
        child = { next: null, ends: null };
        node.next.set(a, child);
      }
      node = child;
    }
    (node.ends ??= []).push(id);
    this.rootByAtom[atoms[0]!] = this.root.next!.get(atoms[0]!);
    return id;
  }

  /** Everything the engine needs about a surface word, computed once per distinct word. */
  wordInfo(surface: string): WordInfo {
    let info = this.words.get(surface);
    if (info !== undefined) return info;
    const norm = foldCase(surface);
    const atoms: number[] = [];
    const push = (list: readonly number[] | undefined) => {
      if (list) for (const a of list) if (!atoms.includes(a)) atoms.push(a);
    };
    for (const k of this.stemKeys(norm)) push(this.stemIndex.get(k));
    for (const n of this.prefixLens) if (n <= norm.length) push(this.prefixes.get(norm.slice(0, n)));
    for (const n of this.suffixLens) if (n <= norm.length) push(this.suffixes.get(norm.slice(norm.length - n)));
    for (const n of this.infixLens) for (let i = 0; i + n <= norm.length; i++) push(this.infixes.get(norm.slice(i, i + n)));
    for (const g of this.otherGlobs) if (g.re.test(norm)) push([g.atom]);
    let flags = 0;
    if (isNegationWord(norm) || this.negators.has(norm)) flags |= NEGATOR;
    if (CONTRAST_WORDS.has(norm)) flags |= CONTRAST;
    info = { surface, norm, atoms: atoms.length ? atoms : EMPTY, flags };
    if (this.words.size >= 500_000) this.words.clear();
    this.words.set(surface, info);
    return info;
  }

  // The cache of distinct words is an open-addressing hash table keyed by the FNV-1a hash of
  // the word's code units, compared in place with startsWith: a word seen before costs no
  // substring allocation and no string hashing.
  private table = new Int32Array(1 << 16);
  private entryWords: string[] = [];
  private entryInfos: WordInfo[] = [];
  private entryHashes = new Int32Array(1 << 15);

  private cached(text: string, s: number, e: number, h: number): WordInfo {
    const mask = this.table.length - 1;
    const len = e - s;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const slot = this.table[i]!;
      if (slot === 0) break;
      const ent = slot - 1;
      const w = this.entryWords[ent]!;
      if (this.entryHashes[ent] === h && w.length === len) {
        // A plain loop: startsWith with a position is a slow runtime call in V8.
        let k = 0;
        while (k < len && w.charCodeAt(k) === text.charCodeAt(s + k)) k++;
        if (k === len) return this.entryInfos[ent]!;
      }
    }
    // A copy, not a slice: a slice of 13 or more characters would keep the whole source text it
    // came from alive for as long as the word stays in the cache.
    const surface = detached(text.slice(s, e));
    const info = this.wordInfo(surface);
    this.remember(surface, info, h);
    return info;
  }

  private remember(surface: string, info: WordInfo, h: number): void {
    const n = this.entryWords.length;
    if (n >= 500_000) {
      this.resetTable();
      return this.remember(surface, info, h);
    }
    if ((n + 1) * 2 > this.table.length) this.growTable();
    if (n >= this.entryHashes.length) this.entryHashes = widened(this.entryHashes);
    this.entryWords.push(surface);
    this.entryInfos.push(info);
    this.entryHashes[n] = h;
    this.place(h, n);
  }

  private place(h: number, ent: number): void {
    const mask = this.table.length - 1;
    let i = h & mask;
    while (this.table[i] !== 0) i = (i + 1) & mask;
    this.table[i] = ent + 1;
  }

  private growTable(): void {
    this.table = new Int32Array(this.table.length * 2);
    for (let k = 0; k < this.entryWords.length; k++) this.place(this.entryHashes[k]!, k);
  }

  private resetTable(): void {
    this.table = new Int32Array(1 << 16);
    this.entryWords = [];
    this.entryInfos = [];
    this.entryHashes = new Int32Array(1 << 15);
  }

  /** The buffer of the last scan (see `scans`). */
  lastBuffer(): TokenBuffer {
    return this.buffer;
  }

  /** Tokenize `text` into the engine's reusable buffer (valid until the next call). */
  scan(text: string): TokenBuffer {
    this.scans++;
    const buf = this.buffer;
    const n = text.length;
    let starts = buf.starts;
    let ends = buf.ends;
    const words = buf.words;
    let count = 0;
    let i = 0;
    // The same word boundaries as scanWords (tokenize.ts), hashing each word as it is read;
    // ASCII is classified inline, everything else through wordCharAt.
    while (i < n) {
      let c = text.charCodeAt(i);
      let w = c < 128 ? ASCII_WORD[c]! : wordCharAt(text, i);
      if (w === 0) {
        i++;
        continue;
      }
      const start = i;
      let h = 0x811c9dc5 | 0;
      for (;;) {
        while (w !== 0) {
          h = Math.imul(h ^ c, 16777619);
          if (w === 2) h = Math.imul(h ^ text.charCodeAt(i + 1), 16777619);
          i += w;
          if (i >= n) break;
          c = text.charCodeAt(i);
          w = c < 128 ? ASCII_WORD[c]! : wordCharAt(text, i);
        }
        if (i + 1 < n && isJoiner(text.charCodeAt(i))) {
          const d = text.charCodeAt(i + 1);
          const dw = d < 128 ? ASCII_WORD[d]! : wordCharAt(text, i + 1);
          if (dw !== 0) {
            h = Math.imul(h ^ text.charCodeAt(i), 16777619);
            i += 1;
            c = d;
            w = dw;
            continue;
          }
        }
        break;
      }
      if (count === starts.length) {
        starts = buf.starts = widened(starts);
        ends = buf.ends = widened(ends);
      }
      starts[count] = start;
      ends[count] = i;
      words[count] = this.cached(text, start, i, h);
      count++;
    }
    buf.count = count;
    return buf;
  }

  /** Every occurrence of every pattern: `found(pattern, firstToken, lastToken)`. */
  occurrences(buf: TokenBuffer, found: (pattern: number, first: number, last: number) => void): void {
    const roots = this.rootByAtom;
    const words = buf.words;
    const n = buf.count;
    for (let i = 0; i < n; i++) {
      const atoms = words[i]!.atoms;
      for (let k = 0; k < atoms.length; k++) {
        const node = roots[atoms[k]!];
        if (node === undefined) continue;
        const ends = node.ends;
        if (ends !== null) for (let e = 0; e < ends.length; e++) found(ends[e]!, i, i);
        if (node.next !== null && i + 1 < n) this.walk(node, buf, i, i, found);
      }
    }
  }

  private walk(node: TrieNode, buf: TokenBuffer, first: number, last: number, found: (pattern: number, first: number, last: number) => void): void {
    // Indexed loops: `atoms` is sometimes the frozen EMPTY array, and for-of over arrays of two
    // shapes kept an iterator object per token alive in optimized code.
    const atoms = buf.words[last + 1]!.atoms;
    for (let k = 0; k < atoms.length; k++) {
      const child = node.next!.get(atoms[k]!);
      if (child === undefined) continue;
      const ends = child.ends;
      if (ends !== null) for (let e = 0; e < ends.length; e++) found(ends[e]!, first, last + 1);
      if (child.next !== null && last + 2 < buf.count) this.walk(child, buf, first, last + 1, found);
    }
  }

  /**
   * Whether the token at `i` is negated: a negation word at most `window` words before it,
   * not further back than `floor` (the sentence start), with no punctuation or contrast word
   * (tapi, but…) in between, and not a pseudo-negation such as `tidak hanya` or `not only`.
   */
  negatedAt(buf: TokenBuffer, text: string, i: number, window: number, floor: number): number {
    for (let j = i - 1; j >= 0 && j >= i - window; j--) {
      if (buf.starts[j]! < floor) break;
      if (hasPunctuation(text, buf.ends[j]!, buf.starts[j + 1]!)) break;
      const w = buf.words[j]!;
      if (w.flags & CONTRAST) break;
      if (w.flags & NEGATOR) {
        if (j + 1 < buf.count && PSEUDO_NEGATIONS.has(`${w.norm} ${buf.words[j + 1]!.norm}`)) continue;
        return j;
      }
    }
    return -1;
  }
}

function addLen(lens: number[], n: number): number[] {
  return lens.includes(n) ? lens : [...lens, n].sort((a, b) => a - b);
}

function hasPunctuation(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    // , . ; : ! ? and the newline that ends a line of a transcript
    if (c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 10) return true;
  }
  return false;
}
