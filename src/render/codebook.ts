import { csvDocument, type CsvDialect, type CsvRow } from './csv-write.js';
import type { Code, Codebook, Lang, Rule } from '../model/codebook.js';
import { mdCell } from './md.js';
import { tagged } from './json-kinds.js';

/** Renderers for `qia codebook export`: pure functions from a codebook to text. */

const HEADINGS: Record<Lang, { code: string; definition: string; include: string; exclude: string; example: string; title: string }> = {
  id: { code: 'Kode', definition: 'Definisi', include: 'Kriteria inklusi', exclude: 'Kriteria eksklusi', example: 'Contoh', title: 'Kodebuku' },
  en: { code: 'Code', definition: 'Definition', include: 'Inclusion criteria', exclude: 'Exclusion criteria', example: 'Example', title: 'Codebook' },
};

/** Text of a bilingual field in `lang`, falling back to the other language. */
export function pick(b: Partial<Record<Lang, string>>, lang: Lang): string {
  return b[lang] ?? b[lang === 'id' ? 'en' : 'id'] ?? '';
}

function listIn(byLang: Partial<Record<Lang, string[]>> | undefined, flat: string[], lang: Lang): string[] {
  if (byLang && Object.keys(byLang).length) return byLang[lang] ?? byLang[lang === 'id' ? 'en' : 'id'] ?? flat;
  return flat;
}

export function includeIn(code: Code, lang: Lang): string[] {
  return listIn(code.includeByLang, code.include, lang);
}
export function excludeIn(code: Code, lang: Lang): string[] {
  return listIn(code.excludeByLang, code.exclude, lang);
}
export function examplesIn(code: Code, lang: Lang): string[] {
  return listIn(code.examplesByLang, code.examples, lang);
}

/** Criteria in one cell: sentences follow each other; phrases are separated by semicolons. */
function joinItems(xs: readonly string[]): string {
  return xs.map((x, i) => (i < xs.length - 1 && !/[.?!:;]_?$/.test(x) ? `${x};` : x)).join(' ');
}

/** A thesis-ready appendix table: code, definition, inclusion, exclusion, example. */
export function codebookToMarkdown(cb: Codebook, lang: Lang): string {
  const h = HEADINGS[lang];
  const title = cb.title ? pick(cb.title, lang) : `${h.title} ${cb.id}`;
  const lines = [`# ${mdCell(title)}`, '', `${cb.id} ${cb.version}`, ''];
  lines.push(`| ${h.code} | ${h.definition} | ${h.include} | ${h.exclude} | ${h.example} |`, '|---|---|---|---|---|');
  for (const c of cb.codes) {
    const indent = c.parent ? '&nbsp;&nbsp;'.repeat(c.id.split('.').length - 1) : '';
    const label = pick(c.label, lang);
    // No <br>: pandoc drops raw HTML on the way to Word and glues the words on either side
    // together ("Hemat wakturelative_advantage.time_saving"). Everything stays on one line.
    const codeCell = `${indent}**${mdCell(label || c.id)}** (\`${c.id}\`)`;
    const join = (xs: string[]) => joinItems(xs.map(mdCell));
    lines.push(
      `| ${codeCell} | ${mdCell(pick(c.definition, lang))} | ${join(includeIn(c, lang))} | ${join(excludeIn(c, lang))} | ${joinItems(examplesIn(c, lang).map((e) => `_${mdCell(e)}_`))} |`,
    );
  }
  return lines.join('\n') + '\n';
}

export function codebookToCsv(cb: Codebook, lang: Lang, dialect: CsvDialect = {}): string {
  const header = ['id', 'parent', 'group', 'label', 'definition', 'include', 'exclude', 'examples', 'rules'];
  const rows: CsvRow[] = [header];
  for (const c of cb.codes) {
    rows.push([
      c.id,
      c.parent ?? '',
      c.group,
      pick(c.label, lang),
      pick(c.definition, lang),
      includeIn(c, lang).join('\n'),
      excludeIn(c, lang).join('\n'),
      examplesIn(c, lang).join('\n'),
      c.rules?.length ?? 0,
    ]);
  }
  return csvDocument(rows, dialect);
}

function ruleJson(r: Rule): Record<string, unknown> {
  const o: Record<string, unknown> = { id: r.id, kind: r.kind, scope: r.scope, weight: r.weight };
  if (r.terms) o['terms'] = r.terms;
  if (r.near) o['near'] = r.near;
  if (r.window !== undefined) o['window'] = r.window;
  if (r.regex !== undefined) o['regex'] = r.regex;
  if (r.flags !== undefined) o['flags'] = r.flags;
  if (r.unless) o['unless'] = r.unless;
  if (r.more) o['more'] = r.more;
  if (r.less) o['less'] = r.less;
  return o;
}

/** JSON with a fixed key order, so two exports of the same codebook diff clean. */
export function codebookToJson(cb: Codebook, lang: Lang): string {
  const out = tagged('codebook', {
    id: cb.id,
    version: cb.version,
    languages: cb.languages,
    lang,
    codes: cb.codes.map((c) => ({
      id: c.id,
      parent: c.parent ?? null,
      group: c.group,
      label: { id: c.label.id ?? null, en: c.label.en ?? null },
      definition: { id: c.definition.id ?? null, en: c.definition.en ?? null },
      include: includeIn(c, lang),
      exclude: excludeIn(c, lang),
      examples: examplesIn(c, lang),
      valence: c.valence
        ? { inverted: c.valence.inverted ?? null, default: c.valence.default ?? null, more: c.valence.more ?? [], less: c.valence.less ?? [] }
        : null,
      unless: c.unless ?? [],
      rules: (c.rules ?? []).map(ruleJson),
    })),
  });
  return JSON.stringify(out, null, 2) + '\n';
}
