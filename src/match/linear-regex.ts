import { RE2JS } from 're2js';

/**
 * Codebook `regex:` rules run on RE2 (the re2js package, a pure-JavaScript port), whose
 * matching time is linear in the text whatever the pattern: a codebook from anyone cannot make
 * `qia run` hang, which no check of JavaScript patterns can promise. Researchers still write
 * the JavaScript syntax the docs show; this module translates it to RE2's, keeping JavaScript's
 * meaning where the two differ (`\s` and `.` cover the same characters, `\z` or `\a` stay
 * letters, `[]` matches nothing), and refuses what RE2 cannot run in linear time
 * (backreferences, lookahead, lookbehind) with the offset of the construct and what to write
 * instead.
 */

/** What JavaScript's `\s` matches (ECMAScript WhiteSpace and LineTerminator), as RE2 class items. */
const JS_SPACE = '\\t\\n\\x0B\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
/** What JavaScript's `.` excludes without the `s` flag. */
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';
/** RE2 needs these escaped to be literal, inside a class or out. */
const RE2_META = new Set([...'\\.+*?()|[]{}^$-/']);
/** Past this program size a pattern is refused: a linear engine is still linear in it. */
export const MAX_PROGRAM_SIZE = 20_000;

export interface RegexProblem {
  /** Offset in the pattern (UTF-16 units) of the construct at fault; -1 for the pattern as a whole. */
  offset: number;
  message: string;
  hint: string;
}

export type Translation = { ok: true; source: string } | { ok: false; problem: RegexProblem };

const isHex = (s: string) => /^[0-9a-fA-F]+$/.test(s);
const literal = (ch: string) => (RE2_META.has(ch) ? `\\${ch}` : ch);
const hex = (code: number) => `\\x{${code.toString(16).toUpperCase()}}`;

class Refusal extends Error {
  constructor(readonly problem: RegexProblem) {
    super(problem.message);
  }
}

