import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository's src/ folder. */
export const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Every TypeScript source under src/, parsed (no type checking: these tests read shapes only). */
export function sourceFiles(): { path: string; name: string; file: ts.SourceFile }[] {
  const out: { path: string; name: string; file: ts.SourceFile }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
        out.push({ path, name: relative(SRC, path).split('\\').join('/'), file });
      }
    }
  };
  walk(SRC);
  return out;
}
