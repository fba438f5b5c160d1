import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Pair } from 'yaml';
import type { Code, Codebook, CodeGroup, Lang, NegationSpec, Rule, RuleScope, Valence, ValenceSpec, YamlPos } from '../model/codebook.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { Diagnostics } from '../util/diagnostics.js';
import { termWords } from '../match/patterns.js';
import { stemsOf } from '../match/stem.js';
import { LinearRegex } from '../match/linear-regex.js';
import { YamlReader } from './yaml-reader.js';

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
  const text = yamlText.replace(/^\uFEFF/, '');
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  if (YamlReader.errorsOf(doc, lines, file, diags)) return { diagnostics: diags.items };
  const y = new YamlReader(diags, file, lines, text);
  const root = doc.contents;
  if (!isMap(root)) {
    diags.error('codebook/invalid-value', 'a codebook is a YAML mapping with id, languages and codes', y.at(root));
    return { diagnostics: diags.items };
  }
  const top = y.entries(root, TOP_KEYS, 'the codebook');
  const languages = readLanguages(y, top.get('languages'));
  y.languages = languages;
  const section: Section = { y, languages, stemOverrides: readStemOverrides(y, top.get('stem_overrides')) };

  const id = top.get('id') ? y.str(top.get('id')!.value, 'id') : undefined;
  if (!top.get('id')) diags.error('codebook/missing-key', 'the codebook has no id', y.at(root), 'add a line such as `id: my-codebook`');
  const version = top.get('version') ? y.str(top.get('version')!.value, 'version') : undefined;
  const negation = top.get('negation') ? readNegation(y, top.get('negation')!.value) : undefined;
  const codes = readCodes(section, top.get('codes'), root);

  const codebook: Codebook = { id: id ?? 'codebook', version: version ?? '0', languages, codes, file };
  if (Object.keys(section.stemOverrides).length) codebook.stemOverrides = section.stemOverrides;
  if (negation) codebook.negation = negation;
  if (top.get('title')) codebook.title = y.bilingual(top.get('title')!.value, 'title', LANGS);
  if (top.get('description')) codebook.description = y.bilingual(top.get('description')!.value, 'description', LANGS);
  return { codebook, diagnostics: diags.items };
}

type Entry = { pair: Pair; value: unknown } | undefined;

/** What the readers below share: the YAML, the codebook's languages and its stem overrides (terms are checked against both). */
interface Section {
  y: YamlReader;
  languages: readonly Lang[];
  stemOverrides: Record<string, string>;
}

function readLanguages(y: YamlReader, node: Entry): Lang[] {
  if (!node) return ['id'];
  const list = y.strList(node.value, 'languages');
  const good = list.filter((l): l is Lang => (LANGS as readonly string[]).includes(l));
  for (const l of list)
    if (!good.includes(l as Lang))
      y.diags.error('codebook/unknown-language', `unknown language "${l}"`, y.at(node.value), 'use id (Indonesian) and/or en (English)');
  return good.length ? [...new Set(good)] : ['id'];
}

function readStemOverrides(y: YamlReader, node: Entry): Record<string, string> {
  const out: Record<string, string> = {};
  if (!node) return out;
  if (!isMap(node.value)) {
    y.diags.error('codebook/invalid-value', 'stem_overrides must map words to stems (kerumitan: rumit)', y.at(node.value));
    return out;
  }
  for (const pair of node.value.items) {
    const k = isScalar(pair.key) ? String(pair.key.value).toLowerCase() : '';
    const v = y.str(pair.value, `the stem of "${k}"`);
    if (!/^[\p{L}\p{N}'’-]+$/u.test(k) || v === undefined || !/^[\p{L}\p{N}'’-]+$/u.test(v)) {
      y.diags.error('codebook/invalid-value', `stem override "${k}" must map one word to one stem`, y.at(pair.key));
      continue;
    }
    out[k] = v.toLowerCase();
  }
  return out;
}

function readNegation(y: YamlReader, node: unknown): NegationSpec | undefined {
  if (!isMap(node)) {
    y.diags.error('codebook/invalid-value', 'negation must be a mapping with words and window', y.at(node));
    return undefined;
  }
  const negation: NegationSpec = {};
  const n = y.entries(node, NEGATION_KEYS, 'negation');
  if (n.get('words')) negation.words = y.strList(n.get('words')!.value, 'negation words');
  if (n.get('window')) negation.window = y.intIn(n.get('window')!.value, 1, 10, 'negation window');
  return negation;
}

