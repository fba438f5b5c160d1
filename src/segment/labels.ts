import type { Lang } from '../model/codebook.js';
import type { Informant } from '../model/informant.js';
import type { Lookup } from '../util/lookup.js';

const TS = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;

/**
 * A speaker label at the start of a line, in the forms transcribers use:
 * `Name:`, `**Name:**`, `**Name**:`, `[Name]`, each optionally preceded or followed by a
 * timestamp such as `[00:01:02]`. Bounded quantifiers and no crossing of line ends keep the
 * match cheap even on a 50 MB single-line file. Sticky: matched at `lastIndex` only.
 */
const LABEL = new RegExp(
  String.raw`[ \t]*(?:(?:\[(${TS})\]|\((${TS})\)|(${TS}))[ \t]+)?` +
    '(?:' +
    String.raw`\*\*([^*\n:]{1,40}?)[ \t]*(?::\*\*|\*\*[ \t]*:)` +
    '|' +
    String.raw`\[([^\]\n]{1,40})\][ \t]*:?` +
    '|' +
    String.raw`([\p{L}][\p{L}\p{N}.'’_\-]{0,30}(?:[ \t][\p{L}\p{N}.'’_\-]{1,20}){0,3}(?:[ \t]*\((?!\d{1,2}:\d{2})[^)\n]{1,40}\))?)[ \t]*(?:[\[(](${TS})[\])][ \t]*)?:` +
    ')' +
    String.raw`(?=[ \t\n]|$)[ \t]*(?:[\[(](${TS})[\])][ \t]*)?`,
  'uy',
);

export interface LabelMatch {
  /** The label as written, without markup. */
  name: string;
  /** Offset just after the label and any timestamp (and spaces). */
  end: number;
  time?: string;
  /** `[Name]` and `Name:` are weaker evidence of a turn than a known label; see `classify`. */
  bracket: boolean;
}

/** Try to read a speaker label at `lineStart`. */
export function matchLabel(text: string, lineStart: number): LabelMatch | undefined {
  LABEL.lastIndex = lineStart;
  const m = LABEL.exec(text);
  if (!m) return undefined;
  const name = (m[4] ?? m[5] ?? m[6] ?? '').trim();
  if (name === '' || /^\d/.test(name)) return undefined;
  const time = m[1] ?? m[2] ?? m[3] ?? m[7] ?? m[8];
  const out: LabelMatch = { name, end: LABEL.lastIndex, bracket: m[5] !== undefined };
  if (time) out.time = time;
  return out;
}

const INTERVIEWER_WORDS = new Set([
  'pewawancara',
  'peneliti',
  'penanya',
  'penulis',
  'interviewer',
  'researcher',
  'moderator',
  'fasilitator',
  'facilitator',
  'q',
  'tanya',
  't',
]);
const INFORMANT_WORDS = new Set(['informan', 'narasumber', 'responden', 'respondent', 'participant', 'partisipan', 'interviewee', 'subjek', 'a', 'jawab', 'j']);

export type LabelRole = { interviewer: true } | { interviewer: false; informant?: string; known: boolean };

/** The informants of a study by every key a label may name them with (lower-cased id and label). */
export type InformantKeys = Lookup<string>;

/** Made once per study: a source's resolver reads it, so segmenting stays linear in sources and informants. */
export function informantKeys(informants: readonly Informant[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const inf of informants) {
    byKey.set(inf.id.toLowerCase(), inf.id);
    if (inf.label) byKey.set(inf.label.toLowerCase(), inf.id);
  }
  return byKey;
}

/**
 * Who a label names: the front matter `speakers` map first, then the conventional words
 * (language decides `P` and `I`), then informant ids and labels. `known` says the label is
 * recognised as a speaker label at all (generic names are accepted only when they recur).
 */
export class SpeakerResolver {
  private readonly speakers = new Map<string, string>();

  constructor(
    private readonly byKey: InformantKeys,
    private readonly language: Lang,
    speakers: Record<string, string> = {},
  ) {
    for (const [label, value] of Object.entries(speakers)) this.speakers.set(label.trim().toLowerCase(), value);
  }

  classify(name: string): LabelRole | undefined {
    const key = name.toLowerCase().replace(/\s+/g, ' ');
    const mapped = this.speakers.get(key);
    if (mapped !== undefined) return mapped.toLowerCase() === 'interviewer' ? { interviewer: true } : { interviewer: false, informant: mapped, known: true };
    if (INTERVIEWER_WORDS.has(key)) return { interviewer: true };
    if (key === 'p') return this.language === 'id' ? { interviewer: true } : { interviewer: false, known: true };
    if (key === 'i') return this.language === 'id' ? { interviewer: false, known: true } : { interviewer: true };
    if (key === 'r') return { interviewer: false, known: true };
    const direct = this.byKey.get(key);
    if (direct) return { interviewer: false, informant: direct, known: true };
    // "Informan 1 (Kepala Cabang)", "Informan K1", "Narasumber (S2)".
    const paren = /\(([^)]+)\)\s*$/.exec(key);
    if (paren) {
      const inside = this.byKey.get(paren[1]!.trim());
      if (inside) return { interviewer: false, informant: inside, known: true };
    }
    const bare = key.replace(/\s*\([^)]*\)\s*$/, '');
    const words = bare.split(' ');
    if (INFORMANT_WORDS.has(words[0]!)) {
      const rest = this.byKey.get(words.slice(1).join(' '));
      return rest ? { interviewer: false, informant: rest, known: true } : { interviewer: false, known: true };
    }
    if (INTERVIEWER_WORDS.has(words[0]!) && words.length <= 2) return { interviewer: true };
    const viaBare = this.byKey.get(bare);
    if (viaBare) return { interviewer: false, informant: viaBare, known: true };
    return undefined;
  }
}