/** Translate a JavaScript pattern (flags i, m, s, u) into RE2 syntax, or say why it cannot be. */
export function translateToRe2(pattern: string, flags: string): Translation {
  const unicode = flags.includes('u');
  const dotAll = flags.includes('s');
  let i = 0;
  const n = pattern.length;
  const refuse = (offset: number, message: string, hint: string): never => {
    throw new Refusal({ offset, message, hint });
  };

  /** One escape at `i` (pointing at the backslash); returns RE2 text, in a class or out. */
  const escape = (inClass: boolean): { text: string; single: boolean } => {
    const at = i;
    const cp = pattern.codePointAt(i + 1);
    if (cp === undefined) refuse(at, 'the pattern ends with a lone backslash', 'escape a backslash as \\\\');
    const c = String.fromCodePoint(cp!);
    i += 1 + c.length;
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        return { text: `\\${c}`, single: false };
      case 'b':
        return inClass ? { text: '\\x08', single: true } : { text: '\\b', single: false };
      case 'B':
        return inClass ? { text: 'B', single: true } : { text: '\\B', single: false };
      case 's':
        return { text: inClass ? JS_SPACE : `[${JS_SPACE}]`, single: false };
      case 'S':
        if (inClass)
          refuse(at, '\\S inside [...] cannot be translated for the linear-time engine', 'write an alternation instead, e.g. (?:[abc]|\\S) for [abc\\S]');
        return { text: `[^${JS_SPACE}]`, single: false };
      case 't':
      case 'n':
      case 'r':
      case 'f':
        return { text: `\\${c}`, single: true };
      case 'v':
        return { text: '\\x0B', single: true };
      case '0':
        if (/[0-9]/.test(pattern[i] ?? '')) refuse(at, 'an octal escape like \\01 is not supported', 'write the character as \\xHH');
        return { text: '\\x00', single: true };
      case 'k':
        if (pattern[i] === '<')
          refuse(at, 'a named backreference (\\k<name>) cannot be matched in linear time', 'write the repeated text out, or split the rule in two');
        return { text: 'k', single: true };
      case 'x': {
        const h = pattern.slice(i, i + 2);
        if (h.length === 2 && isHex(h)) {
          i += 2;
          return { text: hex(parseInt(h, 16)), single: true };
        }
        return { text: 'x', single: true };
      }
      case 'u': {
        if (unicode && pattern[i] === '{') {
          const close = pattern.indexOf('}', i);
          const h = close > 0 ? pattern.slice(i + 1, close) : '';
          if (isHex(h)) {
            i = close + 1;
            return { text: hex(parseInt(h, 16)), single: true };
          }
        }
        const h = pattern.slice(i, i + 4);
        if (h.length === 4 && isHex(h)) {
          i += 4;
          const code = parseInt(h, 16);
          if (code >= 0xd800 && code <= 0xdfff) refuse(at, `\\u${h} is half of a surrogate pair`, 'write the character itself, or \\u{…} with the u flag');
          return { text: hex(code), single: true };
        }
        return { text: 'u', single: true };
      }
      case 'c': {
        const l = pattern[i] ?? '';
        if (/[A-Za-z]/.test(l)) {
          i += 1;
          return { text: hex(l.charCodeAt(0) % 32), single: true };
        }
        // As in JavaScript, a \c not followed by a letter is a backslash, and the c is read next.
        i -= 1;
        return { text: '\\\\', single: true };
      }
      case 'p':
      case 'P':
        if (unicode) {
          const close = pattern.indexOf('}', i);
          if (pattern[i] !== '{' || close < 0) refuse(at, `\\${c} needs a property in braces`, 'write e.g. \\p{L} for any letter');
          const name = pattern.slice(i + 1, close);
          if (name.includes('=')) refuse(at, `\\${c}{${name}} is not supported`, 'write the value alone, e.g. \\p{Greek} for \\p{Script=Greek}');
          i = close + 1;
          return { text: `\\${c}{${name}}`, single: false };
        }
        return { text: c, single: true };
      default:
        if (/[1-9]/.test(c))
          refuse(
            at,
            `\\${c} is a backreference, which cannot be matched in linear time`,
            'write the repeated text out (e.g. (ha)ha rather than (ha)\\1), or split the rule in two',
          );
        // Any other escaped character stands for itself, as in JavaScript.
        return { text: literal(c), single: true };
    }
  };

  /** A bracket class starting at `i` (pointing at `[`). */
  const charClass = (): string => {
    const start = i;
    i++;
    let negate = false;
    if (pattern[i] === '^') {
      negate = true;
      i++;
    }
    const items: { text: string; single: boolean; char?: string }[] = [];
    while (i < n && pattern[i] !== ']') {
      if (pattern[i] === '\\') items.push(escape(true));
      else {
        const cp = pattern.codePointAt(i)!;
        const ch = String.fromCodePoint(cp);
        items.push({ text: ch === '[' || ch === ']' || ch === '^' || ch === '-' || ch === '\\' ? `\\${ch}` : ch, single: true, char: ch });
        i += ch.length;
      }
    }
    if (i >= n) refuse(start, 'a character class [ is never closed', 'close it with ], or write \\[ for a bracket');
    i++;
    // In JavaScript a - between two single characters is a range; anywhere else it is a dash.
    let body = '';
    for (let k = 0; k < items.length; k++) {
      const it = items[k]!;
      const dash = items[k + 1];
      const to = items[k + 2];
      if (it.single && dash?.char === '-' && to?.single) {
        body += `${it.text}-${to.text}`;
        k += 2;
      } else body += it.text;
    }
    if (body === '') return negate ? '[\\x{0}-\\x{10FFFF}]' : '[^\\x{0}-\\x{10FFFF}]';
    return `[${negate ? '^' : ''}${body}]`;
  };

  try {
    let out = '';
    while (i < n) {
      const c = pattern[i]!;
      if (c === '\\') out += escape(false).text;
      else if (c === '[') out += charClass();
      else if (c === '(') {
        if (pattern.startsWith('(?=', i) || pattern.startsWith('(?!', i))
          refuse(
            i,
            `a lookahead ${pattern.slice(i, i + 3)}…) cannot be matched in linear time`,
            'match the following text too, or move the condition to an unless: list',
          );
        if (pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i))
          refuse(
            i,
            `a lookbehind ${pattern.slice(i, i + 4)}…) cannot be matched in linear time`,
            'match the preceding text too, or move the condition to an unless: list',
          );
        if (pattern.startsWith('(?<', i)) {
          out += '(?P<';
          i += 3;
        } else if (pattern.startsWith('(?:', i)) {
          out += '(?:';
          i += 3;
        } else {
          out += '(';
          i += 1;
        }
      } else if (c === '.') {
        out += dotAll ? '(?s:.)' : JS_DOT;
        i++;
      } else if (c === '{') {
        const q = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
        if (q) {
          const hi = q[3] ? Number(q[3]) : Number(q[1]);
          if (Math.max(Number(q[1]), hi) > 1000) refuse(i, `the repeat count ${q[0]} is over 1000`, 'use a smaller count, or + or * if any length will do');
          out += q[0];
          i += q[0].length;
        } else {
          out += '\\{';
          i++;
        }
      } else if (c === '}' || c === ']') {
        out += `\\${c}`;
        i++;
      } else {
        const ch = String.fromCodePoint(pattern.codePointAt(i)!);
        out += ch;
        i += ch.length;
      }
    }
    return { ok: true, source: out };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, problem: e.problem };
    throw e;
  }
}

