import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { localDiagnostic } from '../../src/i18n/diagnostics.js';
import { sourceFiles } from '../architecture/src-files.js';
import { DYNAMIC } from '../helpers/diagnostic-codes.js';

/**
 * Sentence by sentence: every message and hint written in src/ where a diagnostic is made
 * (`diags.error/warn/info(code, message, where, hint)`, `new QiaError(code, message, where,
 * hint)`, `{ code, message, hint }`) is put into Indonesian by a sentence of the tables, not by
 * the fallback (the code's gist with the English in brackets). A `${…}` in a message stands for
 * a name or a number (`X` here); a choice between two literals (`${n === 1 ? '' : 's'}`) takes
 * its first. A message added to an existing code without its Indonesian sentence fails here.
 */

interface Site {
  where: string;
  code: string;
  message?: string;
  hint?: string;
}

/** A string the way it reads with every value as X, or undefined when it is not a literal or template. */
function sample(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => value(s.expression) + s.literal.text).join('');
  return undefined;
}

function value(e: ts.Expression): string {
  if (ts.isParenthesizedExpression(e)) return value(e.expression);
  if (ts.isConditionalExpression(e)) return sample(e.whenTrue) ?? 'X';
  return 'X';
}

/** The codes a code argument can be: a literal, or a template DYNAMIC expands. */
function codesOf(node: ts.Node | undefined): string[] {
  if (!node) return [];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return /^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/.test(node.text) ? [node.text] : [];
  return DYNAMIC[node.getText()] ?? [];
}

function sites(): Site[] {
  const out: Site[] = [];
  for (const { name, file } of sourceFiles()) {
    if (name.startsWith('i18n/')) continue;
    const visit = (n: ts.Node): void => {
      const where = `${name}:${file.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
      const call =
        ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ['error', 'warn', 'info'].includes(n.expression.name.text)
          ? n.arguments
          : ts.isNewExpression(n) && n.expression.getText() === 'QiaError'
            ? n.arguments
            : undefined;
      if (call) for (const code of codesOf(call[0])) out.push({ where, code, ...opt('message', sample(call[1])), ...opt('hint', sample(call[3])) });
      if (ts.isObjectLiteralExpression(n)) {
        const prop = (key: string) => n.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === key)?.initializer;
        for (const code of codesOf(prop('code'))) out.push({ where, code, ...opt('message', sample(prop('message'))), ...opt('hint', sample(prop('hint'))) });
      }
      ts.forEachChild(n, visit);
    };
    visit(file);
  }
  return out;
}

function opt<K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, string>);
}

/** Messages whose words are chosen at run time from a list, so X stands for no real value; each checked with real values elsewhere. */
const VARIABLE_SENTENCES = new Set([
  // `interview with no informant: ${why}, …`: the three reasons, each a sentence of diagnostics.ts (test/cli/warnings.test.ts).
  'source/no-informant',
]);

describe('every diagnostic sentence in src/ has its Indonesian', () => {
  const all = sites();

  it('finds the sentences (the scan itself works)', () => {
    expect(all.filter((s) => s.message !== undefined).length).toBeGreaterThan(250);
    expect(all.filter((s) => s.hint !== undefined).length).toBeGreaterThan(80);
    expect(all.map((s) => s.code)).toEqual(expect.arrayContaining(['informants/unknown-group', 'tag/no-segment', 'untag/no-segment']));
  });

  it('translates each message and hint by a sentence, not by the fallback', () => {
    const untranslated: string[] = [];
    for (const s of all) {
      if (VARIABLE_SENTENCES.has(s.code)) continue;
      const d = { severity: 'error' as const, code: s.code, message: s.message ?? '', ...(s.hint !== undefined ? { hint: s.hint } : {}) };
      const id = localDiagnostic(d, 'id');
      if (s.message !== undefined && (id.message === s.message || id.message.endsWith(`(${s.message})`)))
        untranslated.push(`${s.where} ${s.code}: ${s.message}`);
      if (s.hint !== undefined && (id.hint === s.hint || id.hint!.endsWith(`(${s.hint})`))) untranslated.push(`${s.where} ${s.code} hint: ${s.hint}`);
    }
    expect(untranslated).toEqual([]);
  });
});