/** Terms: each must be reachable by the tokenizer and stemmer. */
function readTerms(s: Section, node: unknown, what: string, alternatives: boolean): string[] {
  const list = s.y.strList(node, what);
  const items = isSeq(node) ? node.items : [node];
  const out: string[] = [];
  list.forEach((t, i) => {
    const where = s.y.at(items[i] ?? node);
    let ok = true;
    for (const alt of alternatives ? t.split('|') : [t]) {
      const reason = unreachable(alt, s.languages, s.stemOverrides);
      if (reason) {
        s.y.diags.error(
          'codebook/unreachable-term',
          `the term "${alt}" can never match: ${reason}`,
          where,
          'write words of letters or digits; use * only as a glob wildcard (kendala*, *rumit*)',
        );
        ok = false;
      }
    }
    if (ok) out.push(t.trim());
  });
  return out;
}

function readValence(s: Section, node: unknown, where: string): ValenceSpec | undefined {
  const { y } = s;
  if (!isMap(node)) {
    y.diags.error('codebook/invalid-value', `valence of ${where} must be a mapping (inverted, default, more, less)`, y.at(node));
    return undefined;
  }
  const v = y.entries(node, VALENCE_KEYS, `the valence of ${where}`);
  const spec: ValenceSpec = {};
  const inv = v.get('inverted');
  if (inv) {
    if (isScalar(inv.value) && typeof inv.value.value === 'boolean') spec.inverted = inv.value.value;
    else y.diags.error('codebook/invalid-value', 'inverted must be true or false', y.at(inv.value));
  }
  const d = v.get('default');
  if (d) {
    const parsed = parseValence(isScalar(d.value) ? d.value.value : undefined);
    if (parsed === undefined) y.diags.error('codebook/invalid-value', 'default must be +1, 0 or -1', y.at(d.value));
    else spec.default = parsed;
  }
  if (v.get('more')) spec.more = readTerms(s, v.get('more')!.value, 'more', false);
  if (v.get('less')) spec.less = readTerms(s, v.get('less')!.value, 'less', false);
  return spec;
}

/** One rule: exactly one of terms, near or regex, then its options. */
function readRule(s: Section, node: unknown, codeId: string, n: number): Rule | undefined {
  const { y } = s;
  const ruleId = `${codeId}#${n}`;
  if (!isMap(node)) {
    y.diags.error('codebook/invalid-value', `rule ${ruleId} must be a mapping (terms, near, regex…)`, y.at(node));
    return undefined;
  }
  const r = y.entries(node, RULE_KEYS, `rule ${ruleId}`);
  const kinds = (['terms', 'near', 'regex'] as const).filter((k) => r.has(k));
  if (kinds.length === 0) {
    y.diags.error('codebook/empty-rule', `rule ${ruleId} has no terms, near or regex`, y.at(node), 'give the rule terms: [...], near: [...] or regex: "..."');
    return undefined;
  }
  if (kinds.length > 1) {
    y.diags.error('codebook/mixed-rule', `rule ${ruleId} mixes ${kinds.join(' and ')}; write one rule for each`, y.at(node));
    return undefined;
  }
  const kind = kinds[0]!;
  const rule: Rule = { id: ruleId, kind, scope: 'segment', weight: 1, pos: y.posOf(node) };
  const body = r.get(kind)!.value;
  const read = kind === 'terms' ? readTermsRule(s, body, rule) : kind === 'near' ? readNearRule(s, body, rule) : readRegexRule(s, body, r.get('flags'), rule);
  if (!read) return undefined;
  readRuleOptions(s, r, rule);
  return rule;
}

function readTermsRule(s: Section, body: unknown, rule: Rule): boolean {
  rule.terms = readTerms(s, body, 'terms', false);
  if (rule.terms.length > 0) return true;
  if (s.y.strList(body, 'terms').length === 0) s.y.diags.error('codebook/empty-rule', `rule ${rule.id} has an empty list of terms`, s.y.at(body));
  return false;
}

function readNearRule(s: Section, body: unknown, rule: Rule): boolean {
  const { y } = s;
  const slots = readTerms(s, body, 'near', true);
  if (y.strList(body, 'near').length < 2) {
    y.diags.error('codebook/empty-rule', `near in rule ${rule.id} needs at least two slots, e.g. near: [server, down|error]`, y.at(body));
    return false;
  }
  if (slots.length < 2) return false;
  if (slots.length > 8) {
    y.diags.error('codebook/invalid-value', `near in rule ${rule.id} has ${slots.length} slots; at most 8`, y.at(body));
    return false;
  }
  rule.near = slots.map((x) =>
    x
      .split('|')
      .map((w) => w.trim())
      .filter(Boolean),
  );
  rule.window = 5;
  return true;
}

