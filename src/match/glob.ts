/**
 * Globs in the LIWC/quanteda style: `*` stands for any run of word characters, so `kendala*`
 * is a prefix, `*rumit` a suffix and `*rumit*` an infix. Globs are matched on the case-folded
 * surface word, not on its stem, because they exist to catch forms the stemmer does not know.
 */

export type GlobShape =
  { kind: 'prefix'; literal: string } | { kind: 'suffix'; literal: string } | { kind: 'infix'; literal: string } | { kind: 'pattern'; re: RegExp };

export function isGlob(word: string): boolean {
  return word.includes('*');
}

/** The literal pieces of a glob must be made of word characters (letters, digits, - and '). */
const LITERAL = /^[\p{L}\p{N}\p{M}'’-]+$/u;

/** Shape of a case-folded glob, or a reason it can never match a word. */
export function globShape(glob: string): GlobShape | { error: string } {
  const pieces = glob.split('*');
  const literals = pieces.filter((p) => p !== '');
  if (literals.length === 0) return { error: 'a glob needs at least one letter besides *' };
  for (const p of literals) {
    if (!LITERAL.test(p)) return { error: `"${p}" is not made of word characters, so no word can match it` };
  }
  const star = /^\*+$/;
  if (pieces.length === 2 && pieces[0] !== '' && pieces[1] === '') return { kind: 'prefix', literal: pieces[0]! };
  if (pieces.length === 2 && pieces[0] === '' && pieces[1] !== '') return { kind: 'suffix', literal: pieces[1]! };
  if (pieces.length === 3 && pieces[0] === '' && pieces[2] === '' && pieces[1] !== '') return { kind: 'infix', literal: pieces[1]! };
  if (star.test(glob)) return { error: 'a glob needs at least one letter besides *' };
  const body = pieces.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join("[\\p{L}\\p{N}\\p{M}'’-]*");
  return { kind: 'pattern', re: new RegExp(`^${body}$`, 'u') };
}
