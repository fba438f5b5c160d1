import { distance } from 'fastest-levenshtein';

/**
 * The known names closest to a mistyped one, best first: by edit distance on the last dotted part
 * (`obstacle_internal.staf_skills` finds `obstacle_internal.staff_skills`, and `staf_skills` alone
 * finds it too; under another parent a guess ranks lower), plus names that end with or start with
 * what was typed.
 * Only names within a distance that grows slowly with length count as close.
 */
export function closeNames(typed: string, known: Iterable<string>, max = 3): string[] {
  const t = typed
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (t === '') return [];
  const leaf = (s: string) => s.slice(s.lastIndexOf('.') + 1);
  const allowed = (n: number) => Math.max(1, Math.floor(n / 4));
  const parent = (s: string) => s.slice(0, Math.max(0, s.lastIndexOf('.')));
  const scored: { name: string; score: number }[] = [];
  for (const name of known) {
    const n = name.toLowerCase();
    let score = Infinity;
    const d = distance(leaf(t), leaf(n));
    // A typo in the last part; under another parent it is a weaker guess.
    if (d <= allowed(Math.max(leaf(t).length, leaf(n).length))) score = d + (parent(t) !== '' && parent(t) !== parent(n) ? 1 : 0);
    if (n === t || n.endsWith(`.${t}`)) score = Math.min(score, 0.25);
    else if (n.startsWith(t) && t.length >= 3) score = Math.min(score, 1.5);
    if (score !== Infinity) scored.push({ name, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, max)
    .map((s) => s.name);
}

/** A hint for a name that is not known: "did you mean …?", else where the names are listed. */
export function didYouMean(typed: string, known: Iterable<string>, otherwise: string): string {
  const close = closeNames(typed, known);
  return close.length > 0 ? `did you mean ${close.join(', ')}?` : otherwise;
}