/** A regex in JavaScript syntax, run by a linear-time engine: what that engine cannot run is refused here, at its column. */
function readRegexRule(s: Section, body: unknown, flagsNode: Entry, rule: Rule): boolean {
  const { y } = s;
  const src = y.str(body, 'regex');
  if (src === undefined) return false;
  if (src === '') {
    y.diags.error('codebook/empty-rule', `rule ${rule.id} has an empty regex`, y.at(body));
    return false;
  }
  // Not `u` by default: a case-insensitive Unicode \b makes V8 scan far more slowly.
  const flags = flagsNode ? (y.str(flagsNode.value, 'flags') ?? 'i') : 'i';
  if (!/^[imsu]*$/.test(flags)) {
    y.diags.error('codebook/invalid-regex', `flags of rule ${rule.id} may only use i, m, s and u`, y.at(flagsNode!.value));
    return false;
  }
  try {
    new RegExp(src, flags);
  } catch (e) {
    y.diags.error('codebook/invalid-regex', `rule ${rule.id}: ${(e as Error).message}`, y.at(body));
    return false;
  }
  const compiled = LinearRegex.compile(src, flags);
  if ('problem' in compiled) {
    const { offset, message, hint } = compiled.problem;
    y.diags.error('codebook/unsupported-regex', `rule ${rule.id}: ${message}`, y.atInScalar(body, offset), hint);
    return false;
  }
  rule.regex = src;
  rule.flags = flags;
  return true;
}

function readRuleOptions(s: Section, r: Map<string, { pair: Pair; value: unknown }>, rule: Rule): void {
  const { y } = s;
  if (r.get('window')) {
    if (rule.kind !== 'near') y.diags.warn('codebook/unused-key', `window only applies to near rules (rule ${rule.id})`, y.at(r.get('window')!.pair.key));
    const w = y.intIn(r.get('window')!.value, 1, 50, 'window');
    if (w !== undefined && rule.kind === 'near') rule.window = w;
  }
  if (r.get('scope')) {
    const scope = y.str(r.get('scope')!.value, 'scope');
    if (scope === 'segment' || scope === 'sentence') rule.scope = scope as RuleScope;
    else if (scope !== undefined) y.diags.error('codebook/invalid-value', `scope must be segment or sentence, not "${scope}"`, y.at(r.get('scope')!.value));
  }
  if (r.get('weight')) {
    const node = r.get('weight')!.value;
    const w = isScalar(node) ? Number(node.value) : NaN;
    if (!(w > 0 && w <= 100)) y.diags.error('codebook/invalid-value', 'weight must be a number above 0 (default 1)', y.at(node));
    else rule.weight = w;
  }
  if (r.get('unless')) rule.unless = readTerms(s, r.get('unless')!.value, 'unless', false);
  if (r.get('more')) rule.more = readTerms(s, r.get('more')!.value, 'more', false);
  if (r.get('less')) rule.less = readTerms(s, r.get('less')!.value, 'less', false);
}

/** The list of codes; parents are checked and groups inherited once every code is known, so a codebook may list children first. */
function readCodes(s: Section, node: Entry, root: unknown): Code[] {
  const { y } = s;
  const codes: Code[] = [];
  const seen = new Map<string, YamlPos>();
  const explicitGroup = new Set<string>();
  if (!node) y.diags.error('codebook/missing-key', 'the codebook has no codes', y.at(root), 'add `codes:` with a list of codes');
  else if (!isSeq(node.value)) y.diags.error('codebook/invalid-value', 'codes must be a list (each entry starts with `- id:`)', y.at(node.value));
  else if (node.value.items.length === 0)
    y.diags.warn(
      'codebook/no-codes',
      'the list of codes is empty: nothing will be coded',
      y.at(node.value),
      'add codes, or use `codebook: builtin:rogers` in study.yaml',
    );
  else
    for (const item of node.value.items) {
      const code = readCode(s, item, seen);
      if (!code) continue;
      if (code.explicitGroup) explicitGroup.add(code.code.id);
      codes.push(code.code);
    }
  for (const code of codes) {
    if (code.parent && !seen.has(code.parent)) {
      y.diags.error(
        'codebook/missing-parent',
        `code "${code.id}" has no parent code "${code.parent}"`,
        { file: y.file, ...code.pos },
        `add a code with id: ${code.parent}`,
      );
    }
  }
  inheritGroups(codes, explicitGroup);
  return codes;
}

