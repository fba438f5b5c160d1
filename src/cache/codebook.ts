import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Codebook } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { EngineSnapshot } from '../match/patterns.js';
import type { StemTable } from '../match/stem.js';
import { attachStems, attachTables, type MatcherTables } from '../match/tables.js';
import { cacheEnabled, codeFingerprint, readCacheEntry, writeCacheEntry } from './disk.js';

/**
 * Parsing the default codebook with positions and checking every term against the stemmer
 * costs more than coding a whole sample study, and the file rarely changes between runs. So
 * the result of a load (codebook and diagnostics, plain data) is kept in the system's temporary
 * folder under a key made of the codebook's text, its path and the loader's own code: an edited
 * codebook, another path or a new qia build is a new key, never a stale hit. A missing, corrupt
 * or unwritable cache only means the codebook is parsed again (src/util/disk-cache.ts).
 *
 * The entry also keeps the stems of the words the load looked up and the compiled matcher
 * tables (src/codebook/tables.ts): compiling a codebook from a hit restores its engines and
 * seeds the stemmer's memo, without stemming its terms again. A hit needs none of the parser,
 * the compiler or the stemmers, so they are imported only when a codebook is parsed.
 */

export interface LoadResult {
  codebook?: Codebook;
  diagnostics: Diagnostic[];
}

interface CacheEntry extends LoadResult {
  stems?: StemTable;
  tables?: MatcherTables;
}

// The loader, and what builds the matcher tables an entry carries.
const LOADER_FILES = [
  '../codebook/load.js',
  '../codebook/parse.js',
  '../match/linear-regex.js',
  '../match/compile.js',
  '../codebook/effective-valence.js',
  '../match/tables.js',
  '../coding/question-context.js',
  '../match/stem.js',
  '../match/patterns.js',
  '../match/glob.js',
  '../match/tokenize.js',
  '../match/negation.js',
];
const MATCH_PACKAGES = ['sastrawijs', 'stemmer', 're2js'];
let loaderHash: string | undefined;

function loaderFingerprint(): string {
  // The stemmers' and the regex engine's code too: another version may stem or match differently.
  return (loaderHash ??= codeFingerprint(import.meta.url, LOADER_FILES, MATCH_PACKAGES));
}

function keyOf(path: string, name: string, text: string): string {
  return createHash('sha256').update(loaderFingerprint()).update('\0').update(path).update('\0').update(name).update('\0').update(text).digest('hex');
}

export async function cachedLoad(path: string, name: string, text: string, load: () => Promise<LoadResult>): Promise<LoadResult> {
  if (!cacheEnabled()) return load();
  const shipped = readShipped(shippedKey(text));
  if (shipped) return named(fromEntry(shipped), path, name);
  const entryName = `codebook-${keyOf(path, name, text)}.json`;
  const hit = readCacheEntry(entryName);
  if (isEntry(hit)) return fromEntry(hit);
  const { key: _, ...entry } = await freshEntry(path, name, text, load);
  writeCacheEntry(entryName, entry);
  return { diagnostics: entry.diagnostics, ...(entry.codebook ? { codebook: entry.codebook } : {}) };
}

/** A load done now, as the cache keeps it: the result, the stems it looked up, and its key. */
export async function freshEntry(path: string, name: string, text: string, load: () => Promise<LoadResult>): Promise<CacheEntry & { key: string }> {
  const { stemMarks, stemsSince } = await import('../match/stem.js');
  const marks = stemMarks();
  const result = await load();
  const entry: CacheEntry & { key: string } = { key: keyOf(path, name, text), ...result, stems: stemsSince(marks) };
  const tables = result.codebook && !result.diagnostics.some((d) => d.severity === 'error') ? await tablesOf(result.codebook) : undefined;
  if (tables) {
    entry.tables = tables;
    attachTables(result.codebook!, tables);
  }
  return entry;
}

