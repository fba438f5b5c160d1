import type { Lang } from '../model/codebook.js';
import type { Span } from '../model/span.js';
import { PatternEngine } from './patterns.js';

/**
 * What `qia kwic <term>` searches with: the same matching as a codebook term rule. The term is
 * a word (matched on its stem: `mudah` finds `kemudahan`), a "multi word phrase", a glob
 * (`kendala*`, `*rumit*`), or alternatives separated by `|`. Quotes around it are ignored.
 * The returned function gives absolute spans (`base` is the text's offset in its source), in
 * text order; it returns nothing for a term no word can match.
 */
export function compileQuery(
  term: string,
  langs: readonly Lang[],
  stemOverrides: Readonly<Record<string, string>> = {},
): (text: string, base: number) => Span[] {
  const engine = new PatternEngine(langs.length ? langs : ['id', 'en'], stemOverrides);
  const unquoted = term.trim().replace(/^["'](.*)["']$/s, '$1');
  const ids = new Set<number>();
  for (const alt of unquoted.split('|')) {
    if (alt.trim() === '') continue;
    const id = engine.add(alt);
    if (id !== undefined) ids.add(id);
  }
  return (text, base) => {
    if (ids.size === 0) return [];
    const buf = engine.scan(text);
    const spans: Span[] = [];
    engine.occurrences(buf, (p, first, last) => {
      if (ids.has(p)) spans.push({ start: base + buf.starts[first]!, end: base + buf.ends[last]! });
    });
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    return spans.filter((s, i) => i === 0 || s.start !== spans[i - 1]!.start || s.end !== spans[i - 1]!.end);
  };
}
