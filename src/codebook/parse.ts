import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Pair, type YAMLMap } from 'yaml';
import type { Bilingual, Code, Codebook, CodeGroup, Lang, NegationSpec, Rule, RuleScope, Valence, ValenceSpec, YamlPos } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { Diagnostics } from '../util/diagnostics.js';
import { termWords } from '../match/patterns.js';
import { stemsOf } from '../match/stem.js';
import { LinearRegex } from '../match/linear-regex.js';

/**
 * Parse a codebook YAML file with positions: every diagnostic names the line and column of the
 * offending key or value. What is wrong is reported and left out; the rest still loads, so a
 * researcher sees every problem at once. Only a codebook not yet in qia's cache is parsed
 * (src/codebook/load.ts), so this module, YAML's node API and the stemmers it checks terms
 * with are loaded only then.
 */

const LANGS: readonly Lang[] = ['id', 'en'];
const GROUPS: readonly CodeGroup[] = ['attribute', 'obstacle', 'other'];
const TOP_KEYS = ['id', 'version', 'languages', 'title', 'description', 'stem_overrides', 'negation', 'codes'];
const CODE_KEYS = ['id', 'group', 'label', 'definition', 'include', 'exclude', 'examples', 'rules', 'valence', 'unless', 'note'];
const RULE_KEYS = ['terms', 'near', 'window', 'regex', 'flags', 'unless', 'scope', 'weight', 'more', 'less', 'note'];
const VALENCE_KEYS = ['inverted', 'default', 'more', 'less'];
const NEGATION_KEYS = ['words', 'window'];
const CODE_ID = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

/** The codebook at `path`, named as the study names it (`builtin:rogers` or a path), parsed now. */
export function parseNamed(path: string, file: string, text: string): { codebook?: Codebook; diagnostics: Diagnostic[] } {
  const result = parseCodebook(text, path);
  if (result.codebook && file.startsWith('builtin:')) result.codebook.file = file;
  return result;
}

