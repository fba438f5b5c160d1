import { LEAD_RULE } from '../coding/decide.js';
import { PRIOR_RULE } from '../coding/prior-reading.js';
import { QUESTION_CONTEXT_RULE } from '../coding/question-context.js';
import { fill, type Labels, type ReasonLabels } from './i18n.js';
import { flatten } from './wrap.js';

/**
 * Why a coding was proposed, in the screen's language. `qia code` writes its memos in English,
 * and codings.csv keeps them as written (they are data, and golden-tested); the screen reads the
 * few fixed shapes back and renders them from src/review/i18n.ts. A memo of any other shape (a
 * coder's own words, a memo of an older qia) is shown as written.
 */

/** One memo shape: the rule id that may lead it, and its parts by name. */
interface Shape {
  rule: string | undefined;
  key: Exclude<keyof ReasonLabels, 'primary'>;
  pattern: RegExp;
  names: readonly string[];
}

// Anchored, with no nested quantifiers: each match is linear in the memo's length.
const SHAPES: readonly Shape[] = [
  { rule: QUESTION_CONTEXT_RULE, key: 'question', pattern: /^answer to (\S+) \(line (\d+)\) "(.*)"$/, names: ['segment', 'line', 'question'] },
  { rule: LEAD_RULE, key: 'lead', pattern: /^a quotation after (\S+) \(line (\d+)\), which names it$/, names: ['segment', 'line'] },
  {
    rule: PRIOR_RULE,
    key: 'prior',
    pattern: /^no rule fired; the codebook's words for (\S+) weigh most here \((.*)\); a suggestion to review$/,
    names: ['code', 'words'],
  },
  { rule: undefined, key: 'learned', pattern: /^learned from (\d+) segments a person coded; weighed most: (.*)$/, names: ['n', 'words'] },
];

const PRIMARY = /^primary by what was learnt from (\d+) segments a person coded$/;
const PRIMARY_AFTER = '; primary by what was learnt from ';

/**
 * The reason as the screen shows it: flattened to one line, without the rule id the rule line
 * already names ("question-context: answer to …" under a question-context coding), and each
 * known part in the screen's language.
 */
export function reasonShown(L: Labels, reason: string, rule: string | undefined): string {
  const flat = flatten(reason);
  const named = rule === undefined ? [] : rule.split(/[\s;·,]+/);
  // learn.ts appends its note on the primary code to whatever memo the coding had.
  const cut = flat.lastIndexOf(PRIMARY_AFTER);
  if (cut > 0) {
    const tail = PRIMARY.exec(flat.slice(cut + 2));
    if (tail) return `${part(L, flat.slice(0, cut), named)}; ${fill(L.reasons.primary, { n: tail[1]! })}`;
  }
  return part(L, flat, named);
}

function part(L: Labels, text: string, named: readonly string[]): string {
  const primary = PRIMARY.exec(text);
  if (primary) return fill(L.reasons.primary, { n: primary[1]! });
  const lead = /^([\w.#-]+): /.exec(text);
  const repeated = lead !== null && named.includes(lead[1]!);
  // The rule id that leads the memo, when it is one of qia's own: the shape is read under it only.
  const prefix = lead !== null && (repeated || SHAPES.some((s) => s.rule === lead[1])) ? lead[1] : undefined;
  const body = prefix === undefined ? text : text.slice(lead![0].length);
  for (const s of SHAPES) {
    if (s.rule !== prefix) continue;
    const m = s.pattern.exec(body);
    if (!m) continue;
    const shown = fill(L.reasons[s.key], Object.fromEntries(s.names.map((n, i) => [n, m[i + 1]!])));
    return prefix === undefined || repeated ? shown : `${prefix}: ${shown}`;
  }
  return repeated ? body : text;
}
