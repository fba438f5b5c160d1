import type { Valence } from '../model/codebook.js';

/** `+`, `+1`, `1` favourable; `-`, `-1` (also the typographic minus) unfavourable; `0` or empty neutral. */
export function parseValence(raw: string): Valence | undefined {
  const s = raw.trim().replace(/^[\u2212\u2013]/, '-');
  if (s === '+' || s === '+1' || s === '1') return 1;
  if (s === '-' || s === '-1') return -1;
  if (s === '0' || s === '' || s === '+0' || s === '-0') return 0;
  return undefined;
}

export function formatValence(v: Valence): '+' | '-' | '0' {
  return v > 0 ? '+' : v < 0 ? '-' : '0';
}
