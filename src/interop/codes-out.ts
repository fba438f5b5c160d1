import type { Code, Codebook, Lang } from '../model/codebook.js';
import { shade, topColour } from './colours.js';
import { packCode, type ByLang } from './describe.js';
import { guidFor } from './guid.js';
import type { RefiCode } from './refi-model.js';

/**
 * A qia codebook as a REFI-QDA code tree. The tree follows the dotted ids (a code whose parent
 * is missing becomes a top-level code); codes keep the codebook's order among their siblings.
 * Every code is codable: qia has no folder codes.
 */

/** A code's per-language list as the YAML gave it; a codebook built without languages counts as its first. */
function byLang(by: ByLang | undefined, flat: string[], first: Lang): ByLang {
  if (by && Object.keys(by).length) return by;
  return flat.length ? { [first]: flat } : {};
}

/** The name a desktop program shows: the label in `lang`, else in another language, else the id. */
export function codeName(c: Code, lang: Lang, langs: readonly Lang[]): string {
  const label = c.label[lang] ?? langs.map((l) => c.label[l]).find((x) => x) ?? Object.values(c.label).find((x) => x);
  return label && label.trim() ? label : c.id;
}

export function refiCodes(cb: Codebook, lang: Lang, notesOf: (codeId: string) => string[] = () => []): RefiCode[] {
  const ids = new Set(cb.codes.map((c) => c.id));
  const children = new Map<string | undefined, Code[]>();
  for (const c of cb.codes) {
    const parent = c.parent && ids.has(c.parent) ? c.parent : undefined;
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(c);
  }
  const langs = cb.languages;
  const build = (c: Code, color: string): RefiCode => {
    const kids = children.get(c.id) ?? [];
    const packed = {
      id: c.id,
      group: c.group,
      label: c.label,
      definition: c.definition,
      include: byLang(c.includeByLang, c.include, langs[0]!),
      exclude: byLang(c.excludeByLang, c.exclude, langs[0]!),
      examples: byLang(c.examplesByLang, c.examples, langs[0]!),
      ...(c.valence?.inverted ? { inverted: true } : {}),
      ...(c.valence?.default !== undefined ? { defaultValence: c.valence.default } : {}),
    };
    return {
      guid: guidFor('code', c.id),
      name: codeName(c, lang, langs),
      isCodable: true,
      color,
      description: packCode(packed, langs),
      notes: notesOf(c.id),
      children: kids.map((k, i) => build(k, shade(color, i, kids.length))),
    };
  };
  return (children.get(undefined) ?? []).map((c, i) => build(c, topColour(i)));
}
