/**
 * The nesting of a document's section headings, so that a sub-heading that names no attribute
 * keeps the attribute of the heading above it. A findings chapter files its points under an
 * attribute heading and numbers them below it:
 *
 *   4.2.1 Keuntungan Relatif        → relative advantage
 *   a. Waktu pelayanan              → still relative advantage (a sub-point names nothing new)
 *   b. Biaya                        → still relative advantage
 *   4.2.2 Kesesuaian                → compatibility (a sibling replaces it)
 *
 * Without the nesting, "a. Waktu pelayanan" would have ended the attribute's context.
 */
export interface Section {
  /** How deep the heading sits (smaller is higher); undefined when its form does not say. */
  level: number | undefined;
  /** The top-level codes it sets as context: its own, or, naming none, its parent's. */
  codes: ReadonlySet<string>;
}

/**
 * A heading's depth from its form: Markdown `#`s; BAB; a Roman numeral; a decimal number (one
 * level per part: "4", "4.2", "4.2.1"); a capital letter; a small letter; "1)"; "(1)" or "(a)".
 * Undefined for a heading whose form says nothing (bold, capitals, title case, a bare name).
 */
export function headingLevel(text: string): number | undefined {
  const t = text.trim().replace(/^\*\*(.*)\*\*$/, '$1');
  const md = /^(#{1,6})\s/.exec(t);
  if (md) return md[1]!.length;
  if (/^bab\s/i.test(t)) return 1;
  if (/^[IVXLC]+\.\s/.test(t)) return 2;
  const num = /^(\d+(?:\.\d+)*)\.?\s/.exec(t);
  if (num) return 2 + num[1]!.split('.').length - 1;
  if (/^[A-Z][.)]\s/.test(t)) return 7;
  if (/^[a-z][.)]\s/.test(t)) return 8;
  if (/^\d+\)\s/.test(t)) return 9;
  if (/^\((?:\d+|[a-z])\)\s/.test(t)) return 10;
  return undefined;
}

/**
 * Where a heading whose form says nothing of its depth sits: below numbered sections and
 * Markdown headings, above lettered and numbered points ("**Keuntungan Relatif**" under "4.2
 * Hasil", with "a. Waktu" under it).
 */
const UNSTATED = 6.5;

/**
 * The open sections after a heading: those above it stay, those at its depth or deeper close. A
 * heading that names no attribute keeps its parent's, when its form says it is a sub-heading;
 * one whose form says nothing ("HASIL WAWANCARA", "Kesimpulan") keeps only its own, as a
 * heading always did, so a conclusion after the last attribute is not read under it.
 */
export function nestSection(open: readonly Section[], heading: string, codes: ReadonlySet<string>): Section[] {
  const stated = headingLevel(heading);
  const level = stated ?? UNSTATED;
  const out = open.filter((s) => (s.level ?? UNSTATED) < level);
  const parent = out.at(-1);
  out.push({ level: stated, codes: codes.size > 0 || stated === undefined ? codes : (parent?.codes ?? codes) });
  return out;
}