/** A code without its own group takes its nearest ancestor's. */
function inheritGroups(codes: Code[], explicitGroup: ReadonlySet<string>): void {
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
}

function readCode(s: Section, item: unknown, seen: Map<string, YamlPos>): { code: Code; explicitGroup: boolean } | undefined {
  const { y, languages } = s;
  if (!isMap(item)) {
    y.diags.error('codebook/invalid-value', 'each code must be a mapping with at least an id', y.at(item));
    return undefined;
  }
  const c = y.entries(item, CODE_KEYS, 'a code');
  const idEntry = c.get('id');
  if (!idEntry) {
    y.diags.error('codebook/missing-key', 'a code has no id', y.at(item), 'add `id: attribute.sub_code`');
    return undefined;
  }
  const codeId = y.str(idEntry.value, 'id');
  if (codeId === undefined) return undefined;
  const pos = y.posOf(idEntry.value);
  if (!CODE_ID.test(codeId)) {
    y.diags.error(
      'codebook/invalid-id',
      `code id "${codeId}" must be lowercase letters, digits and _ in dotted parts`,
      y.at(idEntry.value),
      'for example relative_advantage.time_saving',
    );
    return undefined;
  }
  const first = seen.get(codeId);
  if (first) {
    y.diags.error(
      'codebook/duplicate-id',
      `code "${codeId}" is defined twice (first at line ${first.line})`,
      y.at(idEntry.value),
      'rename or merge one of them',
    );
    return undefined;
  }
  seen.set(codeId, pos);
  const dot = codeId.lastIndexOf('.');
  const byLang = (key: string) => (c.get(key) ? y.perLang(c.get(key)!.value, `${key} of ${codeId}`, LANGS) : {});
  // A bare list is the first language's; where only other languages are given, all of them.
  const flatten = (by: Partial<Record<Lang, string[]>>): string[] => by[languages[0]!] ?? Object.values(by).flat();
  const includeByLang = byLang('include');
  const excludeByLang = byLang('exclude');
  const examplesByLang = byLang('examples');
  let group: CodeGroup | undefined;
  if (c.get('group')) {
    const g = y.str(c.get('group')!.value, 'group');
    if (g !== undefined && (GROUPS as readonly string[]).includes(g)) group = g as CodeGroup;
    else if (g !== undefined) y.diags.error('codebook/invalid-value', `group must be attribute, obstacle or other, not "${g}"`, y.at(c.get('group')!.value));
  }
  const code: Code = {
    id: codeId,
    group: group ?? 'other',
    label: c.get('label') ? y.bilingual(c.get('label')!.value, `label of ${codeId}`, LANGS) : {},
    definition: c.get('definition') ? y.bilingual(c.get('definition')!.value, `definition of ${codeId}`, LANGS) : {},
    include: flatten(includeByLang),
    exclude: flatten(excludeByLang),
    examples: flatten(examplesByLang),
    includeByLang,
    excludeByLang,
    examplesByLang,
    pos,
  };
  if (dot > 0) code.parent = codeId.slice(0, dot);
  for (const l of languages) {
    if (!code.label[l])
      y.diags.warn('codebook/missing-label', `code "${codeId}" has no label in ${l}`, y.at(c.get('label')?.value ?? idEntry.value), `add label: { ${l}: ... }`);
    else if (c.get('definition') && !code.definition[l])
      y.diags.warn('codebook/missing-translation', `code "${codeId}" has no definition in ${l}`, y.at(c.get('definition')!.value));
  }
  const rulesNode = c.get('rules');
  if (rulesNode) {
    if (!isSeq(rulesNode.value)) y.diags.error('codebook/invalid-value', `rules of ${codeId} must be a list`, y.at(rulesNode.value));
    else {
      code.rules = [];
      rulesNode.value.items.forEach((r, i) => {
        const rule = readRule(s, r, codeId, i + 1);
        if (rule) code.rules!.push(rule);
      });
    }
  }
  if (c.get('valence')) {
    const v = readValence(s, c.get('valence')!.value, codeId);
    if (v) code.valence = v;
  }
  if (c.get('unless')) code.unless = readTerms(s, c.get('unless')!.value, 'unless', false);
  return { code, explicitGroup: group !== undefined };
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