export function parseCodebook(yamlText: string, file: string): { codebook?: Codebook; diagnostics: Diagnostic[] } {
  const diags = new Diagnostics();
  const lines = new LineCounter();
  const doc = parseDocument(yamlText.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const posOf = (node: unknown): YamlPos => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!range) return { line: 1, column: 1 };
    const p = lines.linePos(range[0]);
    return { line: p.line, column: p.col };
  };
  const at = (node: unknown) => ({ file, ...posOf(node) });
  /**
   * The position of character `offset` of a scalar's value, where the value is written on one
   * line as plain or single-quoted text (the usual way to write a regex); else the scalar's own.
   */
  const atInScalar = (node: unknown, offset: number) => {
    const base = at(node);
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!isScalar(node) || !range || offset < 0) return base;
    const raw = yamlText.replace(/^\uFEFF/, '').slice(range[0], range[1]);
    if (raw.includes('\n')) return base;
    let col: number;
    if (node.type === 'PLAIN') col = offset;
    else if (node.type === 'QUOTE_SINGLE') col = 1 + offset + (String(node.value).slice(0, offset).split("'").length - 1);
    else return base;
    return { ...base, column: base.column + col };
  };

  for (const e of doc.errors) {
    const p = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
    diags.error('codebook/yaml', e.message.split('\n')[0]!, { file, line: p.line, column: p.col }, 'fix the YAML syntax (indentation, quotes, brackets)');
  }
  if (doc.errors.length) return { diagnostics: diags.items };
  const root = doc.contents;
  if (!isMap(root)) {
    diags.error('codebook/invalid-value', 'a codebook is a YAML mapping with id, languages and codes', at(root));
    return { diagnostics: diags.items };
  }

  // ---- small typed readers that report what they cannot use ----
  const str = (node: unknown, what: string): string | undefined => {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
    diags.error('codebook/invalid-value', `${what} must be text`, at(node));
    return undefined;
  };
  const strList = (node: unknown, what: string): string[] => {
    if (isScalar(node) && typeof node.value === 'string') return [node.value];
    if (!isSeq(node)) {
      diags.error('codebook/invalid-value', `${what} must be a list of text`, at(node));
      return [];
    }
    const out: string[] = [];
    for (const item of node.items) {
      const s = str(item, `each entry of ${what}`);
      if (s !== undefined) out.push(s);
    }
    return out;
  };
  const entries = (map: YAMLMap, allowed: readonly string[], where: string): Map<string, { pair: Pair; value: unknown }> => {
    const out = new Map<string, { pair: Pair; value: unknown }>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) {
        diags.warn('codebook/unknown-key', `unknown key "${key}" in ${where}`, at(pair.key), `known keys: ${allowed.join(', ')}`);
        continue;
      }
      if (out.has(key)) {
        diags.error('codebook/duplicate-key', `"${key}" is given twice in ${where}`, at(pair.key));
        continue;
      }
      out.set(key, { pair, value: pair.value });
    }
    return out;
  };

  const top = entries(root, TOP_KEYS, 'the codebook');

  let languages: Lang[] = ['id'];
  const langNode = top.get('languages');
  if (langNode) {
    const list = strList(langNode.value, 'languages');
    const good = list.filter((l): l is Lang => (LANGS as readonly string[]).includes(l));
    for (const l of list) if (!good.includes(l as Lang)) diags.error('codebook/unknown-language', `unknown language "${l}"`, at(langNode.value), 'use id (Indonesian) and/or en (English)');
    if (good.length) languages = [...new Set(good)];
  }

  const bilingual = (node: unknown, what: string): Bilingual => {
    if (isScalar(node)) {
      const s = str(node, what);
      return s === undefined ? {} : { [languages[0]!]: s };
    }
    if (!isMap(node)) {
      diags.error('codebook/invalid-value', `${what} must be text or a map of languages (id:, en:)`, at(node));
      return {};
    }
    const out: Bilingual = {};
    for (const [k, v] of entries(node, LANGS, what)) {
      const s = str(v.value, `${what} (${k})`);
      if (s !== undefined) out[k as Lang] = s.trim();
    }
    return out;
  };
  const perLang = (node: unknown, what: string): Partial<Record<Lang, string[]>> => {
    if (isMap(node)) {
      const out: Partial<Record<Lang, string[]>> = {};
      for (const [k, v] of entries(node, LANGS, what)) out[k as Lang] = strList(v.value, `${what} (${k})`);
      return out;
    }
    return { [languages[0]!]: strList(node, what) };
  };
  const flatten = (by: Partial<Record<Lang, string[]>>): string[] => by[languages[0]!] ?? Object.values(by).flat();

  const id = top.get('id') ? str(top.get('id')!.value, 'id') : undefined;
  if (!top.get('id')) diags.error('codebook/missing-key', 'the codebook has no id', at(root), 'add a line such as `id: my-codebook`');
  const version = top.get('version') ? str(top.get('version')!.value, 'version') : undefined;

  const stemOverrides: Record<string, string> = {};
  const so = top.get('stem_overrides');
  if (so) {
    if (!isMap(so.value)) diags.error('codebook/invalid-value', 'stem_overrides must map words to stems (kerumitan: rumit)', at(so.value));
    else
      for (const pair of so.value.items) {
        const k = isScalar(pair.key) ? String(pair.key.value).toLowerCase() : '';
        const v = str(pair.value, `the stem of "${k}"`);
        if (!/^[\p{L}\p{N}'’-]+$/u.test(k) || v === undefined || !/^[\p{L}\p{N}'’-]+$/u.test(v)) {
          diags.error('codebook/invalid-value', `stem override "${k}" must map one word to one stem`, at(pair.key));
          continue;
        }
        stemOverrides[k] = v.toLowerCase();
      }
  }

  let negation: NegationSpec | undefined;
  const neg = top.get('negation');
  if (neg) {
    if (!isMap(neg.value)) diags.error('codebook/invalid-value', 'negation must be a mapping with words and window', at(neg.value));
    else {
      negation = {};
      const n = entries(neg.value, NEGATION_KEYS, 'negation');
      if (n.get('words')) negation.words = strList(n.get('words')!.value, 'negation words');
      if (n.get('window')) negation.window = intIn(n.get('window')!.value, 1, 10, 'negation window');
    }
  }

  function intIn(node: unknown, lo: number, hi: number, what: string): number | undefined {
    const v = isScalar(node) ? Number(node.value) : NaN;
    if (!Number.isInteger(v) || v < lo || v > hi) {
      diags.error('codebook/invalid-value', `${what} must be a whole number from ${lo} to ${hi}`, at(node));
      return undefined;
    }
    return v;
  }

  /** Terms: each must be reachable by the tokenizer and stemmer. */
  const terms = (node: unknown, what: string, alternatives: boolean): string[] => {
    const list = strList(node, what);
    const items = isSeq(node) ? node.items : [node];
    const out: string[] = [];
    list.forEach((t, i) => {
      const where = at(items[i] ?? node);
      const alts = alternatives ? t.split('|') : [t];
      let ok = true;
      for (const alt of alts) {
        const reason = unreachable(alt, languages, stemOverrides);
        if (reason) {
          diags.error('codebook/unreachable-term', `the term "${alt}" can never match: ${reason}`, where, 'write words of letters or digits; use * only as a glob wildcard (kendala*, *rumit*)');
          ok = false;
        }
      }
      if (ok) out.push(t.trim());
    });
    return out;
  };

  const valenceOf = (node: unknown, where: string): ValenceSpec | undefined => {
    if (!isMap(node)) {
      diags.error('codebook/invalid-value', `valence of ${where} must be a mapping (inverted, default, more, less)`, at(node));
      return undefined;
    }
    const v = entries(node, VALENCE_KEYS, `the valence of ${where}`);
    const spec: ValenceSpec = {};
    const inv = v.get('inverted');
    if (inv) {
      if (isScalar(inv.value) && typeof inv.value.value === 'boolean') spec.inverted = inv.value.value;
      else diags.error('codebook/invalid-value', 'inverted must be true or false', at(inv.value));
    }
    const d = v.get('default');
    if (d) {
      const parsed = parseValence(isScalar(d.value) ? d.value.value : undefined);
      if (parsed === undefined) diags.error('codebook/invalid-value', 'default must be +1, 0 or -1', at(d.value));
      else spec.default = parsed;
    }
    if (v.get('more')) spec.more = terms(v.get('more')!.value, 'more', false);
    if (v.get('less')) spec.less = terms(v.get('less')!.value, 'less', false);
    return spec;
  };

  const ruleOf = (node: unknown, codeId: string, n: number): Rule | undefined => {
    const pos = posOf(node);
    const ruleId = `${codeId}#${n}`;
    if (!isMap(node)) {
      diags.error('codebook/invalid-value', `rule ${ruleId} must be a mapping (terms, near, regex…)`, at(node));
      return undefined;
    }
    const r = entries(node, RULE_KEYS, `rule ${ruleId}`);
    const kinds = (['terms', 'near', 'regex'] as const).filter((k) => r.has(k));
    if (kinds.length === 0) {
      diags.error('codebook/empty-rule', `rule ${ruleId} has no terms, near or regex`, at(node), 'give the rule terms: [...], near: [...] or regex: "..."');
      return undefined;
    }
    if (kinds.length > 1) {
      diags.error('codebook/mixed-rule', `rule ${ruleId} mixes ${kinds.join(' and ')}; write one rule for each`, at(node));
      return undefined;
    }
    const kind = kinds[0]!;
    const rule: Rule = { id: ruleId, kind, scope: 'segment', weight: 1, pos };
    const body = r.get(kind)!.value;
    if (kind === 'terms') {
      rule.terms = terms(body, 'terms', false);
      if (rule.terms.length === 0) {
        if (strList(body, 'terms').length === 0) diags.error('codebook/empty-rule', `rule ${ruleId} has an empty list of terms`, at(body));
        return undefined;
      }
    } else if (kind === 'near') {
      const slots = terms(body, 'near', true);
      if (strList(body, 'near').length < 2) {
        diags.error('codebook/empty-rule', `near in rule ${ruleId} needs at least two slots, e.g. near: [server, down|error]`, at(body));
        return undefined;
      }
      if (slots.length < 2) return undefined;
      if (slots.length > 8) {
        diags.error('codebook/invalid-value', `near in rule ${ruleId} has ${slots.length} slots; at most 8`, at(body));
        return undefined;
      }
      rule.near = slots.map((s) => s.split('|').map((x) => x.trim()).filter(Boolean));
      rule.window = 5;
    } else {
      const src = str(body, 'regex');
      if (src === undefined) return undefined;
      if (src === '') {
        diags.error('codebook/empty-rule', `rule ${ruleId} has an empty regex`, at(body));
        return undefined;
      }
      // Not `u` by default: a case-insensitive Unicode \b makes V8 scan far more slowly.
      const flags = r.get('flags') ? str(r.get('flags')!.value, 'flags') ?? 'i' : 'i';
      if (!/^[imsu]*$/.test(flags)) {
        diags.error('codebook/invalid-regex', `flags of rule ${ruleId} may only use i, m, s and u`, at(r.get('flags')!.value));
        return undefined;
      }
      try {
        new RegExp(src, flags);
      } catch (e) {
        diags.error('codebook/invalid-regex', `rule ${ruleId}: ${(e as Error).message}`, at(body));
        return undefined;
      }
      const compiled = LinearRegex.compile(src, flags);
      if ('problem' in compiled) {
        const { offset, message, hint } = compiled.problem;
        diags.error('codebook/unsupported-regex', `rule ${ruleId}: ${message}`, atInScalar(body, offset), hint);
        return undefined;
      }
      rule.regex = src;
      rule.flags = flags;
    }
    if (r.get('window')) {
      if (kind !== 'near') diags.warn('codebook/unused-key', `window only applies to near rules (rule ${ruleId})`, at(r.get('window')!.pair.key));
      const w = intIn(r.get('window')!.value, 1, 50, 'window');
      if (w !== undefined && kind === 'near') rule.window = w;
    }
    if (r.get('scope')) {
      const s = str(r.get('scope')!.value, 'scope');
      if (s === 'segment' || s === 'sentence') rule.scope = s as RuleScope;
      else if (s !== undefined) diags.error('codebook/invalid-value', `scope must be segment or sentence, not "${s}"`, at(r.get('scope')!.value));
    }
    if (r.get('weight')) {
      const w = isScalar(r.get('weight')!.value) ? Number((r.get('weight')!.value as { value: unknown }).value) : NaN;
      if (!(w > 0 && w <= 100)) diags.error('codebook/invalid-value', 'weight must be a number above 0 (default 1)', at(r.get('weight')!.value));
      else rule.weight = w;
    }
    if (r.get('unless')) rule.unless = terms(r.get('unless')!.value, 'unless', false);
    if (r.get('more')) rule.more = terms(r.get('more')!.value, 'more', false);
    if (r.get('less')) rule.less = terms(r.get('less')!.value, 'less', false);
    return rule;
  };

  const codes: Code[] = [];
  const seen = new Map<string, YamlPos>();
  const explicitGroup = new Set<string>();
  const codesNode = top.get('codes');
  if (!codesNode) diags.error('codebook/missing-key', 'the codebook has no codes', at(root), 'add `codes:` with a list of codes');
  else if (!isSeq(codesNode.value)) diags.error('codebook/invalid-value', 'codes must be a list (each entry starts with `- id:`)', at(codesNode.value));
  else if (codesNode.value.items.length === 0) diags.warn('codebook/no-codes', 'the list of codes is empty: nothing will be coded', at(codesNode.value), 'add codes, or use `codebook: builtin:rogers` in study.yaml');
  else
    for (const item of codesNode.value.items) {
      if (!isMap(item)) {
        diags.error('codebook/invalid-value', 'each code must be a mapping with at least an id', at(item));
        continue;
      }
      const c = entries(item, CODE_KEYS, 'a code');
      const idEntry = c.get('id');
      if (!idEntry) {
        diags.error('codebook/missing-key', 'a code has no id', at(item), 'add `id: attribute.sub_code`');
        continue;
      }
      const codeId = str(idEntry.value, 'id');
      if (codeId === undefined) continue;
      const pos = posOf(idEntry.value);
      if (!CODE_ID.test(codeId)) {
        diags.error('codebook/invalid-id', `code id "${codeId}" must be lowercase letters, digits and _ in dotted parts`, at(idEntry.value), 'for example relative_advantage.time_saving');
        continue;
      }
      const first = seen.get(codeId);
      if (first) {
        diags.error('codebook/duplicate-id', `code "${codeId}" is defined twice (first at line ${first.line})`, at(idEntry.value), 'rename or merge one of them');
        continue;
      }
      seen.set(codeId, pos);
      const dot = codeId.lastIndexOf('.');
      const parent = dot > 0 ? codeId.slice(0, dot) : undefined;
      const byLang = (key: string) => (c.get(key) ? perLang(c.get(key)!.value, `${key} of ${codeId}`) : {});
      const includeByLang = byLang('include');
      const excludeByLang = byLang('exclude');
      const examplesByLang = byLang('examples');
      let group: CodeGroup | undefined;
      if (c.get('group')) {
        const g = str(c.get('group')!.value, 'group');
        if (g !== undefined && (GROUPS as readonly string[]).includes(g)) group = g as CodeGroup;
        else if (g !== undefined) diags.error('codebook/invalid-value', `group must be attribute, obstacle or other, not "${g}"`, at(c.get('group')!.value));
      }
      const code: Code = {
        id: codeId,
        group: group ?? 'other',
        label: c.get('label') ? bilingual(c.get('label')!.value, `label of ${codeId}`) : {},
        definition: c.get('definition') ? bilingual(c.get('definition')!.value, `definition of ${codeId}`) : {},
        include: flatten(includeByLang),
        exclude: flatten(excludeByLang),
        examples: flatten(examplesByLang),
        includeByLang,
        excludeByLang,
        examplesByLang,
        pos,
      };
      if (parent) code.parent = parent;
      if (group) explicitGroup.add(codeId);
      for (const l of languages) {
        if (!code.label[l]) diags.warn('codebook/missing-label', `code "${codeId}" has no label in ${l}`, at(c.get('label')?.value ?? idEntry.value), `add label: { ${l}: ... }`);
        else if (c.get('definition') && !code.definition[l]) diags.warn('codebook/missing-translation', `code "${codeId}" has no definition in ${l}`, at(c.get('definition')!.value));
      }
      const rulesNode = c.get('rules');
      if (rulesNode) {
        if (!isSeq(rulesNode.value)) diags.error('codebook/invalid-value', `rules of ${codeId} must be a list`, at(rulesNode.value));
        else {
          code.rules = [];
          rulesNode.value.items.forEach((r, i) => {
            const rule = ruleOf(r, codeId, i + 1);
            if (rule) code.rules!.push(rule);
          });
        }
      }
      if (c.get('valence')) {
        const v = valenceOf(c.get('valence')!.value, codeId);
        if (v) code.valence = v;
      }
      if (c.get('unless')) code.unless = terms(c.get('unless')!.value, 'unless', false);
      codes.push(code);
    }

  // Parents are checked once every code is known, so a codebook may list children first.
  for (const code of codes) {
    if (code.parent && !seen.has(code.parent)) {
      diags.error('codebook/missing-parent', `code "${code.id}" has no parent code "${code.parent}"`, { file, ...code.pos }, `add a code with id: ${code.parent}`);
    }
  }
  // A code without its own group takes its nearest ancestor's.
  const byId = new Map(codes.map((c) => [c.id, c]));
  for (const code of codes) {
    if (explicitGroup.has(code.id)) continue;
    for (let p = code.parent; p; p = byId.get(p)?.parent) {
      if (explicitGroup.has(p)) {
        code.group = byId.get(p)!.group;
        break;
      }
    }
  }

  const codebook: Codebook = { id: id ?? 'codebook', version: version ?? '0', languages, codes, file };
  if (Object.keys(stemOverrides).length) codebook.stemOverrides = stemOverrides;
  if (negation) codebook.negation = negation;
  if (top.get('title')) codebook.title = bilingual(top.get('title')!.value, 'title');
  if (top.get('description')) codebook.description = bilingual(top.get('description')!.value, 'description');
  return { codebook, diagnostics: diags.items };
}

function parseValence(v: unknown): Valence | undefined {
  const s = String(v).trim();
  if (s === '+' || s === '+1' || s === '1') return 1;
  if (s === '-' || s === '-1') return -1;
  if (s === '0') return 0;
  return undefined;
}

/** Why a term can never match a token, or undefined when it can. */
function unreachable(term: string, langs: readonly Lang[], overrides: Record<string, string>): string | undefined {
  const parsed = termWords(term);
  if ('error' in parsed) return parsed.error;
  for (const w of parsed.words) {
    if (w.includes('*')) continue;
    if (overrides[w] !== undefined) continue;
    if (stemsOf(w, langs).every((s) => s === '')) return `no stemmer leaves anything of "${w}"`;
  }
  // A term that the tokenizer would split differently from how it is written still works word
  // by word; only text without any word character is unreachable.
  return undefined;
}
