import type { Bilingual, CodeGroup, Lang, Valence } from '../model/codebook.js';

/**
 * A REFI-QDA code has one free-text Description; a qia code has a label, a definition,
 * inclusion and exclusion criteria and examples, each per language. They are packed into the
 * Description as text a researcher reads comfortably in NVivo or MAXQDA, and that qia unpacks
 * exactly on import:
 *
 *     Label (id): Keuntungan relatif
 *     Label (en): Relative advantage
 *
 *     Definisi (id):
 *       Sejauh mana inovasi dirasakan lebih baik …
 *     Definition (en):
 *       The degree to which …
 *
 *     Kriteria inklusi (id):
 *       - Perbandingan dengan cara lama …
 *
 *     qia: relative_advantage (attribute; default +1)
 *
 * A heading line ends in `(<lang>):`; its content is indented two spaces, list items start with
 * `- ` and continue four spaces in. The last line names the code's qia id, its group and how its
 * valence is read; only a Description with that line is unpacked, any other is taken as a plain
 * definition. Headings are matched in either language, so a heading translated by hand still reads.
 */

export type ListField = 'include' | 'exclude' | 'examples';
export type ByLang = Partial<Record<Lang, string[]>>;

export interface PackedCode {
  id: string;
  group: CodeGroup;
  inverted?: boolean;
  defaultValence?: Valence;
  label: Bilingual;
  definition: Bilingual;
  include: ByLang;
  exclude: ByLang;
  examples: ByLang;
}

type Field = 'definition' | ListField;
const FIELDS: readonly Field[] = ['definition', 'include', 'exclude', 'examples'];

const HEADINGS: Record<Lang, Record<Field, string>> = {
  id: { definition: 'Definisi', include: 'Kriteria inklusi', exclude: 'Kriteria eksklusi', examples: 'Contoh' },
  en: { definition: 'Definition', include: 'Inclusion criteria', exclude: 'Exclusion criteria', examples: 'Examples' },
};

const FIELD_OF = new Map<string, Field>();
for (const table of Object.values(HEADINGS)) for (const [f, h] of Object.entries(table)) FIELD_OF.set(h.toLowerCase(), f as Field);

const LANGS: readonly Lang[] = ['id', 'en'];
const QIA_LINE = /^qia: ([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*) \((attribute|obstacle|other)((?:; [^;)]+)*)\)$/;

function valenceText(v: Valence): string {
  return v > 0 ? '+1' : v < 0 ? '-1' : '0';
}

function indentBlock(text: string, first: string, rest: string): string[] {
  return text.split('\n').map((line, i) => (line === '' ? '' : (i === 0 ? first : rest) + line));
}

export function packCode(p: PackedCode, langs: readonly Lang[]): string {
  const sections: string[][] = [];
  const labels = langs.filter((l) => p.label[l] !== undefined).map((l) => `Label (${l}): ${p.label[l]!.replace(/\s*\n\s*/g, ' ')}`);
  if (labels.length) sections.push(labels);
  for (const field of FIELDS) {
    const lines: string[] = [];
    for (const l of langs) {
      const heading = `${HEADINGS[l][field]} (${l}):`;
      if (field === 'definition') {
        const d = p.definition[l];
        if (d) lines.push(heading, ...indentBlock(d, '  ', '  '));
      } else {
        const items = p[field][l];
        if (items && items.length) lines.push(heading, ...items.flatMap((item) => indentBlock(item, '  - ', '    ')));
      }
    }
    if (lines.length) sections.push(lines);
  }
  const flags = [p.group, ...(p.inverted ? ['inverted'] : []), ...(p.defaultValence !== undefined ? [`default ${valenceText(p.defaultValence)}`] : [])];
  sections.push([`qia: ${p.id} (${flags.join('; ')})`]);
  return sections.map((s) => s.join('\n')).join('\n\n');
}

/** The packed fields of a Description qia wrote, or undefined for any other text. */
export function unpackCode(text: string): PackedCode | undefined {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const last = lines
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .pop();
  const m = last ? QIA_LINE.exec(last) : null;
  if (!m) return undefined;
  const p: PackedCode = { id: m[1]!, group: m[2] as CodeGroup, label: {}, definition: {}, include: {}, exclude: {}, examples: {} };
  for (const flag of m[3]!.split('; ').filter(Boolean)) {
    if (flag === 'inverted') p.inverted = true;
    const d = /^default ([+-]?[01])$/.exec(flag);
    if (d) p.defaultValence = Number(d[1]) as Valence;
  }
  let block: { field: Field; lang: Lang; lines: string[] } | undefined;
  let blanks = 0;
  const finish = () => {
    if (!block) return;
    if (block.field === 'definition') p.definition[block.lang] = block.lines.join('\n');
    else {
      const items: string[] = [];
      for (const line of block.lines) {
        const item = /^- ?([\s\S]*)$/.exec(line);
        if (item) items.push(item[1]!);
        else if (items.length) items[items.length - 1] += '\n' + line.replace(/^ {2}/, '');
      }
      p[block.field][block.lang] = items;
    }
    block = undefined;
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line === '') {
      blanks++;
      continue;
    }
    if (block && line.startsWith('  ')) {
      for (; blanks > 0; blanks--) block.lines.push('');
      block.lines.push(line.slice(2));
      continue;
    }
    blanks = 0;
    finish();
    const label = /^Label \((id|en)\): ([\s\S]*)$/.exec(line);
    if (label) {
      p.label[label[1] as Lang] = label[2]!;
      continue;
    }
    const head = /^([\s\S]+) \((id|en)\):$/.exec(line);
    const field = head ? FIELD_OF.get(head[1]!.toLowerCase()) : undefined;
    if (head && field) block = { field, lang: head[2] as Lang, lines: [] };
  }
  finish();
  return p;
}

/** The languages a packed code speaks, in the order its labels and headings name them. */
export function packedLanguages(text: string): Lang[] {
  const seen: Lang[] = [];
  for (const m of text.matchAll(/ \((id|en)\):/g)) if (!seen.includes(m[1] as Lang)) seen.push(m[1] as Lang);
  return LANGS.filter((l) => seen.includes(l)).sort((a, b) => seen.indexOf(a) - seen.indexOf(b));
}
