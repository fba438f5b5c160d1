/**
 * Words that turn a valence cue around, and words that end their reach. Indonesian first
 * (including the informal forms heard in interviews), then English.
 */

export const NEGATION_WORDS: ReadonlySet<string> = new Set([
  'tidak',
  'tak',
  'tdk',
  'gak',
  'nggak',
  'ngga',
  'enggak',
  'engga',
  'ga',
  'gk',
  'belum',
  'blm',
  'kurang',
  'bukan',
  'tanpa',
  'jangan',
  'non',
  'not',
  'no',
  'never',
  'without',
  'hardly',
  'cannot',
  'nor',
  'neither',
  'barely',
  'lack',
  'lacking',
]);

/** English contractions (don't, isn't, can’t…) negate too. */
export function isNegationWord(norm: string): boolean {
  return NEGATION_WORDS.has(norm) || norm.endsWith("n't") || norm.endsWith('n’t');
}

/** A negation word followed by one of these is not a negation (`tidak hanya`, `kurang lebih`). */
export const PSEUDO_NEGATIONS: ReadonlySet<string> = new Set([
  'tidak hanya',
  'tak hanya',
  'bukan hanya',
  'tidak cuma',
  'bukan cuma',
  'bukan saja',
  'tidak saja',
  'kurang lebih',
  'tidak lain',
  'bukan main',
  'tanpa terkecuali',
  'not only',
  'not just',
  'no doubt',
  'not merely',
]);

/** Words after which the valence of a passage is read afresh (`..., tapi sudah teratasi`). */
export const CONTRAST_WORDS: ReadonlySet<string> = new Set([
  'tapi',
  'tetapi',
  'namun',
  'sedangkan',
  'padahal',
  'but',
  'however',
  'yet',
  'nevertheless',
  'although',
  'though',
]);
