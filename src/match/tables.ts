import type { Codebook } from '../model/codebook.js';
import type { EngineSnapshot } from './patterns.js';
import type { StemTable } from './stem.js';

/**
 * The matcher tables a codebook's load brought with it (src/codebook/cache.ts): the pattern
 * engine of the codebook and of its question-context cues, as snapshots, so compiling the
 * codebook restores them instead of parsing and stemming every term. Kept beside the codebook
 * object, not in it: the codebook stays the plain data the YAML says.
 */
export interface MatcherTables {
  engine: EngineSnapshot;
  /** The engine of the cue codebook question context derives (cueCodebook). */
  cues: EngineSnapshot;
}

const attached = new WeakMap<Codebook, EngineSnapshot>();

/** Let compileCodebook(codebook) start from `engine`. */
export function attachEngine(codebook: Codebook, engine: EngineSnapshot): void {
  attached.set(codebook, engine);
}

export function attachedEngine(codebook: Codebook): EngineSnapshot | undefined {
  return attached.get(codebook);
}

/** The cue codebook derived from a codebook gets that codebook's cue tables. */
const cueTables = new WeakMap<Codebook, EngineSnapshot>();

export function attachTables(codebook: Codebook, tables: MatcherTables): void {
  attached.set(codebook, tables.engine);
  cueTables.set(codebook, tables.cues);
}

export function attachedCueEngine(codebook: Codebook): EngineSnapshot | undefined {
  return cueTables.get(codebook);
}

/** Stems of the codebook's words from an earlier load, to seed the stemmer's memo when compiling. */
const stemTables = new WeakMap<Codebook, StemTable>();

export function attachStems(codebook: Codebook, stems: StemTable): void {
  stemTables.set(codebook, stems);
}

export function attachedStems(codebook: Codebook): StemTable | undefined {
  return stemTables.get(codebook);
}
