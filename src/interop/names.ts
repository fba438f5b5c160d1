/**
 * File names and ids made from names that come from other programs: ASCII letters (accents
 * taken off, so "Kafé Ñusa" gives "kafe-nusa"), digits and one separator, lower case.
 */
export function slug(name: string, sep: '-' | '_' = '-'): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^${sep}+|${sep}+$`, 'g'), '');
}

/** Hands out `base`, then `base-2`, `base-3`… so no two names taken from one namer are equal (case-insensitively). */
export function uniqueNamer(sep: '-' | '_' = '-'): (base: string) => string {
  const taken = new Set<string>();
  return (base) => {
    let out = base;
    for (let n = 2; taken.has(out.toLowerCase()); n++) out = `${base}${sep}${n}`;
    taken.add(out.toLowerCase());
    return out;
  };
}
