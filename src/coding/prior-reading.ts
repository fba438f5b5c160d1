import { codingSetting } from '../study/coding-setting.js';
import type { Matcher } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Segment } from '../model/segment.js';
import { autoCoding, trimmed } from './auto-coding.js';
import type { Namer } from './decide.js';

/**
 * A reading from the codebook prior alone, for a document paragraph no rule, heading or name
 * placed under anything. Authors of a findings chapter file every paragraph about the innovation
 * under one attribute, often in words no rule knows ("Kehadiran aplikasi itu membuat warga merasa
 * terbantu"). The prior (prior.ts: the stems of each attribute's definition, inclusion criteria,
 * examples and Rogers' usual Indonesian paraphrases) then says which attribute the words lean
 * to. It is weak evidence (on the real-text development part its strongest attribute is the
 * labels' for about 6 attribute passages in 10, and it would speak of every background paragraph
 * too), so the coding is always a *suggestion*: scored under the default `coding.min_score`,
 * listed in codings.csv and `qia review` for a person to accept or reject, never counted in a
 * verdict unless accepted. Its valence is 0: the prior says which attribute, not which way.
 */
export const PRIOR_RULE = 'codebook-prior';

/** The score of a prior reading: under the default min_score (0.2), so it is a suggestion. */
export const PRIOR_SCORE = 0.05;
/** A clearer lean (the first attribute at least twice the second) scores a little higher, still a suggestion. */
export const PRIOR_SCORE_CLEAR = 0.1;

/** The least weight the leading attribute must have: two or three words of its own, not one shared word. */
const MIN_WEIGHT = 2;
/** How far it must lead the next attribute (a paragraph leaning to two attributes alike says neither). */
const MIN_LEAD = 1.25;
/** A paragraph shorter than this says too little to lean anywhere (a caption, a name, a date). */
const MIN_WORDS = 8;

/**
 * What the passage must speak of for a reading: the innovation, the service or those it serves.
 * A passage about the study's own method, or about something else, is not filed under an attribute.
 */
const ABOUT_INNOVATION =
  /(?<!\p{L})(?:inovasi|layanan|pelayanan|melayani|aplikasi|program|sistem|warga|masyarakat|peserta|pengguna|petugas|pegawai|innovation|service|services|app|application|programme|program|system|users|residents|staff)(?:nya)?(?!\p{L})/iu;
/**
 * Words of a paragraph about the research itself (method, data, informants): two or more of
 * them mark the study's method, which no author files under an attribute.
 */
const ABOUT_RESEARCH =
  /(?<!\p{L})(?:penelitian|peneliti|penulis|metode|kualitatif|kuantitatif|deskriptif|informan|responden|wawancara|observasi|dokumentasi|data|teori|research|researcher|method|methods|qualitative|informants|interviews|data|theory)(?!\p{L})/giu;

/** The word count of `s` (runs of non-space). */
function wordCount(s: string): number {
  return (s.match(/\S+/g) ?? []).length;
}

/**
 * Adds to `out` a suggestion of the attribute the prior favours for `seg`, when it favours one
 * clearly and the passage speaks of the innovation. Call it only for a segment that got no other
 * automatic coding.
 */
export function priorReading(seg: Segment, matcher: Matcher, namer: Namer, out: Coding[], sourceText?: string): void {
  if (!namer.prior) return;
  const off = seg.span.start;
  const body = seg.body.start === seg.span.start && seg.body.end === seg.span.end ? seg.text : seg.text.slice(seg.body.start - off, seg.body.end - off);
  // Document paragraphs only. Tried on interview answers of 25 words or more, it added
  // suggestions the held-out lapak-asik coders did not make (their macro-F1 counting every
  // coding fell from 0.65 to 0.60): an answer nothing placed is mostly talk around the point.
  if (seg.kind !== 'paragraph' || wordCount(body) < MIN_WORDS) return;
  if (!ABOUT_INNOVATION.test(body)) return;
  if ((body.match(ABOUT_RESEARCH) ?? []).length >= 2) return;
  const weights = [...namer.prior.weigh(body, true)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [first, second] = weights;
  if (!first || first[1] < MIN_WEIGHT) return;
  const next = second?.[1] ?? 0;
  if (first[1] < MIN_LEAD * next) return;
  const code = matcher.codebook.codes.find((c) => c.id === first[0]);
  // A code without rules (nor sub-codes with rules) is coded by hand only: a codebook imported
  // from another program names the attributes but asks for no automatic coding (as in decide.ts).
  if (!code || !matcher.codebook.codes.some((d) => (d.id === code.id || d.id.startsWith(`${code.id}.`)) && (d.rules?.length ?? 0) > 0)) return;
  const words = namer.prior.evidence(body, code.id).slice(0, 3);
  const base = seg.body.start;
  const matches = words.map((w) => ({ ruleId: PRIOR_RULE, span: { start: base + w.start, end: base + w.end }, text: w.word }));
  const text = sourceText ?? seg.text;
  const at = sourceText === undefined ? off : 0;
  const coding = autoCoding(
    seg,
    { code: code.id, valence: 0, matches, cues: [], score: first[1] >= 2 * next ? PRIOR_SCORE_CLEAR : PRIOR_SCORE },
    trimmed(seg.body, text, at),
    text,
    at,
  );
  coding.memo = `${PRIOR_RULE}: no rule fired; the codebook's words for ${code.id} weigh most here (${words.map((w) => w.word).join(', ')}); a suggestion to review`;
  out.push(coding);
}

/**
 * `coding.prior_reading: true` in study.yaml: suggest an attribute for the paragraphs of documents nothing placed.
 * Off by default: where it actually fired on real text (no rule did), the labels confirmed none of its
 * 20 suggestions (docs/coding.md), so by default it would only fill the review queue with noise.
 */
export function priorReadingEnabled(settings: Readonly<Record<string, unknown>>): boolean {
  return codingSetting(settings, 'prior_reading') === true;
}
