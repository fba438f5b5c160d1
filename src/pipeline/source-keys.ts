import type { Source } from '../model/source.js';

/**
 * Which sources stay whole in a pass, by the keys manual codings and review decisions name them
 * with: apart from source-pass.ts, so deciding it (as the pass cache does) loads no reader or coder.
 */

/** The keys under which a manual coding can name a source: its id, its path, the path without extension. */
export function sourceKeys(source: Pick<Source, 'id' | 'path'>): string[] {
  return [source.path, stripExt(source.path), source.id];
}

/**
 * Everything a reference (a source cell, or the part of a segment id before its colon) may be
 * looked up as, mirroring SourceIndex.find, so a source is kept whenever a lookup could reach it.
 */
export function refKeys(ref: string): string[] {
  const clean = ref.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  const bare = clean.replace(/^sources\//, '');
  return [ref, clean, stripExt(clean), bare, stripExt(bare)];
}

/** Whether a source stays whole: every source does with keepAll, else those manual codings or review decisions name. */
export function keptWhole(settings: { keep: ReadonlySet<string>; keepAll: boolean }, source: Pick<Source, 'id' | 'path'>): boolean {
  return settings.keepAll || sourceKeys(source).some((k) => settings.keep.has(k));
}

function stripExt(p: string): string {
  const slash = p.lastIndexOf('/');
  const dot = p.lastIndexOf('.');
  return dot > slash + 1 ? p.slice(0, dot) : p;
}
