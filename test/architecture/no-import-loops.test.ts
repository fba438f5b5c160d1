import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SRC, sourceFiles } from './src-files.js';

/**
 * The modules each module of src/ needs at run time: `import … from './x.js'` and
 * `export … from './x.js'` of values. `import type`, and imports naming only types, vanish
 * when compiled, so they make no loop a reader or the module loader has to untangle.
 */
function valueImports(file: ts.SourceFile, path: string): string[] {
  const out: string[] = [];
  for (const st of file.statements) {
    if (!(ts.isImportDeclaration(st) || ts.isExportDeclaration(st))) continue;
    const spec = st.moduleSpecifier;
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) continue;
    if (ts.isImportDeclaration(st)) {
      const clause = st.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) continue;
    } else {
      if (st.isTypeOnly) continue;
      const ex = st.exportClause;
      if (ex && ts.isNamedExports(ex) && ex.elements.length > 0 && ex.elements.every((e) => e.isTypeOnly)) continue;
    }
    out.push(
      relative(SRC, join(dirname(path), spec.text.replace(/\.js$/, '.ts')))
        .split('\\')
        .join('/'),
    );
  }
  return out;
}

/** The strongly connected groups of more than one module (Tarjan), each sorted, for a readable failure. */
function loops(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('src/ imports', () => {
  const graph = new Map(sourceFiles().map(({ path, name, file }) => [name, valueImports(file, path)]));

  it('reads every module and the imports between them', () => {
    // The graph this test walks is real: a parser that saw no imports would find no loop either.
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('coding/question-context.ts')).toContain('coding/auto-coding.ts');
    expect(graph.get('coding/auto.ts')).toContain('coding/question-context.ts');
  });

  it('finds a loop when there is one', () => {
    const withLoop = new Map(graph);
    withLoop.set('coding/auto-coding.ts', [...graph.get('coding/auto-coding.ts')!, 'coding/auto.ts']);
    // auto.ts → question-context.ts → auto-coding.ts → auto.ts: the loop this test was written after
    // (prior-reading.ts, which auto.ts imports and which builds its codings with auto-coding.ts, is in it too).
    expect(loops(withLoop)).toEqual([['coding/auto-coding.ts', 'coding/auto.ts', 'coding/prior-reading.ts', 'coding/question-context.ts']]);
  });

  it('has no loop of value imports (a module can be read after the ones it needs)', () => {
    expect(loops(graph)).toEqual([]);
  });
});