/** The parts of re2js's compiled program the first-character prefilter reads. */
interface ProgInst {
  op: number;
  out: number;
  arg: number;
  runes: Int32Array;
}
// re2js's instruction codes (its Inst class) and its fold-case flag.
const ALT = 1;
const ALT_MATCH = 2;
const CAPTURE = 3;
const EMPTY_WIDTH = 4;
const FAIL = 5;
const NOP = 7;
const RUNE = 8;
const RUNE1 = 9;
const FOLD_CASE = 1;

/**
 * A one-character JavaScript class holding every character a match can start with, or
 * undefined when that is not a useful filter (any character, or a match may be empty). One
 * class cannot backtrack, and V8 scans for it about twenty times faster than re2js's DFA runs,
 * so the many segments a rule cannot match are passed over at native speed. It may accept more
 * than the pattern does (case folding is widened), never less.
 */
function firstCharFilter(re: RE2JS): RegExp | undefined {
  const prog = (re.re2() as unknown as { prog?: { start: number; inst: ProgInst[] } }).prog;
  if (!prog) return undefined;
  const seen = new Set<number>();
  const stack = [prog.start];
  let body = '';
  let fold = false;
  const esc = (c: number) => `\\u{${c.toString(16)}}`;
  while (stack.length) {
    const pc = stack.pop()!;
    if (seen.has(pc)) continue;
    seen.add(pc);
    const inst = prog.inst[pc];
    if (!inst) return undefined;
    switch (inst.op) {
      case ALT:
      case ALT_MATCH:
        stack.push(inst.out, inst.arg);
        break;
      case CAPTURE:
      case EMPTY_WIDTH:
      case NOP:
        stack.push(inst.out);
        break;
      case FAIL:
        break;
      case RUNE:
      case RUNE1: {
        const r = inst.runes;
        if (r.length === 1) {
          body += esc(r[0]!);
          // re2js folds only single characters (a class comes with its cases spelled out).
          // JavaScript's and RE2's foldings agree on ASCII; past it, do not risk a narrower filter.
          if (inst.arg & FOLD_CASE) {
            if (r[0]! > 0x7f) return undefined;
            fold = true;
          }
        } else for (let k = 0; k + 1 < r.length; k += 2) body += `${esc(r[k]!)}-${esc(r[k + 1]!)}`;
        break;
      }
      default:
        // Any character, a match (an empty match is possible), or a lookbehind: no filter.
        return undefined;
    }
  }
  if (body === '') return undefined;
  return new RegExp(`[${body}]`, fold ? 'iu' : 'u');
}

/** A codebook pattern compiled for the linear-time engine. */
export class LinearRegex {
  private readonly first: RegExp | undefined;
  private constructor(private readonly re: RE2JS) {
    this.first = firstCharFilter(re);
  }

  /**
   * Compile a pattern written in JavaScript syntax with flags from i, m, s, u. A problem is
   * returned, not thrown, so the codebook loader can name where in the pattern it lies.
   */
  static compile(pattern: string, flags: string): { regex: LinearRegex } | { problem: RegexProblem } {
    const t = translateToRe2(pattern, flags);
    if (!t.ok) return { problem: t.problem };
    let bits = 0;
    if (flags.includes('i')) bits |= RE2JS.CASE_INSENSITIVE;
    if (flags.includes('m')) bits |= RE2JS.MULTILINE;
    try {
      const re = RE2JS.compile(t.source, bits);
      if (re.programSize() > MAX_PROGRAM_SIZE)
        return {
          problem: {
            offset: -1,
            message: `the pattern is too large for the matcher (program size ${re.programSize()}, at most ${MAX_PROGRAM_SIZE})`,
            hint: 'use smaller repeat counts, or split it into several rules',
          },
        };
      return { regex: new LinearRegex(re) };
    } catch (e) {
      const msg = (e as Error).message.replace(/^error parsing regexp: /, '');
      return {
        problem: {
          offset: -1,
          message: `the linear-time engine cannot read it: ${msg}`,
          hint: 'see docs/codebook.md, "Regular expressions", for what a regex rule may use',
        },
      };
    }
  }

  /**
   * Every non-empty match in `text`, left to right, as JavaScript's global `exec` loop finds
   * them: after a match the search goes on at its end, an empty match is skipped.
   */
  forEachMatch(text: string, fn: (start: number, end: number) => void): void {
    // Most segments do not match: the native one-character filter, then the DFA-only test,
    // are far cheaper than the matcher.
    let from = 0;
    if (this.first) {
      const hit = this.first.exec(text);
      if (hit === null) return;
      // No match starts before the first character that can start one. The DFA test reads from
      // the character before it, so \b and \B there see what precedes them.
      from = Math.max(0, hit.index - 1);
    }
    if (!this.re.test(from === 0 ? text : text.slice(from))) return;
    const m = this.re.matcher(text);
    let pos = 0;
    while (pos <= text.length && m.find(pos)) {
      const s = m.start();
      const e = m.end();
      if (e > s) {
        fn(s, e);
        pos = e;
      } else pos = e + 1;
    }
  }
}
