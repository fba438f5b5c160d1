import { lstat, readdir, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';

/** A symbolic link under a source folder whose target does not exist. */
export interface BrokenLink {
  /** Path relative to the study folder, '/'-separated. */
  rel: string;
  target: string;
}

const MAX_DEPTH = 32;

/**
 * The folder a source glob starts from and how deep it reaches: `sources/interviews/*` reads one
 * level of `sources/interviews`, `sources/**` every level below `sources`.
 */
function reach(pattern: string): { base: string; depth: number } {
  const parts = pattern.split('/').filter((p) => p !== '' && p !== '.');
  let i = 0;
  while (i < parts.length && !isDynamicPattern(parts[i]!)) i++;
  const rest = parts.slice(i);
  return { base: parts.slice(0, i).join('/'), depth: rest.includes('**') ? MAX_DEPTH : rest.length };
}

/**
 * Broken symbolic links in the folders the globs read. The glob library leaves them out without a
 * word (a link whose target cannot be found is neither a file nor a folder), so a transcript moved
 * or unmounted would vanish from the analysis unnoticed. Hidden entries, Word lock files and out/
 * are skipped as they are for sources.
 */
export async function findBrokenLinks(root: string, globs: readonly string[]): Promise<BrokenLink[]> {
  const found = new Map<string, string>();
  const seen = new Map<string, number>();
  async function walk(rel: string, depth: number): Promise<void> {
    if ((seen.get(rel) ?? -1) >= depth) return;
    seen.set(rel, depth);
    let entries;
    try {
      entries = await readdir(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (child === 'out' || child.startsWith('out/')) continue;
      if (e.isSymbolicLink()) {
        const abs = join(root, child);
        const target = await stat(abs).then(
          () => undefined,
          async () => readlink(abs).catch(() => '?'),
        );
        if (target !== undefined) found.set(child, target);
        else if (depth > 1 && (await stat(abs)).isDirectory()) await walk(child, depth - 1);
      } else if (e.isDirectory() && depth > 1) {
        await walk(child, depth - 1);
      }
    }
  }
  for (const g of globs) {
    const { base, depth } = reach(g);
    if (depth === 0) {
      // A glob naming one file: is that file a broken link?
      const abs = join(root, base);
      const isLink = await lstat(abs).then(
        (s) => s.isSymbolicLink(),
        () => false,
      );
      if (
        isLink &&
        (await stat(abs).then(
          () => false,
          () => true,
        ))
      )
        found.set(base, await readlink(abs).catch(() => '?'));
      continue;
    }
    await walk(base, depth);
  }
  return [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([rel, target]) => ({ rel, target }));
}
