import { isMap, isScalar, isSeq, LineCounter, type Document, type Pair, type YAMLMap } from 'yaml';
import type { Bilingual, Lang, YamlPos } from '../model/codebook.js';
import type { Diagnostics } from '../util/diagnostics.js';

/**
 * Small typed readers over a parsed YAML document that report what they cannot use, each
 * diagnostic at the line and column of the node: the vocabulary the codebook's section readers
 * (parse.ts) are written in.
 */
export class YamlReader {
  constructor(
    readonly diags: Diagnostics,
    readonly file: string,
    private readonly lines: LineCounter,
    private readonly text: string,
    /** The codebook's first language: a bare text or list belongs to it. */
    public languages: readonly Lang[] = ['id'],
  ) {}

  static errorsOf(doc: Document, lines: LineCounter, file: string, diags: Diagnostics): boolean {
    for (const e of doc.errors) {
      const p = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      diags.error('codebook/yaml', e.message.split('\n')[0]!, { file, line: p.line, column: p.col }, 'fix the YAML syntax (indentation, quotes, brackets)');
    }
    return doc.errors.length > 0;
  }

  posOf(node: unknown): YamlPos {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!range) return { line: 1, column: 1 };
    const p = this.lines.linePos(range[0]);
    return { line: p.line, column: p.col };
  }

  at(node: unknown): { file: string } & YamlPos {
    return { file: this.file, ...this.posOf(node) };
  }

  /**
   * The position of character `offset` of a scalar's value, where the value is written on one
   * line as plain or single-quoted text (the usual way to write a regex); else the scalar's own.
   */
  atInScalar(node: unknown, offset: number): { file: string } & YamlPos {
    const base = this.at(node);
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!isScalar(node) || !range || offset < 0) return base;
    const raw = this.text.slice(range[0], range[1]);
    if (raw.includes('\n')) return base;
    let col: number;
    if (node.type === 'PLAIN') col = offset;
    else if (node.type === 'QUOTE_SINGLE') col = 1 + offset + (String(node.value).slice(0, offset).split("'").length - 1);
    else return base;
    return { ...base, column: base.column + col };
  }

  str(node: unknown, what: string): string | undefined {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
    this.diags.error('codebook/invalid-value', `${what} must be text`, this.at(node));
    return undefined;
  }

  strList(node: unknown, what: string): string[] {
    if (isScalar(node) && typeof node.value === 'string') return [node.value];
    if (!isSeq(node)) {
      this.diags.error('codebook/invalid-value', `${what} must be a list of text`, this.at(node));
      return [];
    }
    const out: string[] = [];
    for (const item of node.items) {
      const s = this.str(item, `each entry of ${what}`);
      if (s !== undefined) out.push(s);
    }
    return out;
  }

  /** A mapping's known keys; an unknown key is a warning, a repeated one an error. */
  entries(map: YAMLMap, allowed: readonly string[], where: string): Map<string, { pair: Pair; value: unknown }> {
    const out = new Map<string, { pair: Pair; value: unknown }>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) {
        this.diags.warn('codebook/unknown-key', `unknown key "${key}" in ${where}`, this.at(pair.key), `known keys: ${allowed.join(', ')}`);
        continue;
      }
      if (out.has(key)) {
        this.diags.error('codebook/duplicate-key', `"${key}" is given twice in ${where}`, this.at(pair.key));
        continue;
      }
      out.set(key, { pair, value: pair.value });
    }
    return out;
  }

  intIn(node: unknown, lo: number, hi: number, what: string): number | undefined {
    const v = isScalar(node) ? Number(node.value) : NaN;
    if (!Number.isInteger(v) || v < lo || v > hi) {
      this.diags.error('codebook/invalid-value', `${what} must be a whole number from ${lo} to ${hi}`, this.at(node));
      return undefined;
    }
    return v;
  }

  /** Text in the first language, or a map of languages (id:, en:). */
  bilingual(node: unknown, what: string, langs: readonly Lang[]): Bilingual {
    if (isScalar(node)) {
      const s = this.str(node, what);
      return s === undefined ? {} : { [this.languages[0]!]: s };
    }
    if (!isMap(node)) {
      this.diags.error('codebook/invalid-value', `${what} must be text or a map of languages (id:, en:)`, this.at(node));
      return {};
    }
    const out: Bilingual = {};
    for (const [k, v] of this.entries(node, langs, what)) {
      const s = this.str(v.value, `${what} (${k})`);
      if (s !== undefined) out[k as Lang] = s.trim();
    }
    return out;
  }

  /** A list in the first language, or a map of languages to lists. */
  perLang(node: unknown, what: string, langs: readonly Lang[]): Partial<Record<Lang, string[]>> {
    if (isMap(node)) {
      const out: Partial<Record<Lang, string[]>> = {};
      for (const [k, v] of this.entries(node, langs, what)) out[k as Lang] = this.strList(v.value, `${what} (${k})`);
      return out;
    }
    return { [this.languages[0]!]: this.strList(node, what) };
  }
}
