import { stringify } from 'yaml';
import type { Bilingual, CodeGroup, Lang, Valence } from '../model/codebook.js';
import { packedLanguages, unpackCode, type ByLang } from './describe.js';
import type { RefiCode } from './refi-model.js';
import { slug, uniqueNamer } from './names.js';

/**
 * A REFI-QDA code tree as a qia codebook. Codes qia packed keep their id, group, labels,
 * definitions, criteria and examples; any other code gets an id made from its name under its
 * parent's (`Commits` → `commits`, its child `2022-05-10 19e4dce` → `commits.c2022_05_10_19e4dce`)
 * and its Description as the definition. Rules are left for the researcher to write.
 */

export interface ImportedCode {
  id: string;
  group: CodeGroup;
  label: Bilingual;
  definition: Bilingual;
  include: ByLang;
  exclude: ByLang;
  examples: ByLang;
  inverted?: boolean;
  defaultValence?: Valence;
}

export interface ImportedCodebook {
  languages: Lang[];
  codes: ImportedCode[];
  /** Normalised GUID → qia code id, for the codings that refer to the codes. */
  byGuid: Map<string, string>;
}

/** A code-id part from a name: lower-case ASCII letters, digits and _, starting with a letter. */
function idPart(name: string): string {
  const s = slug(name, '_');
  if (s === '') return 'code';
  return /^[a-z]/.test(s) ? s : `c${s}`;
}

/** `lang` is the language of names and plain descriptions when a code was not packed by qia. */
export function importCodes(tree: readonly RefiCode[], lang: Lang): ImportedCodebook {
  const unique = uniqueNamer('_');
  const langs: Lang[] = [];
  const codes: ImportedCode[] = [];
  const byGuid = new Map<string, string>();
  const visit = (c: RefiCode, parent: string | undefined, group: CodeGroup) => {
    const packed = c.description !== undefined ? unpackCode(c.description) : undefined;
    let code: ImportedCode;
    if (packed) {
      for (const l of packedLanguages(c.description!)) if (!langs.includes(l)) langs.push(l);
      // A code moved to another parent in a desktop program keeps its own last id part.
      const own = packed.id.slice(packed.id.lastIndexOf('.') + 1);
      const wanted =
        parent === undefined
          ? packed.id.includes('.')
            ? own
            : packed.id
          : packed.id.startsWith(`${parent}.`) && !packed.id.slice(parent.length + 1).includes('.')
            ? packed.id
            : `${parent}.${own}`;
      code = { ...packed, id: unique(wanted) };
      // The name shown and edited in the desktop program wins over the packed label in its language.
      if (c.name.trim() && c.name !== packed.id && !Object.values(packed.label).includes(c.name)) code.label = { ...packed.label, [lang]: c.name };
    } else {
      const part = idPart(c.name);
      code = {
        id: unique(parent === undefined ? part : `${parent}.${part}`),
        group,
        label: c.name.trim() ? { [lang]: c.name.trim() } : {},
        definition: {},
        include: {},
        exclude: {},
        examples: {},
      };
      const d = c.description?.trim();
      if (d) code.definition = { [lang]: d };
    }
    codes.push(code);
    byGuid.set(c.guid, code.id);
    for (const k of c.children) visit(k, code.id, code.group);
  };
  for (const c of tree) visit(c, undefined, 'other');
  if (!langs.includes(lang) && codes.some((c) => c.label[lang] !== undefined || c.definition[lang] !== undefined)) langs.push(lang);
  return { languages: langs.length ? langs : [lang], codes, byGuid };
}

/** The imported codebook as qia YAML, in the layout of codebooks/rogers.yaml, with rules left out. */
export function codebookYaml(cb: ImportedCodebook, meta: { id: string; title?: string; from: string }): string {
  const single = cb.languages.length === 1;
  const text = (b: Bilingual): string | Bilingual | undefined => {
    const present = cb.languages.filter((l) => b[l] !== undefined);
    if (present.length === 0) return undefined;
    if (single) return b[cb.languages[0]!];
    return Object.fromEntries(present.map((l) => [l, b[l]!]));
  };
  const list = (b: ByLang): string[] | ByLang | undefined => {
    const present = cb.languages.filter((l) => b[l] !== undefined);
    if (present.length === 0) return undefined;
    if (single) return b[cb.languages[0]!];
    return Object.fromEntries(present.map((l) => [l, b[l]!]));
  };
  const doc: Record<string, unknown> = { id: meta.id, version: '1', languages: cb.languages };
  if (meta.title) doc['title'] = single ? meta.title : { [cb.languages[0]!]: meta.title };
  const groups = new Map(cb.codes.map((c) => [c.id, c.group]));
  doc['codes'] = cb.codes.map((c) => {
    const out: Record<string, unknown> = { id: c.id };
    // A sub-code without a group takes its parent's (docs/codebook.md), so only a change is written.
    const parent = c.id.includes('.') ? groups.get(c.id.slice(0, c.id.lastIndexOf('.'))) : undefined;
    if (parent !== c.group) out['group'] = c.group;
    const fields: [string, unknown][] = [
      ['label', text(c.label)],
      ['definition', text(c.definition)],
      ['include', list(c.include)],
      ['exclude', list(c.exclude)],
      ['examples', list(c.examples)],
    ];
    for (const [k, v] of fields) if (v !== undefined) out[k] = v;
    const valence: Record<string, unknown> = {};
    if (c.inverted) valence['inverted'] = true;
    if (c.defaultValence !== undefined) valence['default'] = c.defaultValence;
    if (Object.keys(valence).length) out['valence'] = valence;
    return out;
  });
  const header = [
    `# Imported by qia from ${meta.from}.`,
    '# Labels, definitions, criteria and examples came from the REFI-QDA codebook; matching rules',
    '# and valence cues did not (the format has no place for them): add `rules:` to a code to let',
    '# qia code it automatically (docs/codebook.md), and check the file with `qia codebook check`.',
  ];
  return header.join('\n') + '\n' + stringify(doc, { lineWidth: 0 });
}
