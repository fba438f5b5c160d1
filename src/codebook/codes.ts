import type { Code, Codebook, Lang } from '../model/codebook.js';

/**
 * The code itself and every ancestor, outermost first: `complexity.ease_of_use` gives
 * `complexity`, `complexity.ease_of_use`. A coding counts for each of them (roll-up).
 */
export function selfAndAncestors(code: string): string[] {
  const parts = code.split('.');
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) out.push(parts.slice(0, i).join('.'));
  return out;
}

export function isWithin(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(ancestor + '.');
}

export function topLevel(code: string): string {
  const dot = code.indexOf('.');
  return dot === -1 ? code : code.slice(0, dot);
}

/**
 * A total order on code ids: codebook order first (the order a researcher wrote, which is
 * the order of the thesis chapters), then codes the codebook does not know, alphabetically.
 */
export function codeComparator(codebook: Codebook): (a: string, b: string) => number {
  const rank = new Map<string, number>();
  codebook.codes.forEach((c, i) => rank.set(c.id, i));
  return (a, b) => {
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined) return -1;
    if (rb !== undefined) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

export function findCode(codebook: Codebook, id: string): Code | undefined {
  return codebook.codes.find((c) => c.id === id);
}

/** The code's label in `lang`, else in the other language, else its id. */
export function codeLabel(codebook: Codebook, id: string, lang: Lang): string {
  const code = findCode(codebook, id);
  if (!code) return id;
  return code.label[lang] ?? code.label[lang === 'id' ? 'en' : 'id'] ?? id;
}

/** Top-level codes of one group (attribute or obstacle), in codebook order. */
export function topCodes(codebook: Codebook, group: Code['group']): string[] {
  return codebook.codes.filter((c) => c.group === group && !c.id.includes('.')).map((c) => c.id);
}

/** Direct children of a code, in codebook order. */
export function childCodes(codebook: Codebook, parent: string): string[] {
  return codebook.codes.filter((c) => (c.parent ?? parentOf(c.id)) === parent && c.id !== parent).map((c) => c.id);
}

export function parentOf(id: string): string | undefined {
  const dot = id.lastIndexOf('.');
  return dot === -1 ? undefined : id.slice(0, dot);
}