/**
 * The codebook compiled into its pattern engines, as data: a hit restores them instead of
 * parsing and stemming two thousand terms. Compiling here costs a first load what the first
 * compile would have cost; that compile then restores the tables.
 */
async function tablesOf(codebook: Codebook): Promise<MatcherTables | undefined> {
  const [{ compileCodebook, engineSnapshot }, { cueCodebook }] = await Promise.all([import('../match/compile.js'), import('../coding/question-context.js')]);
  try {
    const engine = engineSnapshot(compileCodebook(codebook));
    const cues = engineSnapshot(compileCodebook(cueCodebook(codebook)));
    return engine && cues ? { engine, cues } : undefined;
  } catch {
    // a codebook the compiler cannot take is reported when it is compiled for coding
    return undefined;
  }
}

/**
 * The key of a shipped entry: the loader and the text, not the path, so the entry still serves
 * a package installed somewhere other than where it was built. That holds because a shipped
 * codebook must load without a single diagnostic (the build refuses one that does not), so the
 * path appears only as the codebook's `file`, which `named` sets.
 */
export function shippedKey(text: string): string {
  return createHash('sha256').update(loaderFingerprint()).update('\0shipped\0').update(text).digest('hex');
}

/**
 * The codebooks shipped in codebooks/ are loaded when qia is built (scripts/build-codebooks.js)
 * into dist/codebooks/<name>.json, listed by key in dist/codebooks/index.json, so even the
 * first run after installing does not parse the default codebook, nor the first run of a study
 * `qia init` made (its codebook.yaml is a copy). The key is of the text, not the path: an
 * edited copy, or another loader, is a new key, and the codebook is loaded as any other.
 */
export const SHIPPED_DIR = new URL('../codebooks/', import.meta.url);

let shippedIndex: Record<string, string> | undefined;

function readShipped(key: string): (CacheEntry & { key: string }) | undefined {
  try {
    shippedIndex ??= JSON.parse(readFileSync(new URL('index.json', SHIPPED_DIR), 'utf8')) as Record<string, string>;
  } catch {
    shippedIndex = {};
  }
  const file = Object.hasOwn(shippedIndex, key) ? shippedIndex[key] : undefined;
  if (typeof file !== 'string') return undefined;
  try {
    const v = JSON.parse(readFileSync(new URL(file, SHIPPED_DIR), 'utf8')) as unknown;
    return isEntry(v) && (v as { key?: unknown }).key === key ? (v as CacheEntry & { key: string }) : undefined;
  } catch {
    return undefined;
  }
}

/** `builtin:<name>` is how `qia codebook` names a shipped codebook; a study names it by path. */
function named(result: LoadResult, path: string, name: string): LoadResult {
  if (result.codebook) result.codebook.file = name.startsWith('builtin:') ? name : path;
  return result;
}

function isEntry(v: unknown): v is CacheEntry {
  return typeof v === 'object' && v !== null && Array.isArray((v as CacheEntry).diagnostics);
}

function fromEntry(hit: CacheEntry): LoadResult {
  const out: LoadResult = { diagnostics: hit.diagnostics };
  if (hit.codebook) {
    out.codebook = hit.codebook;
    if (isTables(hit.tables)) attachTables(hit.codebook, hit.tables);
    if (hit.stems && typeof hit.stems === 'object') attachStems(hit.codebook, hit.stems);
  }
  return out;
}

function isTables(t: unknown): t is MatcherTables {
  const isSnapshot = (e: unknown) =>
    typeof e === 'object' &&
    e !== null &&
    Array.isArray((e as EngineSnapshot).atoms) &&
    Array.isArray((e as EngineSnapshot).patterns) &&
    Array.isArray((e as EngineSnapshot).terms) &&
    Array.isArray((e as EngineSnapshot).termPatterns);
  return typeof t === 'object' && t !== null && isSnapshot((t as MatcherTables).engine) && isSnapshot((t as MatcherTables).cues);
}
